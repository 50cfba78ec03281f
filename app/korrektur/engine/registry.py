"""The analysers Korrektur runs by default, in priority order."""

from __future__ import annotations

from korrektur.engine.base import Analyzer
from korrektur.engine.pipeline import Engine


def default_analyzers() -> list[Analyzer]:
    """Structure analysers first (a removed page header wins over a word fix inside it)."""
    return []


def default_engine() -> Engine:
    """The engine used by the CLI and the GUI."""
    return Engine(default_analyzers())
