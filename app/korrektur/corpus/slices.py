"""``corpus analyse`` in slices of a few seconds, so that other work on the corpus can come between.

A program that keeps a corpus open (the corpus window) has one thread that writes to it;
an analysis of hundreds of documents must not hold that thread for minutes while the
archivist decides, searches or saves. ``Slices`` runs the ordinary ``Analysis`` with a
runner that takes new documents only for ``SLICE`` seconds (or until it is cancelled), lets
the documents under way finish and be recorded, and returns; the caller runs the next slice
when its other work is done. The worker processes (and the lexicon they loaded) are kept
from one slice to the next.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from korrektur.corpus.batch import TODO, AnalyseReport, Analysis
from korrektur.corpus.facts import engine_key
from korrektur.corpus.opened import Corpus
from korrektur.corpus.progress import Reporter
from korrektur.corpus.runners import Failed, Runner, RunnerFactory
from korrektur.store.tool import current_tool

T = TypeVar("T")
R = TypeVar("R")

SLICE = 1.0
"""Seconds during which a slice hands out new documents."""


class _Timed:
    """A runner that hands tasks to ``inner`` until a deadline or a cancellation."""

    def __init__(self, inner: Runner, seconds: float, stop: Callable[[], bool]) -> None:
        self.inner = inner
        self.shares_files = inner.shares_files
        self.deadline = time.monotonic() + seconds
        self.stop = stop

    def map(self, func: Callable[[T], R], tasks: Iterable[T]) -> Iterator[tuple[T, R | Failed]]:
        """The inner runner's results, of the tasks taken before the deadline."""

        def feed() -> Iterator[T]:
            source = iter(tasks)
            taken = 0  # one task at least: every slice gets on
            while not self.stop() and (not taken or time.monotonic() < self.deadline):
                try:
                    task = next(source)
                except StopIteration:
                    return
                taken += 1
                yield task

        return self.inner.map(func, feed())

    def close(self) -> None:
        """The inner runner outlives the slice."""


class Slices:
    """Analyse a corpus's new and changed documents a slice at a time.

    Attributes:
        report: what every slice so far did, added up.
        done: documents analysed (or found bad) so far.
    """

    def __init__(
        self,
        corpus: Corpus,
        runner: RunnerFactory,
        cancelled: Callable[[], bool],
        seconds: float = SLICE,
    ) -> None:
        self.corpus = corpus
        self.make_runner = runner
        self.cancelled = cancelled
        self.seconds = seconds
        self.report = AnalyseReport()
        self._runner: Runner | None = None
        self._engine = engine_key(current_tool())

    def remaining(self) -> int:
        """Documents still to analyse."""
        row = self.corpus.index.db.execute(
            f"SELECT count(*) FROM documents WHERE {TODO}", {"engine": self._engine}
        ).fetchone()
        return int(row[0])

    @property
    def done(self) -> int:
        """Documents analysed or found bad so far."""
        return len(self.report.analysed) + len(self.report.bad)

    def run_slice(self, progress: Reporter | None = None) -> bool:
        """Analyse for one slice; True while documents are left (and not cancelled)."""
        if self.cancelled():
            return False

        def timed(count: int) -> Runner:
            if self._runner is None:
                self._runner = self.make_runner(count)
            return _Timed(self._runner, self.seconds, self.cancelled)

        part = Analysis(self.corpus, timed, progress).run()
        self._add(part)
        return not self.cancelled() and self.remaining() > 0

    def _add(self, part: AnalyseReport) -> None:
        total = self.report
        total.analysed.extend(part.analysed)
        total.bad.extend(part.bad)
        total.notes.extend(part.notes)
        total.foreign.extend(part.foreign)
        total.skipped = part.skipped
        total.words += part.words
        total.cpu_seconds += part.cpu_seconds
        total.seconds += part.seconds

    def close(self) -> None:
        """Stop the worker processes."""
        if self._runner is not None:
            self._runner.close()
            self._runner = None
