"""Learn OCR character confusions by aligning raw and gold words of the development sets.

    python tools/learn_confusions.py [--dev DIR ...] [--out lexicon/learned-confusions.yaml]

For every development document (``NAME.raw.txt`` with its gold ``NAME.lines.txt``; by default
the 21 of ``../shared/corpus/dev`` and ``../shared/corpus/scans``) the raw and gold words of
each line are paired, each pair is aligned letter by letter, and every difference is counted
as a confusion ``raw>gold`` (``a>ä``: ä printed as a; ``6>ö``; ``ii>ä``; ``>ö``: a lost ö).
Counts are kept per document so that a benchmark can leave the evaluated document out
(``KORREKTUR_EXCLUDE_LEARNED=NAME``). Only character statistics are stored, never words. A
new OCR engine's habits are learned the same way from a few corrected pages.
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

import yaml
from rapidfuzz.distance import Levenshtein

from korrektur.engine.words.text import core_bounds

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
DEFAULT_DEV = (CORPUS / "dev", CORPUS / "scans")
DEFAULT_OUT = ROOT / "lexicon" / "learned-confusions.yaml"
MAX_SEGMENT = 2  # longest raw or gold piece of one confusion
MAX_BLOCKS = 3  # more differences than this: the pair is junk, not a misreading

HEADER = """\
# Character confusions learned from the development sets by tools/learn_confusions.py.
# Generated file: do not edit by hand (edit confusions.yaml instead). Per document:
#   gold_chars     letters of the gold words (lower case), the denominators
#   confusions     "raw>gold": how often gold was printed as raw ("a>ä", "6>ö", ">ö" = lost)
#   upper_initial  gold letter that starts a lower-case word but was printed upper case
#   lower_initial  lower-case word starts per gold letter (denominator of upper_initial)
"""


def core(token: str) -> str:
    """The word core of a whitespace token."""
    start, end = core_bounds(token)
    return token[start:end]


def confusions(raw: str, gold: str) -> list[tuple[str, str]] | None:
    """The ``(raw, gold)`` pieces that differ between two lower-case words, or None for junk."""
    blocks: list[list[int]] = []
    for tag, i1, i2, j1, j2 in Levenshtein.opcodes(raw, gold):
        if tag == "equal":
            continue
        if blocks and blocks[-1][1] == i1 and blocks[-1][3] == j1:
            blocks[-1][1], blocks[-1][3] = i2, j2
        else:
            blocks.append([i1, i2, j1, j2])
    pieces: list[tuple[str, str]] = []
    for i1, i2, j1, j2 in blocks:
        if i2 - i1 == j2 - j1:
            pieces.extend(zip(raw[i1:i2], gold[j1:j2], strict=True))
        elif i2 - i1 <= MAX_SEGMENT and j2 - j1 <= MAX_SEGMENT:
            pieces.append((raw[i1:i2], gold[j1:j2]))
        else:
            return None
    return pieces if len(pieces) <= MAX_BLOCKS else None


def learn_document(raw_path: Path, gold_path: Path) -> dict[str, dict[str, int]]:
    """Confusion and case counts of one document."""
    gold_chars: collections.Counter[str] = collections.Counter()
    found: collections.Counter[str] = collections.Counter()
    upper: collections.Counter[str] = collections.Counter()
    lower: collections.Counter[str] = collections.Counter()
    raw_lines = raw_path.read_text(encoding="utf-8").split("\n")
    gold_lines = gold_path.read_text(encoding="utf-8").split("\n")
    for raw_line, gold_line in zip(raw_lines, gold_lines, strict=False):
        raw_tokens, gold_tokens = raw_line.split(), gold_line.split()
        if len(raw_tokens) != len(gold_tokens):
            continue  # split or merged words: no reliable pairing
        for raw_token, gold_token in zip(raw_tokens, gold_tokens, strict=True):
            raw, gold = core(raw_token), core(gold_token)
            if not gold or not any(ch.isalpha() for ch in gold):
                continue
            gold_chars.update(ch for ch in gold.lower() if ch.isalpha())
            if gold[0].islower():
                lower[gold[0]] += 1
                if raw[:1].isupper():
                    upper[gold[0]] += 1
            if raw.lower() == gold.lower():
                continue
            pieces = confusions(raw.lower(), gold.lower())
            for piece_raw, piece_gold in pieces or ():
                found[f"{piece_raw}>{piece_gold}"] += 1
    return {
        "gold_chars": dict(sorted(gold_chars.items())),
        "confusions": dict(sorted(found.items(), key=lambda kv: (-kv[1], kv[0]))),
        "upper_initial": dict(sorted(upper.items())),
        "lower_initial": dict(sorted(lower.items())),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", type=Path, nargs="+", default=list(DEFAULT_DEV))
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    raws = sorted(raw for folder in args.dev for raw in folder.glob("*.raw.txt"))
    if not raws:
        sys.exit(
            f"learn_confusions: no development sets in {', '.join(map(str, args.dev))} "
            "(expected ../shared/corpus/dev and scans beside the repository)"
        )
    documents = {}
    for raw in raws:
        name = raw.name.removesuffix(".raw.txt")
        gold = raw.with_name(f"{name}.lines.txt")
        if gold.is_file():
            documents[name] = learn_document(raw, gold)
    text = HEADER + yaml.safe_dump(
        {"documents": documents}, allow_unicode=True, sort_keys=False, width=100
    )
    args.out.write_text(text, encoding="utf-8")
    print(f"learn_confusions: {len(documents)} documents → {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
