"""Fit the confidence calibration (lexicon/calibration.yaml) on the development sets.

    python bench/calibrate.py [--out lexicon/calibration.yaml]

Each development document is analysed with the confusion weights learned from the *other*
documents (leave one out), so the fitted confidences describe documents the weights have not
seen. The model's probabilities are mapped to observed accuracy by isotonic regression
(pool adjacent violators), with each block's accuracy shrunk towards 50% by one right and one
wrong pseudo-observation, so that a small block never claims certainty.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

from devdata import ROOT, DevSet, dev_sets, gold_words, require_shared
from korrektur.engine.base import NoProgress
from korrektur.engine.words import WordAnalyzer
from korrektur.engine.words.calibration import Calibration
from korrektur.engine.words.lexicon import shared_lexicon
from korrektur.model.document import Document

DEFAULT_OUT = ROOT / "lexicon" / "calibration.yaml"


def scored_suggestions(
    names: list[str], calibration: Calibration, leave_one_out: bool
) -> list[tuple[str, float, bool]]:
    """(set, confidence, right?) of every word suggestion that can be matched to gold."""
    lexicon = shared_lexicon()
    found = []
    for name in names:
        dev = DevSet.named(name)
        document = Document.from_path(dev.raw)
        gold = gold_words(document, dev.gold.read_text(encoding="utf-8"))
        exclude = frozenset({name}) if leave_one_out else frozenset()
        analyzer = WordAnalyzer(lexicon, calibration, exclude)
        for suggestion in analyzer.analyse(document, NoProgress()):
            target = gold.get(suggestion.start)
            if target is None:
                continue
            found.append((name, suggestion.confidence, suggestion.replacement == target))
    return found


def isotonic(pairs: list[tuple[float, bool]]) -> list[tuple[float, float, int]]:
    """Blocks (mean probability, shrunk accuracy, size), increasing in accuracy."""
    blocks: list[list[float]] = []  # [sum p, right, n]
    for probability, right in sorted(pairs):
        blocks.append([probability, float(right), 1.0])
        while len(blocks) > 1 and _rate(blocks[-2]) >= _rate(blocks[-1]):
            last = blocks.pop()
            for i in range(3):
                blocks[-1][i] += last[i]
    return [(b[0] / b[2], (b[1] + 1.0) / (b[2] + 2.0), int(b[2])) for b in blocks]


def _rate(block: list[float]) -> float:
    return block[1] / block[2]


def fit(pairs: list[tuple[float, bool]]) -> list[tuple[float, float]]:
    points = [(0.0, 0.0)]
    last = 0.0
    for probability, accuracy, _ in isotonic(pairs):
        accuracy = max(accuracy, last)
        points.append((round(probability, 6), round(accuracy, 6)))
        last = accuracy
    points.append((1.0, round(last, 6)))
    cleaned: list[tuple[float, float]] = []
    for point in points:
        if cleaned and point[0] <= cleaned[-1][0]:
            cleaned[-1] = (cleaned[-1][0], max(cleaned[-1][1], point[1]))
        else:
            cleaned.append(point)
    return cleaned


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    require_shared()
    names = dev_sets()
    found = scored_suggestions(names, Calibration(), leave_one_out=True)
    pairs = [(p, right) for _, p, right in found]
    for probability, accuracy, size in isotonic(pairs):
        print(f"calibrate: block p≈{probability:.6f} accuracy {accuracy:.4f} n={size}")
    points = fit(pairs)
    header = (
        "# Confidence calibration of word suggestions, written by bench/calibrate.py from\n"
        f"# {len(found)} suggestions on the development sets ({', '.join(names)}), each\n"
        "# document analysed with confusion weights learned without it (leave one out).\n"
        "# points: [model probability, confidence]; confidences in between are interpolated.\n"
    )
    body = yaml.safe_dump({"points": [list(p) for p in points]}, default_flow_style=None)
    args.out.write_text(header + body, encoding="utf-8")
    print(f"calibrate: {len(found)} suggestions, {len(points)} points → {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
