"""Helpers for the structure tests: a word-list oracle and a way to apply a plan."""

from __future__ import annotations

from korrektur.engine.structure import make_plan
from korrektur.engine.words.text import fold
from korrektur.model import Document, Kind
from korrektur.model.session import apply_texts

WORDS = [
    "uppföljning",
    "uppföljningen",
    "skola",
    "skolor",
    "skolan",
    "gymnasieskola",
    "grund",
    "och",
    "eller",
    "in",
    "ut",
    "flyttningar",
    "förvaltning",
    "förvaltningen",
    "insats",
    "insatser",
    "enheten",
    "enhet",
    "arbete",
    "arbetet",
    "miljö",
    "stöd",
    "fått",
    "har",
    "kommun",
    "kommuner",
    "kommunen",
    "utveckling",
    "utvecklingen",
    "plan",
    "planen",
    "rapport",
    "rapporten",
    "ska",
    "under",
    "året",
    "överenskommelse",
    "överenskommelsen",
    "statlig",
    "statliga",
    "verksamhet",
    "verksamheten",
]


class WordListOracle:
    """Knows a small list of our own words and their two-part compounds, diacritics folded."""

    def __init__(self, words=WORDS):
        self.forms = {fold(w): w for w in words}

    def known(self, word):
        key = fold(word)
        if key in self.forms:
            return True
        return any(key[:i] in self.forms and key[i:] in self.forms for i in range(2, len(key) - 1))

    def correct(self, word):
        form = self.forms.get(fold(word), word)
        return form[:1].upper() + form[1:] if word[:1].isupper() else form


def restructure(text, oracle=None, kinds=None, min_confidence=0.0):
    """The text with the structure plan applied (all kinds, or only ``kinds``)."""
    document = Document.from_text(text)
    plan = make_plan(document, oracle or WordListOracle())
    return apply_texts(
        document.text,
        (
            (e.start, e.end, e.replacement)
            for e in plan.edits
            if (kinds is None or e.kind in kinds) and e.confidence >= min_confidence
        ),
    )


def edits_of(text, kind, oracle=None):
    document = Document.from_text(text)
    return make_plan(document, oracle or WordListOracle()).of_kind(Kind(kind))
