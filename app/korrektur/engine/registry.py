"""The analysers Korrektur runs by default, in priority order."""

from __future__ import annotations

from korrektur.engine.base import Analyzer
from korrektur.engine.pipeline import Engine
from korrektur.engine.words import WordAnalyzer


def default_analyzers() -> list[Analyzer]:
    """Structure analysers first (a removed page header wins over a word fix inside it)."""
    return [WordAnalyzer()]


def default_engine() -> Engine:
    """The engine used by the CLI and the GUI."""
    return Engine(default_analyzers())
