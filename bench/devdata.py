"""The 21 development documents in ../shared and how to match a raw word to its gold word.

Five in ``corpus/dev`` (one real OCR report, four simulated) and sixteen Tesseract-read scans
in ``corpus/scans``; each is ``NAME.raw.txt`` with its line-aligned gold ``NAME.lines.txt``.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz.distance import Levenshtein

from korrektur.engine.words.text import fold, word_parts
from korrektur.model.document import Document

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEV = SHARED / "corpus" / "dev"
SCANS = SHARED / "corpus" / "scans"
FOLDERS = (DEV, SCANS)
CORPUS = SHARED / "corpus" / "sv-reference"
SCORER = SHARED / "tools" / "score_words.py"
REVIEW_SIM = SHARED / "tools" / "review_sim.py"


def require_shared() -> None:
    if not all(folder.is_dir() for folder in FOLDERS) or not SCORER.is_file():
        sys.exit(
            f"bench: the development data is missing: expected {DEV}, {SCANS} and {SCORER} "
            "(../shared beside the repository)"
        )


def dev_sets() -> list[str]:
    """Names of every development document: ``dev/`` first, then the scans by number."""
    names = []
    for folder in FOLDERS:
        found = [p.name.removesuffix(".raw.txt") for p in folder.glob("*.raw.txt")]
        names += sorted(found, key=_natural)
    return names


def _natural(name: str) -> tuple[str, int]:
    """``scan-2`` before ``scan-10``."""
    stem, _, number = name.rpartition("-")
    return (stem, int(number)) if number.isdigit() else (name, 0)


@dataclass(frozen=True)
class DevSet:
    name: str
    raw: Path
    gold: Path

    @classmethod
    def named(cls, name: str) -> DevSet:
        folder = next((f for f in FOLDERS if (f / f"{name}.raw.txt").is_file()), DEV)
        return cls(name, folder / f"{name}.raw.txt", folder / f"{name}.lines.txt")


def gold_words(document: Document, gold_text: str) -> dict[int, str]:
    """Gold word (core part) by the start offset of the raw word part it corrects.

    Only lines with as many chunks as their gold line, and chunks with as many parts as their
    gold chunk, are matched: elsewhere OCR split or merged words and no pairing is reliable.
    """
    gold_lines = gold_text.split("\n")
    by_line: dict[int, list[tuple[int, int]]] = {}
    for token in document.tokens:
        by_line.setdefault(token.line, []).append((token.start, token.end))
    found: dict[int, str] = {}
    for line, spans in by_line.items():
        gold_chunks = gold_lines[line].split() if line < len(gold_lines) else []
        if len(gold_chunks) != len(spans):
            continue
        for (start, end), gold in zip(spans, gold_chunks, strict=True):
            raw_parts = word_parts(document.text[start:end], start)
            gold_parts = word_parts(gold, 0)
            if len(raw_parts) == len(gold_parts):
                for raw_part, gold_part in zip(raw_parts, gold_parts, strict=True):
                    if _alike(raw_part.text, gold_part.text):
                        found[raw_part.start] = gold_part.text
    return found


def _alike(raw: str, gold: str) -> bool:
    """False when two paired words have little in common: the pairing slipped (a merge)."""
    return Levenshtein.normalized_distance(fold(raw), fold(gold)) <= 0.5
