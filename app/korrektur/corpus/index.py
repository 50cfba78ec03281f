"""The index of a corpus: one row per document, its suggestions, its lines, the rules.

Everything here is derived from the review files and the rules file (see ``sync``), and
written only by the process that holds the project's writer lock, after the review file
it describes is safely on disk.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from itertools import repeat
from pathlib import Path

from korrektur.corpus.facts import Facts
from korrektur.corpus.rules import Rule
from korrektur.corpus.schema import connect


class State(StrEnum):
    """Where a document stands.

    ``new``: not analysed yet. ``analysed``: its review file belongs to the source as it
    is. ``changed``: the source changed since (the next analysis re-anchors the
    decisions). ``missing``: the source is gone; its review file is kept. ``bad``: it
    cannot be analysed (``problem`` says why).
    """

    NEW = "new"
    ANALYSED = "analysed"
    CHANGED = "changed"
    MISSING = "missing"
    BAD = "bad"


@dataclass(frozen=True)
class Stat:
    """Size and modification time of a file: a change shows without reading it."""

    size: int
    mtime_ns: int

    @classmethod
    def of(cls, path: Path) -> Stat | None:
        """The stat of ``path``, or None when there is no such file."""
        try:
            info = path.stat()
        except OSError:
            return None
        return cls(info.st_size, info.st_mtime_ns)


@dataclass(frozen=True)
class DocumentRow:
    """A document as the index has it (see ``Facts`` for the figures)."""

    id: int
    name: str
    state: State
    problem: str
    source_sha256: str
    source: Stat | None
    review: Stat | None
    engine: str
    pages: int
    lines: int
    words: int
    versions: int
    reviewers: list[str]
    unanchored: int
    pending_weight: float
    counts: dict[str, dict[str, int]]

    @property
    def has_review(self) -> bool:
        """True when the document has a review file (as far as the index knows)."""
        return self.review is not None

    @classmethod
    def of(cls, row: sqlite3.Row) -> DocumentRow:
        """Build one from a ``SELECT *`` row."""

        def stat(prefix: str) -> Stat | None:
            size, mtime = row[f"{prefix}_size"], row[f"{prefix}_mtime_ns"]
            return None if size is None or mtime is None else Stat(size, mtime)

        return cls(
            row["id"],
            row["name"],
            State(row["state"]),
            row["problem"],
            row["source_sha256"],
            stat("source"),
            stat("review"),
            row["engine"],
            row["pages"],
            row["lines"],
            row["words"],
            row["versions"],
            json.loads(row["reviewers"]),
            row["unanchored"],
            row["pending_weight"],
            json.loads(row["counts"]),
        )


def _stat_values(stat: Stat | None) -> tuple[int | None, int | None]:
    return (None, None) if stat is None else (stat.size, stat.mtime_ns)


class CorpusIndex:
    """The index database of one project."""

    def __init__(self, path: Path, *, readonly: bool = False) -> None:
        self.path = path
        self.db = connect(path, readonly=readonly)
        self.db.row_factory = sqlite3.Row

    def close(self) -> None:
        """Close the database."""
        self.db.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Everything inside is written together or not at all."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    @contextmanager
    def savepoint(self) -> Iterator[None]:
        """Inside a longer transaction: everything inside is kept together or not at all.

        A writer that commits many documents at a time records each in a savepoint, so an
        error (or an interruption) in the middle of one leaves none of its rows behind.
        """
        self.db.execute("SAVEPOINT record")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK TO record")
            self.db.execute("RELEASE record")
            raise
        self.db.execute("RELEASE record")

    # -- documents -------------------------------------------------------------------------

    def documents(self) -> list[DocumentRow]:
        """Every document, by name."""
        rows = self.db.execute("SELECT * FROM documents ORDER BY name")
        return [DocumentRow.of(row) for row in rows]

    @contextmanager
    def snapshot(self) -> Iterator[Iterator[DocumentRow]]:
        """Every document, by name, as the index stood when this began, read as it goes.

        Read through a connection of its own, so that what this one writes meanwhile
        (write-ahead logging keeps the reader's view) never disturbs the reading.
        """
        reader = sqlite3.connect(f"{self.path.as_uri()}?mode=ro", uri=True, isolation_level=None)
        reader.row_factory = sqlite3.Row
        try:
            reader.execute("BEGIN")
            rows = reader.execute("SELECT * FROM documents ORDER BY name")
            yield (DocumentRow.of(row) for row in rows)
        finally:
            reader.close()

    def documents_in(self, state: State) -> list[str]:
        """Names of the documents in ``state``."""
        rows = self.db.execute("SELECT name FROM documents WHERE state = ?", (state.value,))
        return [row[0] for row in rows]

    def document(self, name: str) -> DocumentRow | None:
        """One document by name."""
        row = self.db.execute("SELECT * FROM documents WHERE name = ?", (name,)).fetchone()
        return None if row is None else DocumentRow.of(row)

    def _id(self, name: str) -> int:
        self.db.execute("INSERT OR IGNORE INTO documents (name, state) VALUES (?, 'new')", (name,))
        row = self.db.execute("SELECT id FROM documents WHERE name = ?", (name,)).fetchone()
        return int(row[0])

    def record(
        self,
        name: str,
        facts: Facts,
        state: State,
        review: Stat | None,
        source: Stat | None,
        *,
        fresh: bool = False,
    ) -> None:
        """Record a document's review (call inside ``transaction``).

        ``fresh``: the index holds no review facts of the document yet (nothing to clear).
        """
        doc = self._id(name)
        if not fresh:
            self._clear(doc)
        self.db.execute(
            """UPDATE documents SET state = ?, problem = '', source_sha256 = ?,
                source_size = ?, source_mtime_ns = ?, review_size = ?, review_mtime_ns = ?,
                engine = ?, pages = ?, lines = ?, words = ?, versions = ?, reviewers = ?,
                unanchored = ?, pending_weight = ?, counts = ? WHERE id = ?""",
            (
                state.value,
                facts.sha256,
                *_stat_values(source),
                *_stat_values(review),
                facts.engine,
                facts.pages,
                facts.lines,
                facts.words,
                facts.versions,
                json.dumps(facts.reviewers, ensure_ascii=False),
                facts.unanchored,
                facts.pending_weight,
                json.dumps(facts.counts),
                doc,
            ),
        )
        self.db.executemany(
            "INSERT INTO suggestions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            map(tuple.__add__, repeat((doc,)), facts.suggestions),
        )
        pages = json.dumps(facts.page_starts)
        self.db.execute("INSERT INTO texts VALUES (?, ?, ?)", (doc, facts.text, pages))
        self.db.execute("INSERT INTO text_words (rowid, text) VALUES (?, ?)", (doc, facts.text))

    def mark(
        self,
        name: str,
        state: State,
        problem: str = "",
        source: Stat | None = None,
        engine: str | None = None,
    ) -> None:
        """Set a document's state without touching its review facts (inside ``transaction``).

        ``source`` (when given) is the stat the state refers to; ``engine`` (when given)
        the engine that found a document bad.
        """
        doc = self._id(name)
        self.db.execute(
            "UPDATE documents SET state = ?, problem = ? WHERE id = ?", (state.value, problem, doc)
        )
        if source is not None:
            self.db.execute(
                "UPDATE documents SET source_size = ?, source_mtime_ns = ? WHERE id = ?",
                (*_stat_values(source), doc),
            )
        if engine is not None:
            self.db.execute("UPDATE documents SET engine = ? WHERE id = ?", (engine, doc))

    def without_review(self, name: str, state: State) -> None:
        """The document has no review file (any more): its review facts go."""
        doc = self._id(name)
        self._clear(doc)
        self.db.execute(
            """UPDATE documents SET state = ?, problem = '', source_sha256 = '',
                review_size = NULL, review_mtime_ns = NULL, engine = '', pages = 0, lines = 0,
                words = 0, versions = 0, reviewers = '[]', unanchored = 0,
                pending_weight = 0, counts = '{}' WHERE id = ?""",
            (state.value, doc),
        )

    def forget(self, name: str) -> None:
        """Remove a document that has neither a source nor a review file any more."""
        row = self.db.execute("SELECT id FROM documents WHERE name = ?", (name,)).fetchone()
        if row is not None:
            self._clear(int(row[0]))
            self.db.execute("DELETE FROM documents WHERE id = ?", (int(row[0]),))

    def _clear(self, doc: int) -> None:
        self.db.execute("DELETE FROM suggestions WHERE doc = ?", (doc,))
        # a contentless full-text index forgets a row when told its text again
        self.db.execute(
            """INSERT INTO text_words (text_words, rowid, text)
               SELECT 'delete', doc, text FROM texts WHERE doc = ?""",
            (doc,),
        )
        self.db.execute("DELETE FROM texts WHERE doc = ?", (doc,))

    # -- rules -----------------------------------------------------------------------------

    def set_rules(self, rules: Sequence[Rule]) -> None:
        """Mirror the rules file (inside ``transaction``)."""
        self.db.execute("DELETE FROM rules")
        self.db.executemany(
            "INSERT INTO rules VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                (
                    r.id,
                    r.original,
                    r.replacement,
                    r.action,
                    r.reviewer,
                    r.created,
                    r.withdrawn or None,
                    r.withdrawn_by or None,
                )
                for r in rules
            ),
        )

    def documents_with(self, sql: str, params: Iterable[object]) -> list[str]:
        """Names of documents with a suggestion matching ``sql`` (a WHERE clause)."""
        rows = self.db.execute(
            f"""SELECT name FROM documents WHERE id IN
                (SELECT DISTINCT doc FROM suggestions WHERE {sql}) ORDER BY name""",
            tuple(params),
        )
        return [row[0] for row in rows]
