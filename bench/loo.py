"""Leave-one-document-out runs of the word engine over the 21 development documents.

Everything the engine learns from documents is learned without the document it is measured
on: the OCR confusion counts (``WordAnalyzer(exclude=...)``) and the confidence calibration,
which is fitted on the other documents' out-of-fold model probabilities (each of those
analysed without its own counts). Runs in one process: the lexicon is loaded once and each
fold costs one analysis of a few thousand words.
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Callable
from dataclasses import dataclass, field

from devdata import DevSet, gold_words
from korrektur.engine.pipeline import number, resolve_overlaps
from korrektur.engine.words import WordAnalyzer
from korrektur.engine.words.calibration import Calibration, Sample, Written, fit_kinds
from korrektur.engine.words.lexicon import Lexicon
from korrektur.model import KIND_GROUPS, Document, Kind, ReviewSession, Suggestion
from korrektur.model.newlines import restore_newlines

WORD_KINDS = KIND_GROUPS["word"]
IDENTITY = Calibration()


def analyse(document: Document, lexicon: Lexicon, exclude: frozenset[str]) -> list[Suggestion]:
    """What ``korrektur suggest --kinds word`` gives, with the model's own probabilities."""
    return analysed(document, lexicon, exclude)[0]


def analysed(
    document: Document, lexicon: Lexicon, exclude: frozenset[str]
) -> tuple[list[Suggestion], dict[int, tuple[str, bool]]]:
    """The suggestions (as ``analyse``) and the evidence of each, by start offset.

    The evidence: its kind, and what the suggestion changes (``Written``).

    The same steps as ``Engine.analyse`` with the word analyser alone.
    """
    analyzer = WordAnalyzer(lexicon, IDENTITY, exclude)
    words, decisions = analyzer.decisions(document)
    found = analyzer.suggestions(document, words, decisions)
    wanted = WORD_KINDS | {Kind.MANUAL}
    kept = [s for s in found if s.kinds and s.kinds <= wanted]
    kinds = {
        piece.start: (decision.kind, decision.written)
        for word, decision in zip(words, decisions, strict=True)
        for piece in word.pieces
    }
    return number(resolve_overlaps([kept])), kinds


def applied(document: Document, suggestions: list[Suggestion]) -> str:
    """What ``korrektur apply --kinds word`` writes with these suggestions."""
    text = ReviewSession(document, suggestions).render(WORD_KINDS, 0.0)
    return restore_newlines(text, document.newline)


@dataclass
class Fold:
    """One development document analysed without anything learned from it."""

    dev: DevSet
    document: Document
    suggestions: list[Suggestion]  # confidence: the model's probability (not calibrated)
    kinds: dict[int, tuple[str, Written]]  # kind of evidence, what it changes, by piece start
    targets: dict[int, str]  # gold word by the start of the raw word it corrects
    calibration: Calibration = field(default=IDENTITY)  # fitted on the other folds

    @property
    def name(self) -> str:
        return self.dev.name

    def judged(self) -> list[Sample]:
        """(model probability, right?, kind, written) of every suggestion matched to gold."""
        found = []
        for suggestion in self.suggestions:
            target = self.targets.get(suggestion.start)
            if target is not None:
                right = suggestion.replacement == target
                found.append((suggestion.confidence, right, *self.evidence(suggestion)))
        return found

    def evidence(self, suggestion: Suggestion) -> tuple[str, Written]:
        return self.kinds.get(suggestion.start, ("", Written.NO_WORD))

    def confidence(self, suggestion: Suggestion) -> float:
        """The out-of-fold confidence of one of the fold's suggestions."""
        return self.calibration.confidence(suggestion.confidence, *self.evidence(suggestion))

    def calibrated(self) -> list[Suggestion]:
        """The suggestions with out-of-fold confidences."""
        return [dataclasses.replace(s, confidence=self.confidence(s)) for s in self.suggestions]


def run_folds(
    names: list[str], lexicon: Lexicon, report: Callable[[str], None] | None = None
) -> list[Fold]:
    """Analyse every document without its own learned counts, then calibrate out of fold."""
    folds = []
    for name in names:
        dev = DevSet.named(name)
        document = Document.from_path(dev.raw)
        suggestions, kinds = analysed(document, lexicon, frozenset({name}))
        targets = gold_words(document, dev.gold.read_text(encoding="utf-8"))
        folds.append(Fold(dev, document, suggestions, kinds, targets))
        if report is not None:
            report(name)
    calibrate_out_of_fold(folds)
    return folds


def calibrate_out_of_fold(folds: list[Fold]) -> None:
    """Give each fold the calibration fitted on every other fold's judged suggestions."""
    judged = {fold.name: fold.judged() for fold in folds}
    for fold in folds:
        others = [pair for name, pairs in judged.items() if name != fold.name for pair in pairs]
        fold.calibration = fit_kinds(others) if others else IDENTITY


def progress(name: str) -> None:
    print(f"bench: {name} done", file=sys.stderr)
