"""The index database: connection settings, schema version and the migrations between them.

The index is derived from the review files, so it never holds anything that cannot be
rebuilt; still, it is migrated in place when the schema grows (a rebuild reads every review
file, which takes minutes on a large corpus). ``PRAGMA user_version`` holds the schema
version; an index written by a newer Korrektur is refused with a pointer to ``reindex``.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from korrektur.corpus.project import CorpusError

SCHEMA_VERSION = 1

_V1 = """
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    state TEXT NOT NULL,
    problem TEXT NOT NULL DEFAULT '',
    source_sha256 TEXT NOT NULL DEFAULT '',
    source_size INTEGER,
    source_mtime_ns INTEGER,
    review_size INTEGER,
    review_mtime_ns INTEGER,
    engine TEXT NOT NULL DEFAULT '',
    pages INTEGER NOT NULL DEFAULT 0,
    lines INTEGER NOT NULL DEFAULT 0,
    words INTEGER NOT NULL DEFAULT 0,
    versions INTEGER NOT NULL DEFAULT 0,
    reviewers TEXT NOT NULL DEFAULT '[]',
    unanchored INTEGER NOT NULL DEFAULT 0,
    pending_weight REAL NOT NULL DEFAULT 0,
    counts TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE suggestions (
    doc INTEGER NOT NULL,
    sid TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    original TEXT NOT NULL,
    replacement TEXT NOT NULL,
    kinds TEXT NOT NULL,
    confidence REAL NOT NULL,
    status TEXT NOT NULL,
    rule TEXT,
    PRIMARY KEY (doc, sid)
) WITHOUT ROWID;
CREATE INDEX suggestions_pair ON suggestions (original, replacement);
CREATE INDEX suggestions_rule ON suggestions (rule) WHERE rule IS NOT NULL;
CREATE TABLE texts (
    doc INTEGER PRIMARY KEY,
    text TEXT NOT NULL,
    pages TEXT NOT NULL
);
CREATE VIRTUAL TABLE text_words USING fts5 (
    text, content = '', detail = none, tokenize = "unicode61 remove_diacritics 0"
);
CREATE TABLE rules (
    id TEXT PRIMARY KEY,
    original TEXT NOT NULL,
    replacement TEXT NOT NULL,
    action TEXT NOT NULL,
    reviewer TEXT NOT NULL,
    created TEXT NOT NULL,
    withdrawn TEXT,
    withdrawn_by TEXT
);
"""
"""Version 1. ``texts`` holds every document's text (and where its pages start, as a JSON
list of offsets); ``text_words`` is a full-text index of them for the concordance:
contentless (the text is in ``texts`` only) and without positions (a match finds the
documents; the words are found in them exactly), which keeps it cheap to write."""

MIGRATIONS: dict[int, str] = {0: _V1}
"""``MIGRATIONS[n]`` is the SQL that brings a database of version ``n`` to ``n + 1``."""


def connect(path: Path, *, readonly: bool = False) -> sqlite3.Connection:
    """Open (or create) the index at ``path``, migrated to ``SCHEMA_VERSION``.

    Write-ahead logging lets readers (``status``, ``concordance``) work while the one
    writer records results; ``synchronous=NORMAL`` is safe with it (a crash loses at most
    the last transactions, never the database), and what is lost is rebuilt from the
    review files on the next open.

    Raises:
        CorpusError: the index is damaged or newer than this Korrektur.
    """
    try:
        if readonly:
            db = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, isolation_level=None)
        else:
            db = sqlite3.connect(path, isolation_level=None)
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = NORMAL")
            db.execute("PRAGMA cache_size = -16384")  # 16 MB: index pages stay in memory
        db.execute("PRAGMA busy_timeout = 10000")
        version = int(db.execute("PRAGMA user_version").fetchone()[0])
    except sqlite3.DatabaseError as exc:
        raise CorpusError(
            f"the index {path} is damaged ({exc}); rebuild it with 'korrektur corpus reindex'"
        ) from exc
    if version > SCHEMA_VERSION:
        db.close()
        raise CorpusError(
            f"the index {path} was made by a newer Korrektur (schema {version}); update "
            "Korrektur, or rebuild the index with 'korrektur corpus reindex'"
        )
    if version < SCHEMA_VERSION and not readonly:
        migrate(db, version)
    return db


def migrate(db: sqlite3.Connection, version: int) -> None:
    """Apply the migrations from ``version`` on, each in one transaction."""
    while version < SCHEMA_VERSION:
        script = f"BEGIN IMMEDIATE;\n{MIGRATIONS[version]}\nPRAGMA user_version = {version + 1};"
        try:
            db.executescript(script)
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise
        version += 1


def delete_index(path: Path) -> None:
    """Remove the index and its write-ahead log (before a rebuild)."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
