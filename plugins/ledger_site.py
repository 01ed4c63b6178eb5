"""The site around the tables: the home page's facts, the downloads, the style sheet.

The home page says how fresh the data is from the data itself (the latest
article's publication date) and from the database file's modification time
read at serve time, so that nothing about the build's date is written into
the data files and the build stays deterministic.

The data package is served as it is on disk, next to the database:
/download/datapackage.json, /download/data/<table>.csv and .json (the paths
datapackage.json gives, so the package can be read straight from the site),
and /download/exchange-ledger-data.zip, one zip of all of them, made when
first asked for.
"""

import io
import json
import os
import zipfile
from datetime import datetime, timezone
from pathlib import Path

from datasette import __version__, hookimpl
from datasette.utils import path_with_replaced_args
from datasette.utils.asgi import NotFound, Response

DATABASE = "ledger"
PLUGIN = "exchange-ledger"
ZIP_NAME = "exchange-ledger-data.zip"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # a fixed date in the zip, so the same files give the same zip
MEDIA_TYPES = {".csv": "text/csv; charset=utf-8", ".json": "application/json; charset=utf-8"}
_zip_cache = {}


def package_root(datasette):
    """The folder that holds datapackage.json: set as the plugin's `package_root`, else beside build/."""
    configured = (datasette.plugin_config(PLUGIN) or {}).get("package_root")
    candidates = [Path(configured)] if configured else []
    try:
        db_path = datasette.get_database(DATABASE).path
    except KeyError:
        db_path = None
    if db_path:
        candidates += [Path(db_path).resolve().parent.parent, Path(db_path).resolve().parent]
    candidates.append(Path.cwd())
    for folder in candidates:
        if (folder / "datapackage.json").is_file():
            return folder
    return None


def read_package(root):
    if root is None:
        return None
    try:
        return json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def package_files(root, package):
    """Relative path -> file, for datapackage.json and every resource it lists that exists."""
    files = {"datapackage.json": root / "datapackage.json"}
    for resource in package.get("resources", []):
        path = resource.get("path")
        if isinstance(path, str) and not path.startswith("/") and ".." not in Path(path).parts:
            if (root / path).is_file():
                files[path] = root / path
    return dict(sorted(files.items()))


def zip_bytes(files):
    """One deterministic zip of the files: fixed dates and order."""
    key = tuple((name, f.stat().st_mtime_ns, f.stat().st_size) for name, f in files.items())
    if _zip_cache.get("key") != key:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, path in files.items():
                info = zipfile.ZipInfo("exchange-ledger/" + name, date_time=ZIP_DATE)
                info.external_attr = 0o644 << 16
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, path.read_bytes())
        _zip_cache.update(key=key, body=buffer.getvalue())
    return _zip_cache["body"]


def _cache_headers(datasette):
    ttl = datasette.setting("default_cache_ttl")
    return {"cache-control": f"max-age={ttl}" if ttl else "no-cache"}


async def download(request, datasette):
    name = request.url_vars["name"]
    root = package_root(datasette)
    package = read_package(root)
    if package is None:
        raise NotFound("The data package has not been built")
    files = package_files(root, package)
    headers = _cache_headers(datasette)
    if name == ZIP_NAME:
        headers["content-disposition"] = f'attachment; filename="{ZIP_NAME}"'
        return Response(zip_bytes(files), headers=headers, content_type="application/zip")
    if name not in files:
        raise NotFound("No such file in the data package")
    path = files[name]
    return Response(path.read_bytes(), headers=headers, content_type=MEDIA_TYPES.get(path.suffix, "application/octet-stream"))


@hookimpl
def register_routes():
    return [(r"^/$", home), (r"^/download/(?P<name>datapackage\.json|exchange-ledger-data\.zip|data/[A-Za-z0-9_-]+\.(csv|json))$", download)]


@hookimpl
def extra_css_urls(datasette):
    return [{"url": datasette.urls.path("/static/ledger.css")}]


@hookimpl
def menu_links(datasette):
    return [
        {"href": datasette.urls.path("/-/charts"), "label": "Charts"},
        {"href": datasette.urls.database(DATABASE), "label": "Tables and queries"},
        {"href": datasette.urls.path("/download/" + ZIP_NAME), "label": "Download the data (zip)"},
    ]


def _date(value):
    """'2025-07-17' -> '17 July 2025'; other values as they are."""
    try:
        day = datetime.strptime(value, "%Y-%m-%d")
    except (TypeError, ValueError):
        return value
    return f"{day.day} {day:%B %Y}"


