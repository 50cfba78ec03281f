"""Load and analyse a document off the GUI thread; results come back through signals."""

from __future__ import annotations

import gc
import logging
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Signal
from PySide6.QtGui import QTextDocument

from korrektur.engine import AnalysisCancelled
from korrektur.model import KIND_GROUPS, Document, DocumentError, ReviewSession, Suggestion
from korrektur.store.resume import ResumeReport, resume_document
from korrektur.store.review import Review
from korrektur.store.validate import ReviewFileError
from korrektur.ui.services import Analyser
from korrektur.ui.stats import ReviewStats
from korrektur.ui.textmap import Utf16Index

log = logging.getLogger(__name__)

PROGRESS_INTERVAL = 0.05  # seconds between progress signals: enough for a bar, no flood

# While a job runs, the GUI thread gets the GIL back within this many seconds.
JOB_SWITCH_INTERVAL = 0.0005


@contextmanager
def gui_keeps_the_gil() -> Iterator[None]:
    """While background Python code runs, let the GUI thread have the GIL whenever it asks.

    Two things otherwise hold the GIL for long stretches: Python's 5 ms switch interval,
    paid at each of a repaint's many Python/Qt crossings, and the cyclic garbage collector,
    whose full passes over the objects an analysis creates (tokens, candidates,
    suggestions) take 100–200 ms on a 300-page report. The collector is paused for the job
    and what the job built is then frozen: it lives as long as the review anyway, and later
    passes need not walk it again.
    """
    previous = sys.getswitchinterval()
    collecting = gc.isenabled()
    sys.setswitchinterval(JOB_SWITCH_INTERVAL)
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if collecting:
            gc.enable()
        sys.setswitchinterval(previous)


class EngineHolder:
    """Builds the engine on first use (on the worker thread) and keeps it for later documents."""

    def __init__(self, factory: Callable[[], Analyser]) -> None:
        self._factory = factory
        self._engine: Analyser | None = None
        self._lock = threading.Lock()

    def get(self) -> Analyser:
        """The engine, built now if needed (loading a lexicon may take seconds)."""
        with self._lock:
            if self._engine is None:
                self._engine = self._factory()
            return self._engine


@dataclass(frozen=True)
class Prepared:
    """A pane's text, made into a ``QTextDocument`` off the GUI thread.

    Filling a document with a long report takes tens of milliseconds; done here, the GUI
    thread only swaps it in.

    Attributes:
        text: the text (what the core's offsets refer to).
        document: the same text as a document, moved to the GUI thread.
        index: converts the core's offsets to the document's positions.
    """

    text: str
    document: QTextDocument
    index: Utf16Index


def prepare(text: str) -> Prepared:
    """Fill a document with ``text`` on this thread and hand it to the GUI thread."""
    document = QTextDocument()
    document.setUndoRedoEnabled(False)
    document.setPlainText(text)
    app = QCoreApplication.instance()
    if app is not None:
        document.moveToThread(app.thread())
    return Prepared(text, document, Utf16Index(text))


@dataclass(frozen=True)
class Analysed:
    """A finished analysis with what the window needs, all built off the GUI thread.

    Attributes:
        session: the review session.
        corrected: its corrected text, prepared for the corrected pane.
        stats: the decided/total counts for the status bar.
        review: the file's review, resumed from its review file if it has one (None when
            the open document was analysed again).
        report: what resuming found (a changed source, decisions not found again).
    """

    session: ReviewSession
    corrected: Prepared
    stats: ReviewStats
    review: Review | None = None
    report: ResumeReport | None = None


class JobSignals(QObject):
    """What an analysis job reports; every signal carries the job's number.

    Signals:
        loaded(int, Document, Prepared): the file was read (and its text prepared).
        progress(int, int, int): done and total units of analysis.
        finished(int, Analysed): suggestions, the corrected text and the counts are ready.
        failed(int, str): a message for the user.
        cancelled(int): the user stopped the analysis.
    """

    loaded = Signal(int, object, object)
    progress = Signal(int, int, int)
    finished = Signal(int, object)
    failed = Signal(int, str)
    cancelled = Signal(int)


