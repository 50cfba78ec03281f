"""The five structure analysers: each reports one kind of the shared structure plan."""

from __future__ import annotations

from korrektur.engine.base import Analyzer, Progress, WordOracle
from korrektur.engine.structure.plan import StructurePlanner
from korrektur.model.document import Document
from korrektur.model.structure import ReadingStructure
from korrektur.model.suggestion import Kind, Suggestion

# Order of the analysers; their suggestions never overlap each other, so it only matters
# against later analysers (the word engine), which they all precede.
STRUCTURE_ORDER = (
    Kind.PAGE_FURNITURE,
    Kind.HYPHENATION,
    Kind.BULLET,
    Kind.REFLOW,
    Kind.WHITESPACE,
)


class StructureAnalyzer:
    """Suggestions of one structure kind, from a planner shared with the other four.

    Attributes:
        name: the kind's name (``"page-furniture"``, ``"hyphenation"`` …).
        kinds: the one kind it reports.
    """

    def __init__(self, planner: StructurePlanner, kind: Kind) -> None:
        self.planner = planner
        self.kind = kind
        self.name = kind.value
        self.kinds = frozenset({kind})

    def analyse(self, document: Document, progress: Progress) -> list[Suggestion]:
        """Suggestions of this analyser's kind for ``document``."""
        plan = self.planner.plan(document, progress)
        return [edit.suggestion(document.text) for edit in plan.of_kind(self.kind)]

    def reading(self, document: Document, progress: Progress) -> ReadingStructure:
        """The reading structure of ``document`` (the plan of ``analyse``, not made again)."""
        return self.planner.plan(document, progress).reading


def structure_analyzers(oracle: WordOracle) -> list[Analyzer]:
    """The structure analysers, sharing one plan per document; ``oracle`` judges hyphens."""
    planner = StructurePlanner(oracle)
    return [StructureAnalyzer(planner, kind) for kind in STRUCTURE_ORDER]
