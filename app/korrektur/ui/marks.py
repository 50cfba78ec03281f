"""What a text pane marks: suggestion spans, page starts and line numbers, in its own offsets."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from korrektur.model import Document, ReviewSession, Suggestion


@dataclass(frozen=True)
class MarkLayer:
    """Suggestion spans of one pane, sorted and non-overlapping, with lookups for painting.

    Attributes:
        document: the raw document (for line numbers).
        suggestions: the session's suggestions, in order.
        starts, ends: each suggestion's span in this pane's text.
        pages: ``(offset, number)`` where each page after the first starts in this pane.
        to_raw: maps this pane's offsets to raw offsets.
    """

    document: Document
    suggestions: Sequence[Suggestion]
    starts: Sequence[int]
    ends: Sequence[int]
    pages: Sequence[tuple[int, int]]
    to_raw: Callable[[int], int]

    def between(self, start: int, end: int) -> Iterator[tuple[int, int, Suggestion]]:
        """Spans that touch ``[start, end]``, in order."""
        index = bisect.bisect_left(self.ends, start)
        while index < len(self.starts) and self.starts[index] <= end:
            yield self.starts[index], self.ends[index], self.suggestions[index]
            index += 1

    def at(self, offset: int) -> Suggestion | None:
        """The suggestion under ``offset`` (an empty span counts at its position)."""
        found = None
        for start, end, suggestion in self.between(offset, offset):
            if start <= offset < end:
                return suggestion
            if start == end == offset:
                found = suggestion
        return found

    def span(self, index: int) -> tuple[int, int]:
        """Where suggestion ``index`` (its position in the session) stands in this pane."""
        return self.starts[index], self.ends[index]

    def line_number(self, offset: int) -> int:
        """The raw line number (1-based) at this pane's ``offset``."""
        return self.document.line_index_at(self.to_raw(offset)) + 1


def _page_starts(document: Document, to_pane: Callable[[int], int]) -> list[tuple[int, int]]:
    return [(to_pane(page.start), page.number) for page in document.pages[1:]]


def document_layer(document: Document) -> MarkLayer:
    """A document before analysis: no suggestions, raw offsets."""
    return MarkLayer(document, (), (), (), _page_starts(document, int), int)


def raw_layer(session: ReviewSession) -> MarkLayer:
    """The raw pane: suggestion spans as the engine found them."""
    offsets = session.offsets
    return MarkLayer(
        session.document,
        session.suggestions,
        offsets.raw_starts,
        offsets.raw_ends,
        _page_starts(session.document, int),
        int,
    )


def corrected_layer(session: ReviewSession) -> MarkLayer:
    """The corrected pane: where each suggestion's current text stands."""
    offsets = session.offsets
    return MarkLayer(
        session.document,
        session.suggestions,
        offsets.cor_starts,
        offsets.cor_ends,
        _page_starts(session.document, offsets.to_corrected),
        offsets.to_raw,
    )
