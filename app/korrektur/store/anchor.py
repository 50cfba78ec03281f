"""Find saved suggestions again in a changed source by aligning the old and new text."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from itertools import accumulate

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from korrektur.model import Suggestion
from korrektur.model.layout import Span
from korrektur.store.records import Unanchored

# Character alignment inside changed blocks is quadratic-ish; beyond this many character
# pairs a block is only searched, not aligned.
_MAX_BLOCK_PAIRS = 50_000_000
_MIN_CHAR_MATCH = 3  # shorter runs of equal characters are chance, not the same text
_CONTEXT = 40
_SEARCH_WINDOW = 400
_MIN_CONTEXT_SCORE = 60.0


@dataclass(frozen=True)
class Segment:
    """A stretch of text that is the same in both versions."""

    old_start: int
    new_start: int
    length: int

    @property
    def old_end(self) -> int:
        """End of the stretch in the old text."""
        return self.old_start + self.length


def _offsets(lines: Sequence[str]) -> list[int]:
    return [0, *accumulate(len(line) for line in lines)]


def equal_segments(old: str, new: str) -> list[Segment]:
    """The stretches the two texts share, in order.

    Lines are aligned first; within a changed block of lines, characters.
    """
    old_lines = old.splitlines(keepends=True)
    new_lines = new.splitlines(keepends=True)
    old_at, new_at = _offsets(old_lines), _offsets(new_lines)
    segments: list[Segment] = []
    block: list[int] | None = None  # old and new start of a run of changed lines

    def align_block(o1: int, o2: int, n1: int, n2: int) -> None:
        if o1 == o2 or n1 == n2 or (o2 - o1) * (n2 - n1) > _MAX_BLOCK_PAIRS:
            return
        for inner in Levenshtein.opcodes(old[o1:o2], new[n1:n2]):
            length = inner.src_end - inner.src_start
            if inner.tag == "equal" and length >= _MIN_CHAR_MATCH:
                segments.append(Segment(o1 + inner.src_start, n1 + inner.dest_start, length))

    for op in Levenshtein.opcodes(old_lines, new_lines):
        o1, n1 = old_at[op.src_start], new_at[op.dest_start]
        if op.tag != "equal":
            block = block or [o1, n1]
            continue
        if block is not None:
            align_block(block[0], o1, block[1], n1)
            block = None
        segments.append(Segment(o1, n1, old_at[op.src_end] - o1))
    if block is not None:
        align_block(block[0], len(old), block[1], len(new))
    return _merge(segments)


def _merge(segments: Iterable[Segment]) -> list[Segment]:
    merged: list[Segment] = []
    for segment in segments:
        last = merged[-1] if merged else None
        if (
            last is not None
            and last.old_end == segment.old_start
            and last.new_start + last.length == segment.new_start
        ):
            merged[-1] = Segment(last.old_start, last.new_start, last.length + segment.length)
        else:
            merged.append(segment)
    return merged


@dataclass
class Reanchoring:
    """The outcome: suggestions moved to the new text, and those that could not be.

    Attributes:
        anchored: suggestions with spans in the new text (decisions kept), sorted.
        lost: the others, with their old context.
        searched: how many were found by searching near their old place rather than
            by falling inside unchanged text.
    """

    anchored: list[Suggestion]
    lost: list[Unanchored]
    searched: int = 0


class Anchorer:
    """Maps spans of an old text into a new one."""

    def __init__(self, old: str, new: str, old_sha256: str = "") -> None:
        self.old, self.new, self.old_sha256 = old, new, old_sha256
        self.segments = equal_segments(old, new)
        self._starts = [s.old_start for s in self.segments]

    def _segment_before(self, pos: int) -> Segment | None:
        index = bisect.bisect_right(self._starts, pos) - 1
        return self.segments[index] if index >= 0 else None

    def map_span(self, start: int, end: int) -> tuple[int, int] | None:
        """The span in the new text if ``[start, end)`` lies in unchanged text."""
        segment = self._segment_before(start)
        if segment is None or end > segment.old_end:
            return None
        if start == end == segment.old_end and end != len(self.old):
            return None  # an insertion at the edge of a change: the place is unclear
        shift = segment.new_start - segment.old_start
        return start + shift, end + shift

    def _expected(self, pos: int) -> int:
        segment = self._segment_before(pos)
        if segment is None:
            return pos
        return segment.new_start + min(pos - segment.old_start, segment.length)

    def search(self, suggestion: Suggestion) -> tuple[int, int] | None:
        """Look for the suggestion's text near where it should be, judged by its context."""
        needle = suggestion.original
        if not needle:
            return None
        before = self.old[max(0, suggestion.start - _CONTEXT) : suggestion.start]
        after = self.old[suggestion.end : suggestion.end + _CONTEXT]
        expected = self._expected(suggestion.start)
        low = max(0, expected - _SEARCH_WINDOW)
        high = min(len(self.new), expected + len(needle) + _SEARCH_WINDOW)
        best: tuple[float, int] | None = None
        position = self.new.find(needle, low, high)
        while position != -1:
            new_before = self.new[max(0, position - _CONTEXT) : position]
            new_after = self.new[position + len(needle) : position + len(needle) + _CONTEXT]
            # each side counts by how much old context it has (none at the text's edges)
            weight = len(before) + len(after)
            score = (
                (
                    len(before) * fuzz.ratio(before, new_before)
                    + len(after) * fuzz.ratio(after, new_after)
                )
                / weight
                if weight
                else 0.0
            )
            if best is None or score > best[0]:
                best = (score, position)
            position = self.new.find(needle, position + 1, high)
        if best is None or best[0] < _MIN_CONTEXT_SCORE:
            return None
        return best[1], best[1] + len(needle)

    def lost(self, suggestion: Suggestion) -> Unanchored:
        """The record of a suggestion that could not be found."""
        return Unanchored(
            suggestion,
            self.old[max(0, suggestion.start - _CONTEXT) : suggestion.start],
            self.old[suggestion.end : suggestion.end + _CONTEXT],
            self.old_sha256,
        )

    def reanchor(self, suggestions: Iterable[Suggestion], exclusive: bool = True) -> Reanchoring:
        """Move ``suggestions`` into the new text where they can be found.

        With ``exclusive`` (suggestions of one session), one that would overlap another
        after the move is not anchored either.
        """
        moved: list[tuple[Suggestion, Suggestion]] = []
        lost: list[Unanchored] = []
        searched = 0
        for suggestion in suggestions:
            span = self.map_span(suggestion.start, suggestion.end)
            if span is None:
                span = self.search(suggestion)
                searched += span is not None
            if span is None or self.new[span[0] : span[1]] != suggestion.original:
                lost.append(self.lost(suggestion))
                continue
            new = replace(suggestion, start=span[0], end=span[1], meta=dict(suggestion.meta))
            moved.append((new, suggestion))
        moved.sort(key=lambda pair: (pair[0].start, pair[0].end))
        anchored: list[Suggestion] = []
        for new, old in moved:
            if (
                exclusive
                and anchored
                and Span(anchored[-1].start, anchored[-1].end).overlaps(Span(new.start, new.end))
            ):
                lost.append(self.lost(old))
                continue
            anchored.append(new)
        return Reanchoring(anchored, lost, searched)
