"""``corpus analyse``: every new or changed document analysed by a runner, recorded by one writer.

The writer (this process) chooses the documents — new ones, changed sources, and those an
older engine analysed — reads their sources lazily as the runner asks for tasks, and for
each result has the review file written (atomically; by the worker itself where it shares
this machine's files, else here) and then records its index rows. A run killed at
any moment leaves every review file whole and every committed index row true; the next
run's check on opening indexes what was written but not committed, and analyses the rest.
The writer never loads the lexicon: only workers do.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from korrektur.corpus.facts import engine_key
from korrektur.corpus.index import DocumentRow, Stat, State
from korrektur.corpus.progress import Quiet, Reporter
from korrektur.corpus.runners import Failed, Runner
from korrektur.corpus.worker import Outcome, Task, analyse_and_write, analyse_task
from korrektur.corpus.workspace import Corpus
from korrektur.model.session import now_iso
from korrektur.store.atomic import WriteError, atomic_write_bytes
from korrektur.store.provenance import current_tool

COMMIT_EVERY = 1.0
"""Seconds between index commits while results come in."""


@dataclass
class AnalyseReport:
    """What a run did.

    Attributes:
        analysed: documents analysed (review file written).
        skipped: documents already analysed by this engine, source unchanged.
        bad: documents that could not be analysed, with the reason.
        notes: what happened besides a plain analysis, by document.
        foreign: documents analysed by workers with another Korrektur or lexicon.
        words: words analysed.
        cpu_seconds: processor time the workers spent.
        seconds: wall time of the run.
    """

    analysed: list[str] = field(default_factory=list)
    skipped: int = 0
    bad: list[tuple[str, str]] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    words: int = 0
    cpu_seconds: float = 0.0
    seconds: float = 0.0


def needs_analysis(row: DocumentRow, engine: str) -> bool:
    """True for a new or changed document, or one analysed (or failed) under another engine."""
    if row.state in (State.NEW, State.CHANGED):
        return True
    if row.state is State.ANALYSED:
        return row.engine != engine
    if row.state is State.BAD:  # failed analyses are tried again by another engine
        return not row.problem.startswith("its review file") and row.engine != engine
    return False


class Analysis:
    """One run of ``corpus analyse``."""

    def __init__(
        self, corpus: Corpus, runner: Callable[[int], Runner], progress: Reporter | None = None
    ) -> None:
        corpus.require_writer()
        self.corpus = corpus
        self.make_runner = runner
        self.progress = progress or Quiet()
        self.engine = engine_key(current_tool())
        self.time = now_iso()
        self.report = AnalyseReport()
        self._stats: dict[str, Stat | None] = {}
        self._fresh: set[str] = set()  # documents the index holds no review facts of
        self._sizes: dict[str, int] = {}

    def plan(self) -> list[DocumentRow]:
        """The documents to analyse, by name."""
        rows = self.corpus.index.documents()
        todo = [row for row in rows if needs_analysis(row, self.engine)]
        self.report.skipped = sum(1 for row in rows if row.state is State.ANALYSED) - sum(
            1 for row in todo if row.state is State.ANALYSED
        )
        return todo

    def run(self) -> AnalyseReport:
        """Analyse what needs it; returns what was done."""
        started = time.monotonic()
        todo = self.plan()
        if not todo:
            return self.report
        project = self.corpus.project
        sizes = {row.name: _size(project.source_path(row.name)) for row in todo}
        self.progress.start("analyse", len(todo), sum(sizes.values()))
        db = self.corpus.index.db
        last = time.monotonic()
        runner = self.make_runner(len(todo))
        db.execute("BEGIN IMMEDIATE")
        try:
            work = analyse_and_write if runner.shares_files else analyse_task
            for task, result in runner.map(work, self._tasks(todo)):
                outcome = result if isinstance(result, Outcome) else self._failed(task, result)
                with self.corpus.index.savepoint():
                    self._record(outcome)
                self.progress.advance(sizes.get(task.document, 0), _words(outcome))
                if time.monotonic() - last > COMMIT_EVERY:
                    db.execute("COMMIT")
                    db.execute("BEGIN IMMEDIATE")
                    last = time.monotonic()
        finally:
            db.execute("COMMIT")  # what is recorded is true: keep it, even when interrupted
            self.progress.stop()
            runner.close()
        self.report.seconds = time.monotonic() - started
        return self.report

    def _tasks(self, todo: list[DocumentRow]) -> Iterator[Task]:
        """Tasks made when the runner has room: the source is read only then."""
        project = self.corpus.project
        rules = tuple(rule for rule in self.corpus.rules if rule.active)
        for row in todo:
            source = project.source_path(row.name)
            review = project.review_path(row.name)
            stat = Stat.of(source)
            try:
                data = source.read_bytes()
                previous = review.read_bytes() if row.has_review and review.is_file() else None
            except OSError as exc:
                with self.corpus.index.savepoint():
                    self._record(
                        Outcome(row.name, problem=f"cannot be read: {exc.strerror or exc}")
                    )
                continue
            self._stats[row.name] = stat
            if not row.has_review:
                self._fresh.add(row.name)
            yield Task(row.name, data, str(source), str(review), previous, rules, self.time)

    def _failed(self, task: Task, failure: Failed) -> Outcome:
        return Outcome(task.document, problem=str(failure))

    def _record(self, outcome: Outcome) -> None:
        """Write the review file, then the index rows."""
        index = self.corpus.index
        name = outcome.document
        stat = self._stats.pop(name, None)
        self.report.cpu_seconds += outcome.cpu_seconds
        if outcome.facts is None or (outcome.review is None and not outcome.written):
            index.mark(name, State.BAD, outcome.problem, source=stat, engine=self.engine)
            self.report.bad.append((name, outcome.problem))
            return
        path = self.corpus.project.review_path(name)
        try:
            if outcome.review is not None:
                path.parent.mkdir(parents=True, exist_ok=True)
                atomic_write_bytes(path, outcome.review)
        except (OSError, WriteError) as exc:
            problem = f"its review file cannot be written: {exc}"
            index.mark(name, State.BAD, problem, source=stat, engine=self.engine)
            self.report.bad.append((name, problem))
            return
        fresh = name in self._fresh
        index.record(name, outcome.facts, State.ANALYSED, Stat.of(path), stat, fresh=fresh)
        self.report.analysed.append(name)
        self.report.words += outcome.facts.words
        if outcome.note:
            self.report.notes.append((name, outcome.note))
        if outcome.facts.engine != self.engine:
            self.report.foreign.append(name)


def _size(path: Path) -> int:
    stat = Stat.of(path)
    return stat.size if stat is not None else 0


def _words(outcome: Outcome) -> int:
    return outcome.facts.words if outcome.facts is not None else 0
