"""Which tool and which lexicon made the suggestions of a review: recorded with every save."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from korrektur import __version__
from korrektur.engine import lexicon_label


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
    return ToolInfo(lexicon=lexicon_label())
