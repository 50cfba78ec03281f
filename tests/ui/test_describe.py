"""Structure changes are described in words in the list, the details and the comparison."""

import pytest

from korrektur.model import Kind, Suggestion
from korrektur.model.reason import Reason, phrase
from korrektur.ui.describe import describe
from korrektur.ui.formatting import change_text


def make(original, replacement, kind, reason=""):
    return Suggestion("s1", 0, len(original), original, replacement, frozenset({kind}), 0.9, reason)


HEADER = Reason(
    phrase(
        "repeats",
        what=phrase("running-header"),
        text="Ekbacka kommun Sida 5 (5)",
        where=phrase("at-top", page="5"),
        repeated="3",
        compared="4",
    )
)


@pytest.mark.parametrize(
    ("suggestion", "words"),
    [
        (make("\n", " ", Kind.REFLOW), "join lines"),
        (make("\n", "\n\n", Kind.REFLOW), "new paragraph"),
        (make("\n ", "\n\n", Kind.REFLOW), "new paragraph"),
        (make("\n\n", "\n", Kind.REFLOW), "remove a blank line"),
        (make("\n\n", " ", Kind.REFLOW), "join lines across a blank line"),
        (make("-\n", "", Kind.HYPHENATION), "join the hyphenated word"),
        (make("-\n", "-", Kind.HYPHENATION), "join lines, keep the hyphen"),
        (make("-\n", "- ", Kind.HYPHENATION), "join lines after the hyphen"),
        (
            make(" Ekbacka kommun      Sida 5 (5)\n\n", "", Kind.PAGE_FURNITURE, HEADER),
            "remove running header 'Ekbacka kommun Sida 5 (5)'",
        ),
        (make("Sida 2\n", "", Kind.PAGE_FURNITURE), "remove line 'Sida 2'"),
        (make("* ", "• ", Kind.BULLET), "make '*' a list bullet"),
        (make("", "• ", Kind.BULLET), "add a list bullet"),
        (make(" _", "", Kind.WHITESPACE), "remove speck '_'"),
        (make("  ", " ", Kind.WHITESPACE), "one space instead of several"),
    ],
)
def test_structure_changes_in_words(suggestion, words):
    assert describe(suggestion) == words
    assert change_text(suggestion) == words


def test_word_changes_keep_their_words():
    word = make("forvaltning", "förvaltning", Kind.DIACRITIC)
    assert describe(word) is None
    assert change_text(word) == "forvaltning → förvaltning"
    both = Suggestion(
        "s2", 0, 13, "uppfolj-\nning", "uppföljning",
        frozenset({Kind.HYPHENATION, Kind.DIACRITIC}),
    )  # fmt: skip
    assert change_text(both) == "uppfolj-⏎ning → uppföljning"
