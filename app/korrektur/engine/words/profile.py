"""A corpus profile applied to the word engine: what a collection's reviewer taught it.

The word engine itself learns nothing while it runs. A corpus (``korrektur.corpus.learning``)
estimates a ``Profile`` from its reviewer's decisions and hands it in here, where it acts
through the engine's own doors, never around them:

* **words** — the corpus lexicon (names, places, domain words the reviewer kept or wrote)
  are known to the engine with the corpus's own frequency (``CorpusLexicon``): the
  candidates search finds them, so their damaged variants read as them, and a word of
  the corpus lexicon is never suggested against;
* **evidence** — the OCR confusions counted in the reviewed text join the learned counts
  the channel is estimated from (a collection shares one OCR engine's habits);
* **calibration** — a monotone map from the engine's confidence to the share of such
  suggestions the reviewer accepted in this corpus;
* **pairs** — a log-odds offset per correction pair, negative for pairs the reviewer
  rejected, positive for pairs accepted more often than their confidence said; and for a
  pair the reviewer always accepted, the share right its acceptances guarantee, shown at
  least (``Profile.assured``);
* **number ranges** — where the reviewer made hyphens printed between two numbers en
  dashes, the engine offers the en dash for every such hyphen (``Profile.range_dash``).

Learning lowers any confidence, but lifts one past ``VALID_CEILING`` (below every bulk
threshold in use) only where the engine's own calibration is trusted: a change decided by
the word alone or by the sentence (``LIFTED_KINDS``; not a near miss nor two words run
together, whose confidence the engine caps) that does not break a word valid as written —
bulk acceptance must not break a correct word because of what other documents showed. The
exceptions: a pair the reviewer accepted one by one, time and again, where the engine was
unsure, and never rejected (``Profile.trusted``); and a word that is valid elsewhere but
that this collection does not write as printed — the reviewer corrected it time and again,
(almost) never let it stand, and accepted its change one by one where the engine was in
doubt (``Profile.misprints``): changing it breaks no word here.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace

from korrektur.engine.words.analyzer import WordAnalyzer
from korrektur.engine.words.calibration import CONTEXT, PLAIN, Calibration
from korrektur.engine.words.decide import Verdict
from korrektur.engine.words.lexicon import GENITIVE_MIN, Lexicon
from korrektur.engine.words.lexicon_cache import shared_lexicon
from korrektur.engine.words.occurrences import Occurrence
from korrektur.engine.words.text import fold
from korrektur.model.document import Document
from korrektur.model.reason import Reason, phrase
from korrektur.model.suggestion import Kind, Suggestion

VALID_CEILING = 0.85  # learning lifts a guarded suggestion no higher (see module doc)
LIFTED_KINDS = frozenset({CONTEXT, PLAIN})  # kinds of evidence learning may lift further
EVIDENCE_NAME = "(this corpus)"  # the corpus's confusion counts among the learned documents
ENGINE_CONFIDENCE = "engine_confidence"  # meta key: the confidence before the profile
_EDGE = 1e-6  # confidences are kept this far from 0 and 1 in log-odds arithmetic

Counts = Mapping[str, Mapping[str, float]]
"""Confusion counts in the form of one document of ``learned-confusions.yaml``."""


@dataclass(frozen=True)
class CorpusWord:
    """A word of the corpus lexicon.

    Attributes:
        logp: natural-log probability of the word in the corpus.
        capitalised: the share of its uses written with a capital (names near 1).
    """

    logp: float
    capitalised: float


@dataclass(frozen=True)
class Profile:
    """What a corpus taught the word engine (see the module docstring).

    Attributes:
        words: the corpus lexicon, by lower-case form.
        evidence: confusion counts of the reviewed text (empty: none).
        calibration: the engine's confidence → this corpus's share right (None: as is).
        pairs: ``(original, replacement)`` → log-odds offset of that correction.
        trusted: pairs the reviewer accepted often enough, when the engine was unsure, to
            lift their changes of valid words too (see ``VALID_CEILING``).
        digest: a short hash of the learned state this profile was made from.
        misprints: words of the lexicon (lower case) that this corpus does not write as
            printed: changing them breaks no valid word (see ``VALID_CEILING``).
        assured: pairs the reviewer always accepted → the least confidence they show (the
            share right their acceptances guarantee).
        range_dash: the confidence of an en dash for a hyphen printed between two numbers
            (0: this corpus does not write its ranges with one).
    """

    words: Mapping[str, CorpusWord] = field(default_factory=dict)
    evidence: Counts = field(default_factory=dict)
    calibration: Calibration | None = None
    pairs: Mapping[tuple[str, str], float] = field(default_factory=dict)
    trusted: frozenset[tuple[str, str]] = frozenset()
    digest: str = ""
    misprints: frozenset[str] = frozenset()
    assured: Mapping[tuple[str, str], float] = field(default_factory=dict)
    range_dash: float = 0.0

    def confidence(
        self, confidence: float, original: str, replacement: str, guarded: bool
    ) -> float:
        """The confidence of a suggestion after what the corpus showed.

        ``confidence`` is the engine's; ``guarded``: the suggestion changes a word that is
        valid as written, or the engine's confidence in it is capped (see the module doc).
        """
        offset = self.pairs.get((original, replacement))
        least = self.assured.get((original, replacement), 0.0)
        if self.calibration is None and not offset and not least:
            return confidence
        found = self.calibration.confidence(confidence) if self.calibration else confidence
        if offset:
            found = sigmoid(logit(found) + offset)
        found = max(found, least)
        if guarded and (original, replacement) not in self.trusted:
            found = min(found, max(confidence, VALID_CEILING))
        found = min(1.0, max(0.0, round(found, 6)))
        return confidence if abs(found - confidence) < _EDGE else found


def logit(probability: float) -> float:
    """Log odds of ``probability`` (kept a hair inside 0..1)."""
    p = min(max(probability, _EDGE), 1.0 - _EDGE)
    return math.log(p / (1.0 - p))


def sigmoid(value: float) -> float:
    """The probability of log odds ``value``."""
    if value >= 0:
        return 1.0 / (1.0 + math.exp(-value))
    odds = math.exp(value)
    return odds / (1.0 + odds)


class CorpusLexicon(Lexicon):
    """The shared lexicon with a corpus's words and confusion counts laid over it.

    The big tables are the shared lexicon's own (not copied); only the lookups that can
    meet a corpus word (``forms``, ``word_logp``, ``capitalised_share``) consult the corpus
    lexicon too, and the memos start empty, since the shared lexicon's do not know it.
    """

    corpus: Mapping[str, CorpusWord]
    _corpus_groups: dict[str, tuple[str, ...]]

    @classmethod
    def over(cls, base: Lexicon, profile: Profile) -> CorpusLexicon:
        """``base`` seen through ``profile``."""
        # the same tables (not copies), fresh memos
        lexicon = cls(**{f.name: getattr(base, f.name) for f in fields(base) if f.init})
        lexicon.corpus = profile.words
        groups: dict[str, list[str]] = {}
        for word in profile.words:
            groups.setdefault(fold(word), []).append(word)
        lexicon._corpus_groups = {key: tuple(sorted(forms)) for key, forms in groups.items()}
        if profile.evidence:
            lexicon.learned = {**base.learned, EVIDENCE_NAME: _as_learned(profile.evidence)}
        return lexicon

    def _find_forms(self, key: str) -> tuple[str, ...]:
        found = super()._find_forms(key)
        own = list(self._corpus_groups.get(key, ()))
        if key[-1:] == "s" and len(key) > GENITIVE_MIN:  # a genitive -s of a corpus word
            own += [w + "s" for w in self._corpus_groups.get(key[:-1], ()) if w[-1:] != "s"]
        extra = tuple(w for w in own if w not in found)
        return found + extra if extra else found

    def word_logp(self, word: str) -> float | None:
        """Log probability of a word: the corpus's where it is surer than the lexicon's."""
        found = super().word_logp(word)
        own = self.corpus.get(word)
        if own is None:
            return found
        return own.logp if found is None else max(found, own.logp)

    def capitalised_share(self, word: str) -> float | None:
        """How often a word is capitalised: in the corpus, for a corpus word."""
        own = self.corpus.get(word)
        return own.capitalised if own is not None else super().capitalised_share(word)


def _as_learned(evidence: Counts) -> dict[str, dict[str, int]]:
    """The evidence as one document of ``learned-confusions.yaml`` (whole counts)."""
    return {
        section: {key: int(round(value)) for key, value in counts.items()}
        for section, counts in evidence.items()
    }


class ProfiledAnalyzer(WordAnalyzer):
    """The word analyser with a corpus profile applied (see the module docstring)."""

    def __init__(
        self,
        profile: Profile,
        lexicon: Lexicon | None = None,
        calibration: Calibration | None = None,
        exclude: frozenset[str] | None = None,
    ) -> None:
        super().__init__(None, calibration, exclude)
        self.profile = profile
        self._base = lexicon

    @property
    def lexicon(self) -> Lexicon:
        """The shared (or given) lexicon with the corpus's words laid over it."""
        with self._lock:
            if self._lexicon is None:
                base = self._base if self._base is not None else shared_lexicon()
                self._lexicon = CorpusLexicon.over(base, self.profile)
            return self._lexicon

    def suggestions(
        self, document: Document, words: list[Occurrence], decisions: list[Verdict]
    ) -> list[Suggestion]:
        """The engine's suggestions, with corpus words left alone and confidences learned.

        And, where this corpus writes its ranges of numbers with an en dash, the en dash.
        """
        found = self._learned(document, words, decisions)
        dash = self.profile.range_dash
        return _with_ranges(found, document.text, dash) if dash else found

    def _learned(
        self, document: Document, words: list[Occurrence], decisions: list[Verdict]
    ) -> list[Suggestion]:
        found = super().suggestions(document, words, decisions)
        profile = self.profile
        if (
            not profile.words
            and not profile.pairs
            and not profile.assured
            and profile.calibration is None
        ):
            return found  # (misprints only lift: without calibration or offsets, nothing)
        immune = {
            piece.start for word in words if word.low in profile.words for piece in word.pieces
        }
        kinds = {
            piece.start: decision.kind
            for word, decision in zip(words, decisions, strict=True)
            for piece in word.pieces
        }
        known = self.lexicon.known
        kept = []
        for suggestion in found:
            if suggestion.start in immune:
                continue
            original = suggestion.original
            low = original.lower()
            valid = known(low) and low not in profile.misprints
            guarded = valid or kinds.get(suggestion.start) not in LIFTED_KINDS
            confidence = profile.confidence(
                suggestion.confidence, original, suggestion.replacement, guarded
            )
            if confidence != suggestion.confidence:
                meta = {**suggestion.meta, ENGINE_CONFIDENCE: f"{suggestion.confidence:.6f}"}
                suggestion = replace(suggestion, confidence=confidence, meta=meta)
            kept.append(suggestion)
        return kept


