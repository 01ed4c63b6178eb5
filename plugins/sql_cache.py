"""Answers that cannot change, kept while the database is served immutable.

`make serve` serves the ledger with -i: the file cannot change while it is
served, so the answer to a statement is the same every time it is asked. The
statements that take a while (a facet counted over a million claims, a page of
a canned query, the charts' figures) are kept in memory after their first run,
so that the next reader gets them without asking SQLite again; quick ones (a
row by its key) are not kept. Several readers asking the same slow statement
at the same moment share one run of it.

What is kept is bounded (MAX_ROWS rows in all, the least recently used let go
first), and nothing is kept for a mutable database, for a statement that
failed or was interrupted, or for one with magic parameters (:_actor_id and
the like, which depend on the request).
"""

import asyncio
import time
from collections import OrderedDict

from datasette import hookimpl

SLOW = 0.005  # seconds: a statement that took at least this long is kept
MAX_ROWS = 300_000  # rows kept in all, over every statement
MAX_ROWS_ONE = 20_000  # a statement with more rows than this is not kept


class SqlCache:
    def __init__(self, execute, max_rows=MAX_ROWS):
        self._execute = execute
        self.max_rows = max_rows
        self.kept = OrderedDict()  # key -> Results
        self.rows = 0
        self.running = {}  # key -> future of a run under way
        self.hits = self.misses = 0

    @staticmethod
    def key(sql, params, truncate, page_size):
        if ":_" in sql:
            return None
        if params is None:
            frozen = ()
        elif isinstance(params, dict):
            frozen = tuple(sorted(dict.items(params)))
        elif isinstance(params, (list, tuple)):
            frozen = tuple(params)
        else:
            return None
        try:
            hash(frozen)
        except TypeError:
            return None
        return (sql, frozen, bool(truncate), page_size)

    async def execute(self, sql, params=None, truncate=False, custom_time_limit=None, page_size=None, log_sql_errors=True):
        key = self.key(sql, params, truncate, page_size)
        if key is None:
            return await self._execute(sql, params, truncate, custom_time_limit, page_size, log_sql_errors)
        if key in self.kept:
            self.kept.move_to_end(key)
            self.hits += 1
            return self.kept[key]
        if key in self.running:  # the same statement is running for another reader: wait for it
            self.hits += 1
            return await asyncio.shield(self.running[key])
        self.misses += 1
        future = asyncio.get_event_loop().create_future()
        self.running[key] = future
        started = time.perf_counter()
        try:
            results = await self._execute(sql, params, truncate, custom_time_limit, page_size, log_sql_errors)
        except BaseException as error:
            del self.running[key]
            if not future.done():
                future.set_exception(error)
                future.exception()  # retrieved: no warning when nobody else was waiting
            raise
        del self.running[key]
        future.set_result(results)
        if time.perf_counter() - started >= SLOW and len(results.rows) <= MAX_ROWS_ONE:
            self.kept[key] = results
            self.rows += len(results.rows)
            while self.rows > self.max_rows and self.kept:
                _, old = self.kept.popitem(last=False)
                self.rows -= len(old.rows)
        return results


def keep_answers(db):
    """Keep db's slow answers: only for a database served immutable (a file that cannot change)."""
    if db.is_mutable or db.is_memory or isinstance(getattr(db, "execute", None), SqlCache) or hasattr(db, "sql_cache"):
        return None
    db.sql_cache = SqlCache(db.execute)
    db.execute = db.sql_cache.execute
    return db.sql_cache


@hookimpl
def startup(datasette):
    for db in datasette.databases.values():
        keep_answers(db)
