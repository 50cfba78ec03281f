"""The correction engine: word candidates, scoring and structure analysis (Qt-free).

``default_engine``, ``lexicon_label`` and ``Profile`` (and the analysers, word lists and
models behind them) are imported when first asked for: a process that only names the engine
(the window, whose engine lives in its worker process) never loads it.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

from korrektur.engine.base import AnalysisCancelled, Analyzer, NoProgress, Progress, WordOracle
from korrektur.engine.pipeline import Engine

if TYPE_CHECKING:
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

_LAZY = {
    "default_engine": "korrektur.engine.registry",
    "lexicon_label": "korrektur.engine.words.lexicon_sources",
    "Profile": "korrektur.engine.words.profile",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(module), name)
