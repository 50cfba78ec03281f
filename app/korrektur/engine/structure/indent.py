"""Bullets by position: list items whose bullet OCR misread, found where the bullets stand.

A list item is set with a hanging indent: the bullet at one place, its text (and the text of
its continuation lines) at a tab stop further in. OCR reads most bullets as a symbol the glyph
finder knows (``•``, ``*``, ``¢``, ``«``) and some as one it cannot know (``°``, ``@``, ``_*``).
On a scan the known ones show where the page's bullets end and their text begins. A short
symbol token ending at that place, with text after it, is a bullet too; and a known glyph there
is a bullet even before a number (``¢ 2021/22:224``). The tolerance is the page's own: half the
distance between a bullet and its text. Dashes never count: a dash may open a line of text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from korrektur.engine.structure.bullets import Glyph, Strength
from korrektur.engine.structure.chars import DASHES
from korrektur.engine.structure.line_parts import LineParts
from korrektur.model.document import Document
from korrektur.model.geometry import Box, ScanLayout

MAX_GLYPH = 2  # characters of a token that may be a misread bullet


@dataclass(frozen=True)
class _Place:
    """Where a known bullet stands (line index, page): its right edge, its text's left edge.

    The right edge, not the centre: the text after a bullet starts at a tab stop, so the
    bullet's right edge keeps its distance to the text whatever OCR glued to its left.
    """

    line: int
    page: int
    right: float
    text: float

    def holds(self, line: int, page: int, glyph: Box, text: Box) -> bool:
        """Another line's token at ``glyph``, text at ``text``, stands at this bullet's place."""
        tolerance = (self.text - self.right) / 2
        return (
            line != self.line
            and page == self.page
            and tolerance > 0
            and abs(glyph.right - self.right) <= tolerance
            and text.left > glyph.right
        )


@dataclass(frozen=True)
class BulletPlaces:
    """The lines of text with glyphs found by position, and the lines whose glyph is placed.

    Attributes:
        lines: the lines of text, a misread bullet made a glyph where one stands.
        placed: indices of the lines whose glyph stands where another line's bullet does.
    """

    lines: list[LineParts]
    placed: frozenset[int]


def bullet_places(document: Document, lines: Sequence[LineParts]) -> BulletPlaces:
    """Find the bullets of ``document``'s lines of text by position (nothing without boxes)."""
    scan = document.scan
    if scan is None or not scan.words:
        return BulletPlaces(list(lines), frozenset())
    places: list[_Place] = []
    for parts in lines:
        if parts.glyph is None or parts.glyph.strength not in (Strength.TRUE, Strength.OCR):
            continue
        boxes = _boxes(scan, parts.glyph_span[0], parts.body[0])
        if boxes is not None:
            page, glyph, text = boxes
            places.append(_Place(parts.index, page, glyph.right, text.left))
    if not places:
        return BulletPlaces(list(lines), frozenset())
    result: list[LineParts] = []
    placed: set[int] = set()
    for parts in lines:
        found = parts if parts.glyph is not None else _misread(document.text, scan, parts)
        if found is not None and found.glyph and found.glyph.strength is not Strength.DASH:
            boxes = _boxes(scan, found.glyph_span[0], found.body[0])
            if boxes is not None and any(p.holds(found.index, *boxes) for p in places):
                placed.add(found.index)
                result.append(found)
                continue
        result.append(parts)
    return BulletPlaces(result, frozenset(placed))


def _boxes(scan: ScanLayout, token: int, text: int) -> tuple[int, Box, Box] | None:
    """The page, the box of the word at ``token`` and of the word at ``text``."""
    first = [w for w in scan.words_in(token, token + 1) if w.start == token and not w.derived]
    after = [w for w in scan.words_in(text, text + 1) if w.start == text and not w.derived]
    if not first or not after or first[0].page != after[0].page:
        return None
    return first[0].page, first[0].box, after[0].box


def _misread(text: str, scan: ScanLayout, parts: LineParts) -> LineParts | None:
    """The line with its first token as a glyph, if it is a short symbol before text."""
    start, end = parts.body
    token_end = start
    while token_end < end and not text[token_end].isspace():
        token_end += 1
    rest = token_end
    while rest < end and text[rest].isspace():
        rest += 1
    token = text[start:token_end]
    if (
        not token
        or len(token) > MAX_GLYPH
        or any(ch.isalnum() for ch in token)
        or all(ch in DASHES for ch in token)
        or rest >= end
        or not text[rest].isalnum()
    ):
        return None
    line_start = text.rfind("\n", 0, start) + 1
    glyph = Glyph(start - line_start, rest - line_start, token, Strength.OCR)
    return replace(parts, glyph=glyph, glyph_span=(start, rest), body=(rest, end))