class _Progress:
    """The engine's ``Progress``: throttled signals out, a cancel flag in."""

    def __init__(self, job: AnalysisJob) -> None:
        self._job = job
        self._last = 0.0

    def report(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done >= total or now - self._last >= PROGRESS_INTERVAL:
            self._last = now
            self._job.signals.progress.emit(self._job.number, done, total)

    def cancelled(self) -> bool:
        return self._job.cancel_requested


class AnalysisJob(QRunnable):
    """Read ``source`` (a path or a document) and analyse it; never touches a widget.

    Attributes:
        number: identifies the job's signals (the window ignores stale jobs).
        signals: where the job reports. Pass signals parented to a GUI-thread object when the
            job runs on a pool: the pool deletes the job on its own thread, and a parentless
            signals object would be destroyed there with it.
    """

    def __init__(
        self,
        number: int,
        source: Path | Document,
        engine: EngineHolder,
        signals: JobSignals | None = None,
    ) -> None:
        super().__init__()
        self.number = number
        self.signals = signals if signals is not None else JobSignals()
        self._source = source
        self._engine = engine
        self._cancel = threading.Event()

    @property
    def cancel_requested(self) -> bool:
        """True once ``cancel`` was called."""
        return self._cancel.is_set()

    def cancel(self) -> None:
        """Ask the analysis to stop at its next check."""
        self._cancel.set()

    def run(self) -> None:
        """Load, analyse, report; the GUI thread keeps getting the GIL quickly meanwhile."""
        with gui_keeps_the_gil():
            self._run()

    def _run(self) -> None:
        signals = self.signals
        try:
            document = (
                self._source
                if isinstance(self._source, Document)
                else Document.from_path(self._source)
            )
        except DocumentError as exc:
            signals.failed.emit(self.number, str(exc))
            return
        signals.loaded.emit(self.number, document, prepare(document.text))
        try:
            if self.cancel_requested:
                raise AnalysisCancelled
            engine = self._engine.get()
            progress = _Progress(self)

            def analyse(doc: Document) -> list[Suggestion]:
                return engine.analyse(doc, KIND_GROUPS["all"], progress)

            review, report = None, None
            if isinstance(self._source, Document):  # analysing again: the window merges
                session = ReviewSession(document, analyse(document))
            else:  # a file: resume its review file (decisions, versions) if it has one
                review, report = resume_document(document, analyse)
                session = review.session
            # the text, its offset maps and the counts are built here, not on the GUI thread
            corrected = prepare(session.corrected_text())
            analysed = Analysed(session, corrected, ReviewStats(session), review, report)
        except AnalysisCancelled:
            signals.cancelled.emit(self.number)
            return
        except ReviewFileError as exc:  # never overwrite a damaged review file: say so
            text = QCoreApplication.translate(
                "AnalysisJob",
                "{error}\nMove or repair the review file to open {name}; it was left as it is.",
            )
            signals.failed.emit(self.number, text.format(name=document.name, error=exc))
            return
        except Exception as exc:  # an engine bug must not take the window down
            log.exception("analysis of %s failed", document.name)
            text = QCoreApplication.translate(
                "AnalysisJob", "The analysis of {name} failed: {error}"
            )
            signals.failed.emit(self.number, text.format(name=document.name, error=exc))
            return
        signals.finished.emit(self.number, analysed)


class EngineWarmUp(QRunnable):
    """Build the engine before any document is opened.

    The lexicon then loads while the reviewer picks a file; a failure is left for the first
    analysis to report.
    """

    def __init__(self, engine: EngineHolder) -> None:
        super().__init__()
        self._engine = engine

    def run(self) -> None:
        """Build the engine; errors are logged only."""
        with gui_keeps_the_gil():
            try:
                self._engine.get()
            except Exception:  # the analysis that needs the engine reports it to the user
                log.exception("building the engine failed")
