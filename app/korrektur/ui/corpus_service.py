"""The open corpus, used on one worker thread only; the corpus window asks and hears back.

The project's index is an SQLite database that one thread uses; everything that touches it
(opening and checking the project, the figures, a concordance, a corpus-wide decision, the
analysis of new documents) runs as an ordered job on the service's one-thread pool. The
analysis goes a slice of about a second at a time (``corpus.slices``), so that a decision
or a search asked for meanwhile waits at most that long. Nothing here touches a widget.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QThreadPool, Signal

from korrektur.corpus.batch import AnalyseReport
from korrektur.corpus.concordance import Concordance, Pair, pair_concordance, word_concordance
from korrektur.corpus.facts import engine_key
from korrektur.corpus.lock import ProjectBusy
from korrektur.corpus.opened import Corpus
from korrektur.corpus.opening import open_corpus
from korrektur.corpus.project import CorpusError, Project
from korrektur.corpus.rules import Rule
from korrektur.corpus.runners import (
    AdaptiveRunner,
    PoolRunner,
    Runner,
    RunnerFactory,
    in_background,
)
from korrektur.corpus.slices import Slices
from korrektur.corpus.status import CorpusStatus, corpus_status
from korrektur.corpus.steps import Outcome
from korrektur.corpus.sync import Synchroniser
from korrektur.corpus.worker import warm_up
from korrektur.store.tool import current_tool
from korrektur.ui.jobs import POOLS, Jobs, Pool, SyncPool, thread_pool

T = TypeVar("T")

COMMAND = "window"
"""How the corpus window names itself in the project's lock file."""


def corpus_pool() -> QThreadPool:
    """One thread that never ends while the pool lives: SQLite wants the thread it knows.

    (``ui.jobs.thread_pool``'s thread ends when idle, and the index's connection would be
    used from the next one.) Registered in ``POOLS`` so the tests see it is left idle.
    """
    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    pool.setExpiryTimeout(-1)
    POOLS.add(pool)
    return pool


def _jobs() -> int:
    """Worker processes: leave a core to the window (at least one, at most four)."""
    return max(1, min(4, (os.cpu_count() or 2) - 1))


def analysis_runner(count: int) -> Runner:
    """Worker processes for the analysis (each loads the lexicon once), below the window."""
    return PoolRunner(min(_jobs(), count), partial(in_background, warm_up))


def step_runner() -> Runner:
    """Where corpus-wide decisions rewrite review files: here if few, else in processes."""
    return AdaptiveRunner(_jobs(), in_background)


def rescore_runner() -> Runner:
    """Where learning and re-scoring run: one worker process (never the window's)."""
    return PoolRunner(1, in_background)


@dataclass(frozen=True)
class Figures:
    """What the window shows of the corpus.

    Attributes:
        status: the corpus's and every document's figures.
        rules: the rules, withdrawn ones included.
    """

    status: CorpusStatus
    rules: list[Rule]


@dataclass(frozen=True)
class Query:
    """A concordance search.

    Attributes:
        word: the word (or the original of a pair).
        replacement: the correction of a pair (None: a word search).
        exact_case: match the word's case exactly.
    """

    word: str
    replacement: str | None = None
    exact_case: bool = False


@dataclass(frozen=True)
class Found:
    """What a concordance search found.

    Attributes:
        query: the search.
        concordance: the occurrences (lines are built from it as they are shown).
        pending: the pending suggestions among them, by pair and document.
    """

    query: Query
    concordance: Concordance
    pending: dict[Pair, dict[str, list[str]]]

    @property
    def pending_count(self) -> int:
        """Pending suggestions found."""
        return sum(len(ids) for chosen in self.pending.values() for ids in chosen.values())


StepRun = Callable[[Corpus, str, Runner | None], Outcome]
"""``do`` or ``undo`` of a corpus step (see ``corpus.steps``)."""


class _Signals(QObject):
    """Reports from the worker thread (this object lives on the GUI thread)."""

    progress = Signal(int, int)


class _Progress:
    """The analysis's ``Reporter``: documents done out of all, as a signal."""

    def __init__(self, signal: Any, done: int) -> None:
        self.signal = signal
        self.before = done
        self.total = done
        self.count = 0

    def start(self, label: str, documents: int, size: int) -> None:
        self.total = self.before + documents
        self.signal.emit(self.before, self.total)

    def advance(self, size: int, words: int) -> None:
        self.count += 1
        self.signal.emit(self.before + self.count, self.total)

    def stop(self) -> None:
        """Nothing to stop."""


