"""Where the word engine's lexicon sources are, and a key that changes whenever one of them does."""

from __future__ import annotations

import hashlib
import importlib.metadata
from dataclasses import dataclass
from pathlib import Path

from korrektur.paths import data_path

HUNSPELL_DISTRIBUTION = "hunspell-sv"
HUNSPELL_FILES = ("sv_SE.dic",)  # sv_SE_expanded adds ~1,600 hyphenated forms only
INDEX_FORMAT = 7  # bump when the compiled index changes shape


class SourceError(Exception):
    """A lexicon source is missing or unreadable."""


@dataclass(frozen=True)
class Sources:
    """Paths of every source of the lexicon index."""

    aff: Path
    dics: tuple[Path, ...]
    lexicon_dir: Path
    hunspell_version: str
    wordfreq_version: str

    def lexicon_files(self) -> list[Path]:
        """Our own lexicon files (YAML and derived counts), sorted."""
        return sorted(
            p for p in self.lexicon_dir.rglob("*") if p.is_file() and p.suffix in {".yaml", ".gz"}
        )

    def key(self) -> str:
        """A short hash of the package versions and of the bytes of our lexicon files."""
        digest = hashlib.sha256()
        digest.update(f"{INDEX_FORMAT}|{self.hunspell_version}|{self.wordfreq_version}".encode())
        for path in (self.aff, *self.dics):
            digest.update(f"{path.name}|{path.stat().st_size}".encode())
        for path in self.lexicon_files():
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
        return digest.hexdigest()[:20]


def _hunspell_dir() -> Path:
    try:
        distribution = importlib.metadata.distribution(HUNSPELL_DISTRIBUTION)
    except importlib.metadata.PackageNotFoundError as exc:
        raise SourceError(
            "the Swedish Hunspell dictionary is not installed (pip install hunspell-sv)"
        ) from exc
    for file in distribution.files or ():
        if file.name == "sv_SE.aff":
            return Path(str(distribution.locate_file(file))).resolve().parent
    raise SourceError(f"{HUNSPELL_DISTRIBUTION} is installed but has no sv_SE.aff")


def find_sources(lexicon_dir: Path | None = None) -> Sources:
    """Locate the Hunspell files, wordfreq and our ``lexicon/`` folder.

    Raises:
        SourceError: a source is missing.
    """
    folder = _hunspell_dir()
    dics = tuple(folder / name for name in HUNSPELL_FILES if (folder / name).is_file())
    if not dics:
        raise SourceError(f"no Swedish .dic file in {folder}")
    try:
        wordfreq_version = importlib.metadata.version("wordfreq")
    except importlib.metadata.PackageNotFoundError as exc:
        raise SourceError("wordfreq is not installed (pip install wordfreq)") from exc
    return Sources(
        aff=folder / "sv_SE.aff",
        dics=dics,
        lexicon_dir=lexicon_dir or data_path("lexicon"),
        hunspell_version=importlib.metadata.version(HUNSPELL_DISTRIBUTION),
        wordfreq_version=wordfreq_version,
    )


def lexicon_label() -> str:
    """The lexicon's key with the Hunspell and wordfreq versions, as a review file records it.

    An archivist can tell from it which word lists stood behind the suggestions.
    """
    try:
        sources = find_sources()
        return (
            f"{sources.key()} (hunspell-sv {sources.hunspell_version}, "
            f"wordfreq {sources.wordfreq_version})"
        )
    except (SourceError, OSError) as exc:
        return f"unknown ({exc})"
