"""A large synthetic OCR document for timing: reference paragraphs with OCR-like damage.

The text comes from ../shared/corpus/sv-reference (which the lexicon's counts were derived
from), so it serves for speed and memory only, never for accuracy.
"""

from __future__ import annotations

import random
import textwrap
from pathlib import Path

DAMAGE = {
    "å": [("a", 0.9)],
    "ä": [("a", 0.8), ("é", 0.05), ("4", 0.02)],
    "ö": [("o", 0.5), ("é", 0.3), ("6", 0.08), ("d", 0.03)],
}


def damage(text: str, rng: random.Random) -> str:
    out = []
    for ch in text:
        options = DAMAGE.get(ch.lower())
        if options:
            roll = rng.random()
            for replacement, share in options:
                if roll < share:
                    ch = (
                        replacement.upper()
                        if ch.isupper() and replacement.isalpha()
                        else replacement
                    )
                    break
                roll -= share
        out.append(ch)
    return "".join(out)


def synthetic_document(corpus: Path, words: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    lines = (corpus / "regeringen_se.txt").read_text(encoding="utf-8").splitlines()
    paragraphs: list[str] = []
    count = 0
    while count < words:
        paragraph = lines[rng.randrange(len(lines))]
        count += len(paragraph.split())
        wrapped = textwrap.wrap(damage(paragraph, rng), width=90, break_on_hyphens=False)
        paragraphs.append("\n".join(wrapped))
    return "\n\n".join(paragraphs) + "\n"
