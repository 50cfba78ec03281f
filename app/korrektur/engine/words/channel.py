"""The OCR channel: how likely the raw text is, given a true word (noisy-channel model).

``P(raw piece | gold piece)`` comes from three places, each refining the one before:
the hand-written weights in ``confusions.yaml`` (a prior), the counts learned from corrected
documents (``learned-confusions.yaml``), and the document under analysis itself (a first pass
counts the confusions it is sure of, the second pass uses them). Costs are natural-log ratios
against reading the raw piece as itself, so an unchanged word costs 0.
"""

from __future__ import annotations

import math
import os
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from korrektur.engine.words.memo import Memo
from korrektur.engine.words.text import fold

SEED_STRENGTH = 200.0  # a weight in confusions.yaml counts as this many observations
DOCUMENT_STRENGTH = 15.0  # the global diacritic-loss rate counts as this many letters
OBSERVED_STRENGTH = 30.0  # … and the rate of an OCR confusion the document showed
MIN_LEARNED = 2  # a confusion seen once in the training documents may be chance
UNSEEN_DIACRITIC = 1e-4  # P(raw | gold) for a diacritic swap nobody has counted (ä for a)
MIN_IDENTITY = 0.02
REWRITE_FLOOR = math.log(1e-6)
CAPS_STRENGTH = 20.0  # a capitalisation rate's prior counts as this many word starts
ACCENTED = frozenset("åäöé")  # rewrites less likely than this are not tried

EXCLUDE_ENV = "KORREKTUR_EXCLUDE_LEARNED"

Op = tuple[str, str]  # (raw piece, gold piece)


@dataclass(frozen=True)
class Evidence:
    """Counts the channel is estimated from: confusions and gold letters seen."""

    confusions: Mapping[Op, float]
    gold_chars: Mapping[str, float]
    upper_initial: Mapping[str, float]
    lower_initial: Mapping[str, float]


def learned_evidence(learned: Mapping[str, Mapping[str, Mapping[str, int]]]) -> Evidence:
    """Sum the per-document counts of ``learned-confusions.yaml``."""
    confusions: Counter[Op] = Counter()
    gold: Counter[str] = Counter()
    upper: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    for counts in learned.values():
        for key, value in (counts.get("confusions") or {}).items():
            raw, _, target = str(key).partition(">")
            confusions[raw, target] += value
        gold.update(counts.get("gold_chars") or {})
        upper.update(counts.get("upper_initial") or {})
        lower.update(counts.get("lower_initial") or {})
    return Evidence(
        {op: float(n) for op, n in confusions.items()},
        {k: float(n) for k, n in gold.items()},
        {k: float(n) for k, n in upper.items()},
        {k: float(n) for k, n in lower.items()},
    )


def is_diacritic_op(op: Op) -> bool:
    """True when raw and gold differ only in å/ä/ö/é (``a`` for ``ä``)."""
    raw, gold = op
    return raw != gold and len(raw) == len(gold) and fold(raw) == fold(gold)


