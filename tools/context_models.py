"""The two candidate real-word models of ``train_context.py`` and how they are scored.

(a) ``train_linear``: per confusion set a multinomial logistic regression (scikit-learn) over
the features of ``realword_features.features`` (Golding & Roth 1999; Banko & Brill 2001).
(b) ``NgramSet``: per confusion set a smoothed trigram model over the folded words on both
sides, ``P(w | L2 L1) · P(R1 | L1 w) · P(R2 | w R1)``, interpolated with absolute
discounting. Both give log-scores per member; ``Metrics`` gathers accuracy and calibration.
"""

from __future__ import annotations

import collections
import math
import random
from collections.abc import Sequence
from dataclasses import dataclass, field

from context_corpus import Example
from korrektur.engine.words.realword_features import features

DISCOUNT = 0.75


@dataclass
class Linear:
    """A trained linear model of one set: bias and feature weights per member."""

    members: tuple[str, ...]
    bias: list[float]
    weights: dict[str, list[float]]

    def scores(self, names: Sequence[str]) -> list[float]:
        """Log-scores of the members given a position's feature names."""
        out = list(self.bias)
        for name in names:
            row = self.weights.get(name)
            if row is not None:
                for k, value in enumerate(row):
                    out[k] += value
        return out

    def pruned(self, threshold: float) -> Linear:
        """Without the features whose weights all lie within ``threshold`` of their mean."""
        kept = {}
        for name, row in self.weights.items():
            mean = sum(row) / len(row)
            if max(abs(v - mean) for v in row) >= threshold:
                kept[name] = [v - mean for v in row]
        return Linear(self.members, self.bias, kept)


def features_of(example: Example) -> list[str]:
    """The feature names of a training example (the run-time function itself)."""
    return features(example.left, example.right, example.title, example.upper)


def train_linear(
    members: tuple[str, ...],
    data: list[Example],
    rates: dict[str, float],
    c: float,
    min_count: int,
    share: float = 0.05,
) -> Linear:
    """Fit a logistic regression on ``data``; intercepts corrected for subsampling.

    A ``share`` of the examples is added again without any context, and as much with only
    the left or only the right side: the bias then is the prior (what the model says without
    context) and one-sided context is weighed as such, not as if the other side were there.
    """
    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    rows = [features_of(e) for e in data]
    labels_of = [e.word for e in data]
    chance = random.Random(len(data)).random
    for names, word in zip(rows[:], labels_of[:], strict=True):
        draw = chance()
        if draw < share:  # no context at all: the bias learns the prior
            rows.append([])
        elif draw < 2 * share:  # one side only: the other unknown (or unreadable)
            rows.append([n for n in names if n[0] == "L"])
        elif draw < 3 * share:
            rows.append([n for n in names if n[0] == "R"])
        else:
            continue
        labels_of.append(word)
    seen: collections.Counter[str] = collections.Counter(n for names in rows for n in names)
    index = {n: i for i, n in enumerate(sorted(n for n, k in seen.items() if k >= min_count))}
    indptr, columns = [0], []
    for names in rows:
        columns.extend(index[n] for n in names if n in index)
        indptr.append(len(columns))
    matrix = csr_matrix(
        (np.ones(len(columns), dtype=np.float32), np.array(columns), np.array(indptr)),
        shape=(len(rows), max(len(index), 1)),
    )
    place = {w: k for k, w in enumerate(members)}
    labels = np.array([place[word] for word in labels_of])
    present = sorted(set(labels.tolist()))
    if len(present) < 2:
        raise ValueError(f"set {members} has one member in training data")
    model = LogisticRegression(C=c, max_iter=300, tol=1e-4)
    model.fit(matrix, labels)
    k = len(members)
    coef = model.coef_
    intercept = model.intercept_
    bias = [-30.0] * k  # a member never seen in training stays out of reach
    weights: dict[str, list[float]] = {}
    names = sorted(index, key=index.__getitem__)
    if len(present) == 2 and coef.shape[0] == 1:
        low, high = present
        bias[low], bias[high] = -float(intercept[0]) / 2, float(intercept[0]) / 2
        for n, value in zip(names, coef[0], strict=True):
            row = [0.0] * k
            row[low], row[high] = -float(value) / 2, float(value) / 2
            weights[n] = row
    else:
        for slot, cls in enumerate(model.classes_):
            bias[cls] = float(intercept[slot])
        for j, n in enumerate(names):
            row = [0.0] * k
            for slot, cls in enumerate(model.classes_):
                row[cls] = float(coef[slot, j])
            weights[n] = row
    for word, slot in place.items():
        if slot in present:
            bias[slot] -= math.log(rates.get(word, 1.0))
    return Linear(members, bias, weights)


def _interpolated(count: float, total: float, types: int, lower: float) -> float:
    """Absolute discounting: ``count`` of ``total`` (``types`` distinct), backing off."""
    if total <= 0:
        return lower
    return max(count - DISCOUNT, 0.0) / total + DISCOUNT * types / total * lower


