"""How well ``corpus status`` estimates the word errors in a text, leaving each document out.

    python bench/corpus_estimate.py [--write]

The estimate of an unreviewed document is the confidences of its pending word suggestions
added up, plus ``MISSED_PER_WORD`` (``korrektur.corpus.estimate``) times its words. For
each of the 21 development documents (``../shared/corpus/dev`` and ``scans``) this script
takes the raw OCR's word errors from ``../shared/tools/score_words.py`` (raw against the
gold lines), the suggestions from ``korrektur suggest --json --kinds all`` with the learned
confusions left out for the document (``KORREKTUR_EXCLUDE_LEARNED``), fits the per-word
constant on the other 20 documents, and compares the estimate with the true count.
``--write`` prints the constant fitted on all 21 for ``estimate.py`` and the table for
``bench/README.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from korrektur.model import Document
from korrektur.model.suggestion import WORD_KINDS, Kind

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
FOLDERS = [SHARED / "corpus" / "dev", SHARED / "corpus" / "scans"]
SCORER = SHARED / "tools" / "score_words.py"


def documents() -> list[tuple[str, Path]]:
    found = []
    for folder in FOLDERS:
        if not folder.is_dir() or not SCORER.is_file():
            sys.exit(
                f"bench/corpus_estimate.py: the development data is missing: expected {folder} "
                f"and {SCORER} (../shared beside the repository)"
            )
        found += [(p.name.removesuffix(".raw.txt"), p) for p in sorted(folder.glob("*.raw.txt"))]
    return found


def raw_errors(raw: Path) -> int:
    gold = raw.with_name(raw.name.replace(".raw.txt", ".lines.txt"))
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "score.json"
        subprocess.run(
            [sys.executable, str(SCORER), str(raw), str(gold), str(raw), "--json", str(out)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        return int(json.loads(out.read_text())["raw_errors"])


def pending_weight(name: str, raw: Path) -> float:
    """What the corpus index records: word suggestions of a full analysis, confidences added."""
    env = {**os.environ, "KORREKTUR_EXCLUDE_LEARNED": name}
    result = subprocess.run(
        [sys.executable, "-m", "korrektur", "suggest", str(raw), "--json", "--kinds", "all"],
        check=True,
        capture_output=True,
        env=env,
    )
    suggestions = json.loads(result.stdout)["suggestions"]
    return sum(
        s["confidence"]
        for s in suggestions
        if s["kinds"] and {Kind(k) for k in s["kinds"]} <= WORD_KINDS
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="print the constant and the table")
    args = parser.parse_args()
    rows = []
    for name, raw in documents():
        words = Document.from_path(raw).word_count
        rows.append((name, words, raw_errors(raw), pending_weight(name, raw)))
        print(f"{name}: {rows[-1][1:]}", file=sys.stderr, flush=True)
    table = [
        "| document | words | raw word errors | estimate (left out) | error |",
        "|---|---:|---:|---:|---:|",
    ]
    absolute = []
    for name, words, errors, weight in rows:
        others = [r for r in rows if r[0] != name]
        rate = sum(e - p for _, _, e, p in others) / sum(w for _, w, _, _ in others)
        estimate = weight + rate * words
        absolute.append(abs(estimate - errors) / errors)
        error = 100 * (estimate - errors) / errors
        table.append(f"| {name} | {words:,} | {errors:,} | {estimate:,.0f} | {error:+.1f}% |")
    total_words = sum(r[1] for r in rows)
    constant = sum(e - p for _, _, e, p in rows) / total_words
    mean = 100 * sum(absolute) / len(absolute)
    table.append("")
    table.append(
        f"Mean absolute error of the estimate, each document left out: {mean:.1f}%. "
        f"Fitted on all {len(rows)}: `MISSED_PER_WORD = {constant:.4f}`."
    )
    print("\n".join(table))
    if args.write:
        print(f"MISSED_PER_WORD = {constant:.4f}")


if __name__ == "__main__":
    main()
