"""Store work (saves, autosaves, exports, version texts) on one ordered worker thread."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

from korrektur.store.atomic import WriteError
from korrektur.store.validate import ReviewFileError
from korrektur.ui.gil import gui_keeps_the_gil

log = logging.getLogger(__name__)

# What a job may fail with in the normal course of things: said to the user as it is.
EXPECTED = (WriteError, OSError, ValueError, KeyError, ReviewFileError)


class Pool(Protocol):
    """Where jobs run: a one-thread ``QThreadPool``, or a synchronous stand-in in tests."""

    def start(self, runnable: QRunnable) -> None:
        """Run ``runnable``."""
        ...

    def waitForDone(self, msecs: int = -1) -> bool:
        """Block until every job is done."""
        ...


class SyncPool:
    """Runs each job at once on the calling thread, so tests need no waiting."""

    def start(self, runnable: QRunnable) -> None:
        """Run ``runnable`` now."""
        runnable.run()

    def waitForDone(self, msecs: int = -1) -> bool:
        """Nothing is ever left running."""
        return True


def writer_pool() -> QThreadPool:
    """One thread: writes stay in the order they were asked for."""
    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    return pool


class JobSignals(QObject):
    """What a job reports (lives on the GUI thread, so slots run there).

    Signals:
        done(int, object): the job's number and its result.
        failed(int, str): the job's number and a message for the user.
    """

    done = Signal(int, object)
    failed = Signal(int, str)


class StoreJob(QRunnable):
    """Calls ``work`` on the pool's thread; never touches a widget.

    With ``keeps``, what the work builds is meant to live on (a restored session): it is
    frozen out of the garbage collector's passes, or the first pass after the job would
    walk all of it while holding the interpreter lock.
    """

    def __init__(
        self, number: int, work: Callable[[], Any], signals: JobSignals, keeps: bool = False
    ) -> None:
        super().__init__()
        self.number, self.work, self.signals, self.keeps = number, work, signals, keeps

    def run(self) -> None:
        """Work; a failure becomes a message, never an exception on the worker."""
        try:
            with gui_keeps_the_gil(freeze=self.keeps):
                result = self.work()
        except EXPECTED as exc:
            self.signals.failed.emit(self.number, str(exc).strip("'\""))
        except Exception as exc:  # a bug must not take the window (or the work) down
            log.exception("a background job failed")
            text = QCoreApplication.translate("StoreJob", "unexpected error: {error}")
            self.signals.failed.emit(self.number, text.format(error=f"{type(exc).__name__}: {exc}"))
        else:
            self.signals.done.emit(self.number, result)


@dataclass(frozen=True)
class _Waiting:
    label: str
    on_done: Callable[[Any], None]
    on_failed: Callable[[str], None]


class JobQueue(QObject):
    """Runs jobs in the order given on a one-thread pool; results come back on the GUI thread.

    Each job's ``on_done(result)`` or ``on_failed(message)`` is called on the thread that
    owns the queue, in order. With a synchronous pool (tests) they are called at once.

    Signals:
        busy_changed(str): what the reviewer is waiting for ("Saving …"), "" when nothing.
        idle(): the last job ended.
    """

    busy_changed = Signal(str)
    idle = Signal()

    def __init__(self, pool: Pool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = pool
        self._signals = JobSignals(self)
        self._signals.done.connect(self._on_done)
        self._signals.failed.connect(self._on_failed)
        self._waiting: dict[int, _Waiting] = {}
        self._number = 0

    @property
    def busy(self) -> bool:
        """True while a job has not ended."""
        return bool(self._waiting)

    @property
    def label(self) -> str:
        """What the oldest labelled job is doing ("" when only silent jobs run)."""
        return next((w.label for w in self._waiting.values() if w.label), "")

    def submit(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_failed: Callable[[str], None],
        label: str = "",
        keeps: bool = False,
    ) -> None:
        """Run ``work`` after every job submitted before it.

        ``label`` says what the reviewer waits for (the status bar shows it); silent jobs
        such as autosaves have none. ``keeps``: the result is kept for long (see
        ``StoreJob``).
        """
        self._number += 1
        self._waiting[self._number] = _Waiting(label, on_done, on_failed)
        if label:
            self.busy_changed.emit(self.label)
        self.pool.start(StoreJob(self._number, work, self._signals, keeps))

    def wait(self, msecs: int = -1) -> bool:
        """Block until every job is done (only where the window is gone)."""
        return self.pool.waitForDone(msecs)

    def _on_done(self, number: int, result: object) -> None:
        self._finish(number, lambda waiting: waiting.on_done(result))

    def _on_failed(self, number: int, message: str) -> None:
        self._finish(number, lambda waiting: waiting.on_failed(message))

    def _finish(self, number: int, call: Callable[[_Waiting], None]) -> None:
        waiting = self._waiting.pop(number)
        try:
            call(waiting)
        finally:
            if waiting.label:
                self.busy_changed.emit(self.label)
            if not self._waiting:
                self.idle.emit()
