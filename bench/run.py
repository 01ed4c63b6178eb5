"""The benchmark: `make bench` (python -m bench.run) measures the build and the site in one run.

Every figure is measured beside a baseline from the same run, on the same
machine, so that ratios mean something on a shared, noisy machine:

- the whole build by stage (parse, extract, resolve, load, package), cold,
  at 10k and 100k synthetic articles (bench/corpus.py), with peak memory,
  beside a bare pass that only reads the files and finds numbers with one
  regular expression (the floor); the time to add one article to each built
  corpus; how the reader's process pool scales, and its accuracy against the
  generator's truth;
- `frictionless validate` of the data package;
- Datasette (served with the flags of `make serve`) at about 1M claims,
  10 concurrent clients on 127.0.0.1, beside the same queries in plain sqlite3.

The results go to bench/RESULTS.md (a Markdown table) and are printed.
`python -m bench.serving` runs the Datasette part alone (bench/serving.py).
Work files go to build/bench/. Options: python -m bench.run --help.
"""

import argparse
import asyncio
import json
import os
import re
import resource
import shutil
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "build" / "bench"
PYTHON = sys.executable
FLOOR_NUMBER = re.compile(rb"\d[\d,]*")


# ---------------------------------------------------------------- stages run in a fresh process


def _peak_mb():
    """(this process's peak RSS, its largest waited-for child's) in MB (Linux reports KB)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return round(own), round(children)


def stage_floor(args):
    """Read every file and find its numbers with one regular expression."""
    start = time.perf_counter()
    found = 0
    for path in sorted(Path(args.articles).iterdir()):
        found += len(FLOOR_NUMBER.findall(path.read_bytes()))
    return {"seconds": time.perf_counter() - start, "numbers": found}


def stage_read(args):
    """Parse and extract every article (etl.build.read_articles), with the reader cache in args.cache if given."""
    from etl.build import article_files, read_articles
    from etl.cache import ReaderCache

    files = article_files(args.articles)
    start = time.perf_counter()
    cache = ReaderCache(args.cache, args.reader_version) if args.cache else None
    results = list(read_articles(files, workers=args.workers, cache=cache))
    if cache is not None:
        cache.close()
    seconds = time.perf_counter() - start
    own, children = _peak_mb()
    claims = sum(len(r[1] or ()) for r in results)
    return {"seconds": seconds, "articles": len(files), "readings": claims, "peak_mb": own, "worker_peak_mb": children,
            "hits": cache.hits if cache else 0, "misses": cache.misses if cache else len(files)}


def stage_build(args):
    """The whole build into args.out, with the reader cache there."""
    import etl.cache
    from etl.build import Paths, build

    if args.reader_version:  # the run's reader version, fixed at its start
        etl.cache.reader_version = lambda: args.reader_version
    out = Path(args.out)
    paths = Paths(
        articles=Path(args.articles), curation=ROOT / "curation", database=out / "ledger.db",
        data=out / "data", package=out / "datapackage.json", metadata=out / "metadata.yml", cache=out / "cache",
    )
    start = time.perf_counter()
    report = build(paths, use_curation=False, workers=args.workers, cache=not args.no_cache)
    seconds = time.perf_counter() - start
    own, children = _peak_mb()
    return {
        "seconds": seconds, "timings": report.timings, "counts": report.counts(), "hits": report.cache_hits,
        "misses": report.cache_misses, "peak_mb": own, "worker_peak_mb": children,
    }


def stage_split(args):
    """On a sample, one process: seconds in parse and in extract, and the reader's accuracy against the truth."""
    from bench.corpus import read_truth
    from etl.extract import extract_claims
    from etl.parse import read_article

    files = sorted(Path(args.articles).iterdir())[: args.sample]
    ids = {p.stem for p in files}
    parse = extract = 0.0
    found = {}
    for path in files:
        t0 = time.perf_counter()
        article = read_article(path)
        t1 = time.perf_counter()
        readings = extract_claims(article)
        t2 = time.perf_counter()
        parse, extract = parse + t1 - t0, extract + t2 - t1
        for r in readings:
            found[(article.source_id, r.figure_start)] = r
    truth = {(c["source_id"], c["figure_start"]): c for c in read_truth(args.truth) if c["source_id"] in ids}
    right = [key for key in truth if key in found]
    agree = {}
    for name in ("value", "subject", "side", "qualifier", "measure"):
        agree[name] = sum(getattr(found[k], name) == truth[k][name] for k in right) / max(1, len(right))
    return {
        "articles": len(files), "parse": parse, "extract": extract, "truth": len(truth), "found": len(found),
        "right": len(right), "precision": len(right) / max(1, len(found)), "recall": len(right) / max(1, len(truth)),
        "agree": agree,
    }


