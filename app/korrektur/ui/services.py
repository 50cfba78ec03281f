"""What the entry point builds and hands to the main window (no global application object)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QThreadPool

from korrektur.engine import Progress, default_engine
from korrektur.model import Document, Kind, Suggestion
from korrektur.ui.i18n import Translations
from korrektur.ui.messages import Messages
from korrektur.ui.review_files import ReviewFileService
from korrektur.ui.settings import Settings
from korrektur.ui.store_jobs import Pool as TaskPool
from korrektur.ui.store_jobs import SyncPool


class Analyser(Protocol):
    """The engine as the window uses it (``korrektur.engine.Engine`` fits)."""

    def analyse(
        self, document: Document, kinds: Iterable[Kind], progress: Progress | None = None
    ) -> list[Suggestion]:
        """Suggestions for ``document``."""
        ...


def analysis_pool() -> QThreadPool:
    """One worker thread: jobs stay ordered and the engine is only used from one thread."""
    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    return pool


__all__ = ["Analyser", "Services", "SyncPool", "TaskPool", "analysis_pool"]


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
        translations: the translators in use (None: made when the language is changed).
    """

    settings: Settings
    messages: Messages
    pool: TaskPool
    engine_factory: Callable[[], Analyser] = default_engine
    files: ReviewFileService | None = None
    translations: Translations | None = None
