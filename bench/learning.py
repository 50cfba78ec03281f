"""A corpus that learns from every decision: review actions with learning and without.

    python bench/learning.py [--unseen] [--documents N] [--project DIR] [--write]

A simulated archivist reviews the 16 scans of ../shared/corpus/scans/ in order (scan-1 …
scan-16) as one corpus project. Before document k is reviewed, the corpus learns from the
decisions recorded in documents 1..k-1 (``korrektur corpus learn``: corpus lexicon, pair
offsets, calibration, confusion counts) and re-scores the pending suggestions of the
documents not yet reviewed; document k's word suggestions, so re-scored (the same as
``korrektur suggest --json --kinds word`` with the learned profile), go to
../shared/tools/review_sim.py exactly as it is (bulk accept at 0.9). The archivist then
decides document k the way review_sim.py counts (``reviewer.py``: accept if right, pick an
alternative if right, else edit; then edit every word still wrong), and those decisions are
saved in document k's review file, where the next learning finds them. Nothing learned
from document k is used before it is reviewed, and nothing goes into the shipped lexicon.

Without learning is the same engine on the same document with nothing learned from the
corpus. What the engine knows besides is left out for document k as everywhere in bench/:

* default (leave one out): the shipped confusion counts of every development document but
  k, and a calibration fitted on the other 20 documents' out-of-fold suggestions;
* ``--unseen``: a collection the engine has never seen: no scan's confusion counts at all,
  the calibration fitted on the five ``dev/`` documents only. This is an archivist's case:
  a new collection, from an OCR set-up the shipped counts only approximate.

Prints a table per document (raw word errors, actions per raw error and harm in bulk,
without and with learning, and how many suggestions the re-scoring changed before the
document's turn) and the pooled figures of documents 9–16; ``--write`` puts them into
bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from devdata import REVIEW_SIM, SCANS, DevSet, dev_sets, gold_words, require_shared
from korrektur.corpus.learning.estimate import profile_of
from korrektur.corpus.learning.learner import learn_corpus
from korrektur.corpus.learning.rescore import RescoreReport, rescore_corpus
from korrektur.corpus.opening import open_corpus
from korrektur.corpus.project import init_project
from korrektur.engine.base import NoProgress, Progress
from korrektur.engine.pipeline import Engine
from korrektur.engine.words.calibration import fit_kinds
from korrektur.engine.words.lexicon import Lexicon
from korrektur.engine.words.lexicon_cache import shared_lexicon
from korrektur.engine.words.profile import Profile, ProfiledAnalyzer
from korrektur.formats.suggestions_json import suggestions_payload
from korrektur.model import Document, Suggestion
from korrektur.model.suggestion import WORD_KINDS
from korrektur.store.resume import new_review
from korrektur.store.reviewfile import review_bytes
from korrektur.store.reviewread import load_review
from loo import Fold, analysed, run_folds
from reviewer import review
from sections import write_section

START, END = "<!-- learning:start -->", "<!-- learning:end -->"
BULK = 0.9
SCANS_IN_ORDER = [f"scan-{k}" for k in range(1, 17)]
LATE = 9  # documents from this one on are the target's


@dataclass
class Base:
    """What the engine knows for document k without the corpus: its fold."""

    folds: dict[str, Fold]
    exclude: Callable[[str], frozenset[str]]


def leave_one_out(lexicon: Lexicon) -> Base:
    """The benchmark's usual folds (see ``loo.py``)."""
    folds = {fold.name: fold for fold in run_folds(dev_sets(), lexicon)}
    return Base(folds, lambda name: frozenset({name}))