STAGES = {"floor": stage_floor, "read": stage_read, "build": stage_build, "split": stage_split}


def run_stage(name, **options):
    """Run a stage in a fresh Python process (its own peak memory); its JSON result."""
    command = [PYTHON, "-m", "bench.run", "--stage", name]
    for key, value in options.items():
        if value is True:
            command.append(f"--{key.replace('_', '-')}")
        elif value not in (None, False):
            command += [f"--{key.replace('_', '-')}", str(value)]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"stage {name} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# ---------------------------------------------------------------- the 1M-claim database


def scaled_rows(rows, times):
    """The rows of a built dataset repeated `times` times under new ids (sources and actors shared)."""
    from etl import schema

    def tag(value, i):
        return value if value is None or i == 0 else f"{value}-r{i}"

    renamed = {
        "events": ("event_id", "parent_event_id"),
        "claims": ("claim_id", "event_id"),
        "figures": ("figure_id", "event_id"),
        "conflicts": ("conflict_id", "event_id", "claim_a", "claim_b"),
    }
    out = {name: list(rows.get(name, [])) for name in (t.name for t in schema.TABLES) if name not in renamed}
    for name, columns in renamed.items():
        out[name] = [dict(row, **{c: tag(row.get(c), i) for c in columns}) for i in range(times) for row in rows.get(name, [])]
    return out


def make_serving_db(build_dir, target, claims_wanted):
    """build_dir's dataset scaled to about claims_wanted claims, written by the build's loader."""
    from etl import schema
    from etl.load.database import write_database

    rows = {}
    for table in schema.TABLES:
        rows[table.name] = json.loads((Path(build_dir) / "data" / f"{table.name}.json").read_text(encoding="utf-8"))
    times = max(1, round(claims_wanted / max(1, len(rows["claims"]))))
    scaled = scaled_rows(rows, times)
    start = time.perf_counter()
    write_database(target, scaled)
    return {"seconds": time.perf_counter() - start, "times": times, "claims": len(scaled["claims"]),
            "sources": len(scaled["sources"]), "conflicts": len(scaled["conflicts"])}


# ---------------------------------------------------------------- serving


def makefile_flags():
    """The Datasette settings and site flags of `make serve`, read from the Makefile."""
    text = (ROOT / "Makefile").read_text(encoding="utf-8").replace("\\\n", " ")
    flags = {}
    for name in ("DATASETTE_SETTINGS", "SITE_FLAGS"):
        flags[name] = re.search(rf"^{name}\s*:=\s*(.*)$", text, re.M).group(1).split()
    return flags["DATASETTE_SETTINGS"] + flags["SITE_FLAGS"]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(db, metadata, port):
    inspect = db.with_name("inspect-data.json")
    datasette = str(Path(PYTHON).with_name("datasette"))
    subprocess.run([datasette, "inspect", str(db), "--inspect-file", str(inspect)], cwd=ROOT, check=True)
    command = [datasette, "serve", "-i", str(db), "--inspect-file", str(inspect), "--metadata", str(metadata),
               "--host", "127.0.0.1", "--port", str(port)] + makefile_flags()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return process
        except OSError:
            time.sleep(0.3)
    process.kill()
    raise SystemExit("datasette did not start")


def load(url, clients, max_requests, max_seconds):
    """Load url with `clients` concurrent clients after one untimed first visit (which may fill the site's caches).

    With wrk installed (`make bench` installs Debian's package), wrk runs for
    max_seconds over `clients` keep-alive connections; without it, a Python
    client (httpx) does, for at most max_requests requests. Returns
    {median, p99 (s), rps, requests, errors, first_visit (s), tool}.
    """
    import httpx

    started = time.perf_counter()
    httpx.get(url, timeout=120)
    first = time.perf_counter() - started
    log(f"first visit {ms(first)}: {url}")
    if shutil.which("wrk"):
        result = _load_with_wrk(url, clients, max_seconds)
    else:
        result = asyncio.run(_load_with_httpx(url, clients, max_requests, max_seconds))
    return {**result, "first_visit": first}


WRK_LATENCY = re.compile(r"^\s*(50|99)%\s+([\d.]+)(us|ms|s)\s*$", re.M)
WRK_UNITS = {"us": 1e-6, "ms": 1e-3, "s": 1.0}


