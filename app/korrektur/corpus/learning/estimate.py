"""From the lessons of the reviewed documents to what a corpus has learned, and to a profile.

``learn`` sums the lessons of every reviewed document into a ``Learned`` state: plain
figures a person can read and edit (``store`` writes them as YAML). ``profile_of`` turns a
state into the ``Profile`` the word engine applies. Every estimate is shrunk towards what
the engine says on its own, so that a handful of decisions moves it only a little:

* a word is the corpus's when the reviewer kept or wrote it more often than corrected it;
  its probability is its share of the reviewed words, within ``WORD_FLOOR``..``WORD_CEILING``;
* a misprint is a word of the lexicon that this collection does not write as printed: the
  engine proposed to change it, and the reviewer corrected it at least ``MISPRINT_MIN``
  times and let it stand so rarely that the share right as printed, (stood + 1) /
  (stood + corrected + 2), is at most ``MISPRINT_SHARE`` (``ar`` where every ``ar`` was
  ``är`` or ``år``). Changing it breaks no valid word, so learning may lift its suggestions
  past the ceiling of valid words (``profile.VALID_CEILING``). That lift acts where the
  engine's context could not tell (it held the change in doubt), so the word also needs
  ``MISPRINT_CHECKS`` changes of it accepted one by one where the engine was in doubt
  (shown below ``CHECKED_BELOW``): corrections the engine was sure of, or made by hand,
  say nothing of the occurrences whose sentence left the written word possible (a word
  misread wherever the sentence is plain may still be the author's where it is not);
* calibration: the decided suggestions binned by the engine's confidence; each bin's
  share accepted gets ``CALIBRATION_PRIOR`` pseudo-decisions at the engine's own
  confidence, and the bins are pooled until the shares rise (isotonic);
* a pair's offset is the log-odds shift that best explains its acceptances, given the
  calibrated confidence each had, under a normal prior (``PAIR_SD``) centred on no shift;
  a pair accepted one by one at least ``TRUSTED_CHECKS`` times where the engine was unsure
  (shown below ``CHECKED_BELOW``), and never rejected, may lift changes of valid words;
* a pair the reviewer always accepted is *assured*: its share right is at least the
  one-sided lower bound ``ASSURED_RISK ** (1 / (accepted + 1))`` (a uniform prior: 28
  acceptances in a row for 0.9, 58 for 0.95), and its suggestions show at least that, when
  it reaches ``ASSURED_MIN`` (the offset, a best guess, may say less where the engine was
  sure of every acceptance). Whether a change of a valid word may be lifted at all is the
  profile's rule, as for every other lift;
* number ranges: once the reviewer has made a hyphen printed between two numbers an en
  dash more often than left one, the engine offers the en dash wherever a range is printed
  with a hyphen, as sure as the share so made, (en dash + 1) / (en dash + hyphen + 2).
"""

from __future__ import annotations

import hashlib
import json
import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field

from korrektur.corpus.learning.lessons import EN_DASH, HYPHEN, RANGES, Lessons, Sample
from korrektur.engine.words.calibration import Calibration
from korrektur.engine.words.profile import CorpusWord, Profile, logit, sigmoid

WORD_FLOOR = 1e-6  # the least probability of a corpus word …
WORD_CEILING = 1e-4  # … and the most: a name seen often is not a function word
CAPITALISED = 0.95  # the capitalised share of a word the corpus writes with a capital
CALIBRATION_EDGES = (0.0, 0.3, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.98, 0.99, 0.999)
CALIBRATION_PRIOR = 20.0  # pseudo-decisions at the engine's own confidence, per bin
PAIR_SD = 1.5  # prior spread of a pair's log-odds offset
MIN_OFFSET = 0.1  # smaller offsets of pairs never rejected are not kept
CHECKED_BELOW = 0.9  # a suggestion shown less sure than this was decided on its own …
TRUSTED_CHECKS = 3  # … and a pair accepted so this often (never rejected) is trusted
NEWTON_STEPS = 30
MISPRINT_MIN = 8  # corrections before a word of the lexicon can be a misprint here …
MISPRINT_SHARE = 0.1  # … and the most its estimated share right as printed may be …
MISPRINT_CHECKS = 1  # … and changes of it accepted where the engine was in doubt
ASSURED_RISK = 0.05  # the chance left that an assured pair is less often right than shown …
ASSURED_MIN = 0.9  # … and the least share right worth showing (28 acceptances, none rejected)
# The reviewed text's confusion counts count this many times over the shipped ones: the
# documents of one collection share one OCR engine's habits, which those only approximate.
EVIDENCE_WEIGHT = 2.0
SECTIONS = ("gold_chars", "confusions", "upper_initial", "lower_initial")


