"""Map offsets between a raw text and the text after replacing some of its spans."""

from __future__ import annotations

import bisect
from collections.abc import Sequence


class OffsetMap:
    """Two-way offset map for non-overlapping replacements sorted by start.

    Outside the replaced spans, offsets shift by the length changes before them. Inside a
    span, an offset keeps its distance from the span start, clamped to the other side's span.
    """

    def __init__(self, spans: Sequence[tuple[int, int, int]]) -> None:
        """Build from ``(raw_start, raw_end, corrected_length)`` triples."""
        self.raw_starts: list[int] = []
        self.raw_ends: list[int] = []
        self.cor_starts: list[int] = []
        self.cor_ends: list[int] = []
        shift = 0
        for start, end, length in spans:
            self.raw_starts.append(start)
            self.raw_ends.append(end)
            self.cor_starts.append(start + shift)
            shift += length - (end - start)
            self.cor_ends.append(end + shift)

    def resized(self, index: int, length: int) -> OffsetMap:
        """A new map in which replacement ``index`` is ``length`` characters long.

        Costs a copy of the lists instead of a rebuild, so one decision on a long document
        stays cheap. The map itself is left unchanged (views may still hold it).
        """
        delta = length - (self.cor_ends[index] - self.cor_starts[index])
        other = OffsetMap(())
        other.raw_starts = self.raw_starts
        other.raw_ends = self.raw_ends
        shift = delta.__add__  # map() with a C-level function: a fast loop over long lists
        other.cor_starts = self.cor_starts[: index + 1]
        other.cor_starts.extend(map(shift, self.cor_starts[index + 1 :]))
        other.cor_ends = self.cor_ends[:index]
        other.cor_ends.extend(map(shift, self.cor_ends[index:]))
        return other

    def spliced(
        self, low: int, high: int, entries: Sequence[tuple[int, int, int, int]], delta: int
    ) -> OffsetMap:
        """A new map with spans ``[low, high)`` replaced by ``entries``.

        ``entries`` are ``(raw_start, raw_end, cor_start, cor_end)``; the corrected offsets
        of the spans after them move by ``delta``.
        """
        shift = delta.__add__
        other = OffsetMap(())
        other.raw_starts = [*self.raw_starts[:low], *(e[0] for e in entries)]
        other.raw_starts.extend(self.raw_starts[high:])
        other.raw_ends = [*self.raw_ends[:low], *(e[1] for e in entries)]
        other.raw_ends.extend(self.raw_ends[high:])
        other.cor_starts = [*self.cor_starts[:low], *(e[2] for e in entries)]
        other.cor_starts.extend(map(shift, self.cor_starts[high:]))
        other.cor_ends = [*self.cor_ends[:low], *(e[3] for e in entries)]
        other.cor_ends.extend(map(shift, self.cor_ends[high:]))
        return other

    def corrected_span(self, index: int) -> tuple[int, int]:
        """Where replacement ``index`` stands in the corrected text."""
        return self.cor_starts[index], self.cor_ends[index]

    def to_corrected(self, pos: int) -> int:
        """Corrected offset of raw offset ``pos``."""
        return _map(pos, self.raw_starts, self.raw_ends, self.cor_starts, self.cor_ends)

    def to_raw(self, pos: int) -> int:
        """Raw offset of corrected offset ``pos``."""
        return _map(pos, self.cor_starts, self.cor_ends, self.raw_starts, self.raw_ends)

    def index_at_raw(self, pos: int) -> int | None:
        """Index of the span that holds raw ``pos`` (start inclusive, end exclusive)."""
        return _index_at(pos, self.raw_starts, self.raw_ends)

    def index_at_corrected(self, pos: int) -> int | None:
        """Index of the span that holds corrected ``pos``."""
        return _index_at(pos, self.cor_starts, self.cor_ends)


def _map(
    pos: int,
    src_starts: list[int],
    src_ends: list[int],
    dst_starts: list[int],
    dst_ends: list[int],
) -> int:
    index = bisect.bisect_right(src_starts, pos) - 1
    if index < 0:
        return pos
    if pos >= src_ends[index]:
        return pos - src_ends[index] + dst_ends[index]
    return dst_starts[index] + min(pos - src_starts[index], dst_ends[index] - dst_starts[index])


def _index_at(pos: int, starts: list[int], ends: list[int]) -> int | None:
    index = bisect.bisect_right(starts, pos) - 1
    if index >= 0 and starts[index] <= pos < ends[index]:
        return index
    return None
