"""What one document's review teaches: the reviewer's decisions read as evidence.

Only what the reviewer settled counts. A word suggestion still pending teaches nothing,
and neither do the words under it; a word the engine left alone counts as right as it
stands (the reviewer has not objected), which is what the letter counts of the OCR
channel need. From the decided word suggestions and the reviewer's own edits come:

* the words the reviewer kept or wrote that the lexicon does not know (names, places,
  domain words), the words the reviewer corrected away, and the words of the lexicon the
  reviewer let stand as printed;
* one sample per decided suggestion (the engine's confidence, whether it was accepted,
  the pair, whether it changed a valid word) for the calibration and the pair offsets;
* the OCR confusions between each token as printed and as the reviewer left it;
* how the reviewer left a hyphen printed between two numbers (``12-14``): as an en dash
  (``12–14``, the typesetter's range) or as it was (``RANGES``).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from korrektur.engine.words.profile import engine_confidence
from korrektur.engine.words.tally import ConfusionTally
from korrektur.engine.words.text import word_parts
from korrektur.model import Kind, Status, Suggestion
from korrektur.model.document import Document
from korrektur.model.layout import Token
from korrektur.model.session import apply_texts
from korrektur.model.suggestion import WORD_KINDS
from korrektur.store.review import Review

REVIEWED = frozenset(WORD_KINDS | {Kind.MANUAL})  # the suggestions a reviewer's words show in
MIN_WORD = 2  # letters a word needs to be learned
HYPHENS = frozenset("-‐­¬")  # what ends the first half of a word broken at a line end
EN_DASH, HYPHEN = "en_dash", "hyphen"  # how a range of numbers printed with a hyphen was left
RANGES = (EN_DASH, HYPHEN)
_RANGE = re.compile(r"(?<=\d)-(?=\d)")  # a hyphen between two digits (``1990-1995``)
_EN_RANGE = re.compile(r"(?<=\d)–(?=\d)")


@dataclass(frozen=True)
class Sample:
    """One decided word suggestion.

    Attributes:
        confidence: the engine's confidence (before any corpus profile).
        shown: the confidence the reviewer saw.
        right: the reviewer accepted it.
        original, replacement: the pair.
        valid: it changed a word valid as written.
    """

    confidence: float
    shown: float
    right: bool
    original: str
    replacement: str
    valid: bool


@dataclass
class Lessons:
    """The evidence one review holds (see the module docstring).

    Attributes:
        kept: words unknown to the lexicon that the reviewer kept or wrote, as written.
        corrected: words the reviewer changed into something else, lower case.
        stood: words of the lexicon the reviewer left as printed, lower case.
        samples: the decided word suggestions.
        confusions: the OCR confusion counts (``ConfusionTally.counts``).
        words: the words whose reading the reviewer settled.
        ranges: the hyphens printed between two numbers, by how the reviewer left them
            (``RANGES``).
    """

    kept: Counter[str] = field(default_factory=Counter)
    corrected: Counter[str] = field(default_factory=Counter)
    samples: list[Sample] = field(default_factory=list)
    confusions: dict[str, dict[str, int]] = field(default_factory=dict)
    words: int = 0
    stood: Counter[str] = field(default_factory=Counter)
    ranges: Counter[str] = field(default_factory=Counter)

    @property
    def decisions(self) -> int:
        """Decided word suggestions."""
        return len(self.samples)

    def as_json(self) -> dict[str, Any]:
        """A JSON-ready form (``from_json`` reads it back)."""
        return {
            "kept": dict(self.kept),
            "corrected": dict(self.corrected),
            "samples": [
                [s.confidence, s.shown, s.right, s.original, s.replacement, s.valid]
                for s in self.samples
            ],
            "confusions": self.confusions,
            "words": self.words,
            "stood": dict(self.stood),
            "ranges": dict(self.ranges),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Lessons:
        """What ``as_json`` wrote."""
        return cls(
            Counter(data["kept"]),
            Counter(data["corrected"]),
            [
                Sample(float(c), float(n), bool(r), str(o), str(p), bool(v))
                for c, n, r, o, p, v in data["samples"]
            ],
            data["confusions"],
            int(data["words"]),
            Counter(data["stood"]),
            Counter(data["ranges"]),
        )


def lessons_of(review: Review, known: Callable[[str], bool]) -> Lessons:
    """What ``review`` teaches; ``known`` tells a word of the lexicon (lower case)."""
    session = review.session
    document = session.document
    reviewed = [s for s in session.suggestions if s.kinds and s.kinds <= REVIEWED]
    lessons = Lessons()
    for suggestion in reviewed:
        if suggestion.status is not Status.PENDING and Kind.MANUAL not in suggestion.kinds:
            original = suggestion.original
            lessons.samples.append(
                Sample(
                    engine_confidence(suggestion),
                    suggestion.confidence,
                    suggestion.status is Status.ACCEPTED,
                    original,
                    suggestion.replacement,
                    known(original.lower()),
                )
            )
    tally = ConfusionTally()
    for raw, final, touched in _token_pairs(document, reviewed):
        tally.add(raw, final)
        lessons.words += 1
        if touched:
            _learn_words(lessons, raw, final, known)
        _stood(lessons, raw, final, known)
        _range(lessons, raw, final)
    lessons.confusions = tally.counts()
    return lessons


def _learn_words(lessons: Lessons, raw: str, final: str, known: Callable[[str], bool]) -> None:
    """The words of a token the reviewer touched: kept or written, and corrected away."""
    written = [p.text for p in word_parts(final, 0) if _wordlike(p.text)]
    lows = {w.lower() for w in written}
    for word in written:
        if not known(word.lower()):
            lessons.kept[word] += 1
    for part in word_parts(raw, 0):
        low = part.text.lower()
        if _wordlike(part.text) and low not in lows:
            lessons.corrected[low] += 1


def _stood(lessons: Lessons, raw: str, final: str, known: Callable[[str], bool]) -> None:
    """The words of the lexicon in a settled token that the reviewer left as printed."""
    parts = [p.text for p in word_parts(raw, 0) if _wordlike(p.text)]
    if not parts:
        return
    lows = {p.text.lower() for p in word_parts(final, 0)}
    for part in parts:
        low = part.lower()
        if low in lows and known(low):
            lessons.stood[low] += 1


def _range(lessons: Lessons, raw: str, final: str) -> None:
    """How the reviewer left a token's hyphens between numbers: as en dashes, or as printed."""
    printed = len(_RANGE.findall(raw))
    if printed:
        dashed = min(printed, len(_EN_RANGE.findall(final)))
        lessons.ranges[EN_DASH] += dashed
        lessons.ranges[HYPHEN] += min(printed - dashed, len(_RANGE.findall(final)))