class Channel:
    """Costs of OCR confusions, and the rewrites worth trying for each raw piece.

    Attributes:
        probability: ``P(raw | gold)`` per confusion.
        identity: ``P(letter | letter)``: a letter printed as itself.
        rewrites: raw piece → ``[(gold piece, cost)]``, best first, without diacritic swaps
            (those are found by folding) and without lost letters (tried only as a fallback).
        lost: gold pieces that OCR drops (``ö``), with their cost.
    """

    def __init__(
        self,
        probability: Mapping[Op, float],
        identity: Mapping[str, float],
        upper_initial: Mapping[str, float],
        evidence: Evidence,
        seeds: Mapping[Op, float],
    ) -> None:
        self.probability = dict(probability)
        self.identity = dict(identity)
        self.upper_initial = dict(upper_initial)
        self.evidence = evidence
        self.seeds = dict(seeds)
        self._costs: Memo[Op, float] = Memo(self._cost)  # ``cost`` by (raw, gold)
        self.rewrites: dict[str, list[tuple[str, float]]] = {}
        self.lost: list[tuple[str, float]] = []
        for (raw, gold), _ in self.probability.items():
            cost = self.cost(raw, gold)
            if cost < REWRITE_FLOOR or is_diacritic_op((raw, gold)):
                continue
            if raw:
                self.rewrites.setdefault(raw, []).append((gold, cost))
            elif gold:
                self.lost.append((gold, cost))
        for options in self.rewrites.values():
            options.sort(key=lambda item: -item[1])
        self.lost.sort(key=lambda item: -item[1])

    @classmethod
    def estimate(
        cls,
        evidence: Evidence,
        seeds: Mapping[Op, float],
        prior: Channel | None = None,
    ) -> Channel:
        """Estimate from counts; ``prior`` (a global channel) smooths a document's counts."""
        probability: dict[Op, float] = {}
        ops = set(seeds) | (set(prior.probability) if prior else set())
        ops |= {op for op, n in evidence.confusions.items() if n >= MIN_LEARNED or prior}
        total_gold = sum(evidence.gold_chars.values()) or 1.0
        for op in ops:
            raw, gold = op
            denominator = evidence.gold_chars.get(gold[:1], 0.0) if gold else total_gold
            count = evidence.confusions.get(op, 0.0)
            if prior is not None:
                # How much OCR loses diacritics varies from document to document, so the
                # document's own counts soon dominate; other confusions adapt only when seen.
                base = prior.probability.get(op, 0.0)
                if is_diacritic_op(op):
                    strength = DOCUMENT_STRENGTH
                elif count > 0:
                    strength = OBSERVED_STRENGTH
                else:
                    probability[op] = base
                    continue
                value = (count + strength * base) / (denominator + strength)
            else:
                value = (count + SEED_STRENGTH * seeds.get(op, 0.0)) / (denominator + SEED_STRENGTH)
            if value > 0:
                probability[op] = min(value, 0.999)
        lost: dict[str, float] = {}
        for (_, gold), value in probability.items():
            if len(gold) == 1:
                lost[gold] = lost.get(gold, 0.0) + value
        identity = {gold: max(MIN_IDENTITY, 1.0 - value) for gold, value in lost.items()}
        upper = cls._upper_initial(evidence, prior)
        return cls(probability, identity, upper, evidence, seeds)

    @staticmethod
    def _upper_initial(evidence: Evidence, prior: Channel | None) -> dict[str, float]:
        """P(printed upper case | word starts with this lower-case letter).

        Each letter's rate is smoothed towards the rate of its class: OCR engines that do not
        know å/ä/ö/é print them as capitals far more often than plain letters (``Arligen``,
        ``Ovriga``), so what one of them shows is the best guess for a rarer one.
        """
        upper, lower = evidence.upper_initial, evidence.lower_initial
        overall = (sum(upper.values()) + 1.0) / ((sum(lower.values()) or 1.0) + 100.0)
        classes: dict[bool, float] = {}
        for accented in (False, True):
            letters = [k for k in set(upper) | set(lower) if (k in ACCENTED) is accented]
            up = sum(upper.get(k, 0.0) for k in letters)
            down = sum(lower.get(k, 0.0) for k in letters)
            classes[accented] = (up + CAPS_STRENGTH * overall) / (down + CAPS_STRENGTH)
        rates: dict[str, float] = {}
        for letter in set(lower) | set(prior.upper_initial if prior else ()):
            own_class = classes[letter in ACCENTED]
            base = prior.upper_initial.get(letter, overall) if prior else own_class
            rates[letter] = (upper.get(letter, 0.0) + CAPS_STRENGTH * base) / (
                lower.get(letter, 0.0) + CAPS_STRENGTH
            )
        for letter in ACCENTED:
            rates.setdefault(letter, classes[True])
        rates[""] = overall
        return rates

    def upper_cost(self, letter: str) -> float:
        """Log P(a word starting with lower-case ``letter`` was printed capitalised)."""
        return math.log(self.upper_initial.get(letter, self.upper_initial.get("", 1e-3)))

    def keep_probability(self, piece: str) -> float:
        """P(piece printed as itself)."""
        value = 1.0
        for ch in piece:
            value *= self.identity.get(ch, 1.0)
        return value

    def cost(self, raw: str, gold: str) -> float:
        """Log ratio ``P(raw | gold) / P(raw | raw)`` of reading ``raw`` as ``gold``."""
        return self._costs[raw, gold]

    def _cost(self, op: Op) -> float:
        raw, gold = op
        probability = self.probability.get(op)
        if probability is None:
            if raw == gold:
                return 0.0
            if len(raw) == len(gold) and fold(raw) == fold(gold):
                probability = UNSEEN_DIACRITIC ** sum(
                    a != b for a, b in zip(raw, gold, strict=True)
                )
            else:
                probability = 1e-9
        return math.log(probability) - math.log(self.keep_probability(raw))

    def adapted(self, confusions: Iterable[tuple[Op, float]], gold: Mapping[str, float]) -> Channel:
        """This channel refined by what one document showed (``confusions`` and gold letters)."""
        counts: dict[Op, float] = {}
        for op, weight in confusions:
            counts[op] = counts.get(op, 0.0) + weight
        evidence = Evidence(counts, gold, {}, {})
        channel = Channel.estimate(evidence, self.seeds, prior=self)
        channel.upper_initial = self.upper_initial
        return channel


def excluded_documents() -> frozenset[str]:
    """Training documents to leave out, from ``KORREKTUR_EXCLUDE_LEARNED`` (comma-separated).

    The benchmark's leave-one-out runs set it, so a document is never corrected with
    confusion weights learned from itself.
    """
    return frozenset(x for x in os.environ.get(EXCLUDE_ENV, "").split(",") if x)


def global_channel(
    seeds: Iterable[tuple[str, str, float]],
    learned: Mapping[str, Mapping[str, Mapping[str, int]]],
    exclude: frozenset[str] = frozenset(),
) -> Channel:
    """The channel of the lexicon: seed weights refined by the learned counts."""
    seed_map = {(raw, gold): weight for raw, gold, weight in seeds}
    kept = {name: counts for name, counts in learned.items() if name not in exclude}
    return Channel.estimate(learned_evidence(kept), seed_map)
