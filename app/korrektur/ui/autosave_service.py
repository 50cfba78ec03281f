"""Autosave in the window: a timer drives the core autosaver, files are written off-thread."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from korrektur.store.autosave import Autosaver, remove_recovery, write_recovery
from korrektur.store.review import Review
from korrektur.store.reviewfile import Snapshot
from korrektur.ui.store_jobs import JobQueue

TICK_MS = 5_000  # the core decides when 30 s have passed; the timer only asks often enough


@dataclass(frozen=True)
class _Write:
    snap: Snapshot
    path: Path
    extra: dict[str, Any]
    then: Callable[[], None] | None


class AutosaveService(QObject):
    """Keeps a recovery file of the open review's unsaved work.

    Every ``TICK_MS`` the timer asks the core ``Autosaver`` whether 30 s have passed with
    unsaved work; it also writes after every 20 decisions. The snapshot is taken on the GUI
    thread (cheap); the file is written, and deleted, by silent jobs on ``jobs``, in order
    with saves, so nothing here waits for the disk. One write runs at a time: a write asked
    for meanwhile waits, and a newer one replaces it (on a long report a write takes
    seconds, and a queue of stale ones would keep the worker, and the GIL, busy).

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
    ) -> None:
        super().__init__(parent)
        self.jobs = jobs
        self.folder = folder
        self.clock = clock
        self.autosaver: Autosaver | None = None
        self._then: Callable[[], None] | None = None  # for the write being asked for
        self._writing = False
        self._waiting: _Write | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)

    def watch(self, review: Review) -> None:
        """Autosave ``review`` from now on (instead of any review watched before)."""
        self.stop()
        self.autosaver = Autosaver(
            review, self.folder, clock=self.clock, writer=self._write, remover=self._remove
        )
        self.timer.start()

    def tick(self) -> None:
        """Write if the interval has passed with unwritten work."""
        if self.autosaver is not None:
            self.autosaver.tick()

    def write_now(self, then: Callable[[], None] | None = None) -> None:
        """Write the recovery file now; ``then`` runs once it is safely written."""
        if self.autosaver is not None:
            self._then = then
            try:
                self.autosaver.save_now()
            finally:
                self._then = None

    def _write(self, snap: Snapshot, path: Path, extra: dict[str, Any]) -> None:
        write = _Write(snap, path, extra, self._then)
        if self._writing:
            self._waiting = write
        else:
            self._start(write)

    def _start(self, write: _Write) -> None:
        self._writing = True
        self.jobs.submit(
            partial(write_recovery, write.snap, write.path, write.extra),
            partial(self._on_written, write.path, write.then),
            partial(self._on_failed, self.autosaver),
        )

    def _next(self) -> None:
        self._writing = False
        waiting, self._waiting = self._waiting, None
        if waiting is not None:
            self._start(waiting)

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

    def saved(self) -> None:
        """The review was saved: the recovery file goes (after writes under way)."""
        self._waiting = None  # older than the save
        if self.autosaver is not None:
            self.autosaver.saved()

    def stop(self, keep_unsaved: bool = True) -> None:
        """Stop watching; the recovery file stays only while work is unsaved and wanted."""
        self.timer.stop()
        if not keep_unsaved:
            self._waiting = None
        if self.autosaver is not None:
            if not keep_unsaved:
                self.autosaver.discard()
            self.autosaver.close()
            self.autosaver = None