def _load_with_wrk(url, clients, max_seconds):
    done = subprocess.run(["wrk", f"-t{min(2, clients)}", f"-c{clients}", f"-d{max(1, round(max_seconds))}s", "--timeout", "30s",
                           "--latency", url], capture_output=True, text=True, check=True)
    out = done.stdout
    latency = {p: float(v) * WRK_UNITS[unit] for p, v, unit in WRK_LATENCY.findall(out)}
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", out))
    errors += sum(int(n) for n in re.findall(r"timeout (\d+)", out))
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    return {"median": latency["50"], "p99": latency["99"], "rps": rps, "requests": requests, "errors": errors, "tool": "wrk"}


async def _load_with_httpx(url, clients, max_requests, max_seconds):
    import httpx

    latencies, statuses = [], []
    stop = time.perf_counter() + max_seconds
    count = 0

    async def client(http):
        nonlocal count
        while count < max_requests and time.perf_counter() < stop:
            count += 1
            t0 = time.perf_counter()
            response = await http.get(url)
            await response.aread()
            latencies.append(time.perf_counter() - t0)
            statuses.append(response.status_code)

    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(timeout=120, limits=limits) as http:
        await asyncio.gather(*(http.get(url) for _ in range(clients)))  # open the connections, untimed
        start = time.perf_counter()
        await asyncio.gather(*(client(http) for _ in range(clients)))
        elapsed = time.perf_counter() - start
    return {"median": statistics.median(latencies), "p99": percentile(latencies, 99), "rps": len(latencies) / elapsed,
            "requests": len(latencies), "errors": sum(s != 200 for s in statuses), "tool": "httpx"}


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def sqlite_timings(db, queries, repeats):
    """Median and p99 seconds of each page's SQL in plain sqlite3 (fetching up to 1001 rows, as Datasette does)."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    conn.create_function("escape_fts", 1, lambda q: " ".join(f'"{w}"' for w in q.split()))
    out = {}
    for name, statements in queries.items():
        times = []
        deadline = time.perf_counter() + 10
        for _ in range(repeats):
            t0 = time.perf_counter()
            for sql, params in statements:
                conn.execute(sql, params).fetchmany(1001)
            times.append(time.perf_counter() - t0)
            if time.perf_counter() > deadline:
                break
        out[name] = (statistics.median(times), percentile(times, 99)) if statements else (0, 0)
    return out


def pages(db):
    """{page name: (path, [(sql, params)] for the sqlite3 baseline)} for every page measured."""
    from urllib.parse import urlencode

    from datasette.utils import tilde_encode

    from etl import schema
    from etl.serve.queries import PAGE_PARAMETER, QUERIES

    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    event = conn.execute("select event_id from claims where event_id is not null group by event_id order by count(*) desc limit 1").fetchone()[0]
    actor = conn.execute("select claimant_id from claims group by claimant_id order by count(*) desc limit 1").fetchone()[0]
    claim = conn.execute("select claim_id from claims order by claim_id limit 1 offset 500").fetchone()[0]
    source = conn.execute("select source_id from claims where claim_id = ?", (claim,)).fetchone()[0]
    conn.close()
    claims = next(t for t in schema.TABLES if t.name == "claims")
    # The home page's own SQL (plugins/ledger_site.py); its table counts come from the inspect file.
    home = [("select max(published) from sources", {}), ("select min(date) from events", {}), ("select max(date) from events", {}),
            ("select count(*) from sources where reviewed", {}), ("select count(*) from claims where method = 'curated'", {})]
    table = [("select * from claims order by claim_id limit 101", {}), ("select count(*) from claims", {})]
    table += [(f"select [{c}], count(*) from claims group by [{c}] order by count(*) desc limit 31", {}) for c in claims.facets]
    out = {
        # The floor: a page of Datasette's own that runs no SQL, under the same load.
        "/-/versions.json (no SQL, the floor)": ("/-/versions.json", []),
        "home page": ("/", home),
        "claims table, facets": ("/ledger/claims", table),
        "claim row page": (f"/ledger/claims/{tilde_encode(claim)}", [("select * from claims where claim_id = :id", {"id": claim}),
                                                     ("select count(*) from conflicts where claim_a = :id", {"id": claim})]),
        "source row page": (f"/ledger/sources/{tilde_encode(source)}", [
            ("select * from sources where source_id = :id", {"id": source}),
            ("select claims.*, events.label as event_label from claims left join events on events.event_id = claims.event_id "
             "where source_id = :id order by figure_start, claim_id", {"id": source})]),
    }
    # The charts page's SQL (plugins/charts.py), which the site runs once while the database is immutable.
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        conn_events = [r[0] for r in conn.execute("select event_id from events order by date, event_id")]
    latest = json.dumps(conn_events[-200:])
    columns = ("claims.claim_id, claims.event_id, claims.claimant_id, claims.value, claims.qualifier, claims.subject, claims.side, "
               "claims.measure, claims.figure, claims.as_of, claims.source_id, actors.name as claimant, actors.side as claimant_side")
    out["charts page"] = ("/-/charts", [
        ("select event_id, kind, label, date, date_precision, parent_event_id from events order by date, event_id", {}),
        (f"select {columns} from claims join actors on actors.actor_id = claims.claimant_id "
         "where claims.event_id in (select value from json_each(:events)) order by claims.value, claims.claim_id", {"events": latest}),
        ("select event_id, subject, side, lowest, highest from figures where measure = 'transferred' order by lowest, event_id, subject, side", {}),
        (f"select {columns} from claims join actors on actors.actor_id = claims.claimant_id where claims.measure = 'cumulative' "
         "and claims.subject in ('bodies', 'prisoners') and claims.side in ('ukraine', 'russia') order by claims.value, claims.claim_id", {})])
    params = {"event_claims": {"event_id": event}, "actor_claims": {"actor_id": actor}, "search_quotes": {"q": "Medinsky"},
              "where_sides_disagree": {"kind": ""}}
    for query in QUERIES:
        p = params.get(query.name, {})
        # The baseline is the SQL Datasette runs: the query's first page.
        out[f"query {query.name}"] = (f"/ledger/{query.name}" + (f"?{urlencode(p)}" if p else ""),
                                      [(query.served_sql, {**p, PAGE_PARAMETER: ""})])
    return out


PAGE_CACHE_SWITCH = "EXCHANGE_LEDGER_PAGE_CACHE"  # read by plugins/page_cache.py


def bench_serving(db, metadata, clients, max_requests, max_seconds, page_cache="on"):
    """Every page under load, served with the site's page cache on or off ("off": every page rendered again)."""
    port = free_port()
    os.environ[PAGE_CACHE_SWITCH] = page_cache
    try:
        process = serve(db, metadata, port)
    finally:
        os.environ.pop(PAGE_CACHE_SWITCH, None)
    results = {}
    try:
        for name, (path, statements) in pages(db).items():
            measured = load(f"http://127.0.0.1:{port}{path}", clients, max_requests, max_seconds)
            results[name] = {"path": path, "statements": len(statements), **measured}
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=20)
    baseline = sqlite_timings(db, {name: statements for name, (_, statements) in pages(db).items()}, repeats=30)
    for name, (median, p99) in baseline.items():
        results[name]["sqlite_median"], results[name]["sqlite_p99"] = median, p99
    return results


