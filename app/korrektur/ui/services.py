"""What the entry point builds and hands to the main window (no global application object)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QRunnable, QThreadPool

from korrektur.engine import Progress, default_engine
from korrektur.model import Document, Kind, Suggestion
from korrektur.ui.messages import Messages
from korrektur.ui.review_files import ReviewFileService
from korrektur.ui.settings import Settings


class Analyser(Protocol):
    """The engine as the window uses it (``korrektur.engine.Engine`` fits)."""

    def analyse(
        self, document: Document, kinds: Iterable[Kind], progress: Progress | None = None
    ) -> list[Suggestion]:
        """Suggestions for ``document``."""
        ...


class TaskPool(Protocol):
    """Where background jobs run: a ``QThreadPool``, or ``SyncPool`` in tests."""

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


def analysis_pool() -> QThreadPool:
    """One worker thread: jobs stay ordered and the engine is only used from one thread."""
    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    return pool


@dataclass
class Services:
    """Everything the main window needs from outside.

    Attributes:
        settings: the typed settings store.
        messages: how to tell the user things.
        pool: where analysis runs.
        engine_factory: builds the engine (called on the worker thread, once).
        files: the store's service (save, export, versions, autosave, recovery); None runs
            the window without saving (screenshot mode).
    """

    settings: Settings
    messages: Messages
    pool: TaskPool
    engine_factory: Callable[[], Analyser] = default_engine
    files: ReviewFileService | None = None
