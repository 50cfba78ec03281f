"""Line lengths measured on the page: would the next word have fitted, is a line full?

The flow planner asks of every line break whether the line ended although the next word would
still have fitted (then the author ended it: a new paragraph). From plain text it counts
characters, which a proportional font makes a guess (``FIT`` leaves room for it). A scan's word
boxes answer exactly: the line's last word ends at some x, the column ends at the widest line
that was wrapped, and the next word has a box of its own. Nothing here is learned from
documents: the column edge, the space and the word widths are the page's own.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from korrektur.engine.structure.line_parts import LineParts
from korrektur.model.document import Document
from korrektur.model.geometry import Box, ScanLayout

SHORT_WORD = 2  # letters of the shortest words of running text (i, en, av): a full line lacks room


@dataclass(frozen=True)
class _Line:
    page: int
    right: float  # where the line's text ends (its last word's box)
    space: float  # the width of a space on this line
    char: float  # the mean width of a character on this line
    first: Box | None  # the box of the text's first word


class LineMeasure:
    """Lengths of the lines of text of a scan in page units, against their column's edge."""

    def __init__(self, lines: Sequence[_Line | None], column_right: dict[int, float]) -> None:
        self._lines = list(lines)
        self._column_right = column_right

    @classmethod
    def of(
        cls, document: Document, lines: Sequence[LineParts], gaps: Sequence[tuple[bool, bool]]
    ) -> LineMeasure | None:
        """The measure of ``document``'s lines of text, or None when it has no word boxes.

        ``gaps[i]`` tells (blank line, page break) between ``lines[i]`` and ``lines[i + 1]``.
        """
        scan = document.scan
        if scan is None or not scan.words:
            return None
        measured = [_measure(document.text, scan, parts) for parts in lines]
        wrapped: dict[int, list[float]] = {}
        for pos, (blank, page_break) in enumerate(gaps):
            line, after = measured[pos], lines[pos + 1]
            if line is None or blank or page_break:
                continue
            if document.text[after.body[0] : after.body[0] + 1].islower():
                wrapped.setdefault(line.page, []).append(line.right)
        if not wrapped:
            return None
        widest = max(max(rights) for rights in wrapped.values())
        edges = {page: max(rights) for page, rights in wrapped.items()}
        for line in measured:
            if line is not None:
                edges.setdefault(line.page, widest)
        return cls(measured, edges)

    def fits(self, pos: int, next_pos: int | None) -> bool | None:
        """Would the first word of line ``next_pos`` (None: any word) have fitted after ``pos``?

        None when line ``pos`` has no boxes (the caller counts characters instead).
        """
        line = self._lines[pos]
        if line is None:
            return None
        word = 0.0
        following = self._lines[next_pos] if next_pos is not None else None
        if following is not None and following.first is not None:
            word = following.first.width
        return line.right + line.space + word <= self._column_right[line.page]

    def full(self, pos: int) -> bool | None:
        """Line ``pos`` has no room left for even a short word (None: no boxes)."""
        line = self._lines[pos]
        if line is None:
            return None
        room = self._column_right[line.page] - line.right
        return room < line.space + SHORT_WORD * line.char


def _measure(text: str, scan: ScanLayout, parts: LineParts) -> _Line | None:
    """The boxes of one line's text proper (glyph and specks left out)."""
    start, end = parts.body
    words = [w for w in scan.words_in(start, end) if not w.derived and w.start >= start]
    if not words or len({w.page for w in words}) > 1:
        return None
    gaps = [b.box.left - a.box.right for a, b in zip(words, words[1:], strict=False)]
    gaps = [gap for gap in gaps if gap > 0]
    ink = sum(w.box.width for w in words)
    chars = sum(w.end - w.start for w in words)
    char = ink / max(1, chars)
    space = statistics.median(gaps) if gaps else char
    return _Line(words[0].page, max(w.box.right for w in words), space, char, words[0].box)