def _wordlike(text: str) -> bool:
    return len(text) >= MIN_WORD and text.isalpha()


def _token_pairs(document: Document, suggestions: list[Suggestion]) -> list[tuple[str, str, bool]]:
    """(token as printed, as the reviewer left it, touched by a decision) of settled tokens.

    Tokens under a pending suggestion are not settled. A decision that spans several
    tokens (an edit across words) pairs them one to one when it keeps their number, and
    is left out when it does not.
    """
    text = document.text
    spans = [(s.start, s.end) for s in suggestions]
    starts = [s.start for s in suggestions]
    found: list[tuple[str, str, bool]] = []
    tokens = document.tokens
    index = 0
    while index < len(tokens):
        start, end = tokens[index].start, tokens[index].end
        first = bisect.bisect_left(starts, start)
        while first > 0 and spans[first - 1][1] > start:
            first -= 1
        group_end = end
        last = first
        while last < len(suggestions) and spans[last][0] < group_end:
            group_end = max(group_end, spans[last][1])
            last += 1
        covered = [index]
        while covered[-1] + 1 < len(tokens) and tokens[covered[-1] + 1].start < group_end:
            covered.append(covered[-1] + 1)
        index = covered[-1] + 1
        inside = suggestions[first:last]
        if any(s.status is Status.PENDING for s in inside):
            continue
        region_start = min([tokens[covered[0]].start, *(s.start for s in inside)])
        region_end = max([tokens[covered[-1]].end, *(s.end for s in inside)])
        raw_region = text[region_start:region_end]
        final_region = apply_texts(
            raw_region,
            [(s.start - region_start, s.end - region_start, s.decided_text) for s in inside],
        )
        raw_tokens, final_tokens = raw_region.split(), final_region.split()
        if len(raw_tokens) != len(final_tokens):
            continue
        # a word broken at a line end is no word in either half: its halves teach no words
        touched = bool(inside) and not any(_broken(tokens, i, text) for i in covered)
        found.extend((r, f, touched) for r, f in zip(raw_tokens, final_tokens, strict=True))
    return found


def _broken(tokens: list[Token], index: int, text: str) -> bool:
    """The token is half of a word hyphenated at a line end (``samhäl-`` or its ``let``)."""
    token = tokens[index]
    last = index + 1 == len(tokens) or tokens[index + 1].line != token.line
    if last and text[token.end - 1] in HYPHENS:
        return True
    if index and tokens[index - 1].line != token.line:
        before = tokens[index - 1]
        return text[before.end - 1] in HYPHENS
    return False
