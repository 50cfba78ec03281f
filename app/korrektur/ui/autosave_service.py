"""Autosave in the window: a timer drives the core autosaver, files are written off-thread."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from korrektur.store.autosave import Autosaver, write_recovery
from korrektur.store.review import Review
from korrektur.store.reviewfile import Snapshot
from korrektur.ui.store_jobs import Pool, WriteJob, WriteSignals

TICK_MS = 5_000  # the core decides when 30 s have passed; the timer only asks often enough


class AutosaveService(QObject):
    """Keeps a recovery file of the open review's unsaved work.

    Every ``TICK_MS`` the timer asks the core ``Autosaver`` whether 30 s have passed with
    unsaved work; it also writes after every 20 decisions. The snapshot is taken on the GUI
    thread (cheap); the file is written by a job on ``pool``.

    Signals:
        failed(str): a recovery file could not be written (the work in memory is intact).
        written(str): a recovery file was written (its path).
    """

    failed = Signal(str)
    written = Signal(str)

    def __init__(
        self,
        pool: Pool,
        folder: Path | None = None,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.pool = pool
        self.folder = folder
        self.clock = clock
        self.autosaver: Autosaver | None = None
        self._signals = WriteSignals(self)
        self._signals.done.connect(self._on_done)
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)

    def watch(self, review: Review) -> None:
        """Autosave ``review`` from now on (instead of any review watched before)."""
        self.stop()
        self.autosaver = Autosaver(review, self.folder, clock=self.clock, writer=self._write)
        self.timer.start()

    def tick(self) -> None:
        """Write if the interval has passed with unwritten work."""
        if self.autosaver is not None:
            self.autosaver.tick()

    def _write(self, snap: Snapshot, path: Path, extra: dict[str, Any]) -> None:
        self.pool.start(WriteJob(write_recovery, snap, path, extra, self._signals))

    def _on_done(self, path: str, error: str) -> None:
        if error:
            if self.autosaver is not None:
                self.autosaver.write_failed(error)
            self.failed.emit(error)
        else:
            self.written.emit(path)

    def saved(self) -> None:
        """The review was saved: wait for writes under way, then drop the recovery file."""
        self.pool.waitForDone()
        if self.autosaver is not None:
            self.autosaver.saved()

    def stop(self, keep_unsaved: bool = True) -> None:
        """Stop watching; the recovery file stays only while work is unsaved and wanted."""
        self.timer.stop()
        self.pool.waitForDone()
        if self.autosaver is not None:
            if not keep_unsaved:
                self.autosaver.discard()
            self.autosaver.close()
            self.autosaver = None
