"""Property tests of the whole engine on hostile text: long tokens, glued words, decomposed letters.

``make fuzz`` runs them with fresh examples; ``make test`` with the fixed ones. Whatever the
text, the analysis ends quickly, every suggestion's span holds its original, none overlap,
word fixes keep every line, and no letter gets a second mark.
"""

from __future__ import annotations

import re
import time
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from korrektur.engine import default_engine
from korrektur.model import KIND_GROUPS, Document, ReviewSession
from korrektur.model.compose import COMBINING_MARKS

WORDS = [
    "på", "så", "två", "också", "förvaltningen", "skolan", "är", "år", "för", "även", "idé",
    "kommunen", "elevhälsan", "och", "att", "i", "stöd", "ökat", "lärare", "behöver",
]  # fmt: skip
OCR_WORDS = ["pa", "sa", "forvaltningen", "6kat", "&r", "stodet", "larare", "behéver", "aret"]
UNITS = [*WORDS, *OCR_WORDS, "a", ".", "-", "—", "_", "/", "1", "é", "ab.", "x'", "&", "|"]
MARKS = [chr(c) for c in (0x0300, 0x0301, 0x0308, 0x030A, 0x0327, 0x0323)]
_MARK = re.compile(f"[{COMBINING_MARKS}]")

# a token of one unit repeated: rules of dots, glued lines, garbage from images
LONG_TOKENS = st.builds(
    lambda unit, times: unit * times, st.sampled_from(UNITS), st.integers(30, 3000)
)
# real words run together, as a lost line break or a PDF's lost spaces make them
GLUED = st.lists(st.sampled_from(WORDS + OCR_WORDS), min_size=2, max_size=400).map("".join)
# words with their letters decomposed and stray marks put after letters
DECOMPOSED = st.builds(
    lambda word, marks: unicodedata.normalize("NFD", word) + "".join(marks),
    st.sampled_from(WORDS + OCR_WORDS),
    st.lists(st.sampled_from(MARKS), max_size=2),
)
TOKENS = st.one_of(LONG_TOKENS, GLUED, DECOMPOSED, st.sampled_from(WORDS + OCR_WORDS))
SEPARATORS = st.sampled_from([" ", " ", "\n", "\n\n", "  "])
TEXTS = st.lists(st.tuples(TOKENS, SEPARATORS), min_size=1, max_size=25).map(
    lambda parts: "".join(token + space for token, space in parts)
)


@pytest.fixture(scope="module")
def engine():
    engine = default_engine()
    engine.analyse(Document.from_text("Det ar bra.\n"))  # (the lexicon is loaded untimed)
    return engine


def _check(engine, text: str) -> None:
    document = Document.from_text(text)
    started = time.process_time()
    suggestions = engine.analyse(document)
    assert time.process_time() - started < 3.0  # (some 25 tokens of up to 10 kB)
    session = ReviewSession(document, suggestions)  # spans, originals and overlaps checked
    for suggestion in suggestions:
        assert document.text[suggestion.start : suggestion.end] == suggestion.original
        assert not _MARK.search(suggestion.replacement)
    words = session.render(KIND_GROUPS["word"], 0.0)
    assert words.count("\n") == document.text.count("\n")
    assert len(_MARK.findall(words)) == len(_MARK.findall(document.text))


@settings(max_examples=40, deadline=None)
@given(text=TEXTS)
def test_any_mix_of_long_glued_and_decomposed_tokens(engine, text):
    _check(engine, text)


@settings(max_examples=15, deadline=None)
@given(token=LONG_TOKENS, before=st.sampled_from(WORDS), after=st.sampled_from(OCR_WORDS))
def test_a_long_token_between_words(engine, token, before, after):
    _check(engine, f"{before} {token} {after}\n")


@settings(max_examples=15, deadline=None)
@given(text=st.lists(DECOMPOSED, min_size=1, max_size=40).map(" ".join))
def test_decomposed_words(engine, text):
    _check(engine, text + "\n")