def unseen(lexicon: Lexicon) -> Base:
    """Folds of an engine that knows no scan: counts and calibration from dev/ only."""
    scans = frozenset(SCANS_IN_ORDER)
    folds = {}
    for name in dev_sets():
        dev = DevSet.named(name)
        document = Document.from_path(dev.raw)
        suggestions, kinds = analysed(document, lexicon, scans | {name})
        targets = gold_words(document, dev.gold.read_text(encoding="utf-8"))
        folds[name] = Fold(dev, document, suggestions, kinds, targets)
    judged = {n: f.judged() for n, f in folds.items() if n not in scans}
    for name, fold in folds.items():
        fold.calibration = fit_kinds(p for n, pairs in judged.items() if n != name for p in pairs)
    return Base(folds, lambda name: scans)


def words_of(
    analyzer: ProfiledAnalyzer, document: Document, progress: Progress
) -> list[Suggestion]:
    """``korrektur suggest --kinds word`` with this analyser."""
    return Engine([analyzer]).analyse(document, WORD_KINDS, progress)


class Analysers:
    """The word analyser of each document, with the profile learned so far."""

    def __init__(self, base: Base, lexicon: Lexicon) -> None:
        self.base = base
        self.lexicon = lexicon
        self.profile = Profile()

    def analyser(self, name: str) -> ProfiledAnalyzer:
        fold = self.base.folds[name]
        return ProfiledAnalyzer(
            self.profile, self.lexicon, fold.calibration, self.base.exclude(name)
        )

    def __call__(self, document: Document, progress: Progress) -> list[Suggestion]:
        return words_of(self.analyser(_name(document)), document, progress)


def _name(document: Document) -> str:
    return document.name.removesuffix(".raw.txt")


def simulate(
    dev: DevSet, document: Document, suggestions: list[Suggestion], tmp: Path
) -> dict[str, Any]:
    """../shared/tools/review_sim.py on ``suggest --json --kinds word`` output."""
    path = tmp / f"{dev.name}.suggestions.json"
    payload = suggestions_payload(document, suggestions)
    path.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
    command = [sys.executable, str(REVIEW_SIM), str(dev.raw), str(dev.gold), str(path)]
    done = subprocess.run(
        [*command, "--bulk", str(BULK), "--json"], capture_output=True, text=True, check=True
    )
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def start_project(root: Path, names: list[str], analysers: Analysers) -> None:
    """A project over the scans whose reviews hold the engine's word suggestions, undecided."""
    project = init_project(root, SCANS, [f"{name}.raw.txt" for name in names])
    for name in names:
        document = Document.from_path(SCANS / f"{name}.raw.txt")
        made = new_review(document, lambda d: analysers(d, NoProgress()))
        path = project.review_path(f"{name}.raw.txt")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(review_bytes(made, path))
        made.release()


def signature(suggestions: list[Suggestion]) -> list[tuple[Any, ...]]:
    """What the simulated review sees of each suggestion (ids and confidence aside: only
    whether it is accepted in bulk; re-scoring leaves a confidence that moved too little)."""
    return sorted(
        (s.start, s.end, s.replacement, s.alternatives, s.confidence >= BULK) for s in suggestions
    )


@dataclass
class Row:
    name: str
    errors: int
    without: dict[str, Any]
    learned: dict[str, Any]
    rescored: RescoreReport | None
    words: int
    pairs: int


def run(base: Base, lexicon: Lexicon, names: list[str], root: Path, tmp: Path) -> list[Row]:
    analysers = Analysers(base, lexicon)
    start_project(root, names, analysers)
    rows = []
    for name in names:
        fold = base.folds[name]
        dev = fold.dev
        rescored = None
        with open_corpus(root, "bench") as corpus:
            if name != names[0]:
                report = learn_corpus(corpus)
                analysers.profile = profile_of(report.learned)
                rescored = rescore_corpus(corpus, analysers.profile, analyse=analysers)
            document_name = f"{name}.raw.txt"
            path = corpus.project.review_path(document_name)
            reviewed = load_review(path)
            suggestions = [s for s in reviewed.session.suggestions if s.is_word_fix]
            fresh = analysers(reviewed.session.document, NoProgress())
            if signature(suggestions) != signature(fresh):
                sys.exit(f"bench: {name}: the re-scored review differs from a fresh analysis")
            without = simulate(dev, fold.document, fold.calibrated(), tmp)
            learned = simulate(dev, reviewed.session.document, fresh, tmp)
            gold = dev.gold.read_text(encoding="utf-8").split("\n")
            review(reviewed.session, gold, BULK)
            reviewed.commit(message="reviewed (simulated archivist)")
            path.write_bytes(review_bytes(reviewed, path))
            reviewed.release()
        profile = analysers.profile
        rows.append(
            Row(
                name,
                without["raw_errors"],
                without,
                learned,
                rescored,
                len(profile.words),
                len(profile.pairs),
            )
        )
        print(_row_line(rows[-1]), file=sys.stderr, flush=True)
    return rows


