"""A small typesetter for structure tests on scans: lines of words placed on pages with boxes.

Letters have widths as in a proportional font (``i``, ``l``, ``t`` narrow; ``m``, ``w`` wide),
so counting characters and measuring on the page can disagree, as they do on real scans. The
result is read as a scan reader would deliver it (``scantext.build_document``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from korrektur.formats.scantext import ScanFile, ScanLine, ScanPage, ScanWord, build_document
from korrektur.model import Document
from korrektur.model.geometry import Box, PageImage

NARROW = frozenset("iltfj.,:;|!'")
WIDE = frozenset("mwMWÖÅÄ")
SPACE = 7
LINE_HEIGHT = 30
LEADING = 40  # from one line's top to the next
MARGIN = 100
PAGE = (1100, 1500)


def width(word: str) -> int:
    """The printed width of ``word``."""
    return sum(5 if ch in NARROW else 17 if ch in WIDE else 11 for ch in word)


@dataclass
class Typesetter:
    """Pages of paragraphs of lines; each line placed at ``x`` on the next baseline."""

    pages: list[ScanPage] = field(default_factory=list)
    y: int = 0

    def page(self) -> Typesetter:
        """Start a new page."""
        index = len(self.pages)
        self.pages.append(ScanPage(PageImage(index, PAGE[0], PAGE[1], 150.0)))
        self.y = 60
        return self

    def paragraph(self) -> Typesetter:
        """Start a new paragraph (Tesseract's blank line) with some space before it."""
        self.pages[-1].paragraphs.append([])
        self.y += LEADING // 2
        return self

    def line(self, text: str, x: int = MARGIN, y: int | None = None) -> Typesetter:
        """Set ``text`` at ``x`` (words one space apart); ``y`` places it (else: next line)."""
        return self.pieces((x, text), y=y)

    def pieces(self, *pieces: tuple[int, str], y: int | None = None) -> Typesetter:
        """One line of pieces of text, each set at its own ``x`` (a bullet, its text)."""
        if not self.pages[-1].paragraphs:
            self.pages[-1].paragraphs.append([])
        top = self.y if y is None else y
        words = []
        for x, text in pieces:
            for word in text.split():
                words.append(ScanWord(word, Box(x, top, x + width(word), top + LINE_HEIGHT)))
                x += width(word) + SPACE
        self.pages[-1].paragraphs[-1].append(ScanLine(words))
        self.y = top + LEADING
        return self

    def lines(self, *texts: str, x: int = MARGIN) -> Typesetter:
        """Several lines, one after the other."""
        for text in texts:
            self.line(text, x)
        return self

    def document(self) -> Document:
        """The scan as a reader delivers it."""
        return build_document(
            self.pages, ScanFile(Path("typeset.hocr"), "0" * 64, 0, "hOCR", "hocr")
        )


def right_edge(text: str, x: int = MARGIN) -> int:
    """Where a line set at ``x`` ends."""
    words = text.split()
    return x + sum(width(w) for w in words) + SPACE * (len(words) - 1)
