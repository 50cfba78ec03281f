"""Compose decomposed letters (NFC), remembering where each one stood in the source.

PDF text extraction and macOS write ``på`` as ``pa`` and a combining ring (U+030A). To the
engine a letter and its marks must be one letter, or it reads ``pa`` and a stray ring and
restores the ring a second time. A document's text is therefore composed (Unicode NFC) when
it is read; the map back lets offsets be given in the source as decoded (the
``suggest --json`` contract), and the count is what the review and the user are told.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from korrektur.model.offsets import OffsetMap

# Combining marks of the Latin script (diacritical marks, their extensions and supplement,
# marks for symbols, half marks): what OCR and PDF text put after a letter.
COMBINING_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_CLUSTER = re.compile(f"(?s).[{COMBINING_MARKS}]+")


@dataclass(frozen=True)
class Composition:
    """How a decoded text was composed.

    Attributes:
        count: letters (with their marks) that became one character or fewer characters.
        offsets: source (decoded, newlines normalised) ↔ composed text; its "raw" side is
            the source, its "corrected" side the composed text. None where the source is
            not at hand (a document read back from a review file, which records the count).
        source: the text before composing ("" where the source is not at hand).
    """

    count: int
    offsets: OffsetMap | None = None
    source: str = ""

    def to_source(self, offset: int) -> int:
        """The source offset of composed-text ``offset`` (a composed letter: its start)."""
        return offset if self.offsets is None else self.offsets.to_raw(offset)

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """The source span of the composed text's ``[start, end)`` (whole letters)."""
        return self.to_source(start), self.to_source(end)

    def source_text(self, start: int, end: int) -> str:
        """The source's text of the composed text's ``[start, end)``."""
        low, high = self.source_span(start, end)
        return self.source[low:high]

    @property
    def note(self) -> str:
        """What was done, for people."""
        letters = "letter" if self.count == 1 else "letters"
        return f"{self.count} {letters} written with combining marks composed (Unicode NFC)"


def compose(text: str) -> tuple[str, Composition | None]:
    """``text`` with each letter and its combining marks composed, and how (None: as it was).

    Letters whose marks have no composed form keep them (``q`` with a ring); the engine
    leaves such words alone.
    """
    if unicodedata.is_normalized("NFC", text):
        return text, None
    pieces: list[str] = []
    spans: list[tuple[int, int, int]] = []
    position = 0
    for match in _CLUSTER.finditer(text):
        cluster = match.group()
        composed = unicodedata.normalize("NFC", cluster)
        if composed == cluster:
            continue
        start, end = match.span()
        pieces.append(text[position:start])
        pieces.append(composed)
        spans.append((start, end, len(composed)))
        position = end
    if not spans:
        return text, None
    pieces.append(text[position:])
    return "".join(pieces), Composition(len(spans), OffsetMap(spans), text)
