"""Bring the index up to date with the review files and the sources, as they are on disk.

Run whenever a writer opens a project. Review files are compared with the index by size
and modification time (a review saved in the window, or changed by hand, is read again);
sources likewise, and a source whose size or time changed is hashed to tell a real change
(the document is then ``changed`` until the next analysis re-anchors its decisions) from a
touch. ``reindex`` reads every review file: the index rebuilt from nothing.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from pathlib import Path

from korrektur.corpus.facts import Facts, facts_of
from korrektur.corpus.index import CorpusIndex, DocumentRow, Stat, State
from korrektur.corpus.progress import Quiet, Reporter
from korrektur.corpus.project import Project, SourceFile
from korrektur.corpus.runners import POOL_FROM, InlineRunner, RunnerFactory
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


def review_files(project: Project) -> dict[str, Path]:
    """Every review file in the project, by document name (temporary files left out)."""
    found = {}
    if project.reviews.is_dir():
        for path in project.reviews.rglob("*" + SUFFIX):
            if not path.name.startswith(".") and path.is_file():
                found[project.document_of_review(path)] = path
    return found


class Synchroniser:
    """One pass over every document of a project."""

    def __init__(
        self, project: Project, index: CorpusIndex, progress: Reporter | None = None
    ) -> None:
        self.project = project
        self.index = index
        self.progress = progress or Quiet()
        self.report = SyncReport()

    def run(self, *, full: bool = False, runner: RunnerFactory | None = None) -> SyncReport:
        """Compare and update; ``full`` reads every review file whatever the index says.

        Review files to read are read by ``runner`` (worker processes) when there are many.
        """
        rows = {row.name: row for row in self.index.documents()}
        sources = {source.name: source for source in self.project.scan()}
        reviews = review_files(self.project)
        names = sorted(set(rows) | set(sources) | set(reviews))
        stale = {
            name: path
            for name, path in reviews.items()
            if full or name not in rows or rows[name].review != Stat.of(path)
        }
        self._last = time.monotonic()
        self.index.db.execute("BEGIN IMMEDIATE")
        try:
            if stale:
                self._read_all(stale, rows, sources, runner)
            for name in names:
                if name not in stale:
                    self._one(name, rows.get(name), sources.get(name), reviews.get(name))
                    self._commit_now_and_then()
        except BaseException:
            self.index.db.execute("ROLLBACK")
            raise
        self.index.db.execute("COMMIT")
        return self.report

    def _commit_now_and_then(self) -> None:
        if time.monotonic() - self._last > COMMIT_EVERY:
            self.index.db.execute("COMMIT")
            self.index.db.execute("BEGIN IMMEDIATE")
            self._last = time.monotonic()

    def _read_all(
        self,
        stale: dict[str, Path],
        rows: dict[str, DocumentRow],
        sources: dict[str, SourceFile],
        runner: RunnerFactory | None,
    ) -> None:
        """Read the review files the index does not match, in worker processes if many."""
        by_path = {path: name for name, path in stale.items()}
        self.progress.start("read review files", len(stale), sum(map(_size, stale.values())))
        work = runner(len(stale)) if runner is not None and len(stale) >= POOL_FROM else None
        try:
            for path, result in (work or InlineRunner()).map(facts_or_problem, list(by_path)):
                name = by_path[path]
                facts = result if isinstance(result, Facts) else str(result)
                self._recorded(name, rows.get(name), sources.get(name), path, facts)
                self._commit_now_and_then()
        finally:
            if work is not None:
                work.close()
            self.progress.stop()

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
