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
import sys
from pathlib import Path

import yaml

from korrektur.engine.words.tally import ConfusionTally

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
DEFAULT_DEV = (CORPUS / "dev", CORPUS / "scans")
DEFAULT_OUT = ROOT / "lexicon" / "learned-confusions.yaml"

HEADER = """\
# Character confusions learned from the development sets by tools/learn_confusions.py.
# Generated file: do not edit by hand (edit confusions.yaml instead). Per document:
#   gold_chars     letters of the gold words (lower case), the denominators
#   confusions     "raw>gold": how often gold was printed as raw ("a>ä", "6>ö", ">ö" = lost)
#   upper_initial  gold letter that starts a lower-case word but was printed upper case
#   lower_initial  lower-case word starts per gold letter (denominator of upper_initial)
"""


def learn_document(raw_path: Path, gold_path: Path) -> dict[str, dict[str, int]]:
    """Confusion and case counts of one document."""
    tally = ConfusionTally()
    raw_lines = raw_path.read_text(encoding="utf-8").split("\n")
    gold_lines = gold_path.read_text(encoding="utf-8").split("\n")
    for raw_line, gold_line in zip(raw_lines, gold_lines, strict=False):
        tally.add_line(raw_line, gold_line)
    return tally.counts()


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
