"""Which tool and which lexicon made the suggestions of a review: recorded with every save."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from korrektur import __version__
from korrektur.paths import data_path


@dataclass(frozen=True)
class ToolInfo:
    """The producer of a review.

    Attributes:
        name: ``korrektur``.
        version: the Korrektur version.
        lexicon: fingerprint of the lexicon data (``sha256:`` and 16 hex digits), so that
            an archivist can tell which word lists stood behind the suggestions.
    """

    name: str = "korrektur"
    version: str = __version__
    lexicon: str = ""


def folder_fingerprint(folder: Path) -> str:
    """A short hash of every file's relative name and content under ``folder``."""
    digest = hashlib.sha256()
    if folder.is_dir():
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            digest.update(path.relative_to(folder).as_posix().encode("utf-8") + b"\0")
            with path.open("rb") as handle:
                for chunk in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(chunk)
            digest.update(b"\0")
    return "sha256:" + digest.hexdigest()[:16]


@lru_cache(maxsize=1)
def current_tool() -> ToolInfo:
    """This Korrektur and its shipped lexicon (hashed once per run)."""
    return ToolInfo(lexicon=folder_fingerprint(data_path("lexicon")))
