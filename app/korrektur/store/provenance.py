"""Which tool and which lexicon made the suggestions of a review: recorded with every save."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from korrektur import __version__
from korrektur.engine.words.sources import SourceError, find_sources


@dataclass(frozen=True)
class ToolInfo:
    """The producer of a review.

    Attributes:
        name: ``korrektur``.
        version: the Korrektur version.
        lexicon: the word engine's lexicon key (the hash its compiled index is cached
            under) with the Hunspell and wordfreq versions, so that an archivist can tell
            which word lists stood behind the suggestions.
    """

    name: str = "korrektur"
    version: str = __version__
    lexicon: str = ""


@lru_cache(maxsize=1)
def current_tool() -> ToolInfo:
    """This Korrektur and its lexicon (hashed once per run)."""
    try:
        sources = find_sources()
        lexicon = (
            f"{sources.key()} (hunspell-sv {sources.hunspell_version}, "
            f"wordfreq {sources.wordfreq_version})"
        )
    except (SourceError, OSError) as exc:
        lexicon = f"unknown ({exc})"
    return ToolInfo(lexicon=lexicon)
