"""Autosave in the window: a timer drives the core autosaver, files are written off-thread."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from korrektur.model import Change
from korrektur.store.autosave import Autosaver, remove_recovery, write_recovery
from korrektur.store.review import Review
from korrektur.store.reviewfile import Snapshot
from korrektur.ui.store_jobs import JobQueue

TICK_MS = 5_000  # the core decides when 30 s have passed; the timer only asks often enough
IDLE_MS = 1_000  # a recovery file is written once the reviewer pauses this long …
MAX_WAIT_S = 30.0  # … or once a write has waited this long


@dataclass(frozen=True)
class _Write:
    snap: Snapshot
    path: Path
    extra: dict[str, Any]
    then: Callable[[], None] | None
    urgent: bool  # asked for by write_now


class AutosaveService(QObject):
    """Keeps a recovery file of the open review's unsaved work.

    Every ``TICK_MS`` the timer asks the core ``Autosaver`` whether 30 s have passed with
    unsaved work; it also writes after every 20 decisions. The snapshot is taken then, on
    the GUI thread (cheap); the file is written, and deleted, by silent jobs on ``jobs``, in
    order with saves, so nothing here waits for the disk.

    On a long report writing a recovery file takes seconds of Python on the worker thread,
    and every key press meanwhile waits for the interpreter lock (three to four times as
    long). So a write waits for a pause: it starts once no decision has come for
    ``idle_ms``, or once it has waited ``MAX_WAIT_S``. One write runs at a time, and a
    newer snapshot replaces one still waiting. ``write_now`` does not wait.

    Signals:
        failed(str): a recovery file could not be written (the work in memory is intact).
        written(str): a recovery file was written (its path).
    """

    failed = Signal(str)
    written = Signal(str)

    def __init__(
        self,
        jobs: JobQueue,
        folder: Path | None = None,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
        idle_ms: int = IDLE_MS,
    ) -> None:
        super().__init__(parent)
        self.jobs = jobs
        self.folder = folder
        self.clock = clock
        self.autosaver: Autosaver | None = None
        self._then: Callable[[], None] | None = None  # for the write being asked for
        self._now = False  # write_now: no waiting for a pause
        self._writing = False
        self._waiting: _Write | None = None
        self._deadline = 0.0
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        self.idle = QTimer(self, singleShot=True, interval=idle_ms)
        self.idle.timeout.connect(self._flush)

    def watch(self, review: Review) -> None:
        """Autosave ``review`` from now on (instead of any review watched before)."""
        self.stop()
        self.autosaver = Autosaver(
            review, self.folder, clock=self.clock, writer=self._write, remover=self._remove
        )
        review.add_listener(self._activity)
        self.timer.start()

    def tick(self) -> None:
        """Write if the interval has passed with unwritten work."""
        if self.autosaver is not None:
            self.autosaver.tick()

    def write_now(self, then: Callable[[], None] | None = None) -> None:
        """Write the recovery file now; ``then`` runs once it is safely written."""
        if self.autosaver is not None:
            self._then, self._now = then, True
            try:
                self.autosaver.save_now()
            finally:
                self._then, self._now = None, False

    # -- writing when the reviewer pauses -------------------------------------------------

    def _write(self, snap: Snapshot, path: Path, extra: dict[str, Any]) -> None:
        if self._waiting is None:
            self._deadline = self.clock() + MAX_WAIT_S
        self._waiting = _Write(snap, path, extra, self._then, self._now)
        self._when_idle()

    def _when_idle(self) -> None:
        """Write what waits now if it may not wait, else once the reviewer pauses."""
        waiting = self._waiting
        if waiting is None:
            return
        if waiting.urgent or self.idle.interval() == 0 or self.clock() >= self._deadline:
            self._flush()
        else:
            self.idle.start()

    def _activity(self, _change: Change) -> None:
        """A decision: a write waiting for a pause waits on, unless it has waited enough."""
        if not self._writing:
            self._when_idle()

    def _flush(self, force: bool = False) -> None:
        """Start the write waiting, unless one is under way (then it follows that one)."""
        waiting = self._waiting
        if waiting is None or (self._writing and not force):
            return
        self._waiting = None
        self.idle.stop()
        self._writing = True
        self.jobs.submit(
            partial(write_recovery, waiting.snap, waiting.path, waiting.extra),
            partial(self._on_written, waiting.path, waiting.then),
            partial(self._on_failed, self.autosaver),
        )

    def _next(self) -> None:
        self._writing = False
        self._when_idle()

    def _remove(self, path: Path) -> None:
        self.jobs.submit(partial(remove_recovery, path), lambda _: None, self.failed.emit)

    def _on_written(self, path: Path, then: Callable[[], None] | None, _result: object) -> None:
        if then is not None:
            then()
        self.written.emit(str(path))
        self._next()

    def _on_failed(self, autosaver: Autosaver | None, message: str) -> None:
        if autosaver is not None and autosaver is self.autosaver:
            autosaver.write_failed(message)
        self.failed.emit(message)
        self._next()

    # -- saved, closed ----------------------------------------------------------------------

    def saved(self) -> None:
        """The review was saved: the recovery file goes (after writes under way)."""
        self._drop_waiting()  # older than the save
        if self.autosaver is not None:
            self.autosaver.saved()

    def _drop_waiting(self) -> None:
        self._waiting = None
        self.idle.stop()

    def stop(self, keep_unsaved: bool = True) -> None:
        """Stop watching; the recovery file stays only while work is unsaved and wanted.

        Kept work waiting for a pause is written now.
        """
        self.timer.stop()
        if keep_unsaved:
            self._flush(force=True)  # the job queue keeps it after the write under way
        self._drop_waiting()
        if self.autosaver is not None:
            self.autosaver.review.remove_listener(self._activity)
            if not keep_unsaved:
                self.autosaver.discard()
            self.autosaver.close()
            self.autosaver = None
