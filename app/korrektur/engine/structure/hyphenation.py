"""Decide what a hyphen at the end of a line is: a word split in two, or a hyphen of the text.

``Uppfolj-`` / ``ningen`` is one word split by the typesetter: drop the hyphen. ``grund-`` /
``och gymnasieskola`` is a suspended hyphen: keep it and a space. ``KSBS-`` / ``insats``,
``F-`` / ``9``, ``2021-`` / ``2024`` keep the hyphen and join. The lexicon (a ``WordOracle``)
decides the rest: a joined word it knows means the hyphen goes.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from korrektur.engine.base import WordOracle
from korrektur.engine.words.text import fold
from korrektur.model.reason import Reason, phrase

# Words after which a hyphen at the end of the previous line is suspended (``grund- och``).
CONNECTORS = frozenset({"och", "eller", "samt", "resp", "respektive", "liksom", "&", "men"})
# Prefixes written with a hyphen (``icke-statliga``).
HYPHEN_PREFIXES = frozenset({"icke"})
_EDGE = "()[]\"'”’«»,.;:!?"


class HyphenMode(Enum):
    """What to do with a line-end hyphen."""

    JOIN = "join"  # drop the hyphen and the line break: Uppfolj-|ningen → Uppfoljningen
    KEEP = "keep"  # keep the hyphen, drop the line break: KSBS-|insats → KSBS-insats
    SUSPENDED = "suspended"  # keep the hyphen and a space: grund-|och → grund- och


@dataclass(frozen=True)
class HyphenDecision:
    """A decision with its confidence and the reason shown to the reviewer."""

    mode: HyphenMode
    confidence: float
    reason: str


def _is_code(stem: str) -> bool:
    """Abbreviations and codes keep their hyphen: ``KSBS``, ``FoU``, ``F``, ``EU``, ``F-9``.

    A digit or capital inside a long word is OCR damage (``6verenskom``, ``civilsamhAlles``).
    """
    word = stem.rsplit("-", 1)[-1]
    alpha = sum(1 for ch in word if ch.isalpha())
    digits = sum(1 for ch in word if ch.isdigit())
    capitals = sum(1 for ch in word if ch.isupper())
    if digits and (alpha <= 3 or digits >= alpha):
        return True
    if len(word) == 1 and word.isalpha():
        return True
    return capitals >= 2 and 2 * capitals >= alpha


def decide(left: str, right: str, oracle: WordOracle) -> HyphenDecision:
    """What to do with ``left`` (the last token of a line, ending in ``-``) and ``right``.

    ``right`` is the first token of the next line of text, without specks.
    """
    stem = left.rstrip("-").lstrip(_EDGE)
    word = right.strip(_EDGE)
    shown = f"'{left}' + '{right}'"
    if fold(word) in CONNECTORS:
        said = Reason(phrase("suspended-hyphen", pair=shown))
        return HyphenDecision(HyphenMode.SUSPENDED, 0.95, said)
    if not stem or not word:
        return HyphenDecision(HyphenMode.KEEP, 0.5, Reason(phrase("hyphen-symbol", pair=shown)))
    if _is_code(stem) or word[0].isdigit() or fold(stem) in HYPHEN_PREFIXES:
        return HyphenDecision(HyphenMode.KEEP, 0.9, Reason(phrase("hyphen-code", pair=shown)))
    if word[0].isupper():
        return HyphenDecision(HyphenMode.KEEP, 0.7, Reason(phrase("hyphen-capital", pair=shown)))
    joined = stem + word
    if oracle.known(joined):
        both = oracle.known(stem) and oracle.known(word)
        said = Reason(phrase("split-known", pair=shown, word=oracle.correct(joined)))
        return HyphenDecision(HyphenMode.JOIN, 0.85 if both else 0.95, said)
    said = Reason(phrase("split-unknown", pair=shown, word=joined))
    return HyphenDecision(HyphenMode.JOIN, 0.7, said)
