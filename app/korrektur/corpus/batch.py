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

from korrektur.corpus.facts import engine_key
from korrektur.corpus.index import Stat, State
from korrektur.corpus.learning.learner import load_profile
from korrektur.corpus.opened import Corpus
from korrektur.corpus.progress import Quiet, Reporter
from korrektur.corpus.runners import Failed, Runner
from korrektur.corpus.worker import (
    Outcome,
    Task,
    analyse_and_write,
    analyse_task,
    write_review,
)
from korrektur.model.session import now_iso
from korrektur.store.atomic import WriteError
from korrektur.store.lock import Stamp, stamp_of
from korrektur.store.tool import current_tool

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


TODO = """(state IN ('new', 'changed')
    OR (state = 'analysed' AND engine != :engine)
    OR (state = 'bad' AND engine != :engine AND problem NOT LIKE 'its review file%'))"""
"""The documents to analyse: new, changed, or analysed (or failed) under another engine.
A damaged review file is never overwritten: it waits for the reviewer."""


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
        self._stamps: dict[str, Stamp | None] = {}  # of the review files read, while under way
        self._fresh: set[str] = set()  # under way, and the index holds no review facts of them

    def _todo(self) -> Iterator[tuple[str, bool]]:
        """``(name, has a review file)`` of each document to analyse, by name.

        Read a few hundred at a time (the writer changes the table meanwhile), so that a
        corpus of any size is planned in little memory.
        """
        db, last = self.corpus.index.db, ""
        while True:
            batch = db.execute(
                f"""SELECT name, review_size IS NOT NULL FROM documents
                    WHERE {TODO} AND name > :last ORDER BY name LIMIT 500""",
                {"engine": self.engine, "last": last},
            ).fetchall()
            if not batch:
                return
            yield from ((name, bool(review)) for name, review in batch)
            last = batch[-1][0]

    def run(self) -> AnalyseReport:
        """Analyse what needs it; returns what was done."""
        started = time.monotonic()
        db = self.corpus.index.db
        count, size = db.execute(
            f"SELECT count(*), sum(source_size) FROM documents WHERE {TODO}",
            {"engine": self.engine},
        ).fetchone()
        self.report.skipped = db.execute(
            "SELECT count(*) FROM documents WHERE state = 'analysed' AND engine = ?",
            (self.engine,),
        ).fetchone()[0]
        if not count:
            return self.report
        self.progress.start("analyse", count, size or 0)
        last = time.monotonic()
        runner = self.make_runner(count)
        db.execute("BEGIN IMMEDIATE")
        try:
            work = analyse_and_write if runner.shares_files else analyse_task
            for task, result in runner.map(work, self._tasks()):
                outcome = result if isinstance(result, Outcome) else self._failed(task, result)
                stat = self._stats.get(task.document)
                with self.corpus.index.savepoint():
                    self._record(outcome)
                self.progress.advance(stat.size if stat else 0, _words(outcome))
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

    def _tasks(self) -> Iterator[Task]:
        """Tasks made when the runner has room: the source is read only then."""
        project = self.corpus.project
        rules = tuple(rule for rule in self.corpus.rules if rule.active)
        profile = load_profile(project.root)  # what the corpus learned, for new documents
        for name, has_review in self._todo():
            source = project.source_path(name)
            review = project.review_path(name)
            stat = Stat.of(source)
            stamp = stamp_of(review)  # before reading: a file replaced meanwhile looks changed
            try:
                data = source.read_bytes()
                previous = review.read_bytes() if stamp is not None else None
            except OSError as exc:
                with self.corpus.index.savepoint():
                    self._record(Outcome(name, problem=f"cannot be read: {exc.strerror or exc}"))
                continue
            self._stats[name] = stat
            self._stamps[name] = stamp
            if not has_review:
                self._fresh.add(name)
            yield Task(
                name, data, str(source), str(review), previous, rules, self.time, stamp, profile
            )

    def _failed(self, task: Task, failure: Failed) -> Outcome:
        return Outcome(task.document, problem=str(failure))

    def _record(self, outcome: Outcome) -> None:
        """Write the review file, then the index rows."""
        index = self.corpus.index
        name = outcome.document
        stat = self._stats.pop(name, None)
        expected = self._stamps.pop(name, None)
        self.report.cpu_seconds += outcome.cpu_seconds
        if outcome.facts is None or (outcome.review is None and not outcome.written):
            index.mark(name, State.BAD, outcome.problem, source=stat, engine=self.engine)
            self.report.bad.append((name, outcome.problem))
            return
        path = self.corpus.project.review_path(name)
        try:
            if outcome.review is not None:
                write_review(path, outcome.review, expected)
        except (OSError, WriteError) as exc:
            problem = f"its review file cannot be written: {exc}"
            index.mark(name, State.BAD, problem, source=stat, engine=self.engine)
            self.report.bad.append((name, problem))
            return
        fresh = name in self._fresh
        self._fresh.discard(name)
        index.record(name, outcome.facts, State.ANALYSED, Stat.of(path), stat, fresh=fresh)
        self.report.analysed.append(name)
        self.report.words += outcome.facts.words
        if outcome.note:
            self.report.notes.append((name, outcome.note))
        if outcome.facts.engine != self.engine:
            self.report.foreign.append(name)


def _words(outcome: Outcome) -> int:
    return outcome.facts.words if outcome.facts is not None else 0
