"""Where the text of a scanned document stands on its pages: page images, word and line boxes.

A document read from hOCR, ALTO, PAGE XML or a PDF with a text layer knows, for every word,
the page it is printed on and its box there. The window uses this to show the page image
beside the text (which page and box does a suggestion fall on; which word did a click hit),
the engine may use the OCR word confidences, and the writers put corrected words back into
the boxes they came from. Nothing here reads files: the readers in ``korrektur.formats``
build a :class:`ScanLayout`.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Box:
    """An axis-aligned rectangle in page coordinates: origin top left, y grows downwards."""

    left: float
    top: float
    right: float
    bottom: float

    @property
    def width(self) -> float:
        """Horizontal extent."""
        return self.right - self.left

    @property
    def height(self) -> float:
        """Vertical extent."""
        return self.bottom - self.top

    def contains(self, x: float, y: float) -> bool:
        """True when the point lies inside the box or on its edge."""
        return self.left <= x <= self.right and self.top <= y <= self.bottom

    def distance(self, x: float, y: float) -> float:
        """Distance from the point to the box (0 inside)."""
        dx = max(self.left - x, 0.0, x - self.right)
        dy = max(self.top - y, 0.0, y - self.bottom)
        return float((dx * dx + dy * dy) ** 0.5)

    @staticmethod
    def union(boxes: Iterable[Box]) -> Box:
        """The smallest box holding all ``boxes`` (at least one)."""
        items = list(boxes)
        return Box(
            min(b.left for b in items),
            min(b.top for b in items),
            max(b.right for b in items),
            max(b.bottom for b in items),
        )

    def split(self, weights: Sequence[float]) -> list[Box]:
        """Cut the box into side-by-side parts whose widths follow ``weights``.

        A word a correction splits in two (``isamband`` → ``i samband``) gets boxes this
        way: the printed word is cut where the characters of each part would stand.
        """
        total = sum(weights) or 1.0
        parts = []
        left = self.left
        for index, weight in enumerate(weights):
            right = self.right if index == len(weights) - 1 else left + self.width * weight / total
            parts.append(Box(left, self.top, right, self.bottom))
            left = right
        return parts


@dataclass(frozen=True, slots=True)
class WordBox:
    """One printed word: its span in the document text and where it stands.

    Attributes:
        start, end: the word's characters in the document text (no surrounding spaces).
        page: 0-based index into :attr:`ScanLayout.pages`.
        box: the word's box on that page.
        confidence: the OCR engine's word confidence in 0..1 (hOCR ``x_wconf``/100, ALTO
            ``WC``, PAGE ``conf``), or None when the source gives none.
        ref: the word's position among the source's word elements, in document order,
            so a writer can find the element again in the source file.
        derived: the box was estimated (from the line's box) rather than read.
    """

    start: int
    end: int
    page: int
    box: Box
    confidence: float | None = None
    ref: int = -1
    derived: bool = False


@dataclass(frozen=True, slots=True)
class LineBox:
    """One printed line: the document line it became and its box.

    ``ref`` is the line's position among the source's line elements (-1: none).
    """

    line: int  # 0-based index into Document.lines
    page: int
    box: Box
    ref: int = -1


@dataclass(frozen=True)
class PageImage:
    """One page of a scan and the image it was read from.

    Attributes:
        index: 0-based page index.
        width, height: the page's size in the units of its boxes (image pixels for hOCR,
            ALTO in pixels and PAGE; PDF points for a PDF).
        dpi: units per inch of those boxes, when known.
        image: the image reference as the source writes it ("" when it names none).
        image_path: that reference resolved against the source's folder (None when there
            is no reference); may point to a file that does not exist.
        pdf_page: for a PDF, the 0-based page to render instead of an image file.
    """

    index: int
    width: float
    height: float
    dpi: float | None = None
    image: str = ""
    image_path: Path | None = None
    pdf_page: int | None = None

    @property
    def image_missing(self) -> bool:
        """True when the page names an image file that cannot be found."""
        return self.pdf_page is None and (self.image_path is None or not self.image_path.is_file())

    def describe_missing(self) -> str:
        """A sentence for the reviewer about the missing image ("" when it is there)."""
        if not self.image_missing:
            return ""
        if self.image_path is None:
            return f"page {self.index + 1}: the source names no image file"
        return f"page {self.index + 1}: image {self.image_path} not found"


@dataclass
class ScanLayout:
    """The pages, word boxes and line boxes of a scanned document.

    Attributes:
        format: the source format: ``hocr``, ``alto``, ``page`` or ``pdf``.
        source: the file (or folder) read.
        pages: every page, in order.
        words: every word, sorted by ``start``.
        lines: boxes of the document lines that have one, sorted by line index.
    """

    format: str
    source: Path | None
    pages: list[PageImage]
    words: list[WordBox]
    lines: list[LineBox] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._starts = [w.start for w in self.words]
        self._line_index = [b.line for b in self.lines]
        # words are in text order and pages in order, so each page's words are one run
        self._page_runs: dict[int, tuple[int, int]] = {}
        for position, word in enumerate(self.words):
            first, _ = self._page_runs.get(word.page, (position, position))
            self._page_runs[word.page] = (first, position + 1)

    # -- text → page ------------------------------------------------------------------------

    def words_in(self, start: int, end: int) -> list[WordBox]:
        """The words a text span touches (an empty span: the word it stands in or before)."""
        if end <= start:
            index = bisect.bisect_right(self._starts, start) - 1
            if index >= 0 and self.words[index].end >= start:
                return [self.words[index]]
            return self.words[index + 1 : index + 2] if index + 1 < len(self.words) else []
        low = max(0, bisect.bisect_right(self._starts, start) - 1)
        high = bisect.bisect_left(self._starts, end)
        return [w for w in self.words[low:high] if w.end > start and w.start < end]

    def boxes_for_span(self, start: int, end: int) -> list[tuple[int, Box]]:
        """``(page, box)`` of the words a span touches, one box per page and line.

        This is what the page view draws for a suggestion: its word, or the words of a
        longer change, merged per printed line.
        """
        result: list[tuple[int, Box]] = []
        groups: dict[tuple[int, float], list[Box]] = {}
        for word in self.words_in(start, end):
            key = (word.page, round(word.box.top / max(word.box.height, 1.0)))
            groups.setdefault(key, []).append(word.box)
        for (page, _), boxes in groups.items():
            result.append((page, Box.union(boxes)))
        return result

    def page_of_span(self, start: int, end: int) -> int | None:
        """The page a text span is printed on (its first word's), or None."""
        words = self.words_in(start, end)
        return words[0].page if words else None

    def confidence_of_span(self, start: int, end: int) -> float | None:
        """The lowest OCR confidence of the words a span touches (None when none is known)."""
        values = [w.confidence for w in self.words_in(start, end) if w.confidence is not None]
        return min(values) if values else None

    def line_box(self, line: int) -> LineBox | None:
        """The box of document line ``line`` (0-based), if it has one."""
        index = bisect.bisect_left(self._line_index, line)
        if index < len(self.lines) and self.lines[index].line == line:
            return self.lines[index]
        return None

    # -- page → text ------------------------------------------------------------------------

    def words_on_page(self, page: int) -> list[WordBox]:
        """The words printed on ``page``, in text order."""
        first, end = self._page_runs.get(page, (0, 0))
        return [w for w in self.words[first:end] if w.page == page]

    def word_at(self, page: int, x: float, y: float, slack: float = 0.0) -> WordBox | None:
        """The word whose box holds the point, or the nearest within ``slack`` units."""
        best: WordBox | None = None
        best_distance = slack
        for word in self.words_on_page(page):
            distance = word.box.distance(x, y)
            if distance == 0.0:
                return word
            if distance <= best_distance:
                best, best_distance = word, distance
        return best

    # -- reporting --------------------------------------------------------------------------

    def missing_images(self) -> list[PageImage]:
        """Pages whose image file cannot be found (the text review still works)."""
        return [page for page in self.pages if page.image_missing]

    def box_coverage(self, spans: Sequence[tuple[int, int]]) -> float:
        """Share of the given word spans that have a word box (1.0 for none)."""
        if not spans:
            return 1.0
        covered = sum(1 for start, end in spans if self.words_in(start, end))
        return covered / len(spans)