_RANGE = re.compile(r"(?<=\d)-(?=\d)")  # a hyphen between two digits (``1990-1995``)
EN_DASH = "–"


def _with_ranges(found: list[Suggestion], text: str, confidence: float) -> list[Suggestion]:
    """``found`` with an en dash offered for every hyphen between numbers it leaves alone."""
    spans = sorted((s.start, s.end) for s in found)
    starts = [start for start, _ in spans]
    ranges = []
    for match in _RANGE.finditer(text):
        at = bisect.bisect_right(starts, match.start()) - 1
        if at >= 0 and spans[at][1] > match.start():
            continue  # inside a suggestion of the engine's own
        reason = Reason(phrase("range-dash"))
        ranges.append(
            Suggestion(
                "",
                match.start(),
                match.end(),
                "-",
                EN_DASH,
                frozenset({Kind.OCR}),
                confidence=confidence,
                reason=reason,
            )
        )
    if not ranges:
        return found
    return sorted([*found, *ranges], key=lambda s: (s.start, s.end))


def engine_confidence(suggestion: Suggestion) -> float:
    """The engine's own confidence of a suggestion, before any corpus profile."""
    value = suggestion.meta.get(ENGINE_CONFIDENCE)
    if value is None:
        return suggestion.confidence
    try:
        return min(1.0, max(0.0, float(value)))
    except ValueError:
        return suggestion.confidence
