"""Recognise list bullets as OCR reads them (``e ``, ``* ``, ``«``, ``o ``, ``Ø``, ``»``, ``-``).

A glyph alone does not make a list item: ``*`` may be a speck and ``-`` a dash. How sure a glyph
is comes from its shape (``strength``); the reflow planner adds the context (an introducing
colon, neighbouring items) before it calls a line a list item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

# Real bullet characters: a line starting with one is a list item whatever follows.
TRUE_BULLETS = "•·▪●■◦○◆►▶➢✓✔"
# What OCR makes of a bullet: an item if followed by a capital or in a list.
OCR_BULLETS = "*¢+«»Ø"
# Letters OCR reads for a bullet (Swedish has no word "e" or "o"): before a capital, or in a
# list (the planner decides).
LETTER_BULLETS = ("e", "o", "-e", "»e", "«e")
# Dashes: an item only inside a list; otherwise a dash or a speck.
DASH_BULLETS = "-–—"

_SPECKS = " \t_~‘’'\":;,."  # may stand between a glyph and the item text
_SPACED = re.compile(r"\s*(?P<glyph>\S{1,2})\s+(?=\S)")
_ATTACHED = re.compile(r"\s*(?P<glyph>[•▪●■◦Ø«»])(?=[A-ZÅÄÖ])")


class Strength(Enum):
    """How much a glyph alone says about a list item."""

    TRUE = "true"  # a bullet character
    OCR = "ocr"  # a symbol OCR makes of a bullet
    LETTER = "letter"  # a letter OCR makes of a bullet (a capital after it, or a list)
    DASH = "dash"  # needs a list around it


@dataclass(frozen=True)
class Glyph:
    """A bullet-like prefix of a line: offsets relative to the line start.

    Attributes:
        start: where the glyph begins.
        end: where the item text begins (after the glyph and its spaces).
        text: the glyph as OCR'd.
        strength: what the glyph alone says.
    """

    start: int
    end: int
    text: str
    strength: Strength


def _strength(glyph: str, attached: bool) -> Strength | None:
    if len(glyph) == 1 and glyph in TRUE_BULLETS:
        return Strength.TRUE
    if attached:
        return Strength.DASH if glyph in "«»" else Strength.OCR
    if len(glyph) == 1 and glyph in OCR_BULLETS:
        return Strength.OCR
    if glyph in LETTER_BULLETS:
        return Strength.LETTER
    if len(glyph) == 1 and glyph in DASH_BULLETS:
        return Strength.DASH
    return None


def find_glyph(line: str) -> Glyph | None:
    """The bullet-like prefix of ``line``, if it has one and text follows it."""
    for pattern, attached in ((_SPACED, False), (_ATTACHED, True)):
        match = pattern.match(line)
        if match is None:
            continue
        glyph = match.group("glyph")
        strength = _strength(glyph, attached)
        text = line[match.end() :].lstrip(_SPECKS)
        if strength is None or not (text[:1].isalnum() or text[:1] == "|"):
            continue
        return Glyph(match.start("glyph"), match.end(), glyph, strength)
    return None