@dataclass
class NgramSet:
    """Counts of one set's members with their folded neighbours, weighted by 1/rate."""

    members: tuple[str, ...]
    unigram: collections.Counter[str] = field(default_factory=collections.Counter)
    left2: collections.Counter[tuple[str, str, str]] = field(default_factory=collections.Counter)
    left1: collections.Counter[tuple[str, str]] = field(default_factory=collections.Counter)
    mid: collections.Counter[tuple[str, str, str]] = field(default_factory=collections.Counter)
    right1: collections.Counter[tuple[str, str]] = field(default_factory=collections.Counter)
    right2: collections.Counter[tuple[str, str, str]] = field(default_factory=collections.Counter)
    follow: collections.Counter[str] = field(default_factory=collections.Counter)
    follow2: collections.Counter[tuple[str, str]] = field(default_factory=collections.Counter)
    totals: collections.Counter[tuple[object, ...]] = field(default_factory=collections.Counter)
    types: collections.Counter[tuple[object, ...]] = field(default_factory=collections.Counter)

    @classmethod
    def train(
        cls, members: tuple[str, ...], data: list[Example], rates: dict[str, float]
    ) -> NgramSet:
        """Count ``data`` (each example weighted by the inverse of its sampling rate)."""
        model = cls(members)
        for e in data:
            weight = 1.0 / rates.get(e.word, 1.0)
            w = e.word
            l1 = e.left[-1] if e.left else "?"
            l2 = e.left[-2] if len(e.left) > 1 else "?"
            r1 = e.right[0] if e.right else "?"
            r2 = e.right[1] if len(e.right) > 1 else "?"
            model.unigram[w] += weight
            for key, table in (
                ((l2, l1, w), model.left2),
                ((l1, w), model.left1),
                ((l1, w, r1), model.mid),
                ((w, r1), model.right1),
                ((w, r1, r2), model.right2),
            ):
                if table[key] == 0:
                    model.types[("t", id(table), *key[:-1])] += 1
                table[key] += weight  # type: ignore[index]
                model.totals[("t", id(table), *key[:-1])] += weight
            model.follow[r1] += weight
            if model.follow2[(r1, r2)] == 0:
                model.types[("f", r1)] += 1
            model.follow2[(r1, r2)] += weight
        return model

    def _p(self, table: collections.Counter, key: tuple[str, ...], lower: float) -> float:  # type: ignore[type-arg]
        context = ("t", id(table), *key[:-1])
        return _interpolated(table[key], self.totals[context], self.types[context], lower)

    def scores(self, e: Example) -> list[float]:
        """Log-scores of the members at the position of ``e``."""
        l1 = e.left[-1] if e.left else "?"
        l2 = e.left[-2] if len(e.left) > 1 else "?"
        r1 = e.right[0] if e.right else "?"
        r2 = e.right[1] if len(e.right) > 1 else "?"
        n = sum(self.unigram.values())
        vocabulary = len(self.follow) + 1
        p_r1 = (self.follow[r1] + 0.5) / (n + 0.5 * vocabulary)
        p_r2 = _interpolated(
            self.follow2[(r1, r2)], self.follow[r1], self.types[("f", r1)], 1.0 / vocabulary
        )
        out = []
        for w in self.members:
            p_w = (self.unigram[w] + 0.1) / (n + 0.1 * len(self.members))
            p_w = self._p(self.left1, (l1, w), p_w)
            p_w = self._p(self.left2, (l2, l1, w), p_w)
            q = self._p(self.right1, (w, r1), p_r1)
            q = self._p(self.mid, (l1, w, r1), q)
            s = self._p(self.right2, (w, r1, r2), p_r2)
            out.append(math.log(p_w) + math.log(q) + math.log(s))
        return out


BINS = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99, 1.0001)


def softmax(scores: Sequence[float]) -> list[float]:
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return [x / total for x in exps]


@dataclass
class Metrics:
    """Accuracy, majority baseline, log-loss and reliability of the top probabilities.

    Each position counts with a weight (the inverse of its word's sampling rate), so that
    figures hold for the corpus as it is; ``n`` counts positions.
    """

    n: int = 0
    total: float = 0.0
    right: float = 0.0
    majority: float = 0.0
    logloss: float = 0.0
    bins: list[list[float]] = field(default_factory=lambda: [[0.0, 0.0, 0.0] for _ in BINS[:-1]])

    def add(
        self, probabilities: Sequence[float], truth: int, majority: int, weight: float = 1.0
    ) -> None:
        best = max(range(len(probabilities)), key=probabilities.__getitem__)
        top = probabilities[best]
        hit = weight if best == truth else 0.0
        self.n += 1
        self.total += weight
        self.right += hit
        self.majority += weight if majority == truth else 0.0
        self.logloss -= weight * math.log(max(probabilities[truth], 1e-12))
        for i in range(len(BINS) - 1):
            if BINS[i] <= top < BINS[i + 1]:
                self.bins[i][0] += weight
                self.bins[i][1] += hit
                self.bins[i][2] += weight * top
                break

    def merge(self, other: Metrics) -> None:
        self.n += other.n
        self.total += other.total
        self.right += other.right
        self.majority += other.majority
        self.logloss += other.logloss
        for mine, theirs in zip(self.bins, other.bins, strict=True):
            for i in range(3):
                mine[i] += theirs[i]

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else float("nan")

    @property
    def baseline(self) -> float:
        return self.majority / self.total if self.total else float("nan")

    @property
    def loss(self) -> float:
        return self.logloss / self.total if self.total else float("nan")

    @property
    def ece(self) -> float:
        """Expected calibration error: weighted mean |confidence − accuracy| over the bins."""
        if not self.total:
            return float("nan")
        return sum(abs(b[2] - b[1]) for b in self.bins if b[0]) / self.total

    def reliability(self) -> list[str]:
        rows = [
            "| top probability | positions (weighted) | mean probability | right |",
            "|---|---:|---:|---:|",
        ]
        for low, high, (count, right, total) in zip(BINS, BINS[1:], self.bins, strict=False):
            if count:
                rows.append(
                    f"| {low:.2f}–{min(high, 1.0):.2f} | {count:.0f} | {total / count:.3f} "
                    f"| {right / count:.3f} |"
                )
        return rows