@dataclass(frozen=True)
class PairRecord:
    """The reviewer's decisions on one correction pair.

    Attributes:
        original, replacement: the pair.
        accepted, rejected: how often it was accepted, and rejected or edited.
        checked: of the acceptances, those where the engine was unsure (shown below
            ``CHECKED_BELOW``): the reviewer decided them one by one.
        offset: the log-odds shift of its confidence.
    """

    original: str
    replacement: str
    accepted: int
    rejected: int
    checked: int
    offset: float

    @property
    def trusted(self) -> bool:
        """The pair may lift changes of valid words (see the module docstring)."""
        return not self.rejected and self.checked >= TRUSTED_CHECKS

    @property
    def assured(self) -> float:
        """The share right the pair's acceptances guarantee (see the module docstring).

        0: it was rejected, or never accepted.
        """
        if self.rejected or not self.accepted:
            return 0.0
        return float(ASSURED_RISK ** (1.0 / (self.accepted + 1)))

    @property
    def key(self) -> tuple[str, str]:
        """``(original, replacement)``."""
        return self.original, self.replacement


@dataclass(frozen=True)
class Point:
    """A point of the corpus calibration: the engine's confidence → the corpus's share right.

    Attributes:
        engine, corpus: the two confidences.
        decisions: how many decisions the point rests on.
    """

    engine: float
    corpus: float
    decisions: int


