"""Confidence calibration: the model's probabilities mapped to how often it is right."""

from __future__ import annotations

import bisect
import functools
import itertools
import math
from collections.abc import Iterable
from dataclasses import dataclass
from enum import IntEnum
from pathlib import Path

import yaml

from korrektur.paths import data_path

PSEUDO = 1.0  # right and wrong pseudo-observations added to every block of the fit
CONTEXT, PLAIN = "context", "plain"  # decided by the sentence, or by the word alone
NEAR = "near"  # a known word reached by an edit the OCR channel does not explain
SPLIT = "split"  # two words OCR ran together
KINDS = (CONTEXT, PLAIN, NEAR, SPLIT)
MIN_KIND = 200  # suggestions a kind needs for a map of its own; fewer: a ceiling (see fit_kinds)
# A change of a word that is valid as written, below the valid-word floor, shows at most this
# confidence: below the bulk thresholds in use (0.9 in the benchmark, 0.95 in the window).
VALID_CEILING = 0.85


class Written(IntEnum):
    """What a suggestion changes, as written: no word, a rare word, or a plausible word."""

    NO_WORD = 0  # not a word the lexicon knows (damage, or a name)
    RARE_WORD = 1  # a known word, but far rarer than its replacement (``ar`` for ``är``)
    WORD = 2  # a word an author may well have written (``har`` beside ``här``)


Sample = tuple[float, bool, str, Written]  # model probability, right?, kind, what it changes


@dataclass(frozen=True)
class Calibration:
    """A monotone piecewise-linear map from model probability to confidence.

    The same probability means more when the sentence decided (a real-word choice the
    context model is sure of) than when the word alone did (a compound, a near miss): each
    kind of evidence (``KINDS``) may have its own map, fitted on its own suggestions.

    A change of a word that is valid as written (``har`` → ``här``) breaks the author's word
    when it is wrong, and the clerk who accepts in bulk never sees it. Such a change reaches
    the bulk range only when the model is surer of it than of any change of a known word
    that was wrong on the documents the map was fitted on (``valid_floor``); below that its
    confidence is at most ``VALID_CEILING``, so it is looked at. (A known word far rarer
    than its replacement, ``ar`` for ``är``, is a misreading almost always: its changes set
    the floor but are not held below it.)

    Attributes:
        points: ``(probability, confidence)`` pairs, both increasing: the map of any kind
            without its own.
        kinds: ``(kind, points)`` of the kinds with a map of their own.
        valid_floor: the model probability a change of a valid word must reach to be
            confident beyond ``VALID_CEILING``.
    """

    points: tuple[tuple[float, float], ...] = ((0.0, 0.0), (1.0, 1.0))
    kinds: tuple[tuple[str, tuple[tuple[float, float], ...]], ...] = ()
    valid_floor: float = 0.0

    @functools.cached_property
    def _probabilities(self) -> list[float]:
        return [point[0] for point in self.points]

    @functools.cached_property
    def _by_kind(self) -> dict[str, Calibration]:
        return {kind: Calibration(points) for kind, points in self.kinds}

    def confidence(
        self, probability: float, kind: str = "", written: Written = Written.NO_WORD
    ) -> float:
        """The calibrated confidence of a suggestion the model gives ``probability``.

        ``kind``: the kind of evidence that decided; ``written``: what the suggestion
        changes.
        """
        own = self._by_kind.get(kind) if self.kinds else None
        found = own.confidence(probability) if own is not None else self._mapped(probability)
        if written is Written.WORD and probability < self.valid_floor:
            return min(found, VALID_CEILING)
        return found

    def _mapped(self, probability: float) -> float:
        index = bisect.bisect_right(self._probabilities, probability)
        if index <= 0:
            return self.points[0][1]
        if index >= len(self.points):
            return self.points[-1][1]
        (x0, y0), (x1, y1) = self.points[index - 1], self.points[index]
        share = 0.0 if x1 == x0 else (probability - x0) / (x1 - x0)
        return max(0.0, min(1.0, y0 + share * (y1 - y0)))


def isotonic(pairs: Iterable[tuple[float, bool]]) -> list[tuple[float, float, int]]:
    """Pool adjacent violators: blocks of (mean probability, shrunk accuracy, size).

    Sorted by probability (equal probabilities in one block), adjacent suggestions are pooled
    until the share right rises from block to block. Each block's share is shrunk towards 50%
    by ``PSEUDO`` right and ``PSEUDO`` wrong observations, so that a small block never claims
    certainty.
    """
    blocks: list[list[float]] = []  # [sum of probabilities, right, size]
    for probability, tied in itertools.groupby(sorted(pairs), key=lambda pair: pair[0]):
        rights = [right for _, right in tied]
        size = float(len(rights))
        blocks.append([probability * size, float(sum(rights)), size])
        while len(blocks) > 1 and blocks[-2][1] / blocks[-2][2] >= blocks[-1][1] / blocks[-1][2]:
            last = blocks.pop()
            for i in range(3):
                blocks[-1][i] += last[i]
    return [(b[0] / b[2], (b[1] + PSEUDO) / (b[2] + 2 * PSEUDO), int(b[2])) for b in blocks]


