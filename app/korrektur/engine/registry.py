"""The analysers Korrektur runs by default, in priority order."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from korrektur.engine.base import Analyzer, WordOracle
from korrektur.engine.pipeline import Engine
from korrektur.engine.structure import structure_analyzers
from korrektur.engine.words import WordAnalyzer, word_oracle

if TYPE_CHECKING:
    from korrektur.engine.words.profile import Profile


class _LazyOracle:
    """The word engine's oracle, loaded when a structure analyser first asks.

    ``--kinds word`` never asks, and building the engine stays instant for the GUI.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._oracle: WordOracle | None = None

    def _get(self) -> WordOracle:
        with self._lock:
            if self._oracle is None:
                self._oracle = word_oracle()
            return self._oracle

    def known(self, word: str) -> bool:
        """Ask the word engine."""
        return self._get().known(word)

    def correct(self, word: str) -> str:
        """Ask the word engine."""
        return self._get().correct(word)


def default_analyzers(profile: Profile | None = None) -> list[Analyzer]:
    """Structure analysers first (a removed page header wins over a word fix inside it).

    ``profile``: what a corpus learned from its reviewer, applied to the word analyser.
    """
    words: Analyzer = WordAnalyzer()
    if profile is not None:
        from korrektur.engine.words.profile import ProfiledAnalyzer

        words = ProfiledAnalyzer(profile)
    return [*structure_analyzers(_LazyOracle()), words]


def default_engine(profile: Profile | None = None) -> Engine:
    """The engine used by the CLI and the GUI (with a corpus's ``profile``, if given)."""
    return Engine(default_analyzers(profile))
