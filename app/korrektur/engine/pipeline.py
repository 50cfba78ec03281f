"""Run the analysers on a document and merge their suggestions into one reviewable list."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence

from korrektur.engine.base import AnalysisCancelled, Analyzer, NoProgress, Progress
from korrektur.model.document import Document
from korrektur.model.layout import Span
from korrektur.model.suggestion import KIND_GROUPS, Kind, Suggestion


class Engine:
    """The correction engine: analysers in priority order (earlier ones win overlaps)."""

    def __init__(self, analyzers: Sequence[Analyzer]) -> None:
        self.analyzers = list(analyzers)

    def analyse(
        self,
        document: Document,
        kinds: Iterable[Kind] = KIND_GROUPS["all"],
        progress: Progress | None = None,
    ) -> list[Suggestion]:
        """Suggestions of ``kinds`` for ``document``, sorted, non-overlapping, numbered.

        Raises:
            AnalysisCancelled: ``progress`` asked to stop.
        """
        wanted = frozenset(kinds)
        progress = progress or NoProgress()
        groups: list[list[Suggestion]] = []
        for analyzer in self.analyzers:
            if not analyzer.kinds & wanted:
                continue
            if progress.cancelled():
                raise AnalysisCancelled
            found = analyzer.analyse(document, progress)
            groups.append([s for s in found if s.kinds and s.kinds <= wanted | {Kind.MANUAL}])
        return number(resolve_overlaps(groups))


def resolve_overlaps(groups: Sequence[Sequence[Suggestion]]) -> list[Suggestion]:
    """Merge groups of suggestions; where two overlap, the one from the earlier group wins."""
    kept: list[Suggestion] = []
    keys: list[tuple[int, int]] = []  # kept spans, sorted; they never overlap, so neighbours …
    spans: list[Span] = []  # … suffice (the same spans, for the overlap test)
    for group in groups:
        for suggestion in group:
            key = (suggestion.start, suggestion.end)
            span = Span(*key)
            index = bisect.bisect_left(keys, key)
            if (index > 0 and span.overlaps(spans[index - 1])) or (
                index < len(spans) and span.overlaps(spans[index])
            ):
                continue
            keys.insert(index, key)
            spans.insert(index, span)
            kept.append(suggestion)
    return sorted(kept, key=lambda s: (s.start, s.end))


def number(suggestions: Sequence[Suggestion]) -> list[Suggestion]:
    """Copies of ``suggestions`` with the ids ``s1``, ``s2``, … in document order."""
    numbered = []
    for i, suggestion in enumerate(suggestions, start=1):
        # A shallow copy, as dataclasses.replace makes but without validating again.
        copied = object.__new__(Suggestion)
        copied.__dict__.update(vars(suggestion))
        copied.id = f"s{i}"
        numbered.append(copied)
    return numbered
