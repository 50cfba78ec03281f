"""Bring the index up to date with the review files and the sources, as they are on disk.

Run whenever a writer opens a project. Review files are compared with the index by size
and modification time (a review saved in the window, or changed by hand, is read again);
sources likewise, and a source whose size or time changed is hashed to tell a real change
(the document is then ``changed`` until the next analysis re-anchors its decisions) from a
touch. ``reindex`` reads every review file: the index rebuilt from nothing.
"""

from __future__ import annotations

import hashlib
import heapq
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import groupby
from pathlib import Path
from typing import Any

from korrektur.corpus.facts import Facts, facts_of
from korrektur.corpus.index import CorpusIndex, DocumentRow, Stat, State
from korrektur.corpus.progress import Quiet, Reporter
from korrektur.corpus.project import Project, SourceFile
from korrektur.corpus.runners import POOL_FROM, InlineRunner, RunnerFactory
from korrektur.corpus.walk import sorted_files
from korrektur.store.reviewfile import SUFFIX
from korrektur.store.reviewread import load_review
from korrektur.store.validate import ReviewFileError

COMMIT_EVERY = 1.0
"""Seconds between commits of a long synchronisation (what is committed survives a kill)."""


@dataclass
class SyncReport:
    """What a synchronisation found.

    Attributes:
        reread: review files read (again) because the index did not match them.
        damaged: review files that could not be read, with the reason.
        changed: documents whose source changed since their review was made.
        missing: documents whose source is gone (their review files are kept).
        new: documents found for the first time.
        gone: documents with neither a source nor a review file, dropped from the index.
    """

    reread: list[str] = field(default_factory=list)
    damaged: list[tuple[str, str]] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    new: list[str] = field(default_factory=list)
    gone: list[str] = field(default_factory=list)


def hash_file(path: Path) -> str:
    """The SHA-256 of a file's bytes (read a megabyte at a time)."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def facts_or_problem(path: Path) -> Facts | str:
    """The facts of a review file, or what is wrong with it (a pure function of the file)."""
    try:
        review = load_review(path)
    except ReviewFileError as exc:
        return str(exc)
    try:
        return facts_of(review)
    finally:
        review.release()


def _size(path: Path) -> int:
    stat = Stat.of(path)
    return stat.size if stat is not None else 0


def review_files(project: Project) -> Iterator[tuple[str, Path]]:
    """Every review file in the project, as ``(document, path)`` in document order."""
    if not project.reviews.is_dir():
        return

    def document(name: str) -> str | None:
        return name[: -len(SUFFIX)] if name.endswith(SUFFIX) else None

    for name, entry in sorted_files(project.reviews, document):
        yield name, Path(entry.path)


Found = tuple[str, DocumentRow | None, SourceFile | None, Path | None]
"""A document's name with its index row, source and review file (None where missing)."""


def joined(
    rows: Iterator[DocumentRow], sources: Iterator[SourceFile], reviews: Iterator[tuple[str, Path]]
) -> Iterator[Found]:
    """The three streams, each in name order, side by side by name."""
    tagged = heapq.merge(
        ((row.name, 0, row) for row in rows),
        ((source.name, 1, source) for source in sources),
        ((name, 2, path) for name, path in reviews),
        key=lambda item: (item[0], item[1]),
    )
    for name, items in groupby(tagged, key=lambda item: item[0]):
        found: list[Any] = [None, None, None]
        for _, tag, item in items:
            found[tag] = item
        yield name, found[0], found[1], found[2]


