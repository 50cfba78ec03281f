"""Load and analyse a document off the GUI thread; results come back through signals."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Signal

from korrektur.engine import AnalysisCancelled
from korrektur.formats.sources import read_document
from korrektur.model import KIND_GROUPS, Document, DocumentError, ReviewSession, Suggestion
from korrektur.model.view import TextView
from korrektur.store.resume import resume_document
from korrektur.store.validate import ReviewFileError
from korrektur.ui.gil import gui_keeps_the_gil
from korrektur.ui.prepared import DEFAULT_VIEW, Analysed, prepare
from korrektur.ui.services import Analyser
from korrektur.ui.stats import ReviewStats

log = logging.getLogger(__name__)

PROGRESS_INTERVAL = 0.05  # seconds between progress signals: enough for a bar, no flood


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
        view: how the corrected text is prepared (as the window shows it).
        review_path: the review file of a source whose review is kept elsewhere (a corpus
            project's); None: the one beside the source.
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
        view: TextView = DEFAULT_VIEW,
        review_path: Path | None = None,
    ) -> None:
        super().__init__()
        self.number = number
        self.view = view
        self.review_path = review_path
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
        with gui_keeps_the_gil(freeze=True):
            self._run()

    def _run(self) -> None:
        signals = self.signals
        try:
            document = (
                self._source if isinstance(self._source, Document) else read_document(self._source)
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
                review, report = resume_document(document, analyse, review_path=self.review_path)
                session = review.session
            # the text, its offset maps and the counts are built here, not on the GUI thread
            session.show(self.view)
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
        with gui_keeps_the_gil(freeze=True):
            try:
                self._engine.get()
            except Exception:  # the analysis that needs the engine reports it to the user
                log.exception("building the engine failed")