def serving_row(name, r, clients):
    """One row of the results table for one page measured by bench_serving."""
    ok = "" if not r["errors"] else f"; {r['errors']} errors"
    baseline, ratio = "no SQL", ""
    if r.get("statements", 1):
        baseline = f"sqlite3 median {ms(r['sqlite_median'])}, p99 {ms(r['sqlite_p99'])}"
        ratio = f"{r['p99'] / max(r['sqlite_p99'], 1e-6):.1f}× (p99)"
    return (f"Datasette {name}", f"median {ms(r['median'])}, p99 {ms(r['p99'])}, {r['rps']:.0f} req/s", baseline, ratio,
            "p99 ≤ 100 ms", f"{r['requests']} requests, {clients} clients ({r.get('tool', 'httpx')}){ok}"
            + (f"; first visit {ms(r['first_visit'])}" if "first_visit" in r else ""))


# ---------------------------------------------------------------- the run


def ms(seconds):
    return f"{seconds * 1000:.0f} ms" if seconds < 10 else f"{seconds:.1f} s"


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.split("\n\n")[0])
    parser.add_argument("--small", type=int, default=10_000, help="The smaller corpus (articles).")
    parser.add_argument("--large", type=int, default=100_000, help="The larger corpus (articles).")
    parser.add_argument("--sample", type=int, default=2000, help="Articles read one by one for the parse/extract split and the accuracy check.")
    parser.add_argument("--claims", type=int, default=1_000_000, help="Claims in the database Datasette serves.")
    parser.add_argument("--clients", type=int, default=10)
    parser.add_argument("--requests", type=int, default=300, help="At most this many requests per page.")
    parser.add_argument("--seconds", type=float, default=3, help="At most this long per page.")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", default=str(ROOT / "bench" / "RESULTS.md"))
    # Internal: run one stage and print its result as JSON.
    parser.add_argument("--stage", choices=sorted(STAGES), help=argparse.SUPPRESS)
    parser.add_argument("--articles", help=argparse.SUPPRESS)
    parser.add_argument("--truth", help=argparse.SUPPRESS)
    parser.add_argument("--no-cache", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--cache", help=argparse.SUPPRESS)
    parser.add_argument("--reader-version", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.stage:
        print(json.dumps(STAGES[args.stage](args)))
        return
    run(args)


def log(message):
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def run(args):
    from bench.corpus import write_corpus

    began = time.perf_counter()
    WORK.mkdir(parents=True, exist_ok=True)
    rows = []  # (what, measured, baseline, ratio, target, note)

    # Corpora: each smaller one is the start of the larger one (same seed).
    corpus = WORK / f"corpus-{args.large}"
    log(f"writing {args.large} articles")
    shutil.rmtree(corpus, ignore_errors=True)
    t0 = time.perf_counter()
    write_corpus(corpus, args.large, args.seed)
    generated = time.perf_counter() - t0
    files = sorted((corpus / "articles").iterdir())

    def subset(n):
        folder = WORK / f"corpus-{n}" / "articles"
        shutil.rmtree(folder.parent, ignore_errors=True)
        folder.mkdir(parents=True)
        for path in files[:n]:
            os.link(path, folder / path.name)
        return folder

    rows.append(("generate the synthetic corpus", f"{args.large:,} articles in {ms(generated)}", "", "", "", f"seed {args.seed}; bench/corpus.py"))

    # The floor: a bare pass over the small corpus (reading itself is timed in each whole build below).
    from etl.cache import reader_version

    # The reader's version, fixed for the run: the cache is not emptied if the reader's code changes meanwhile.
    version = reader_version()
    small_folder = subset(args.small)
    log(f"floor at {args.small}")
    floor = run_stage("floor", articles=small_folder)
    floor_rate = args.small / floor["seconds"]
    rows.append((f"the floor, {args.small:,} articles", f"{floor_rate:,.0f} articles/s ({ms(floor['seconds'])})", "", "", "",
                 "every file read, every number found with one regular expression"))

    # Does the pool scale? The small corpus's first quarter, one process against all.
    quarter = subset(max(100, args.small // 4))
    one = run_stage("read", articles=quarter, workers=1)
    many = run_stage("read", articles=quarter, workers=args.workers)
    rows.append((f"process pool scaling, {max(100, args.small // 4):,} articles", f"{args.workers} processes {ms(many['seconds'])}",
                 f"1 process {ms(one['seconds'])}", f"{one['seconds'] / many['seconds']:.2f}× speed-up", f"{args.workers}× ideal",
                 f"one process: {max(100, args.small // 4) / one['seconds']:,.0f} articles/s per core"))

    # Parse/extract split and the reader's accuracy against the generator's truth.
    log("parse/extract split and accuracy")
    split = run_stage("split", articles=corpus / "articles", truth=corpus / "truth.jsonl", sample=args.sample)
    agree = ", ".join(f"{k} {v:.2f}" for k, v in split["agree"].items())
    rows.append((f"reader figures against the truth, {split['articles']:,} articles",
                 f"precision {split['precision']:.3f}, recall {split['recall']:.3f}", f"{split['truth']:,} true figures", "",
                 "", f"{split['right']:,} right of {split['found']:,} found; agreement on found: {agree}"))
    share = split["parse"] / (split["parse"] + split["extract"])

    # The whole build, by stage, cold (empty reader cache), then with one article added.
    from bench.corpus import article as make_article

    built = {}
    for n in sorted({args.small, args.large}):
        folder = corpus / "articles" if n == args.large else small_folder
        out = WORK / f"build-{n}"
        shutil.rmtree(out, ignore_errors=True)
        log(f"whole build of {n}")
        cold = run_stage("build", articles=folder, out=out, workers=args.workers, reader_version=version)
        t = cold["timings"]
        stages = (f"parse {ms(t['read'] * share)}, extract {ms(t['read'] * (1 - share))} (reading {n / t['read']:,.0f} articles/s), "
                  f"resolve {ms(t['resolve'])}, load {ms(t['load'])}, package {ms(t['package'])}")
        rows.append((f"whole build, {n:,} articles", f"{ms(cold['seconds'])} ({n / cold['seconds']:,.0f} articles/s)",
                     f"floor {ms(n / floor_rate)}", f"{cold['seconds'] * floor_rate / n:,.0f}× slower", "≤ 60 s at 100k",
                     stages + f"; {cold['counts']['claims']:,} claims; cold reader cache"))
        rows.append((f"peak memory, whole build, {n:,} articles", f"{cold['peak_mb']:,} MB main, {cold['worker_peak_mb']:,} MB per worker",
                     "", "", "≤ 1 GB at 100k", "resident set (getrusage)"))
        log(f"one article added to {n}")
        name, data, _ = make_article(args.seed, args.large + 1)
        extra = folder / name
        extra.write_bytes(data)
        try:
            warm = run_stage("build", articles=folder, out=out, workers=args.workers, reader_version=version)
        finally:
            extra.unlink()
        w = warm["timings"]
        rows.append((f"add one article to a built {n:,}", ms(warm["seconds"]), f"cold build {ms(cold['seconds'])}",
                     f"{cold['seconds'] / warm['seconds']:.1f}× faster", "≤ 2 s at 100k",
                     f"{warm['hits']:,} from cache, {warm['misses']} read; read {ms(w['read'])}, resolve {ms(w['resolve'])}, "
                     f"load {ms(w['load'])}, package {ms(w['package'])}; peak {warm['peak_mb']:,} MB"))
        built[n] = out

    # Validation of the data package (the small build's: the large one's takes minutes).
    if built:
        small_built = built[min(built)]
        log("frictionless validate")
        frictionless = str(Path(PYTHON).with_name("frictionless"))
        t0 = time.perf_counter()
        done = subprocess.run([frictionless, "validate", "datapackage.json"], cwd=small_built, capture_output=True, text=True)
        seconds = time.perf_counter() - t0
        size = sum(p.stat().st_size for p in (small_built / "data").iterdir()) / 1e6
        t0 = time.perf_counter()
        for p in (small_built / "data").iterdir():
            p.read_bytes()
        subprocess.run([PYTHON, "-c", "import json,csv,sys,pathlib;[list(csv.reader(open(p))) for p in pathlib.Path('data').glob('*.csv')];"
                        "[json.load(open(p)) for p in pathlib.Path('data').glob('*.json')]"], cwd=small_built, check=True)
        parse_only = time.perf_counter() - t0
        rows.append((f"frictionless validate, package of the {min(built):,} build", ms(seconds),
                     f"parse the CSV and JSON only {ms(parse_only)}", f"{seconds / parse_only:.0f}×", "",
                     f"{'valid' if done.returncode == 0 else 'INVALID'}; {size:.1f} MB of data"))

    # Serving at about 1M claims.
    if built and args.claims:
        big_built = built[max(built)]
        log(f"database of about {args.claims:,} claims")
        serve_dir = WORK / "serve"
        shutil.rmtree(serve_dir, ignore_errors=True)
        serve_dir.mkdir()
        db = serve_dir / "ledger.db"
        made = make_serving_db(big_built, db, args.claims)
        rows.append(("database served", f"{made['claims']:,} claims, {made['conflicts']:,} conflicts, {made['sources']:,} sources",
                     "", "", "", f"the {max(built):,} build's claims, events, figures and conflicts ×{made['times']} "
                     f"under new ids; loaded in {ms(made['seconds'])}"))
        for mode, suffix in (("on", ""), ("off", " (page cache off: rendered every time)")):
            log(f"datasette, page cache {mode}")
            served = bench_serving(db, ROOT / "metadata.yml", args.clients, args.requests, args.seconds, page_cache=mode)
            for name, r in served.items():
                rows.append(serving_row(name + suffix, r, args.clients))

    total = time.perf_counter() - began
    table = render(rows, args, total)
    Path(args.out).write_text(table, encoding="utf-8")
    print(table)


def render(rows, args, total):
    head = (
        "# Benchmark results\n\n"
        f"`make bench` on this machine ({os.cpu_count()} cores, Python {sys.version.split()[0]}), one run of "
        f"{total / 60:.1f} minutes. Every figure stands beside a baseline measured in the same run; a ratio is "
        "measured ÷ baseline.\n\n"
        "| what | measured | baseline | ratio | target | notes |\n| --- | --- | --- | --- | --- | --- |\n"
    )
    body = "".join("| " + " | ".join(str(c).replace("|", "\\|") for c in row) + " |\n" for row in rows)
    return head + body


if __name__ == "__main__":
    main()
