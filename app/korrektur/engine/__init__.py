"""The correction engine: word candidates, scoring and structure analysis (Qt-free)."""

from korrektur.engine.base import AnalysisCancelled, Analyzer, NoProgress, Progress, WordOracle
from korrektur.engine.pipeline import Engine
from korrektur.engine.registry import default_engine
from korrektur.engine.words.lexicon_sources import lexicon_label
from korrektur.engine.words.profile import Profile

__all__ = [
    "AnalysisCancelled",
    "Analyzer",
    "Engine",
    "NoProgress",
    "Profile",
    "Progress",
    "default_engine",
    "lexicon_label",
    "WordOracle",
]