class Synchroniser:
    """One pass over every document of a project, in little memory whatever its size.

    The index (a snapshot of it), the source folder and the review files are walked side
    by side in name order; review files the index does not match are noted in a temporary
    table and read afterwards (by worker processes when there are many).
    """

    def __init__(
        self, project: Project, index: CorpusIndex, progress: Reporter | None = None
    ) -> None:
        self.project = project
        self.index = index
        self.progress = progress or Quiet()
        self.report = SyncReport()
        self._last = time.monotonic()

    def run(self, *, full: bool = False, runner: RunnerFactory | None = None) -> SyncReport:
        """Compare and update; ``full`` reads every review file whatever the index says.

        Review files to read are read by ``runner`` (worker processes) when there are many.
        """
        db = self.index.db
        db.execute("CREATE TEMP TABLE IF NOT EXISTS stale (name TEXT PRIMARY KEY, size INTEGER)")
        db.execute("DELETE FROM temp.stale")
        self._last = time.monotonic()
        db.execute("BEGIN IMMEDIATE")
        try:
            with self.index.snapshot() as rows:
                found = joined(rows, self.project.scan(), review_files(self.project))
                for name, row, source, review in found:
                    stat = Stat.of(review) if review is not None else None
                    if stat is not None and (full or row is None or row.review != stat):
                        db.execute("INSERT INTO temp.stale VALUES (?, ?)", (name, stat.size))
                    else:
                        self._one(name, row, source, review if stat is not None else None)
                        self._commit_now_and_then()
            self._read_stale(runner)
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")
        return self.report

    def refresh(self, name: str) -> None:
        """Bring one document's row up to date (its review file was saved a moment ago)."""
        review = self.project.review_path(name)
        with self.index.transaction():
            self._one(
                name,
                self.index.document(name),
                self._source(name),
                review if review.is_file() else None,
            )

    def _commit_now_and_then(self) -> None:
        if time.monotonic() - self._last > COMMIT_EVERY:
            self.index.db.execute("COMMIT")
            self.index.db.execute("BEGIN IMMEDIATE")
            self._last = time.monotonic()

    def _stale_names(self) -> Iterator[str]:
        last = ""
        while True:
            batch = self.index.db.execute(
                "SELECT name FROM temp.stale WHERE name > ? ORDER BY name LIMIT 500", (last,)
            ).fetchall()
            if not batch:
                return
            for (name,) in batch:
                yield name
            last = batch[-1][0]

    def _read_stale(self, runner: RunnerFactory | None) -> None:
        """Read the review files the index does not match, in worker processes if many."""
        count, size = self.index.db.execute("SELECT count(*), sum(size) FROM temp.stale").fetchone()
        if not count:
            return
        self.progress.start("read review files", count, size or 0)
        work = runner(count) if runner is not None and count >= POOL_FROM else None
        paths = (self.project.review_path(name) for name in self._stale_names())
        try:
            for path, result in (work or InlineRunner()).map(facts_or_problem, paths):
                name = self.project.document_of_review(path)
                facts = result if isinstance(result, Facts) else str(result)
                row = self.index.document(name)
                self._recorded(name, row, self._source(name), path, facts)
                self._commit_now_and_then()
        finally:
            if work is not None:
                work.close()
            self.progress.stop()

    def _source(self, name: str) -> SourceFile | None:
        """The source of ``name`` as it is now, if it is a document of the corpus."""
        path = self.project.source_path(name)
        try:
            info = path.stat()
        except OSError:
            return None
        if not self.project.includes(name) or not path.is_file():
            return None
        return SourceFile(name, path, info.st_size, info.st_mtime_ns)

    def _one(
        self,
        name: str,
        row: DocumentRow | None,
        source: SourceFile | None,
        review: Path | None,
    ) -> None:
        review_stat = Stat.of(review) if review is not None else None
        if review is not None and review_stat is not None:
            if row is None or row.review != review_stat:  # changed a moment ago
                self._recorded(name, row, source, review, facts_or_problem(review))
            else:
                self._check_source(name, row, source)
            return
        if source is None:
            if row is not None:
                self.index.forget(name)
                self.report.gone.append(name)
            return
        stat = Stat(source.size, source.mtime_ns)
        if row is None or row.has_review:
            self.index.without_review(name, State.NEW)
            self.index.mark(name, State.NEW, source=stat)
            self.report.new.append(name)
        elif row.state is State.BAD and row.source == stat:
            return  # still the same bad file
        elif row.state is not State.NEW or row.source != stat:
            self.index.mark(name, State.NEW, source=stat)

    def _recorded(
        self,
        name: str,
        row: DocumentRow | None,
        source: SourceFile | None,
        review: Path,
        facts: Facts | str,
    ) -> None:
        """Record what a review file says (or that it is damaged)."""
        review_stat = Stat.of(review)
        size = review_stat.size if review_stat is not None else 0
        if isinstance(facts, str):
            self.index.mark(name, State.BAD, f"its review file is damaged: {facts}")
            self.report.damaged.append((name, facts))
            self.progress.advance(size, 0)
            return
        self.progress.advance(size, facts.words)
        known = row if row is not None and row.source_sha256 == facts.sha256 else None
        state, stat, problem = self._source_state(name, source, facts.sha256, known)
        self.index.record(name, facts, state, review_stat, stat)
        if problem:
            self.index.mark(name, state, problem)
        self.report.reread.append(name)

    def _check_source(self, name: str, row: DocumentRow, source: SourceFile | None) -> None:
        if row.state is State.BAD and row.problem.startswith("its review file"):
            return  # listed until the review file is mended (its stat then changes)
        state, stat, problem = self._source_state(name, source, row.source_sha256, row)
        if row.state is State.BAD and state is State.ANALYSED and stat == row.source:
            return  # an analysis failure on an unchanged source stays listed
        if state is not row.state or stat != row.source or problem != row.problem:
            self.index.mark(name, state, problem, source=stat)

    def _source_state(
        self, name: str, source: SourceFile | None, sha256: str, row: DocumentRow | None
    ) -> tuple[State, Stat | None, str]:
        """The state of a reviewed document's source: analysed, changed or missing."""
        if source is None:
            self.report.missing.append(name)
            return State.MISSING, None, "the source file is gone; its review file is kept"
        stat = Stat(source.size, source.mtime_ns)
        if row is not None and row.source == stat:
            return (State.CHANGED if row.state is State.CHANGED else State.ANALYSED), stat, ""
        try:
            same = hash_file(source.path) == sha256
        except OSError as exc:
            return State.MISSING, None, f"the source cannot be read: {exc.strerror or exc}"
        if same:
            return State.ANALYSED, stat, ""
        self.report.changed.append(name)
        return State.CHANGED, stat, "the source changed since it was analysed"
