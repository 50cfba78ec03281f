"""Fit the shipped confidence calibration (lexicon/calibration.yaml) on the 21 documents.

    python bench/calibrate.py [--out lexicon/calibration.yaml]

Each development document is analysed with the confusion counts learned from the *other*
documents (leave one out, ``loo.py``), so the model probabilities the map is fitted on are
those of documents the engine has not seen. The map is isotonic regression with every block
shrunk towards 50% (``korrektur.engine.words.calibration.fit``). What ships is fitted on all
21 documents; every figure the benchmark reports uses a map fitted without the document
measured (``loo.calibrate_out_of_fold``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

from devdata import ROOT, dev_sets, require_shared
from korrektur.engine.words.calibration import KINDS, fit_kinds, isotonic, to_yaml
from korrektur.engine.words.lexicon_cache import shared_lexicon
from loo import progress, run_folds

DEFAULT_OUT = ROOT / "lexicon" / "calibration.yaml"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    require_shared()
    names = dev_sets()
    folds = run_folds(names, shared_lexicon(), progress)
    samples = [sample for fold in folds for sample in fold.judged()]
    for kind in ("", *KINDS):
        pairs = [(p, right) for p, right, k, _ in samples if not kind or k == kind]
        for probability, accuracy, size in isotonic(pairs):
            print(f"calibrate: {kind or 'all'}: p≈{probability:.6f} right {accuracy:.4f} n={size}")
    calibration = fit_kinds(samples)
    header = (
        "# Confidence calibration of word suggestions, written by bench/calibrate.py from\n"
        f"# {len(samples)} suggestions on the {len(names)} development documents, each analysed\n"
        "# with confusion counts learned without it (leave one document out).\n"
        "# points: [model probability, confidence]; confidences in between are interpolated.\n"
        "# kinds: the same for suggestions the sentence decided (context), the word alone\n"
        "# (plain), near misses (near) and words run together (split); points serve a kind\n"
        "# without its own. valid_floor: a change of a plausible word as written below this\n"
        "# model probability shows at most calibration.VALID_CEILING.\n"
    )
    body = yaml.safe_dump(to_yaml(calibration), default_flow_style=None)
    args.out.write_text(header + body, encoding="utf-8")
    print(f"calibrate: {len(samples)} suggestions → {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
