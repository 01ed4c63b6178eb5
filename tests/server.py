"""Run the published Datasette instance as a real server on loopback, for tests."""

import contextlib
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


def make_variable(name):
    """A variable from the Makefile, so tests serve with the published settings."""
    text = (ROOT / "Makefile").read_text()
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if line.startswith(f"{name} :="):
            value = line.split(":=", 1)[1]
            while value.endswith("\\"):
                i += 1
                value = value[:-1] + " " + lines[i]
            return value.split()
    raise KeyError(name)


@contextlib.contextmanager
def datasette_server(database, metadata, extra=()):
    """A `datasette serve -i` process with the Makefile's settings; yields its base URL."""
    port = free_port()
    inspect = Path(database).with_name("inspect-test.json")
    subprocess.run([str(BIN / "datasette"), "inspect", str(database), "--inspect-file", str(inspect)], check=True)
    command = [
        str(BIN / "datasette"), "serve", "-i", str(database), "--inspect-file", str(inspect),
        "--metadata", str(metadata), "--host", "127.0.0.1", "--port", str(port),
        *make_variable("DATASETTE_SETTINGS"), *extra,
    ]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
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
