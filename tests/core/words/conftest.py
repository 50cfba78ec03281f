"""Shared fixtures of the word-engine tests: the lexicon index is built once per session."""

from __future__ import annotations

import pytest

from korrektur.engine.base import NoProgress
from korrektur.engine.words import WordAnalyzer
from korrektur.engine.words.candidates import Generator
from korrektur.engine.words.channel import Channel, global_channel
from korrektur.engine.words.lexicon import Lexicon
from korrektur.engine.words.lexicon_cache import shared_lexicon
from korrektur.model import Document, Suggestion


@pytest.fixture(scope="session")
def lexicon() -> Lexicon:
    return shared_lexicon()


@pytest.fixture(scope="session")
def channel(lexicon: Lexicon) -> Channel:
    return global_channel(lexicon.confusions, lexicon.learned)


@pytest.fixture(scope="session")
def generator(lexicon: Lexicon, channel: Channel) -> Generator:
    return Generator(lexicon, channel)


@pytest.fixture(scope="session")
def analyzer(lexicon: Lexicon) -> WordAnalyzer:
    return WordAnalyzer(lexicon, exclude=frozenset())


@pytest.fixture
def suggest(analyzer: WordAnalyzer):
    """Suggestions for a text, as a list (the engine's own order)."""

    def run(text: str) -> list[Suggestion]:
        return analyzer.analyse(Document.from_text(text), NoProgress())

    return run


@pytest.fixture
def corrected(suggest):
    """The text with every word suggestion applied."""

    def run(text: str) -> str:
        out = text
        for s in sorted(suggest(text), key=lambda s: -s.start):
            out = out[: s.start] + s.replacement + out[s.end :]
        return out

    return run