async def home_context(datasette):
    db = datasette.get_database(DATABASE)
    tables = set(await db.table_names())

    async def scalar(sql):
        try:
            return (await db.execute(sql)).rows[0][0]
        except Exception:  # a table another build stage has not written yet
            return None

    # An immutable database served with an inspect file has its row counts there: no table is counted per visit.
    known = (db.cached_table_counts or {}) if not db.is_mutable else {}
    counts = {}
    for name in ("sources", "claims", "events", "actors", "conflicts"):
        if name not in tables:
            counts[name] = None
        elif known.get(name) is not None:
            counts[name] = known[name]
        else:
            counts[name] = await scalar(f"select count(*) from [{name}]")
    queries = await datasette.get_canned_queries(DATABASE, None)
    if counts["conflicts"] is None and "figures_in_conflict" in queries:
        counts["conflicts"] = await scalar(f"select count(*) from ({queries['figures_in_conflict']['sql']})")
    # Each of these reads an index (etl/schema.py): sources.published, events.date, sources.reviewed, claims.method.
    latest = await scalar("select max(published) from sources")
    earliest_event = await scalar("select min(date) from events")
    latest_event = await scalar("select max(date) from events")
    reviewed = await scalar("select count(*) from sources where reviewed")
    curated = await scalar("select count(*) from claims where method = 'curated'")
    built = None
    if db.path and os.path.exists(db.path):
        built = datetime.fromtimestamp(os.path.getmtime(db.path), timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    root = package_root(datasette)
    package = read_package(root) or {}
    files = package_files(root, package) if package else {}
    downloads = [
        {"name": name, "url": datasette.urls.path("/download/" + name), "size": path.stat().st_size}
        for name, path in files.items()
    ]
    version = package.get("version")
    title = package.get("title") or "Exchange Ledger"
    homepage = package.get("homepage")
    citation = "Exchange Ledger contributors. {}.{} Data as of {}. Licensed CC BY 4.0.{}".format(
        title,
        f" Version {version}." if version else "",
        _date(latest) or "an unknown date",
        f" {homepage}" if homepage else "",
    )
    return {
        "ledger": {
            "counts": counts,
            "latest_source": latest,
            "latest_source_text": _date(latest),
            "events_from": earliest_event,
            "events_to": latest_event,
            "reviewed": reviewed,
            "curated": curated,
            "built": built,
            "queries": [
                {"name": name, "title": q.get("title") or name, "description": q.get("description"),
                 "url": datasette.urls.query(DATABASE, name)}
                for name, q in queries.items()
            ],
            "downloads": downloads,
            "zip_url": datasette.urls.path("/download/" + ZIP_NAME) if downloads else None,
            "package_url": datasette.urls.path("/download/datapackage.json") if downloads else None,
            "version": version,
            "citation": citation,
            "homepage": homepage,
            "charts_url": datasette.urls.path("/-/charts"),
            "tables_url": datasette.urls.database(DATABASE),
        }
    }


_home_cache = {}


def _mtime(path):
    try:
        return os.stat(path).st_mtime_ns
    except (OSError, TypeError):
        return None


async def cached_home_context(datasette):
    """home_context, kept while the database is served immutable and the data package is unchanged."""
    db = datasette.get_database(DATABASE) if DATABASE in datasette.databases else None
    if db is None or db.is_mutable or not db.path:
        return await home_context(datasette)
    root = package_root(datasette)
    key = (id(datasette), db.path, _mtime(db.path), root and _mtime(root / "datapackage.json"))
    if key not in _home_cache:
        _home_cache.clear()
        _home_cache[key] = await home_context(datasette)
    return _home_cache[key]


async def home(request, datasette):
    """The home page: index.html with the ledger's facts, without the list of every table that Datasette works out per visit (the database page has it)."""
    await datasette.ensure_permissions(request.actor, ["view-instance"])
    context = {
        "metadata": datasette.metadata(),
        "datasette_version": __version__,
        "alternate_url_json": datasette.absolute_url(request, datasette.urls.path("/.json")),
        **await cached_home_context(datasette),
    }
    html = await datasette.render_template("index.html", context, request=request, view_name="ledger-home")
    return Response.html(html)


@hookimpl
def extra_template_vars(view_name, datasette):
    if view_name != "index":
        return {}

    async def inner():
        return await cached_home_context(datasette)

    return inner


def page_url(request, page):
    """The current page's path and query string, showing page `page` of a canned query's answer."""
    return path_with_replaced_args(request, {"page": None if page <= 1 else str(page)})


@hookimpl
def prepare_jinja2_environment(env):
    env.globals["ledger_page_url"] = page_url
    env.filters["ledger_date"] = _date
    env.filters["filesize"] = lambda n: f"{n / 1024:,.1f} KB" if n >= 1024 else f"{n} bytes"
