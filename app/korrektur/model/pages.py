"""Page splitting strategies: where does each page of an OCR'd text start?"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from korrektur.model.layout import Line


class PageSplitter(Protocol):
    """Decides which lines start a page. Returns indices into ``lines``; 0 is always first."""

    name: str

    def page_starts(self, text: str, lines: Sequence[Line]) -> list[int]:
        """Indices of the lines that start a page."""
        ...


class FormFeedSplitter:
    """Pages separated by form feed characters, as pdftotext writes them by default."""

    name = "form-feed"

    def page_starts(self, text: str, lines: Sequence[Line]) -> list[int]:
        """A line that begins with ``\\f`` (or follows one) starts a page."""
        starts = [0]
        for index, line in enumerate(lines):
            if index and text.startswith("\f", line.start):
                starts.append(index)
        return starts


class LeadingSpaceSplitter:
    """Pages start with a line that begins with exactly one space (seen in OCR exports)."""

    name = "leading-space"

    def page_starts(self, text: str, lines: Sequence[Line]) -> list[int]:
        """A line ``" X…"`` with a non-space second character starts a page."""
        starts = [0]
        for index, line in enumerate(lines):
            content = text[line.start : line.end]
            if index and len(content) > 1 and content[0] == " " and not content[1].isspace():
                starts.append(index)
        return starts


class AutoSplitter:
    """Form feeds when the text has any, otherwise the leading-space convention."""

    name = "auto"

    def page_starts(self, text: str, lines: Sequence[Line]) -> list[int]:
        """Choose the strategy that fits the text."""
        splitter: PageSplitter = FormFeedSplitter() if "\f" in text else LeadingSpaceSplitter()
        return splitter.page_starts(text, lines)


class KnownPageStarts:
    """Pages whose first lines are known, as a scan's reader knows them."""

    name = "known"

    def __init__(self, starts: Sequence[int]) -> None:
        """``starts``: 0-based indices of the lines that start a page (the first is 0)."""
        self.starts = sorted({0, *starts})

    def page_starts(self, text: str, lines: Sequence[Line]) -> list[int]:
        """The known starts that fall within the text's lines."""
        return [start for start in self.starts if start < len(lines)]
