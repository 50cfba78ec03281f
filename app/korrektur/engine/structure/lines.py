"""The anatomy of one line: indentation, bullet glyph, OCR specks at either end, the text itself."""

from __future__ import annotations

from dataclasses import dataclass

from korrektur.engine.structure.bullets import Glyph, find_glyph
from korrektur.engine.structure.text import SPECKS_AT_END, SPECKS_AT_START, is_speck_token

# Characters that are never the first letter of a word: when attached to one at the start of a
# line they are specks (``‘ska``, ``_av``, ``~samt``).
_ATTACHED_SPECKS = "‘_~"


@dataclass(frozen=True)
class LineParts:
    """Offsets (into the document text) of the parts of a non-blank line.

    Attributes:
        index: 0-based line index.
        lead: first non-space character.
        tail: just after the last non-space character.
        glyph: a bullet-like prefix (offsets relative to the line start), if any.
        speck_head: a speck before the text (``’ presentera``), as an absolute span.
        speck_tail: specks after the text (``till ~``), as an absolute span.
        body: where the text proper starts and ends.
    """

    index: int
    lead: int
    tail: int
    glyph: Glyph | None
    speck_head: tuple[int, int] | None
    speck_tail: tuple[int, int] | None
    body: tuple[int, int]


def _head_speck(text: str, start: int) -> int:
    """Where the text proper begins after specks at ``start`` (``start`` if there are none)."""
    position = start
    while True:
        end = position
        while end < len(text) and not text[end].isspace():
            end += 1
        token = text[position:end]
        rest = end
        while rest < len(text) and text[rest] in " \t":
            rest += 1
        if token and is_speck_token(token, SPECKS_AT_START) and rest < len(text):
            position = rest
            continue
        break
    while (
        position + 1 < len(text)
        and text[position] in _ATTACHED_SPECKS
        and text[position + 1].isalpha()
    ):
        position += 1
    if (
        position + 1 < len(text)
        and text[position] == "-"
        and text[position + 1].isalpha()
        and (position + 2 >= len(text) or text[position + 2] != "-")
    ):
        position += 1
    return position


def _tail_speck(text: str, body_start: int, end: int) -> int:
    """Where the text proper ends before specks that end the line."""
    position = end
    while True:
        space = text.rfind(" ", body_start, position)
        if space < 0:
            return position
        token = text[space + 1 : position]
        if not token or not is_speck_token(token, SPECKS_AT_END):
            return position
        cut = space
        while cut > body_start and text[cut - 1] in " \t":
            cut -= 1
        if cut <= body_start:
            return position
        position = cut


def line_parts(text: str, index: int, start: int, end: int) -> LineParts | None:
    """Split the line ``text[start:end]`` into its parts; None for a blank line."""
    line = text[start:end]
    stripped = line.strip()
    if not stripped:
        return None
    lead = start + (len(line) - len(line.lstrip()))
    tail = start + len(line.rstrip())
    glyph = find_glyph(line)
    body_start = start + glyph.end if glyph else lead
    speck_head = None
    if glyph is None:
        after = start + _head_speck(line.rstrip(), lead - start)
        if after > lead:
            speck_head = (lead, after)
            body_start = after
    body_end = _tail_speck(text, body_start, tail)
    speck_tail = (body_end, tail) if body_end < tail else None
    return LineParts(index, lead, tail, glyph, speck_head, speck_tail, (body_start, body_end))