def fit_kinds(samples: Iterable[Sample]) -> Calibration:
    """A map fitted on all ``samples`` (probability, right, kind, written) and one per kind.

    A kind with at least ``MIN_KIND`` samples gets a map of its own. A rarer kind (a near
    miss, two words run together: a few dozen in the development documents, too few to fit
    a curve on) gets the pooled map, capped at the share of its own samples that were
    right (shrunk towards 50% like every block): the model's probability may rank such
    suggestions, but may not claim more for them than their kind has earned. The valid-word
    floor is just above the highest probability of a wrong change of a known word; the
    changes of plausible words below it are capped and left out of the maps.
    """
    listed = list(samples)
    wrong = [p for p, right, _, written in listed if written and not right]
    floor = min(math.nextafter(max(wrong), 2.0), 1.0) if wrong else 0.0
    # the maps are fitted on what they will map: capped suggestions do not count
    listed = [s for s in listed if not (s[3] is Written.WORD and s[0] < floor)]
    pooled = fit((p, right) for p, right, _, _ in listed)
    kinds = []
    for kind in KINDS:
        own = [(p, right) for p, right, k, _ in listed if k == kind]
        if len(own) >= MIN_KIND:
            kinds.append((kind, fit(own).points))
        elif own:
            share = (sum(right for _, right in own) + PSEUDO) / (len(own) + 2 * PSEUDO)
            kinds.append((kind, capped(pooled.points, share)))
    return Calibration(pooled.points, tuple(kinds), floor)


def capped(
    points: tuple[tuple[float, float], ...], ceiling: float
) -> tuple[tuple[float, float], ...]:
    """The piecewise-linear map ``points`` with confidences above ``ceiling`` lowered to it."""
    out: list[tuple[float, float]] = []
    for (x0, y0), (x1, y1) in itertools.pairwise(points):
        out.append((x0, min(y0, ceiling)))
        if y0 < ceiling < y1:  # the segment crosses the ceiling: keep the corner
            out.append((round(x0 + (ceiling - y0) / (y1 - y0) * (x1 - x0), 6), ceiling))
    out.append((points[-1][0], min(points[-1][1], ceiling)))
    return _increasing(out)


def fit(pairs: Iterable[tuple[float, bool]]) -> Calibration:
    """The calibration that maps model probabilities to the shares right in ``pairs``.

    ``pairs`` are (model probability, was the suggestion right) of suggestions made on
    documents the model did not learn from. Below the first block the map falls to 0;
    above the last it stays at the last block's share.
    """
    points = [(0.0, 0.0)]
    last = 0.0
    for probability, accuracy, _ in isotonic(pairs):
        last = max(accuracy, last)  # (shrinking can undo the order of near-equal blocks)
        points.append((round(probability, 6), round(last, 6)))
    points.append((1.0, round(last, 6)))
    return Calibration(_increasing(points))


def _increasing(points: list[tuple[float, float]]) -> tuple[tuple[float, float], ...]:
    """``points`` with repeated probabilities merged (the higher confidence kept)."""
    cleaned: list[tuple[float, float]] = []
    for point in points:
        if cleaned and point[0] <= cleaned[-1][0]:
            cleaned[-1] = (cleaned[-1][0], max(cleaned[-1][1], point[1]))
        else:
            cleaned.append(point)
    return tuple(cleaned)


def load_calibration(path: Path | None = None) -> Calibration:
    """The calibration in ``lexicon/calibration.yaml`` (identity when there is none)."""
    path = path or data_path("lexicon", "calibration.yaml")
    if not path.is_file():
        return Calibration()
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    points = tuple((float(x), float(y)) for x, y in data.get("points", []))
    if len(points) < 2:
        return Calibration()
    floor = float(data.get("valid_floor", 0.0))
    kinds = []
    for kind, listed in (data.get("kinds") or {}).items():
        own = tuple((float(x), float(y)) for x, y in listed)
        if len(own) >= 2:
            kinds.append((str(kind), own))
    return Calibration(points, tuple(kinds), floor)


def to_yaml(calibration: Calibration) -> dict[str, object]:
    """What ``load_calibration`` reads back."""
    return {
        "points": [list(p) for p in calibration.points],
        "kinds": {kind: [list(p) for p in points] for kind, points in calibration.kinds},
        "valid_floor": calibration.valid_floor,
    }
