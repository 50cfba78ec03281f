"""Structure analysis: page furniture, hyphenation, bullets, paragraphs and whitespace (Qt-free)."""

from korrektur.engine.structure.analyzers import StructureAnalyzer, structure_analyzers
from korrektur.engine.structure.plan import Plan, StructurePlanner, make_plan

__all__ = [
    "Plan",
    "StructureAnalyzer",
    "StructurePlanner",
    "make_plan",
    "structure_analyzers",
]