def _ratio(result: dict[str, Any]) -> float:
    return float(result["actions"]) / max(int(result["raw_errors"]), 1)


def _row_line(row: Row) -> str:
    updated = "–" if row.rescored is None else str(row.rescored.changes.total)
    return (
        f"| {row.name} | {row.errors} | {_ratio(row.without):.3f} | {_ratio(row.learned):.3f} | "
        f"{row.without['harm_in_bulk']} | {row.learned['harm_in_bulk']} | {updated} | "
        f"{row.words} | {row.pairs} |"
    )


def table(rows: list[Row], title: str, command: str, seconds: float) -> list[str]:
    late = [r for r in rows if int(r.name.split("-")[1]) >= LATE]
    lines = [
        f"#### {title}",
        "",
        f"`{command}` ({seconds:.0f} s).",
        "",
        "| document | raw word errors | actions / error without | with learning | harm without "
        "| harm with | suggestions re-scored before review | corpus words | pairs |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
        *(_row_line(r) for r in rows),
    ]
    if late:
        errors = sum(r.errors for r in late)
        without = sum(r.without["actions"] for r in late)
        learned = sum(r.learned["actions"] for r in late)
        fewer = 100.0 * (1.0 - learned / without) if without else 0.0
        lines += [
            f"| **scan-{LATE}…16** | {errors} | **{without / errors:.4f}** | "
            f"**{learned / errors:.4f}** | {sum(r.without['harm_in_bulk'] for r in late)} | "
            f"{sum(r.learned['harm_in_bulk'] for r in late)} | | | |",
            "",
            f"Documents {LATE}–16: {fewer:.1f}% fewer actions per raw word error with learning "
            f"({without} → {learned} actions for {errors} errors); harm in bulk over all "
            f"{len(rows)} documents: {sum(r.without['harm_in_bulk'] for r in rows)} without, "
            f"{sum(r.learned['harm_in_bulk'] for r in rows)} with learning.",
        ]
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--unseen", action="store_true", help="an engine that knows no scan")
    parser.add_argument("--documents", type=int, default=16, help="review only the first N")
    parser.add_argument("--project", type=Path, help="keep the project here (a new folder)")
    parser.add_argument("--write", action="store_true", help="update bench/README.md")
    args = parser.parse_args()
    require_shared()
    started = time.monotonic()
    lexicon = shared_lexicon()
    base = unseen(lexicon) if args.unseen else leave_one_out(lexicon)
    names = SCANS_IN_ORDER[: args.documents]
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        root = args.project or tmp / "project"
        rows = run(base, lexicon, names, root, tmp)
    command = "python bench/learning.py" + (" --unseen" if args.unseen else "")
    title = (
        "A collection the engine has never seen (no scan in its counts or calibration)"
        if args.unseen
        else "Leave one out (the engine knows the other 15 scans' confusions and calibration)"
    )
    text = "\n".join(table(rows, title, command, time.monotonic() - started))
    print(text)
    if args.write:
        marker = "unseen" if args.unseen else "loo"
        write_section(f"<!-- learning-{marker}:start -->", f"<!-- learning-{marker}:end -->", text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