@dataclass
class Learned:
    """What a corpus has learned from its reviewer's decisions.

    Attributes:
        documents: reviewed documents it was learned from.
        decisions: decided word suggestions.
        words_reviewed: words whose reading the reviewer settled.
        words: the corpus lexicon, as written, with how often the reviewer kept or wrote it.
        pairs: correction pairs with their decisions (those with an offset worth keeping).
        calibration: the corpus calibration (empty: none).
        confusions: the OCR confusion counts of the reviewed text.
        misprints: words of the lexicon this corpus does not write as printed (lower
            case), with how often the reviewer corrected them.
        ranges: hyphens printed between two numbers, by how the reviewer left them
            (``lessons.RANGES``: made an en dash, or left a hyphen).
    """

    documents: int = 0
    decisions: int = 0
    words_reviewed: int = 0
    words: dict[str, int] = field(default_factory=dict)
    pairs: list[PairRecord] = field(default_factory=list)
    calibration: list[Point] = field(default_factory=list)
    confusions: dict[str, dict[str, int]] = field(default_factory=dict)
    misprints: dict[str, int] = field(default_factory=dict)
    ranges: dict[str, int] = field(default_factory=dict)

    def content(self) -> dict[str, object]:
        """What the engine uses, as plain data (what ``digest`` hashes)."""
        return {
            "words_reviewed": self.words_reviewed,
            "words": dict(sorted(self.words.items())),
            "pairs": [asdict(p) for p in sorted(self.pairs, key=lambda p: p.key)],
            "calibration": [asdict(p) for p in self.calibration],
            "confusions": {s: dict(sorted(self.confusions.get(s, {}).items())) for s in SECTIONS},
            "misprints": dict(sorted(self.misprints.items())),
            **({"ranges": dict(sorted(self.ranges.items()))} if self.ranges else {}),
        }

    def digest(self) -> str:
        """A short hash of ``content``: the learned state's name in provenance."""
        text = json.dumps(self.content(), ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def learn(lessons: Iterable[Lessons]) -> Learned:
    """The state learned from the lessons of every reviewed document."""
    learned = Learned()
    kept: Counter[str] = Counter()
    corrected: Counter[str] = Counter()
    stood: Counter[str] = Counter()
    ranges: Counter[str] = Counter()
    samples: list[Sample] = []
    confusions: dict[str, Counter[str]] = {section: Counter() for section in SECTIONS}
    for one in lessons:
        if not one.decisions:
            continue
        learned.documents += 1
        learned.words_reviewed += one.words
        kept.update(one.kept)
        corrected.update(one.corrected)
        stood.update(one.stood)
        ranges.update(one.ranges)
        samples.extend(one.samples)
        for section in SECTIONS:
            confusions[section].update(one.confusions.get(section, {}))
    learned.decisions = len(samples)
    learned.words = _corpus_words(kept, corrected)
    learned.misprints = _misprints(samples, corrected, stood)
    learned.ranges = {key: ranges[key] for key in RANGES if ranges[key]}
    calibration = fit_calibration(samples)
    learned.calibration = calibration
    learned.pairs = _pairs(samples, _map(calibration))
    learned.confusions = {
        section: dict(sorted(counts.items())) for section, counts in confusions.items() if counts
    }
    return learned


def _corpus_words(kept: Counter[str], corrected: Counter[str]) -> dict[str, int]:
    """Words kept or written more often than corrected away, each in its usual spelling."""
    by_low: dict[str, Counter[str]] = {}
    for word, count in kept.items():
        by_low.setdefault(word.lower(), Counter())[word] += count
    words = {}
    for low, forms in by_low.items():
        total = sum(forms.values())
        if total > corrected.get(low, 0):
            words[forms.most_common(1)[0][0]] = total
    return dict(sorted(words.items()))


def _misprints(
    samples: list[Sample], corrected: Counter[str], stood: Counter[str]
) -> dict[str, int]:
    """Valid words the engine proposed to change that this corpus does not write as printed."""
    doubted: Counter[str] = Counter(
        s.original.lower() for s in samples if s.valid and s.right and s.shown < CHECKED_BELOW
    )
    proposed = {s.original.lower() for s in samples if s.valid}
    found = {}
    for low in sorted(proposed):
        wrong, right = corrected.get(low, 0), stood.get(low, 0)
        if (
            wrong >= MISPRINT_MIN
            and (right + 1) / (right + wrong + 2) <= MISPRINT_SHARE
            and doubted[low] >= MISPRINT_CHECKS
        ):
            found[low] = wrong
    return found


def fit_calibration(samples: Iterable[Sample]) -> list[Point]:
    """The corpus calibration: binned shares accepted, shrunk and made to rise."""
    bins: list[list[float]] = [[0.0, 0.0, 0.0] for _ in CALIBRATION_EDGES]
    for sample in samples:
        index = _bin(sample.confidence)
        bins[index][0] += sample.confidence
        bins[index][1] += float(sample.right)
        bins[index][2] += 1.0
    blocks: list[list[float]] = []  # [sum engine, right + prior, weight, decisions]
    for total, right, size in bins:
        if not size:
            continue
        mean = total / size
        blocks.append([total, right + CALIBRATION_PRIOR * mean, size + CALIBRATION_PRIOR, size])
        while len(blocks) > 1 and _share(blocks[-2]) >= _share(blocks[-1]):
            last = blocks.pop()
            for i in range(4):
                blocks[-1][i] += last[i]
    return [Point(round(b[0] / b[3], 4), round(_share(b), 4), int(b[3])) for b in blocks if b[3]]


def _share(block: list[float]) -> float:
    return block[1] / block[2]


def _bin(confidence: float) -> int:
    index = 0
    for number, edge in enumerate(CALIBRATION_EDGES):
        if confidence >= edge:
            index = number
    return index


def _map(points: list[Point]) -> Calibration | None:
    """The calibration map through ``points`` (None: no points, the engine's as it is)."""
    if not points:
        return None
    pairs = [(0.0, 0.0)]
    for point in sorted(points, key=lambda p: p.engine):
        if 0.0 < point.engine < 1.0 and point.engine > pairs[-1][0]:
            pairs.append((point.engine, max(point.corpus, pairs[-1][1])))
    pairs.append((1.0, max(1.0, pairs[-1][1])))
    return Calibration(tuple(pairs))


def _pairs(samples: list[Sample], calibration: Calibration | None) -> list[PairRecord]:
    """The pairs worth a record: rejected at least once, with an offset to keep, or assured."""
    grouped: dict[tuple[str, str], list[Sample]] = {}
    for sample in samples:
        grouped.setdefault((sample.original, sample.replacement), []).append(sample)
    records = []
    for (original, replacement), listed in grouped.items():
        accepted = [s for s in listed if s.right]
        starts = [
            (logit(calibration.confidence(s.confidence) if calibration else s.confidence), s.right)
            for s in listed
        ]
        offset = pair_offset(starts)
        rejected = len(listed) - len(accepted)
        checked = sum(1 for s in accepted if s.shown < CHECKED_BELOW)
        record = PairRecord(
            original, replacement, len(accepted), rejected, checked, round(offset, 4)
        )
        if rejected or abs(offset) >= MIN_OFFSET or record.assured >= ASSURED_MIN:
            records.append(record)
    return sorted(records, key=lambda r: r.key)


def pair_offset(decisions: list[tuple[float, bool]]) -> float:
    """The log-odds offset that best explains ``decisions`` (MAP under a normal prior).

    ``decisions``: (log odds the suggestion had, accepted?) of each decision on the pair.
    """
    if not decisions:
        return 0.0
    precision = 1.0 / (PAIR_SD * PAIR_SD)
    offset = 0.0
    for _ in range(NEWTON_STEPS):
        gradient = -precision * offset
        curvature = -precision
        for start, right in decisions:
            p = sigmoid(start + offset)
            gradient += float(right) - p
            curvature -= p * (1.0 - p)
        step = gradient / curvature
        offset -= step
        if abs(step) < 1e-9:
            break
    return offset


def profile_of(learned: Learned, evidence_weight: float = EVIDENCE_WEIGHT) -> Profile:
    """The profile the word engine applies for ``learned``."""
    total = max(learned.words_reviewed, 1)
    words = {}
    for word, count in learned.words.items():
        share = min(max(count / total, WORD_FLOOR), WORD_CEILING)
        capitalised = CAPITALISED if word[:1].isupper() else 1.0 - CAPITALISED
        words[word.lower()] = CorpusWord(math.log(share), capitalised)
    pairs = {record.key: record.offset for record in learned.pairs if record.offset}
    trusted = frozenset(record.key for record in learned.pairs if record.trusted)
    assured = {
        record.key: round(record.assured, 6)
        for record in learned.pairs
        if record.assured >= ASSURED_MIN
    }
    evidence = _weighted(learned.confusions, evidence_weight)
    calibration = _map(learned.calibration)
    misprints = frozenset(word.lower() for word in learned.misprints)
    return Profile(
        words,
        evidence,
        calibration,
        pairs,
        trusted,
        learned.digest(),
        misprints,
        assured,
        range_dash(learned.ranges),
    )


def range_dash(ranges: Mapping[str, int]) -> float:
    """How sure an en dash for a range printed with a hyphen is (0: not offered)."""
    dashed, left = ranges.get(EN_DASH, 0), ranges.get(HYPHEN, 0)
    return round((dashed + 1) / (dashed + left + 2), 6) if dashed > left else 0.0


def _weighted(
    confusions: Mapping[str, Mapping[str, int]], weight: float
) -> dict[str, dict[str, float]]:
    return {
        section: {key: value * weight for key, value in counts.items()}
        for section, counts in confusions.items()
    }
