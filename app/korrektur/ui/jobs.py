"""The window's one job runner: commands in the worker process, Qt work on one thread of its own.

Everything slow goes through ``Jobs``: commands (``korrektur.workspace.commands``) to the
worker process, and the little the window must do itself off its thread (filling a
``QTextDocument`` with a long text) on one thread of the window's own. Results come back
as the messages of ``korrektur.workspace.runner`` through one signal, and each job's
callbacks are called on the GUI thread, in the order the runner finished them.

A job may have a ``then``: it turns the command's result into what the window needs
(laid-out text, counts) on the window's own thread, before ``done`` is called.
"""

from __future__ import annotations

import itertools
import threading
import weakref
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

from korrektur.gcpause import freeze_new, gc_paused
from korrektur.workspace.runner import (
    Call,
    Cancelled,
    Done,
    Failed,
    InlineRunner,
    Job,
    Listener,
    Message,
    Note,
    Progress,
    Runner,
    failure,
)
from korrektur.workspace.worker import STOPPED

RunnerFactory = Callable[[Listener], Runner]
"""Makes the runner for commands, given where its messages go."""

_NUMBERS = itertools.count(1)  # job numbers, unique in this process (cancelling counts on it)


class Pool(Protocol):
    """Where the window's own work runs: a one-thread ``QThreadPool``, or ``SyncPool``."""

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


POOLS: weakref.WeakSet[QThreadPool] = weakref.WeakSet()
"""Every thread pool of the window's (tests check that none is left working)."""


def thread_pool(parent: QObject | None = None) -> QThreadPool:
    """One thread: jobs stay in order; the thread ends when there is no work."""
    pool = QThreadPool(parent)
    pool.setMaxThreadCount(1)
    pool.setExpiryTimeout(0)
    POOLS.add(pool)
    return pool


def inline(listener: Listener) -> Runner:
    """Commands on the calling thread (tests, screenshots)."""
    return InlineRunner(listener)


class JobSignals(QObject):
    """Carries runners' messages to the GUI thread.

    Signals:
        message(object): a ``runner.Message``.
    """

    message = Signal(object)


class _Local(QRunnable):
    """Window-side work on the pool: its message goes to the GUI thread.

    The work runs with the collector paused, and what it made is frozen if it is many
    objects (a restored version's session, its counts): it is kept while it is shown, and
    collections walking it would hold the interpreter lock the GUI thread needs (two full
    passes of about 200 ms during the bench's restore). See ``korrektur.gcpause``.
    """

    def __init__(self, number: int, work: Callable[[], Message], emit: Listener) -> None:
        super().__init__()
        self.number, self.work, self.emit = number, work, emit

    def run(self) -> None:
        try:
            with gc_paused():
                message = self.work()
                freeze_new()
        except Exception as exc:  # a bug must not take the window down
            message = failure(self.number, exc)
        self.emit(message)


@dataclass
class _Waiting:
    label: str
    done: Callable[[Any], None]
    failed: Callable[[Failed], None]
    progress: Callable[[int, int], None] | None
    note: Callable[[Any], None] | None
    cancelled: Callable[[], None] | None
    then: Callable[[Any], Any] | None
    then_note: Callable[[Any], Any] | None


