"""The published instance is read-only, bounded, and survives a hostile public."""

import json
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
import yaml

from .server import datasette_server

FOREVER = "with recursive n(x) as (select 1 union all select x + 1 from n) select count(*) from n"


@pytest.fixture(scope="module")
def server(built):
    paths, _ = built
    with datasette_server(paths.database, paths.metadata) as running:
        yield running


def get(url, timeout=30):
    """(status, body) for a GET, whatever the status."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def sql(base, query):
    return get(f"{base}/ledger.json?" + urllib.parse.urlencode({"sql": query, "_shape": "array"}))


def rss_kb(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1])


def test_no_canned_query_writes(built):
    paths, _ = built
    metadata = yaml.safe_load(paths.metadata.read_text())
    for name, query in metadata["databases"]["ledger"]["queries"].items():
        assert not query.get("write"), name


def test_writes_are_refused(server):
    base, _ = server
    for statement in ("delete from claims", "insert into actors (actor_id) values ('x')", "drop table claims", "update claims set value = 0"):
        status, _ = sql(base, statement)
        assert status == 400, statement
    status, body = sql(base, "select count(*) as n from claims")
    assert status == 200 and json.loads(body)[0]["n"] > 0


def test_load_extension_and_attach_are_refused(server):
    base, _ = server
    assert sql(base, "select load_extension('/usr/lib/x86_64-linux-gnu/libsqlite3.so')")[0] == 400
    assert sql(base, "attach database '/tmp/x.db' as x")[0] == 400
    assert sql(base, "select * from pragma_database_list")[0] in (200, 400)


def test_a_query_built_to_run_forever_hits_the_time_limit(server):
    base, _ = server
    status, body = sql(base, FOREVER)
    assert status == 400
    assert b"interrupted" in body.lower() or b"time limit" in body.lower()


def test_a_ten_megabyte_query_string_is_refused_and_the_server_lives_on(server):
    base, _ = server
    huge = "select '" + "x" * (10 * 1024 * 1024) + "'"
    try:
        status, _ = sql(base, huge)
    except (ConnectionError, urllib.error.URLError):
        status = None  # the server closed the connection: also a refusal
    assert status is None or 400 <= status < 500
    assert get(f"{base}/ledger.json")[0] == 200


def test_a_burst_of_requests_gives_no_errors_and_no_growth_in_memory(server):
    base, process = server
    urls = [
        f"{base}/", f"{base}/ledger", f"{base}/ledger/claims?_facet=subject",
        f"{base}/ledger/figures_in_conflict", f"{base}/ledger/timeline",
        f"{base}/ledger.json?" + urllib.parse.urlencode({"sql": FOREVER}),
    ]

    def burst(rounds):
        with ThreadPoolExecutor(10) as pool:
            return list(pool.map(lambda u: get(u)[0], urls * rounds))

    statuses = burst(10)  # warm up caches
    before = rss_kb(process.pid)
    statuses += burst(20)
    after = rss_kb(process.pid)
    assert set(statuses) <= {200, 400}
    assert statuses.count(400) == 30
    assert after - before < 50 * 1024, f"memory grew by {after - before} kB"
