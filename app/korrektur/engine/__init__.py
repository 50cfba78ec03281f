"""The correction engine: word candidates, scoring and structure analysis (Qt-free).

``default_engine`` (and the analysers, word lists and models behind it) is imported when it
is first asked for: a process that only names the engine (the window, whose engine lives in
its worker process) never loads it.
"""

from typing import TYPE_CHECKING, Any

from korrektur.engine.base import AnalysisCancelled, Analyzer, NoProgress, Progress, WordOracle
from korrektur.engine.pipeline import Engine

if TYPE_CHECKING:
    from korrektur.engine.registry import default_engine

__all__ = [
    "AnalysisCancelled",
    "Analyzer",
    "Engine",
    "NoProgress",
    "Progress",
    "default_engine",
    "WordOracle",
]


def __getattr__(name: str) -> Any:
    if name == "default_engine":
        from korrektur.engine.registry import default_engine  # noqa: PLC0415

        return default_engine
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
