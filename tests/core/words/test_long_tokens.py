"""Long tokens (rules of dots, glued lines, image garbage, URLs) cost time linear in their length.

The word engine used to try compounds on every one-letter edit of a word with no bound: an
800-character token took 16 s, longer ones minutes. Now a token longer than any word is left
as it is, and everything else around it is analysed as before.
"""

from __future__ import annotations

import time

import pytest

from korrektur.engine import default_engine
from korrektur.engine.words import candidates
from korrektur.model import Document

SIZE = 100_000


def _repeat(unit: str, size: int = SIZE) -> str:
    return (unit * (size // len(unit) + 1))[:size]


LONG_TOKENS = {
    "letters": _repeat("a"),
    "glued words": "kommunen" * 5000,
    "capitalised glued words": "K" + _repeat("ommunenk"),
    "words and dots": _repeat("a."),
    "words and separators": _repeat("syfte.att"),
    "a run of dots between letters": "a" + "." * SIZE + "a",
    "a run of dashes between letters": "a" + "-" * SIZE + "a",
    "digits for letters": _repeat("6kat&r"),
    "accents": _repeat("aé"),
    "a url": "https://" + _repeat("ab/"),
    "hyphenated pieces": _repeat("kom-"),
    "commas": _repeat("ab,"),
}


@pytest.fixture(scope="module")
def engine():
    engine = default_engine()
    engine.analyse(Document.from_text("Det ar bra.\n"))  # the lexicon is loaded once, untimed
    return engine


@pytest.mark.parametrize("token", list(LONG_TOKENS.values()), ids=list(LONG_TOKENS))
def test_a_long_token_is_analysed_in_under_a_second(engine, token):
    document = Document.from_text(f"Forvaltningen {token} pa skolan\n")
    started = time.process_time()
    suggestions = engine.analyse(document)
    assert time.process_time() - started < 1.0
    # the words around it are still corrected
    assert {s.original: s.replacement for s in suggestions}["pa"] == "på"


def test_a_long_word_is_left_as_it_is(engine):
    word = "kommunen" * 10
    assert len(word) > candidates.MAX_WORD_LENGTH
    suggestions = engine.analyse(Document.from_text(f"Det {word} ar bra.\n"))
    assert [s.original for s in suggestions] == ["ar"]


def test_long_compounds_within_the_bound_are_still_read(engine):
    document = Document.from_text("Forvaltningens larartjanstepensionsberakningsregler.\n")
    found = {s.original: s.replacement for s in engine.analyse(document)}
    assert found["larartjanstepensionsberakningsregler"] == "lärartjänstepensionsberäkningsregler"
