"""Confidence calibration: the model's probabilities mapped to how often it is right."""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass
from pathlib import Path

import yaml

from korrektur.paths import data_path


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


def load_calibration(path: Path | None = None) -> Calibration:
    """The calibration in ``lexicon/calibration.yaml`` (identity when there is none)."""
    path = path or data_path("lexicon", "calibration.yaml")
    if not path.is_file():
        return Calibration()
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    points = tuple((float(x), float(y)) for x, y in data.get("points", []))
    return Calibration(points) if len(points) >= 2 else Calibration()
