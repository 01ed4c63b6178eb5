"""A cache of what the parse and extract stages read from each article file.

An article is read again only when its bytes or the reader change. Each entry
is keyed by the file's name and the SHA-256 of its bytes, and the cache as a
whole by the reader's version: a hash of the source code of etl/parse,
etl/extract and etl/schema.py, so that a change to the reader empties it. The
entries live in one SQLite file (build/cache/reader-VERSION.sqlite by
default); a cache that cannot be read is ignored and rebuilt.

An entry holds the parsed Article, unless the source was reviewed when it
was read the machine reader's ClaimReadings, and the story's Fingerprint
(etl.resolve.reconcile.text), pickled.
"""

import hashlib
import pickle
import sqlite3
from functools import lru_cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
READER_SOURCES = ("parse", "extract", "caseless.py", "schema.py", "resolve/reconcile/text.py")


@lru_cache(maxsize=None)
def reader_version():
    """A short hash of the per-article code: parse, extract, the schema and the story fingerprint."""
    digest = hashlib.sha256()
    for name in READER_SOURCES:
        root = PACKAGE / name
        files = sorted(root.rglob("*.py")) if root.is_dir() else [root]
        for path in files:
            digest.update(str(path.relative_to(PACKAGE)).encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def file_key(path, raw=None):
    """The cache key of an article file: its name and the SHA-256 of its bytes."""
    path = Path(path)
    if raw is None:
        with open(path, "rb") as f:  # streamed: an oversized file is not held in memory
            return f"{path.name}:{hashlib.file_digest(f, 'sha256').hexdigest()}"
    return f"{path.name}:{hashlib.sha256(raw).hexdigest()}"


class ReaderCache:
    """Parse+extract results by file key, for one version of the reader."""

    def __init__(self, folder, version=None):
        self.version = version or reader_version()
        self.folder = Path(folder)
        self.path = self.folder / f"reader-{self.version}.sqlite"
        self.hits = 0
        self.misses = 0
        self._pending = []
        self.folder.mkdir(parents=True, exist_ok=True)
        for old in self.folder.glob("reader-*.sqlite"):
            if old != self.path:
                old.unlink(missing_ok=True)
        try:
            self.db = self._open()
        except sqlite3.DatabaseError:
            self.path.unlink(missing_ok=True)
            self.db = self._open()

    def _open(self):
        db = sqlite3.connect(self.path)
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
        db.execute("CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, value BLOB NOT NULL)")
        return db

    def _select(self, columns, keys):
        """Rows (columns) of the entries whose key is among keys, asked for 500 keys at a time."""
        keys = list(keys)
        for i in range(0, len(keys), 500):
            part = keys[i:i + 500]
            yield from self.db.execute(f"SELECT {columns} FROM entries WHERE key IN ({','.join('?' * len(part))})", part)

    def keys_present(self, keys):
        """The set of keys the cache holds an entry for."""
        return {key for (key,) in self._select("key", keys)}

    def get_many(self, keys):
        """{key: (article, readings, fingerprint)} for the keys the cache holds."""
        found = {}
        for key, value in self._select("key, value", keys):
            try:
                entry = pickle.loads(value)
            except Exception:  # an unreadable entry is a miss
                continue
            if isinstance(entry, tuple) and len(entry) == 3:
                found[key] = entry
        return found

    def put(self, key, article, readings, fingerprint=None):
        entry = (article, readings, fingerprint)
        self._pending.append((key, pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL)))
        if len(self._pending) >= 2000:
            self.flush()

    def flush(self):
        if self._pending:
            with self.db:
                self.db.executemany("INSERT OR REPLACE INTO entries (key, value) VALUES (?, ?)", self._pending)
            self._pending = []

    def close(self):
        self.flush()
        self.db.close()
