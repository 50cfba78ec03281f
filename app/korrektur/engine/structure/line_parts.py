"""The anatomy of one line: indentation, bullet glyph, OCR specks at either end, the text itself."""

from __future__ import annotations

from dataclasses import dataclass

from korrektur.engine.structure.bullets import Glyph, find_glyph
from korrektur.engine.structure.chars import SPECKS_AT_END, SPECKS_AT_START, is_speck_token

# Characters that are never the first letter of a word: when attached to one at the start of a
# line they are specks (``‘ska``, ``_av``, ``~samt``).
_ATTACHED_SPECKS = "‘_~"

Span = tuple[int, int]


@dataclass(frozen=True)
class LineParts:
    """Offsets (into the document text) of the parts of a non-blank line.

    ``[speck] [glyph] [speck] text [specks]``: e.g. ``’ * ‘Skolan ska ~``.

    Attributes:
        index: 0-based line index.
        lead: first non-space character.
        tail: just after the last non-space character.
        glyph: a bullet-like prefix, if any.
        glyph_span: the glyph with the spaces after it (empty at ``lead`` without a glyph).
        speck_heads: specks before the text: before the glyph and after it.
        speck_tail: specks after the text (``till ~``).
        body: where the text proper starts and ends.
    """

    index: int
    lead: int
    tail: int
    glyph: Glyph | None
    glyph_span: Span
    speck_heads: tuple[Span, ...]
    speck_tail: Span | None
    body: Span


def _speck_tokens(line: str, position: int) -> int:
    """Where the text begins after whole speck tokens at ``position`` (``’ ``, ``: ``)."""
    while True:
        end = position
        while end < len(line) and not line[end].isspace():
            end += 1
        rest = end
        while rest < len(line) and line[rest].isspace():
            rest += 1
        token = line[position:end]
        if not token or not is_speck_token(token, SPECKS_AT_START) or rest >= len(line):
            return position
        position = rest


def _attached_specks(line: str, position: int) -> int:
    """Where the word begins after specks stuck to its front (``‘ska``, ``-samrada``)."""
    while (
        position + 1 < len(line)
        and line[position] in _ATTACHED_SPECKS
        and line[position + 1].isalpha()
    ):
        position += 1
    if (
        position + 1 < len(line)
        and line[position] == "-"
        and line[position + 1].isalpha()
        and (position + 2 >= len(line) or line[position + 2] != "-")
    ):
        position += 1
    return position


def _tail_speck(text: str, body_start: int, end: int) -> int:
    """Where the text proper ends before specks that end the line (``till ~``, ``2018. ,``)."""
    position = end
    while True:
        space = position - 1
        while space > body_start and not text[space].isspace():
            space -= 1
        if space <= body_start or not is_speck_token(text[space + 1 : position], SPECKS_AT_END):
            return position
        cut = space
        while cut > body_start and text[cut - 1].isspace():
            cut -= 1
        if cut <= body_start:
            return position
        position = cut


def line_parts(text: str, index: int, start: int, end: int) -> LineParts | None:
    """Split the line ``text[start:end]`` into its parts; None for a blank line."""
    line = text[start:end].rstrip()
    if not line.strip():
        return None
    lead = start + len(line) - len(line.lstrip())
    tail = start + len(line)
    heads: list[Span] = []
    first = start + _speck_tokens(line, lead - start)
    glyph = find_glyph(line[first - start :])
    if glyph is not None:
        if first > lead:
            heads.append((lead, first))
        glyph_span = (first + glyph.start, first + glyph.end)
        body_start = glyph_span[1]
    else:
        glyph_span = (lead, lead)
        body_start = lead
    after = start + _attached_specks(line, _speck_tokens(line, body_start - start))
    if after > body_start:
        heads.append((body_start, after))
        body_start = after
    body_end = _tail_speck(text, body_start, tail)
    speck_tail = (body_end, tail) if body_end < tail else None
    return LineParts(
        index, lead, tail, glyph, glyph_span, tuple(heads), speck_tail, (body_start, body_end)
    )
