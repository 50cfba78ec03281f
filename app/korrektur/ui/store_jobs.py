"""Write review and recovery files on a worker thread, so saving never freezes the window."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from korrektur.store.atomic import WriteError
from korrektur.store.reviewfile import Snapshot


class Pool(Protocol):
    """Where jobs run: a one-thread ``QThreadPool``, or a synchronous stand-in in tests."""

    def start(self, runnable: QRunnable) -> None:
        """Run ``runnable``."""
        ...

    def waitForDone(self, msecs: int = -1) -> bool:
        """Block until every job is done."""
        ...


def writer_pool() -> QThreadPool:
    """One thread: writes stay in the order they were asked for."""
    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    return pool


class WriteSignals(QObject):
    """What a write job reports.

    Signals:
        done(str, str): the path written and an error message ("" when it worked).
    """

    done = Signal(str, str)


class WriteJob(QRunnable):
    """Writes one snapshot with ``write`` and reports through ``signals``."""

    def __init__(
        self,
        write: Callable[[Snapshot, Path, dict[str, Any]], None],
        snap: Snapshot,
        path: Path,
        extra: dict[str, Any],
        signals: WriteSignals,
    ) -> None:
        super().__init__()
        self.write, self.snap, self.path, self.extra = write, snap, path, extra
        self.signals = signals

    def run(self) -> None:
        """Write; a failure becomes a message, never an exception on the worker."""
        try:
            self.write(self.snap, self.path, self.extra)
        except (WriteError, OSError) as exc:
            self.signals.done.emit(str(self.path), str(exc))
        else:
            self.signals.done.emit(str(self.path), "")