class Jobs(QObject):
    """Runs commands and window-side work in the background; callbacks on the GUI thread.

    Attributes:
        runner: where commands run (the worker process; inline in tests).
        pool: where the window's own work runs (one thread; ``SyncPool`` in tests).

    Signals:
        busy_changed(str): what the reviewer is waiting for ("Saving …"), "" when nothing.
        idle(): the last job ended.
    """

    busy_changed = Signal(str)
    idle = Signal()

    def __init__(
        self,
        runner: RunnerFactory = inline,
        pool: Pool | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._signals = JobSignals(self)
        self._signals.message.connect(self._on_message)
        self._lock = threading.Lock()
        self._waiting: dict[int, _Waiting] = {}
        self.pool: Pool = pool if pool is not None else thread_pool()
        self.runner = runner(self._arrived)

    # -- asking ---------------------------------------------------------------------------

    def run(
        self,
        command: Callable[[Any, Call], Any],
        request: object,
        done: Callable[[Any], None],
        failed: Callable[[Failed], None],
        *,
        label: str = "",
        progress: Callable[[int, int], None] | None = None,
        note: Callable[[Any], None] | None = None,
        cancelled: Callable[[], None] | None = None,
        then: Callable[[Any], Any] | None = None,
        then_note: Callable[[Any], Any] | None = None,
        held: object = None,
    ) -> int:
        """Run ``command(request)`` after the commands before it; its number.

        ``done(result)`` or ``failed(Failed)`` follows on the GUI thread (``cancelled()``
        if it was cancelled and says so; else ``failed``). ``then`` and ``then_note`` turn
        the result and notes into what ``done`` and ``note`` get, on the window's own
        thread. ``label`` says what the reviewer waits for (silent jobs have none).
        """
        number = self._enter(
            _Waiting(label, done, failed, progress, note, cancelled, then, then_note)
        )
        self.runner.submit(Job(number, command, request), held)
        return number

    def local(
        self,
        work: Callable[[], Any],
        done: Callable[[Any], None],
        failed: Callable[[Failed], None],
        label: str = "",
    ) -> int:
        """Run ``work()`` on the window's own thread; ``done(result)`` on the GUI thread."""
        number = self._enter(_Waiting(label, done, failed, None, None, None, None, None))
        self.pool.start(_Local(number, lambda: Done(number, work()), self._signals.message.emit))
        return number

    def _enter(self, waiting: _Waiting) -> int:
        with self._lock:
            number = next(_NUMBERS)
            self._waiting[number] = waiting
        if waiting.label:
            self.busy_changed.emit(self.label)
        return number

    def cancel(self, number: int) -> None:
        """Ask job ``number`` to stop (an analysis checks as it goes)."""
        self.runner.cancel(number)

    @property
    def busy(self) -> bool:
        """True while a job has not ended."""
        with self._lock:
            return bool(self._waiting)

    @property
    def label(self) -> str:
        """What the oldest labelled job is doing ("" when only silent jobs run)."""
        with self._lock:
            return next((w.label for w in self._waiting.values() if w.label), "")

    def wait(self, msecs: int = -1) -> bool:
        """Block until the window's own work is done (closing)."""
        return self.pool.waitForDone(msecs)

    def close(self) -> None:
        """Stop the runner (after the commands sent to it) and the window's own thread."""
        self.runner.close()
        self.pool.waitForDone()

    # -- answers --------------------------------------------------------------------------

    def _arrived(self, message: Message) -> None:
        """A runner's message (on any thread): window-side work first, then the GUI thread."""
        with self._lock:
            waiting = self._waiting.get(message.number)
        emit = self._signals.message.emit
        if waiting is not None and isinstance(message, Done) and waiting.then is not None:
            then, result = waiting.then, message.result
            self.pool.start(
                _Local(message.number, lambda: Done(message.number, then(result)), emit)
            )
        elif waiting is not None and isinstance(message, Note) and waiting.then_note is not None:
            turn, what, number = waiting.then_note, message.what, message.number
            self.pool.start(_Local(number, lambda: Note(number, turn(what)), emit))
        else:
            emit(message)

    def _on_message(self, message: Message) -> None:
        with self._lock:
            waiting = self._waiting.get(message.number)
        if waiting is None:
            return
        if isinstance(message, Progress):
            if waiting.progress is not None:
                waiting.progress(message.done, message.total)
            return
        if isinstance(message, Note):
            if waiting.note is not None:
                waiting.note(message.what)
            return
        with self._lock:
            self._waiting.pop(message.number, None)
            empty = not self._waiting
        if isinstance(message, Failed) and not message.expected and message.kind != STOPPED:
            text = QCoreApplication.translate("Jobs", "unexpected error: {error}")
            message = replace(message, message=text.format(error=message.message))
        try:
            if isinstance(message, Done):
                waiting.done(message.result)
            elif isinstance(message, Cancelled) and waiting.cancelled is not None:
                waiting.cancelled()
            elif isinstance(message, Cancelled):
                waiting.failed(Failed(message.number, "cancelled", "Cancelled"))
            else:
                waiting.failed(message)
        finally:
            if waiting.label:
                self.busy_changed.emit(self.label)
            if empty:
                self.idle.emit()
