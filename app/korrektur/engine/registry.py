"""The analysers Korrektur runs by default, in priority order."""

from __future__ import annotations

from korrektur.engine.base import Analyzer, WordOracle
from korrektur.engine.pipeline import Engine
from korrektur.engine.structure import structure_analyzers, swedish_oracle


class _LazyOracle:
    """Loads the word list only when a structure analyser first asks (``--kinds word`` never)."""

    def known(self, word: str) -> bool:
        """Ask the wordfreq oracle."""
        return swedish_oracle().known(word)

    def correct(self, word: str) -> str:
        """Ask the wordfreq oracle."""
        return swedish_oracle().correct(word)


def default_oracle() -> WordOracle:
    """The lexicon the structure analysers consult (the wordfreq stand-in for now)."""
    return _LazyOracle()


def default_analyzers() -> list[Analyzer]:
    """Structure analysers first (a removed page header wins over a word fix inside it)."""
    return [*structure_analyzers(default_oracle())]


def default_engine() -> Engine:
    """The engine used by the CLI and the GUI."""
    return Engine(default_analyzers())
