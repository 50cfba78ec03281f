"""Choose among the candidates of one word where it stands: case, unknown words, context."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from korrektur.engine.words.calibration import CONTEXT, NEAR, PLAIN, SPLIT, Written
from korrektur.engine.words.candidates import Candidate, Source
from korrektur.engine.words.channel import Channel, is_diacritic_op
from korrektur.engine.words.context import ContextModel
from korrektur.engine.words.lexicon import Lexicon
from korrektur.engine.words.occurrences import Mode, Occurrence
from korrektur.engine.words.text import LETTER_LIKE, NUMBER, Case, fold

if TYPE_CHECKING:
    from korrektur.engine.words.realword import Choice

# Enum members as module names for the hot paths (README.md, "Performance notes").
_LOWER, _TITLE, _UPPER, _MIXED = Case.LOWER, Case.TITLE, Case.UPPER, Case.MIXED
_DIACRITICS = Mode.DIACRITICS
_KEEP, _COMPOUND = Source.KEEP, Source.COMPOUND
_SOURCE_KINDS = {Source.NEAR: NEAR, Source.SPLIT: SPLIT}
_NO_WORD, _RARE_WORD, _WORD = Written.NO_WORD, Written.RARE_WORD, Written.WORD
_PLAUSIBLE = math.log(0.01)  # see ``Verdict.written``

# Log prior that the raw word is right although the lexicon does not know it.
UNKNOWN_LOWER = math.log(1e-13)
UNKNOWN_NAME = math.log(2e-9)  # capitalised inside a sentence: probably a name
UNKNOWN_START = math.log(1e-11)  # capitalised at a sentence start
UNKNOWN_UPPER = math.log(1e-7)  # all capitals: probably an acronym
UNKNOWN_MIXED = math.log(2e-9)  # FoU, iPad
DAMAGE = math.log(1e-3)  # per digit or symbol inside letters (f6r, &r): rarely a real word
ACCENT = math.log(0.05)  # per é in an unknown lower-case word (é mostly misreads ö/ä)
NAME_ACCENT_TAIL = 3  # … or before the last three letters of a capitalised one
UNKNOWN_CAPS = 0.3  # capitalised share assumed for a word the corpus never showed
# Inside a sentence an author capitalises a word the corpus never showed capitalised about as
# rarely as the lexicon's floor for such words (headings and list items are sentence starts).
MIN_CAPS = 0.01
MAX_OPTIONS = 6
AMBIGUOUS = 0.9999  # below this certainty, the neighbours are asked
CONTEXT_FLIP = 0.9  # the neighbours change a valid word only if the other is this likely then
CONTEXT_MIN = 1e-5  # options less likely than this before context stay out of the running
GUESS = 0.7  # a reading less likely than this, with another word as its rival, is a guess
GUESS_REWRITES = math.log(0.2)  # … and so is a compound of three parts or more that needs
# rewrites less likely than this (beyond restoring diacritics: ``uppe``+``hälls``+``tillstånd``)
DIGIT_SHARE = math.log(0.1)  # of the numbers in text, the share that is one given digit
# A one-letter word (i, å) printed as a lone digit: OCR engines trained on English, which has
# no such lower-case word, print it as a digit or symbol far more often than they misread the
# same letter inside a word; the per-letter channel would make it nearly impossible.
LONE_LETTER = 3e-4


@dataclass(slots=True)
class Option:
    """A way to write the word: ``text`` as it would stand, with its score and origin."""

    text: str
    word: str
    score: float
    candidate: Candidate | None  # None: the raw word, unknown to the lexicon
    context: float = 0.0

    @property
    def total(self) -> float:
        """Score with context."""
        return self.score + self.context


@dataclass(slots=True)
class Verdict:
    """The engine's verdict on one word: the options, best first, with their probabilities.

    (A reviewer's decision on a suggestion is ``model.Decision``.)
    """

    options: list[Option]
    probabilities: list[float]
    context_used: bool = False
    plain: Verdict | None = None  # the verdict before context, when context was used
    sentence: Choice | None = None  # the real-word model's choice, when it weighed the word

    @property
    def because(self) -> str:
        """The context that decided, in words, when the real-word model weighed the word."""
        return self.sentence.reason() if self.sentence is not None else ""

    @property
    def best(self) -> Option:
        """The most likely option."""
        return self.options[0]

    @property
    def confidence(self) -> float:
        """Probability of the best option."""
        return self.probabilities[0]

    @property
    def kind(self) -> str:
        """The kind of evidence that decided, for calibration (``calibration.KINDS``).

        A near miss (an edit the channel does not explain) or two words run together are
        kinds of their own, however they were decided. Otherwise the sentence decided when
        the real-word model weighed the word, or when the neighbours changed what the word
        alone would have been; else the word alone did.
        """
        candidate = self.options[0].candidate
        if candidate is not None and candidate.source in _SOURCE_KINDS:
            return _SOURCE_KINDS[candidate.source]
        if self.sentence is not None or (
            self.plain is not None and self.plain.best.text != self.best.text
        ):
            return CONTEXT
        return PLAIN

    @property
    def written(self) -> Written:
        """What the best option changes: no word, a rare word, or a plausible word.

        A known word at least ``PLAUSIBLE`` times as common as its replacement is one an
        author may have written (``har`` beside ``här``, ``prova`` beside ``pröva``);
        a rarer one is a misreading almost always (``ar`` for ``är``).
        """
        best = self.options[0]
        if kept(best):
            return _NO_WORD  # not a change of the word
        written = next((o for o in self.without_context().options if kept(o)), None)
        if written is None or written.candidate is None:
            return _NO_WORD
        if best.candidate is not None and (
            written.candidate.prior - best.candidate.prior < _PLAUSIBLE
        ):
            return _RARE_WORD
        return _WORD

    @property
    def guessed(self) -> bool:
        """The best word is a guess between words: less than ``GUESS`` likely, its rival a word.

        The rival is the likeliest option that is another word (not the best word in another
        case): a known word as written, or another reading (``söker``/``säker`` for
        ``séker``, ``når``/``när`` for ``nar``). Such a change is not suggested: the reviewer
        sees the word as OCR printed it rather than a real word that may be the wrong one.
        Against the raw word unknown to the lexicon the best reading is no guess, unless it
        is a compound of three parts or more that also needs misread letters undone
        (``GUESS_REWRITES``): each part and each rewrite is one more assumption.
        """
        candidate = self.options[0].candidate
        if (
            candidate is not None
            and len(candidate.parts) > 2
            and candidate.source is _COMPOUND
            and candidate.channel < GUESS_REWRITES
        ):
            return True
        if self.probabilities[0] >= GUESS:
            return False  # (quick: most verdicts; the best word's share is at least this)
        word = self.options[0].word
        share = 0.0
        rival: Option | None = None
        for option, probability in zip(self.options, self.probabilities, strict=True):
            if option.word == word:
                share += probability
            elif rival is None:
                rival = option
        return share < GUESS and rival is not None and rival.candidate is not None

    def without_context(self) -> Verdict:
        """The decision before any context was applied (itself when none was)."""
        return self.plain if self.plain is not None else self


def unknown_prior(occurrence: Occurrence) -> float:
    """Log prior that an unknown raw word is right as written."""
    raw = occurrence.raw
    if occurrence.case is _UPPER:
        prior = UNKNOWN_UPPER
    elif occurrence.case is _MIXED:
        prior = UNKNOWN_MIXED
    elif occurrence.case is _TITLE:
        prior = UNKNOWN_START if occurrence.sentence_start else UNKNOWN_NAME
    else:
        prior = UNKNOWN_LOWER + ACCENT * raw.count("é")
    if occurrence.case is not _LOWER:
        # names have é in their last syllable (Lindén, André), rarely earlier
        prior += ACCENT * raw[:-NAME_ACCENT_TAIL].count("é")
    if any(ch.isalpha() for ch in raw):
        prior += DAMAGE * sum(1 for ch in raw if ch.isdigit() or ch in LETTER_LIKE)
    return prior


def cased(
    occurrence: Occurrence, word: str, lexicon: Lexicon, channel: Channel, first: str = ""
) -> list[tuple[str, float]]:
    """Ways to write ``word`` in place of ``occurrence``, with the log-cost of each case.

    Upper-case and lower-case raw words keep their case. A capitalised word inside a
    sentence is either a capitalised word (as often as the corpus capitalises it there) or a
    lower-case word whose first letter OCR printed as a capital (as often as the channel says
    for that letter: ``A`` for ``å`` is common, ``K`` for ``k`` rare): both are offered. A
    capital that OCR made of another letter (``I`` for ``l``) says nothing about case. A
    compound the corpus never showed is capitalised as often as its ``first`` part is
    (``Översökta`` as ``över``, ``Malmöhamnen`` as ``Malmö``).
    """
    case = occurrence.case
    title = word[:1].upper() + word[1:]
    if case is _UPPER:
        if occurrence.capital and word != occurrence.low:
            return [(title, 0.0)]  # ``SA`` starting a sentence: ``Så``
        return [(word.upper(), 0.0)]
    if case is _MIXED:
        if word == occurrence.low:
            return [(occurrence.raw, 0.0)]
        return [(title if occurrence.raw[:1].isupper() else word, 0.0)]
    if case is _LOWER:
        starts_with_letter = occurrence.raw[:1].isalpha()
        return [(title if occurrence.sentence_start and not starts_with_letter else word, 0.0)]
    if occurrence.sentence_start or occurrence.capital:
        return [(title, 0.0)]
    share = lexicon.capitalised_share(word)
    if share is None and first:
        share = lexicon.capitalised_share(first)
    share = UNKNOWN_CAPS if share is None else share
    as_title = math.log(max(share, MIN_CAPS))
    as_lower = math.log(max(1.0 - share, 0.01))
    if fold(occurrence.low[:1]) == fold(word[:1]):
        as_lower += channel.upper_cost(word[:1])
    # else the capital was itself a misread letter (``I6nekartlaggning``): it shows no case
    return [(title, as_title), (word, as_lower)]


def options(
    occurrence: Occurrence, candidates: list[Candidate], lexicon: Lexicon, channel: Channel
) -> list[Option]:
    """The ways to write ``occurrence``, from its candidates (best first, not normalised)."""
    found: dict[str, Option] = {}
    keep_known = False
    number = None
    if occurrence.raw.isdigit():  # a lone digit in running text (``arbetar 1 skolan``)
        number = found[occurrence.raw] = _number(occurrence, lexicon)
        keep_known = True
        candidates = [c for c in candidates if c.word != occurrence.low]
    for candidate in candidates[:MAX_OPTIONS]:
        if occurrence.mode is _DIACRITICS and not all(is_diacritic_op(op) for op in candidate.ops):
            continue
        if candidate.source is _KEEP or (
            candidate.word == occurrence.low and candidate.source is _COMPOUND
        ):
            keep_known = True
        score = candidate.score
        if number is not None:  # a one-letter word printed as a digit: see LONE_LETTER
            score = candidate.prior + max(candidate.channel, math.log(LONE_LETTER))
        first = candidate.parts[0] if candidate.parts else ""
        for text, cost in cased(occurrence, candidate.word, lexicon, channel, first):
            option = Option(text, candidate.word, score + cost, candidate)
            if text not in found or option.score > found[text].score:
                found[text] = option
    if not keep_known and occurrence.raw not in found:
        prior = unknown_prior(occurrence)
        written = occurrence.as_written
        found[written] = Option(written, occurrence.low, prior, None)
    return sorted(found.values(), key=lambda o: -(o.score + o.context))


def _number(occurrence: Occurrence, lexicon: Lexicon) -> Option:
    """The option that a digit is the number it shows: as likely as numbers are in text.

    Its word is ``<num>``, as the context model knows numbers; a letter reading must pay
    its rewrite and then win in context (``with_context`` flips it only when sure).
    """
    prior = (lexicon.word_logp(NUMBER) or UNKNOWN_LOWER) + DIGIT_SHARE
    keep = Candidate(NUMBER, prior, 0.0, (), _KEEP)
    return Option(occurrence.raw, NUMBER, prior, keep)


def decide(ranked: list[Option]) -> Verdict:
    """Normalise option scores into probabilities (softmax), best first."""
    ranked.sort(key=lambda o: -(o.score + o.context))
    top = ranked[0].score + ranked[0].context
    exp = math.exp
    weights = [exp(o.score + o.context - top) for o in ranked]
    total = sum(weights)
    return Verdict(ranked, [w / total for w in weights])


def with_context(
    decision: Verdict, context: ContextModel, left: str | None, right: str | None
) -> Verdict:
    """Re-rank an uncertain decision by its neighbours; certain ones are returned as they are.

    A valid word as written that the word alone would keep is changed by its neighbours only
    when they make the other reading at least ``CONTEXT_FLIP`` likely (the context model
    rests on word pairs that are often rare or missing: weak evidence must not harm).
    """
    if len(decision.options) < 2 or decision.confidence >= AMBIGUOUS:
        return decision
    if left is None and right is None:
        return decision
    ranked = [
        Option(o.text, o.word, o.score, o.candidate, context.gain(left, o.word, right))
        for o, p in zip(decision.options, decision.probabilities)  # noqa: B905
        if p >= CONTEXT_MIN
    ]
    result = decide(ranked)
    changed = result.best.text != decision.best.text
    if changed and kept(decision.best) and result.confidence < CONTEXT_FLIP:
        return decision  # never harm: the neighbours alone are not enough to change it
    result.context_used = True
    result.plain = decision
    return result


def kept(option: Option) -> bool:
    """The option keeps a valid word as it was written."""
    return option.candidate is not None and option.candidate.source is _KEEP
