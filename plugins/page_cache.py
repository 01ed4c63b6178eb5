"""Whole pages kept while every database is served immutable.

A page of the site depends only on its address and on the database, and
`make serve` serves the database with -i: the file cannot change while it is
served. So the first visit to an address renders the page and the next ones
get the same bytes back without rendering it again, as a caching proxy in
front of the site would (the pages already say `cache-control: max-age`,
default_cache_ttl). Readers see exactly what they would see otherwise; a
first visit to an address costs what it always did.

Only plain reads are kept: a GET with no cookie and no authorization header,
answered 200 without setting a cookie, complete (no facet that timed out), of
at most MAX_PAGE bytes; MAX_BYTES in
all, the least recently used let go first. Nothing is kept while any database
is mutable, and everything is let go if a database file's modification time
changes. EXCHANGE_LEDGER_PAGE_CACHE=off in the environment turns this off (to
measure what rendering costs).
"""

import os
from collections import OrderedDict

from datasette import hookimpl

MAX_PAGE = 4 * 1024 * 1024
MAX_BYTES = 96 * 1024 * 1024
SWITCH = "EXCHANGE_LEDGER_PAGE_CACHE"


class PageCache:
    def __init__(self, datasette, max_bytes=MAX_BYTES):
        self.datasette = datasette
        self.max_bytes = max_bytes
        self.pages = OrderedDict()  # key -> (start message, body)
        self.size = 0
        self.version = None
        self.hits = self.misses = 0

    def _files_version(self):
        """The databases' files and modification times; None when any database is mutable."""
        version = []
        for name, db in self.datasette.databases.items():
            if db.is_memory:
                continue
            if db.is_mutable or not db.path:
                return None
            try:
                version.append((db.path, os.stat(db.path).st_mtime_ns))
            except OSError:
                return None
        return tuple(version)

    def key(self, scope):
        if scope["type"] != "http" or scope.get("method") != "GET":
            return None
        host = None
        for name, value in scope.get("headers") or ():
            if name in (b"cookie", b"authorization"):
                return None
            if name == b"host":
                host = value
        version = self._files_version()
        if version is None:
            return None
        if version != self.version:
            self.pages.clear()
            self.size = 0
            self.version = version
        return (scope.get("scheme"), host, scope.get("root_path", ""), scope["path"], scope.get("query_string", b""))

    def get(self, key):
        found = self.pages.get(key)
        if found is not None:
            self.pages.move_to_end(key)
        return found

    def put(self, key, start, body):
        if key in self.pages:
            return
        self.pages[key] = (start, body)
        self.size += len(body)
        while self.size > self.max_bytes and self.pages:
            _, (_, old) = self.pages.popitem(last=False)
            self.size -= len(old)


def complete(body):
    """Whether a page holds every answer: a facet that timed out would be counted on a later visit."""
    if b'class="facets-timed-out"' in body:
        return False
    return b'"facets_timed_out": [' not in body or b'"facets_timed_out": []' in body


def wrap(app, cache):
    async def cached_app(scope, receive, send):
        key = cache.key(scope)
        if key is None:
            return await app(scope, receive, send)
        found = cache.get(key)
        if found is not None:
            cache.hits += 1
            start, body = found
            await send(start)
            await send({"type": "http.response.body", "body": body})
            return
        cache.misses += 1
        state = {"start": None, "chunks": [], "size": 0, "keep": True, "done": False}

        async def capture(message):
            if message["type"] == "http.response.start":
                state["start"] = message
                headers = message.get("headers") or []
                if message.get("status") != 200 or any(name.lower() == b"set-cookie" for name, _ in headers):
                    state["keep"] = False
            elif message["type"] == "http.response.body" and state["keep"]:
                body = message.get("body", b"")
                state["size"] += len(body)
                if state["size"] > MAX_PAGE:
                    state["keep"], state["chunks"] = False, []
                else:
                    state["chunks"].append(body)
                if not message.get("more_body", False):
                    state["done"] = True
            await send(message)

        await app(scope, receive, capture)
        if state["keep"] and state["done"] and state["start"] is not None:
            body = b"".join(state["chunks"])
            if complete(body):
                cache.put(key, dict(state["start"]), body)

    return cached_app


@hookimpl
def asgi_wrapper(datasette):
    if os.environ.get(SWITCH, "").lower() in ("off", "0", "no", "false"):
        return None

    def wrapper(app):
        datasette.page_cache = PageCache(datasette)
        return wrap(app, datasette.page_cache)

    return wrapper
