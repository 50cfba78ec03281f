"""Run the analysers on a document and merge their suggestions into one reviewable list."""

from __future__ import annotations

import bisect
import copy
import operator
from collections.abc import Iterable, Sequence

from korrektur.engine.base import (
    AnalysisCancelled,
    Analyzer,
    NoProgress,
    Progress,
    StructureReader,
)
from korrektur.model.document import Document
from korrektur.model.layout import overlapping
from korrektur.model.structure import ReadingStructure, Suggestions
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
    ) -> Suggestions:
        """Suggestions of ``kinds`` for ``document``, sorted, non-overlapping, numbered.

        With structure kinds among ``kinds``, they carry the reading structure found.

        Raises:
            AnalysisCancelled: ``progress`` asked to stop.
        """
        wanted = frozenset(kinds)
        progress = progress or NoProgress()
        groups: list[list[Suggestion]] = []
        structure: ReadingStructure | None = None
        for analyzer in self.analyzers:
            if not analyzer.kinds & wanted:
                continue
            if progress.cancelled():
                raise AnalysisCancelled
            found = analyzer.analyse(document, progress)
            groups.append([s for s in found if s.kinds and s.kinds <= wanted | {Kind.MANUAL}])
            if structure is None and isinstance(analyzer, StructureReader):
                structure = analyzer.reading(document, progress)
        return Suggestions(number(resolve_overlaps(groups)), structure)


def resolve_overlaps(groups: Sequence[Sequence[Suggestion]]) -> list[Suggestion]:
    """Merge groups of suggestions; where two overlap, the one from the earlier group wins.

    Within a group, spans are taken left to right (by start, then end). Each group is checked
    against the spans kept from the groups before it (by bisection) and against its own last
    kept span, then merged in: O(n log n), where inserting one by one was quadratic.
    """
    kept: list[Suggestion] = []
    for group in groups:
        keys = list(map(_POSITION, kept))  # sorted; kept spans never overlap, so …
        count = len(keys)
        added: list[Suggestion] = []
        last_start = last_end = -1  # the group's last kept span: it ends last among them
        for suggestion in sorted(group, key=_POSITION):
            key = start, end = suggestion.start, suggestion.end
            if overlapping(start, end, last_start, last_end):
                continue
            index = bisect.bisect_left(keys, key)  # … the neighbours in order are all to check
            if (index > 0 and overlapping(start, end, *keys[index - 1])) or (
                index < count and overlapping(start, end, *keys[index])
            ):
                continue
            added.append(suggestion)
            last_start, last_end = key
        kept = sorted(kept + added, key=_POSITION)  # (two sorted runs: a linear merge)
    return kept


_POSITION = operator.attrgetter("start", "end")


def number(suggestions: Sequence[Suggestion]) -> list[Suggestion]:
    """Copies of ``suggestions`` with the ids ``s1``, ``s2``, … in document order."""
    numbered = []
    for i, suggestion in enumerate(suggestions, start=1):
        copied = copy.copy(suggestion)  # (dataclasses.replace would validate it again)
        copied.id = f"s{i}"
        numbered.append(copied)
    return numbered
