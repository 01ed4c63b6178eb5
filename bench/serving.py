"""The site alone at about 1M claims: python -m bench.serving.

The Datasette part of `make bench` (bench/run.py), without the corpus and the
builds: it scales an existing build (build/bench/build-100000 by default, left
by `make bench`) to about --claims claims with the build's loader, once, into
build/bench/serve/ledger.db, and serves it with the flags of `make serve` on
127.0.0.1. Each page is loaded by --clients concurrent clients, for at most
--requests requests and --seconds seconds, after one untimed first visit; the
same SQL is then timed in plain sqlite3 as the baseline.

When the build folder is missing (a fresh machine), it is made first: a
synthetic corpus of --articles articles (bench/corpus.py, seed 1) built with
the project's build, as `make bench` does (a few minutes).

The database is made again when the indexes the loader would create
(etl/schema.py) differ from those it has, or with --rebuild. With
--update-results the Datasette rows of bench/RESULTS.md are replaced by the
ones measured.
"""

import argparse
import json
import os
import sqlite3
import sys
import time
from pathlib import Path

from bench.run import ROOT, WORK, bench_serving, log, make_serving_db, ms, run_stage, serving_row

RESULTS = ROOT / "bench" / "RESULTS.md"


def expected_indexes():
    from etl import schema
    from etl.load.database import _indexes

    return {f"idx_{t.name}_{'_'.join(columns)}" for t in schema.TABLES for columns in _indexes(t)}


def present_indexes(db):
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return {name for (name,) in conn.execute("select name from sqlite_master where type = 'index' and name like 'idx_%'")}
    finally:
        conn.close()


def ensure_database(build_dir, db, claims, rebuild):
    """The scaled database at db, made again when its indexes are not the loader's; (made, info)."""
    info_path = db.with_name("made.json")
    if db.exists() and not rebuild and present_indexes(db) == expected_indexes() and info_path.exists():
        return False, json.loads(info_path.read_text(encoding="utf-8"))
    log(f"making a database of about {claims:,} claims from {build_dir}")
    db.parent.mkdir(parents=True, exist_ok=True)
    made = make_serving_db(build_dir, db, claims)
    made["from"] = Path(build_dir).name
    info_path.write_text(json.dumps(made), encoding="utf-8")
    db.with_name("inspect-data.json").unlink(missing_ok=True)
    return True, made


def ensure_build(build_dir, articles, seed=1):
    """A build of `articles` synthetic articles at build_dir, made when it has no data/claims.json."""
    build_dir = Path(build_dir)
    if (build_dir / "data" / "claims.json").exists():
        return
    from bench.corpus import write_corpus

    corpus = WORK / f"corpus-serving-{articles}"
    if not (corpus / "articles").is_dir() or sum(1 for _ in (corpus / "articles").iterdir()) != articles:
        log(f"writing {articles:,} articles")
        write_corpus(corpus, articles, seed)
    log(f"building {articles:,} articles into {build_dir}")
    run_stage("build", articles=corpus / "articles", out=build_dir, workers=os.cpu_count() or 1)


def rows_for(served, made, clients):
    out = [("database served", f"{made['claims']:,} claims, {made['conflicts']:,} conflicts, {made['sources']:,} sources",
            "", "", "", f"the {made['from'].split('-')[-1]} build's claims, events, figures and conflicts ×{made['times']} "
            f"under new ids; loaded in {ms(made['seconds'])}")]
    for name, r in served.items():
        out.append(serving_row(name, r, clients))
    return ["| " + " | ".join(str(c).replace("|", "\\|") for c in row) + " |" for row in out]


def update_results(lines):
    """Replace the 'database served' and 'Datasette ...' rows of bench/RESULTS.md with lines."""
    text = RESULTS.read_text(encoding="utf-8").splitlines()
    keep = [line for line in text if not (line.startswith("| database served ") or line.startswith("| Datasette "))]
    at = next((i for i, line in enumerate(text) if line.startswith("| database served ") or line.startswith("| Datasette ")), len(text))
    before = sum(1 for line in text[:at] if line in keep)
    RESULTS.write_text("\n".join(keep[:before] + lines + keep[before:]) + "\n", encoding="utf-8")


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m bench.serving", description=__doc__.split("\n\n")[0])
    parser.add_argument("--build", default=str(WORK / "build-100000"), help="A build folder (with data/) to scale.")
    parser.add_argument("--articles", type=int, default=100_000, help="Articles in the build made when --build is missing.")
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--database", default=str(WORK / "serve" / "ledger.db"))
    parser.add_argument("--rebuild", action="store_true", help="Make the database again even if its indexes are current.")
    parser.add_argument("--clients", type=int, default=10)
    parser.add_argument("--requests", type=int, default=300, help="At most this many requests per page.")
    parser.add_argument("--seconds", type=float, default=4, help="At most this long per page.")
    parser.add_argument("--page-cache", choices=("on", "off", "both"), default="both",
                        help="Serve with the site's page cache (plugins/page_cache.py) on, off, or measure both (the default): "
                        "'off' renders every page again (the SQL answers are still kept).")
    parser.add_argument("--json", help="Also write the measurements to this JSON file.")
    parser.add_argument("--update-results", action="store_true", help="Replace the Datasette rows of bench/RESULTS.md.")
    args = parser.parse_args(argv)
    db = Path(args.database)
    ensure_build(args.build, args.articles)
    _, made = ensure_database(args.build, db, args.claims, args.rebuild)
    served = {}
    for mode in ("on", "off") if args.page_cache == "both" else (args.page_cache,):
        log(f"datasette, page cache {mode}")
        started = time.perf_counter()
        measured = bench_serving(db, ROOT / "metadata.yml", args.clients, args.requests, args.seconds, page_cache=mode)
        suffix = "" if mode == "on" else " (page cache off: rendered every time)"
        served.update({name + suffix: r for name, r in measured.items()})
        log(f"measured in {ms(time.perf_counter() - started)}")
    if args.json:
        Path(args.json).write_text(json.dumps({"database": made, "pages": served}, indent=1), encoding="utf-8")
    lines = rows_for(served, made, args.clients)
    print("\n".join(lines))
    if args.update_results:
        update_results(lines)


if __name__ == "__main__":
    sys.exit(main())
