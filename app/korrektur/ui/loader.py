"""Runs one analysis job at a time and passes on only the latest job's results."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from korrektur.model import Document
from korrektur.ui.prepared import DEFAULT_VIEW
from korrektur.ui.services import TaskPool
from korrektur.ui.worker import AnalysisJob, EngineHolder, EngineWarmUp, JobSignals


class DocumentLoader(QObject):
    """Starts analysis jobs on the pool; results of a superseded job are dropped.

    Signals:
        reading(Path): a file is being read (the page view shows a PDF's first page at once).
        loaded(Document, Prepared): the file is read (analysis continues).
        progress(int, int): done and total units of analysis.
        finished(Analysed): suggestions, the corrected text and the counts are ready.
        failed(str): a message for the user.
        cancelled(): the analysis was stopped.
        running_changed(bool): a job started or ended.
    """

    reading = Signal(object)
    loaded = Signal(object, object)
    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    running_changed = Signal(bool)

    def __init__(self, pool: TaskPool, engine: EngineHolder, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = pool
        self._engine = engine
        self._job: AnalysisJob | None = None
        self._signals: dict[int, JobSignals] = {}
        self._number = 0
        self.view = DEFAULT_VIEW  # sessions are prepared to be shown this way

    @property
    def running(self) -> bool:
        """True while a job is under way."""
        return self._job is not None

    def start(self, source: Path | Document, review_path: Path | None = None) -> None:
        """Read (if a path) and analyse ``source``; a running job is cancelled.

        ``review_path``: the source's review file, when it is not the one beside it.
        """
        self.cancel()
        self._number += 1
        signals = JobSignals(self)  # owned here, deleted on this thread when the job ends
        self._signals[self._number] = signals
        job = AnalysisJob(self._number, source, self._engine, signals, self.view, review_path)
        signals.loaded.connect(self._on_loaded)
        signals.progress.connect(self._on_progress)
        signals.finished.connect(self._on_finished)
        signals.failed.connect(self._on_failed)
        signals.cancelled.connect(self._on_cancelled)
        self._job = job
        self.running_changed.emit(True)
        if isinstance(source, Path):
            self.reading.emit(source)
        self._pool.start(job)

    def warm_up(self) -> None:
        """Build the engine in the background now, before the first document."""
        self._pool.start(EngineWarmUp(self._engine))

    def cancel(self) -> None:
        """Ask the running job to stop."""
        if self._job is not None:
            self._job.cancel()

    def wait(self, msecs: int = -1) -> bool:
        """Block until jobs are done (closing the window)."""
        return self._pool.waitForDone(msecs)

    def _current(self, number: int) -> bool:
        return self._job is not None and number == self._number

    def _release(self, number: int) -> None:
        """A job sent its last signal: its signals object can go (later, on this thread)."""
        signals = self._signals.pop(number, None)
        if signals is not None:
            signals.deleteLater()

    def _end(self) -> None:
        self._job = None
        self.running_changed.emit(False)

    def _on_loaded(self, number: int, document: object, prepared: object) -> None:
        if self._current(number):
            self.loaded.emit(document, prepared)

    def _on_progress(self, number: int, done: int, total: int) -> None:
        if self._current(number):
            self.progress.emit(done, total)

    def _on_finished(self, number: int, analysed: object) -> None:
        self._release(number)
        if self._current(number):
            self._end()
            self.finished.emit(analysed)

    def _on_failed(self, number: int, message: str) -> None:
        self._release(number)
        if self._current(number):
            self._end()
            self.failed.emit(message)

    def _on_cancelled(self, number: int) -> None:
        self._release(number)
        if self._current(number):
            self._end()
            self.cancelled.emit()
