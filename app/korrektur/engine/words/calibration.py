"""Confidence calibration: the model's probabilities mapped to how often it is right."""

from __future__ import annotations

import bisect
import functools
import itertools
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

from korrektur.paths import data_path

PSEUDO = 1.0  # right and wrong pseudo-observations added to every block of the fit


@dataclass(frozen=True)
class Calibration:
    """A monotone piecewise-linear map from model probability to confidence.

    Attributes:
        points: ``(probability, confidence)`` pairs, both increasing.
    """

    points: tuple[tuple[float, float], ...] = ((0.0, 0.0), (1.0, 1.0))

    @functools.cached_property
    def _probabilities(self) -> list[float]:
        return [point[0] for point in self.points]

    def confidence(self, probability: float) -> float:
        """The calibrated confidence of a suggestion the model gives ``probability``."""
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
    cleaned: list[tuple[float, float]] = []
    for point in points:
        if cleaned and point[0] <= cleaned[-1][0]:
            cleaned[-1] = (cleaned[-1][0], max(cleaned[-1][1], point[1]))
        else:
            cleaned.append(point)
    return Calibration(tuple(cleaned))


def load_calibration(path: Path | None = None) -> Calibration:
    """The calibration in ``lexicon/calibration.yaml`` (identity when there is none)."""
    path = path or data_path("lexicon", "calibration.yaml")
    if not path.is_file():
        return Calibration()
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    points = tuple((float(x), float(y)) for x, y in data.get("points", []))
    return Calibration(points) if len(points) >= 2 else Calibration()
