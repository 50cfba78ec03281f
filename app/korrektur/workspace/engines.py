"""The engine a process analyses with: made on first use, kept for every later document."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from typing import Protocol

from korrektur.engine import Progress
from korrektur.model import Document, Kind, Suggestion


class Analyser(Protocol):
    """The engine as commands use it (``korrektur.engine.Engine`` fits)."""

    def analyse(
        self, document: Document, kinds: Iterable[Kind], progress: Progress | None = None
    ) -> list[Suggestion]:
        """Suggestions for ``document``."""
        ...


EngineFactory = Callable[[], Analyser]


def default_engine() -> Analyser:
    """Korrektur's engine (its modules are imported here, where the analysis runs)."""
    from korrektur.engine import default_engine as made  # noqa: PLC0415

    return made()


class EngineHolder:
    """Builds an engine with ``factory`` on first use (a lexicon loads for a second), keeps it.

    Attributes:
        factory: makes the engine.
    """

    def __init__(self, factory: EngineFactory = default_engine) -> None:
        self.factory = factory
        self._engine: Analyser | None = None
        self._lock = threading.Lock()

    def get(self) -> Analyser:
        """The engine, built now if needed (one thread at a time builds it)."""
        with self._lock:
            if self._engine is None:
                self._engine = self.factory()
            return self._engine


PROCESS = EngineHolder()
"""This process's engine (a worker process sets its factory when it starts)."""


def use_engine(factory: EngineFactory) -> None:
    """Make this process's engine with ``factory`` (a worker process, when it starts)."""
    global PROCESS
    PROCESS = EngineHolder(factory)
