"""Run the published Datasette instance as a real server on loopback, for tests."""

import contextlib
import re
import shlex
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def makefile_flags(*names):
    """The Datasette flags `make serve` uses, read from the Makefile so that the two agree."""
    text = (ROOT / "Makefile").read_text().replace("\\\n", " ")
    flags = []
    for name in names:
        found = re.search(rf"^{name}\s*:=\s*(.*)$", text, re.M)
        assert found, f"{name} is not set in the Makefile"
        flags += shlex.split(found.group(1))
    return flags


@contextlib.contextmanager
def datasette_server(database, metadata, extra=()):
    """A `datasette serve -i` process with the Makefile's flags; yields (base URL, process)."""
    port = free_port()
    inspect = Path(database).with_name("inspect-test.json")
    subprocess.run([str(BIN / "datasette"), "inspect", str(database), "--inspect-file", str(inspect)], check=True)
    command = [
        str(BIN / "datasette"), "serve", "-i", str(database), "--inspect-file", str(inspect),
        "--metadata", str(metadata), "--host", "127.0.0.1", "--port", str(port),
        *makefile_flags("DATASETTE_SETTINGS", "SITE_FLAGS"), *extra,
    ]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(base + "/-/versions.json", timeout=2)
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("datasette did not start: " + process.stderr.read().decode()[-2000:])
                time.sleep(0.2)
        yield base, process
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
