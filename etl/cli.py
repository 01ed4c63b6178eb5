"""The command line: python -m etl build | draft | eval."""

import logging
import os
import sys
from pathlib import Path

import click

from . import __version__
from .build import ENGINES, Paths, build
from .errors import BuildError


def _progress(items, length, label):
    """A progress bar on a terminal, nothing in logs and CI."""
    if not sys.stderr.isatty():
        return items
    return click.progressbar(items, length=length, label=label, file=sys.stderr)


def _paths(articles, curation, database, data, package, metadata):
    return Paths(Path(articles), Path(curation), Path(database), Path(data), Path(package), Path(metadata))


path_options = [
    click.option("--articles", default="articles", show_default=True, type=click.Path(file_okay=False), help="Folder of articles (.txt, .html)."),
    click.option("--curation", default="curation", show_default=True, type=click.Path(file_okay=False), help="Folder of curation files."),
    click.option("--database", default="build/ledger.db", show_default=True, type=click.Path(dir_okay=False), help="SQLite database to write."),
]


def with_paths(function):
    for option in reversed(path_options):
        function = option(function)
    return function


@click.group()
@click.version_option(__version__)
def cli():
    """Exchange Ledger: who claimed what about Russia–Ukraine exchanges of bodies and prisoners."""
    logging.basicConfig(format="%(levelname)s: %(message)s", level=logging.INFO)


@cli.command(name="build")
@with_paths
@click.option("--data", default="data", show_default=True, type=click.Path(file_okay=False), help="Folder for the CSV and JSON resources.")
@click.option("--package", "package_path", default="datapackage.json", show_default=True, type=click.Path(dir_okay=False), help="datapackage.json to write.")
@click.option("--metadata", default="metadata.yml", show_default=True, type=click.Path(dir_okay=False), help="Datasette metadata.yml to write.")
@click.option("--machine-only", is_flag=True, help="Ignore the reviewed sources: read every article by machine.")
@click.option("--database-only", is_flag=True, help="Write the database only, not the data package and metadata.")
@click.option("-j", "--workers", default=os.cpu_count() or 1, show_default=True, help="Processes reading articles in parallel.")
@click.option("--engine", type=click.Choice(ENGINES), default="processes", show_default=True, help="What runs the per-article reading: local processes, or Dask (a dask.bag; needs dask).")
@click.option("--no-cache", is_flag=True, help="Read every article again, ignoring the reader cache in build/cache/.")
@click.option("--timings", is_flag=True, help="Print the seconds each stage took.")
def build_command(articles, curation, database, data, package_path, metadata, machine_only, database_only, workers, engine, no_cache, timings):
    """Read the articles and write the database, the data package and metadata.yml."""
    paths = _paths(articles, curation, database, data, package_path, metadata)
    try:
        report = build(
            paths, use_curation=not machine_only, workers=workers, progress=_progress, package=not database_only,
            cache=not no_cache, engine=engine,
        )
    except BuildError as error:
        raise click.ClickException(str(error)) from None
    counts = ", ".join(f"{n} {name}" for name, n in report.counts().items())
    click.echo(f"Built {paths.database}: {counts}", err=True)
    if not no_cache:
        click.echo(f"Reader cache: {report.cache_hits} article(s) unchanged, {report.cache_misses} read.", err=True)
    if timings:
        click.echo("Seconds by stage: " + ", ".join(f"{k} {v:.2f}" for k, v in report.timings.items()), err=True)
    if report.skipped:
        click.echo(f"Skipped {len(report.skipped)} article(s); see the warnings above.", err=True)
    if report.warnings:
        click.echo(f"{len(report.warnings)} article(s) taken in but not read by machine; see the warnings above.", err=True)


@cli.command(name="eval")
@with_paths
@click.option("--show-errors", is_flag=True, help="List every missed, spurious and wrong claim.")
@click.option("--text-only", is_flag=True, help="Give the reader no reviewed publication date or outlet.")
def eval_command(articles, curation, database, show_errors, text_only):
    """Score the machine reader against the curated claims; fail below the targets."""
    from .evaluate import TARGETS, evaluate

    try:
        result = evaluate(_paths(articles, curation, database, "data", "datapackage.json", "metadata.yml"), text_only)
    except BuildError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Reader scored on {articles}/ against {curation}/sources/.")
    click.echo(f"{'measure':<12} {'precision':>9} {'recall':>7} {'F1':>6} {'target':>7}   right/found/expected")
    for name, s in result.scores.items():
        click.echo(f"{name:<12} {s.precision:>9.3f} {s.recall:>7.3f} {s.f1:>6.3f} {TARGETS[name]:>7.2f}   {s.right}/{s.found}/{s.expected}")
    if show_errors:
        for row in result.missed:
            click.echo(f"missed   {row['source_id']} {row['figure']!r} {row['subject']}/{row['side']}: {row['quote'][:90]!r}")
        for row in result.spurious:
            click.echo(f"spurious {row['source_id']} {row['figure']!r} {row['subject']}/{row['side']}: {row['quote'][:90]!r}")
        for name, expected, found in result.wrong:
            click.echo(f"wrong    {expected['source_id']} {expected['figure']!r} {name}: expected {expected[name]!r}, read {found[name]!r}")
    failures = result.failures()
    if failures:
        raise click.ClickException(f"below target: {', '.join(failures)}")


@cli.command(name="draft")
@click.argument("source_id")
@with_paths
@click.option("--overwrite", is_flag=True, help="Replace an existing curation file.")
def draft_command(source_id, articles, curation, database, overwrite):
    """Write the machine's reading of SOURCE_ID as a curation draft to review."""
    from .draft import draft_source

    try:
        target = draft_source(source_id, _paths(articles, curation, database, "data", "datapackage.json", "metadata.yml"), overwrite)
    except BuildError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Wrote {target}: review it against the article, then rebuild.", err=True)


@cli.command(name="verify")
@click.option("--data", default="data", show_default=True, type=click.Path(file_okay=False, exists=True), help="Folder of the CSV resources.")
@click.option("--articles", default="articles", show_default=True, type=click.Path(file_okay=False, exists=True), help="Folder of the raw articles.")
def verify_command(data, articles):
    """Check the data package against the raw articles: checksums and quote offsets."""
    from .package.verify import verify

    problems = verify(data, articles)
    for problem in problems:
        click.echo(problem, err=True)
    if problems:
        raise click.ClickException(f"{len(problems)} problem(s) found")
    click.echo("Every checksum and quote offset checks out.", err=True)


@cli.command(name="docs")
@click.option("--readme", default="README.md", show_default=True, type=click.Path(dir_okay=False, exists=True))
def docs_command(readme):
    """Regenerate the README's data dictionary and list of canned queries."""
    from .package.readme import write_readme

    write_readme(readme)
    click.echo(f"Updated {readme}", err=True)


def main():
    cli(prog_name="python -m etl")
