"""``korrektur corpus learned`` and ``korrektur corpus learn``: see and update what was learned.

``learned`` shows ``PROJECT/learned.yaml`` (``--json``: all of it, as one object); ``learn``
learns from every decision made so far, keeps the reviewer's edits of the file, and
re-scores the pending suggestions of every document (``--no-rescore`` leaves them).
Editing what was learned means editing the YAML file and running ``learn`` again.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict
from typing import Any

from korrektur.corpus.learning.estimate import ASSURED_MIN, Learned, range_dash
from korrektur.corpus.learning.lessons import EN_DASH, HYPHEN
from korrektur.corpus.learning.rescore import rescored
from korrektur.corpus.learning.store import Edits, learned_path, read_learned
from korrektur.corpus.opening import open_corpus
from korrektur.corpus.output import EXIT_OK, print_json
from korrektur.corpus.project import CorpusError

SHOWN = 12  # words, pairs and confusions listed by ``learned``


def learned(args: argparse.Namespace) -> int:
    """``corpus learned``."""
    with open_corpus(args.project, "learned", write=False) as corpus:
        root = corpus.project.root
        found = read_learned(root)
        if found is None:
            raise CorpusError(
                f"{root} has learned nothing yet; decide some suggestions, then run "
                "'korrektur corpus learn'"
            )
        state, edits = found
        done, pending = rescored(corpus, state.digest())
    if args.json:
        data: dict[str, Any] = {"file": str(learned_path(root)), "digest": state.digest()}
        data.update(state.content())
        data.update(documents=state.documents, decisions=state.decisions)
        data["edits"] = _edits_json(edits)
        data["rescored"] = {"documents": done, "of": pending}
        print_json(data)
        return EXIT_OK
    lines = summary_lines(state, edits, str(learned_path(root)))
    if done < pending:
        lines.append(
            f"re-scored to this state: {done} of the {pending} documents with pending "
            "suggestions (run 'korrektur corpus learn' to finish)"
        )
    print("\n".join(lines))
    return EXIT_OK


def summary_lines(state: Learned, edits: Edits, where: str) -> list[str]:
    """What was learned, in a few lines (the window lists the same)."""
    lines = [
        f"{where}: learned state {state.digest()}, from {state.documents} documents, "
        f"{state.decisions:,} decisions, {state.words_reviewed:,} words reviewed"
    ]
    words = sorted(state.words.items(), key=lambda item: (-item[1], item[0]))
    lines.append(f"words ({len(words)}): " + _listed(f"{w} {n}" for w, n in words))
    pairs = sorted(state.pairs, key=lambda p: -abs(p.offset))
    lines.append(
        f"pairs ({len(pairs)}): "
        + _listed(
            f"{p.original} → {p.replacement} ({p.accepted} accepted, {p.rejected} rejected, "
            f"offset {p.offset:+.2f}"
            + (f", shown at least {p.assured:.3f}" if p.assured >= ASSURED_MIN else "")
            + ")"
            for p in pairs
        )
    )
    points = " ".join(f"{p.engine:.2f}→{p.corpus:.2f}" for p in state.calibration)
    lines.append(f"calibration ({len(state.calibration)} points): {points or 'none'}")
    counted = state.confusions.get("confusions", {})
    top = sorted(counted.items(), key=lambda item: (-item[1], item[0]))
    lines.append(
        f"confusions ({sum(counted.values()):,} counted): " + _listed(f"{k} {n}" for k, n in top)
    )
    misprints = sorted(state.misprints.items(), key=lambda item: (-item[1], item[0]))
    lines.append(f"misprints ({len(misprints)}): " + _listed(f"{w} {n}" for w, n in misprints))
    dashed, left = state.ranges.get(EN_DASH, 0), state.ranges.get(HYPHEN, 0)
    dash = range_dash(state.ranges)
    lines.append(
        f"number ranges: {dashed} hyphens made en dashes, {left} left"
        + (f": the en dash offered at {dash:.3f}" if dash else "")
    )
    if edits:
        lines.append(
            f"your edits: {len(edits.words)} words, {len(edits.pairs)} pairs, "
            f"{sum(len(c) for c in edits.confusions.values())} confusions, "
            f"{len(edits.misprints)} misprints"
            + (", calibration replaced" if edits.calibration is not None else "")
            + (", number ranges replaced" if edits.ranges else "")
        )
    return lines


def _listed(items: Any) -> str:
    shown: list[str] = []
    more = 0
    for item in items:
        if len(shown) < SHOWN:
            shown.append(item)
        else:
            more += 1
    return ", ".join(shown) + (f", … ({more} more)" if more else "") if shown else "none"


def _edits_json(edits: Edits) -> dict[str, Any]:
    return {
        "words": edits.words,
        "pairs": [
            asdict(record) if record is not None else {"original": k[0], "replacement": k[1]}
            for k, record in sorted(edits.pairs.items())
        ],
        "calibration": (
            None if edits.calibration is None else [asdict(p) for p in edits.calibration]
        ),
        "confusions": edits.confusions,
        "misprints": edits.misprints,
    }


def learn(args: argparse.Namespace) -> int:
    """``corpus learn``: learn, then re-score."""
    from korrektur.corpus.learning.estimate import profile_of
    from korrektur.corpus.learning.learner import learn_corpus
    from korrektur.corpus.learning.rescore import rescore_corpus
    from korrektur.progress import TerminalProgress

    with open_corpus(args.project, "learn") as corpus:
        report = learn_corpus(corpus)
        state = report.learned
        was = f" (was {report.before})" if report.before and report.changed else ""
        print(
            f"learned from {state.documents} documents ({state.decisions:,} decisions): "
            f"{len(state.words)} words, {len(state.pairs)} pairs, "
            f"{len(state.calibration)} calibration points, {len(state.misprints)} misprints; "
            f"learned state {report.digest}{was}"
        )
        if report.new_edits:
            print(f"kept your edits of {learned_path(corpus.project.root).name}")
        for name, problem in report.problems:
            _say(f"{name}: {problem}")
        if args.no_rescore:
            return EXIT_OK
        progress = TerminalProgress("re-scoring pending suggestions", force=False)
        progress.active = progress.active and not args.quiet
        try:
            result = rescore_corpus(corpus, profile_of(state), progress=progress)
        finally:
            progress.done()
    for name, problem in result.problems:
        _say(f"{name}: not re-scored: {problem}")
    print(result.message())
    return EXIT_OK


def _say(text: str) -> None:
    print(text, file=sys.stderr)