class CorpusService(QObject):
    """One corpus project, open for the corpus window.

    Attributes:
        project: the project (None until opened).
        readonly: another program writes to the project; this window only reads.
        jobs: runs the work on the corpus's one thread, in order (``Jobs.local``).

    Signals:
        opened(Project, list): the project is open; what the user should know about it.
        figures(Figures): the figures, anew (after opening, a decision, an analysis slice).
        analysis_running(bool): the analysis of new documents started or ended.
        analysis_progress(int, int): documents done out of all to analyse.
        analysis_done(AnalyseReport, bool): the analysis ended (True: it was cancelled).
        failed(str): something the user must read.
    """

    opened = Signal(object, list)
    figures = Signal(object)
    analysis_running = Signal(bool)
    analysis_progress = Signal(int, int)
    analysis_done = Signal(object, bool)
    failed = Signal(str)

    def __init__(
        self,
        pool: Pool | None = None,
        runner: RunnerFactory = analysis_runner,
        steps: Callable[[], Runner] = step_runner,
        rescorer: Callable[[], Runner] = rescore_runner,
        parent: QObject | None = None,
        aside: Pool | None = None,
    ) -> None:
        super().__init__(parent)
        self._make_step_runner = steps
        self._step_runner: Runner | None = None  # made on the worker when first needed
        self._make_rescorer = rescorer
        self._rescorer: Runner | None = None
        self.jobs = Jobs(pool=pool or corpus_pool(), parent=self)
        # work that waits on a worker process and touches no SQLite: beside the corpus's
        # thread, so that searches and decisions need not wait for it (learning)
        beside = aside or (SyncPool() if isinstance(pool, SyncPool) else thread_pool())
        self.aside_jobs = Jobs(pool=beside, parent=self)
        self._rescorer_lock = threading.Lock()
        self.project: Project | None = None
        self.readonly = False
        self._runner = runner
        self._corpus: Corpus | None = None  # used on the worker thread only
        self._engine = ""
        self._slices: Slices | None = None
        self._cancel = threading.Event()
        self._analysing = False
        self._signals = _Signals(self)
        self._signals.progress.connect(self.analysis_progress)
        self._closed = False

    @property
    def analysing(self) -> bool:
        """True while the analysis of new documents is under way."""
        return self._analysing

    # -- on the worker thread ------------------------------------------------------------

    def _open(self, root: Path) -> tuple[Project, list[str], bool]:
        try:
            corpus = open_corpus(root, COMMAND)
        except ProjectBusy:
            corpus = open_corpus(root, COMMAND, write=False)
        self._corpus = corpus
        self._engine = engine_key(current_tool())
        messages = list(corpus.messages)
        if corpus.sync is not None:
            messages.extend(f"{name}: {problem}" for name, problem in corpus.sync.damaged)
        return corpus.project, messages, corpus.readonly

    def _figures(self) -> Figures:
        corpus = self._need()
        return Figures(corpus_status(corpus, self._engine), list(corpus.rules))

    def rescorer(self) -> Runner:
        """Where learning and re-scoring run (started when first asked for).

        One thread at a time uses it: learning beside the corpus's thread, then re-scoring
        on it.
        """
        with self._rescorer_lock:
            if self._rescorer is None:
                self._rescorer = self._make_rescorer()
            return self._rescorer

    def _need(self) -> Corpus:
        if self._corpus is None:
            raise CorpusError("no corpus is open")
        return self._corpus

    # -- asked from the window -----------------------------------------------------------

    def _submit(
        self,
        work: Callable[[], T],
        on_done: Callable[[T], None],
        on_failed: Callable[[str], None] | None = None,
        label: str = "",
        jobs: Jobs | None = None,
    ) -> None:
        """Queue ``work`` on the corpus's thread (or on ``jobs``'s).

        Nothing more is queued once the corpus is closing.
        """
        if not self._closed:
            failed = on_failed or self.failed.emit
            (jobs or self.jobs).local(work, on_done, lambda failure: failed(failure.message), label)

    def open(self, root: Path) -> None:
        """Open the project at ``root`` (``opened`` and ``figures`` follow, or ``failed``)."""

        def opened(result: tuple[Project, list[str], bool]) -> None:
            self.project, messages, self.readonly = result
            self.opened.emit(self.project, messages)
            self.refresh()

        self._submit(lambda: self._open(root), opened, self.failed.emit, label=self.tr("Opening…"))

    def on_corpus(
        self,
        work: Callable[[Corpus], T],
        on_done: Callable[[T], None],
        on_failed: Callable[[str], None] | None = None,
        label: str = "",
    ) -> None:
        """Run ``work`` on the open corpus, in order with everything else asked of it."""
        self._submit(
            lambda: work(self._need()), on_done, on_failed or self.failed.emit, label=label
        )

    def aside(
        self,
        work: Callable[[], T],
        on_done: Callable[[T], None],
        on_failed: Callable[[str], None] | None = None,
        label: str = "",
    ) -> None:
        """Run ``work`` beside the corpus's thread: it must not touch the open corpus."""
        self._submit(work, on_done, on_failed, label, self.aside_jobs)

    @property
    def busy_label(self) -> str:
        """What the archivist waits for ("" when nothing)."""
        return self.jobs.label or self.aside_jobs.label

    def refresh(self) -> None:
        """Read the figures again (``figures`` follows)."""
        self._submit(self._figures, self.figures.emit, self.failed.emit)

    def document_saved(self, name: str) -> None:
        """A document's review file was saved (in the review window): its row anew."""

        def work() -> Figures:
            corpus = self._need()
            if not corpus.readonly:
                Synchroniser(corpus.project, corpus.index).refresh(name)
            return self._figures()

        self._submit(work, self.figures.emit, self.failed.emit)

    def search(self, query: Query, on_done: Callable[[Found], None]) -> None:
        """Run a concordance search; ``on_done`` gets what it found."""

        def work() -> Found:
            index = self._need().index
            if query.replacement is not None:
                found = pair_concordance(index, query.word, query.replacement)
            else:
                found = word_concordance(index, query.word, exact_case=query.exact_case)
            return Found(query, found, found.pending())

        self._submit(work, on_done, self.failed.emit, label=self.tr("Searching…"))

    def run_step(
        self, run: StepRun, reviewer: str, label: str, on_done: Callable[[Outcome], None]
    ) -> None:
        """Run a step of the undo stack (``do`` or ``undo``), then read the figures again.

        Steps run in the order asked, so an undo asked before its step finished still
        finds what the step made.
        """

        def work() -> Outcome:
            corpus = self._need()
            corpus.require_writer()
            if self._step_runner is None:
                self._step_runner = self._make_step_runner()
            return run(corpus, reviewer, self._step_runner)

        self._submit(work, on_done, self.failed.emit, label=label)
        self.refresh()

    # -- the analysis of new documents ---------------------------------------------------

    def analyse(self) -> None:
        """Analyse the new and changed documents in the background (a slice at a time)."""
        if self._analysing or self.readonly:
            return
        self._analysing = True
        self._cancel.clear()
        self.analysis_running.emit(True)
        self._next_slice()

    def cancel_analysis(self) -> None:
        """Stop the analysis after the documents under way (they are kept)."""
        self._cancel.set()

    def _next_slice(self) -> None:
        def work() -> bool:
            corpus = self._need()
            if self._slices is None:
                self._slices = Slices(corpus, self._runner, self._cancel.is_set)
            slices = self._slices
            return slices.run_slice(_Progress(self._signals.progress, slices.done))

        def done(more: bool) -> None:
            self.refresh()
            if more:
                self._next_slice()  # behind whatever was asked meanwhile
            else:
                self._end_analysis()

        self._submit(work, done, self._analysis_failed)

    def _end_analysis(self) -> None:
        def work() -> AnalyseReport:
            slices, self._slices = self._slices, None
            if slices is None:
                return AnalyseReport()
            slices.close()
            return slices.report

        def done(report: AnalyseReport) -> None:
            self._analysing = False
            self.analysis_running.emit(False)
            self.analysis_done.emit(report, self._cancel.is_set())

        def failed(message: str) -> None:
            self.failed.emit(message)
            done(AnalyseReport())

        self._submit(work, done, failed)

    def _analysis_failed(self, message: str) -> None:
        self.failed.emit(message)
        self._cancel.set()
        self._end_analysis()

    # -- closing ---------------------------------------------------------------------------

    def close(self) -> None:
        """Stop the analysis, close the project (the lock is given back) and wait.

        Nothing asked after this runs: a reply still on its way (the figures after a
        step, the next analysis slice) would otherwise queue work on a closed corpus.
        """
        self._closed = True
        self._cancel.set()

        def work() -> None:
            if self._slices is not None:
                self._slices.close()
                self._slices = None
            for runner in (self._step_runner, self._rescorer):
                if runner is not None:
                    runner.close()
            self._step_runner = self._rescorer = None
            if self._corpus is not None:
                self._corpus.close()
                self._corpus = None

        self.aside_jobs.wait()  # (a learning under way: its worker is closed next)
        self.jobs.local(work, _ignore, _ignore)
        self.jobs.wait()


def _ignore(_: object) -> None:
    """What closing gives back (the corpus is closed either way)."""
