"""``words_of`` (what the counts are cut with) reads a line as the analysis does."""

from hypothesis import given, settings
from hypothesis import strategies as st

from korrektur.engine.words.occurrences import collect
from korrektur.engine.words.text import words_of
from korrektur.model import Document

PIECES = [
    "Det",
    "är",
    "EU:s",
    "t.ex.",
    "1990-talet",
    "lärare/elever",
    "slut.",
    "–",
    "•",
    "&",
    "(se",
    "bilaga)",
    "F-9",
    "12",
    "Skolan,",
    "|",
    "ökat",
]


def as_collect_reads(line, lexicon):
    words = collect(Document.from_text(line + "\n"), lexicon)
    return [
        (w.raw, w.sentence_start, w.left is not None and w.left == i - 1)
        for i, w in enumerate(words)
    ]


def test_a_line_of_every_sort_of_chunk(lexicon):
    line = " ".join(PIECES)
    found = [(w.part.text, w.sentence_start, w.linked) for w in words_of(line)]
    assert found == as_collect_reads(line, lexicon)
    assert ("EU:s", False, True) in found


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=12))
def test_any_line_of_these_chunks(lexicon, pieces):
    line = " ".join(pieces)
    found = [(w.part.text, w.sentence_start, w.linked) for w in words_of(line)]
    assert found == as_collect_reads(line, lexicon)
