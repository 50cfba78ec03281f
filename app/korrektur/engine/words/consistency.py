"""Document-level consistency: the variants of one word in a document vote for one reading.

A report repeats its names and terms, and OCR damages each occurrence differently: one school
read as ``Ragsvedsskolan``, ``Régsvedsskolan``, ``R4gsvedsskolan``. Each damaged variant is
spelled with its likely misreadings undone; spellings that fold to the same key as a word
written elsewhere in the document (``Ragsvedsskolan`` itself, or ``Tappström`` written
correctly once) are one word. Its spelling is the one that explains all variants best (the
sum over occurrences of the log-likelihood of each variant given the spelling, plus the
spelling's prior), and every variant that is no word as written gets it as a candidate, as
likely as the word is frequent in the document.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass

from korrektur.engine.words.candidates import Candidate, Generator, Spelling
from korrektur.engine.words.channel import is_diacritic_op
from korrektur.engine.words.occurrences import Mode, Occurrence
from korrektur.engine.words.text import fold

DOCUMENT_SHARE = 0.1  # of a word's frequency in the document, the share its prior gets
MIN_LENGTH = 5  # shorter words have too many look-alikes to vote
UNREACHED = math.log(1e-6)  # a variant no known rewrite turns into the spelling (per occurrence)
UNKNOWN_FORM = math.log(1e-13)  # prior of a spelling no lexicon knows (decide.UNKNOWN_LOWER)
COMMON = math.log(1e-6)  # words this common are restored by the lexicon without the document


@dataclass(frozen=True)
class Vote:
    """One distinct raw word's spelling of a shared fold key."""

    low: str
    spellings: tuple[Spelling, ...]  # its spellings with this key, likeliest first
    times: int  # occurrences of the raw word in the document
    reads: bool  # the word may be given the agreed reading (it is no word as written)


def document_readings(
    words: list[Occurrence], generator: Generator, damaged: set[str], valid: set[str]
) -> dict[str, Candidate]:
    """Readings the document agrees on, by lower-case raw word.

    ``damaged``: raw words (lower case) the first pass found no lexicon reading for; their
    OCR rewrites are undone before they vote. ``valid``: raw words that are words as
    written; they vote for their own spelling and are never given another.
    """
    full = Mode.FULL
    times = Counter(w.low for w in words if w.mode is full and not w.written)
    total = max(sum(times.values()), 1)
    by_key: dict[str, list[Vote]] = defaultdict(list)
    for low in damaged:  # (damaged words first: other words vote only on their keys)
        seen = times.get(low, 0)
        if not seen or len(low) < MIN_LENGTH or not any(ch.isalpha() for ch in low):
            continue
        keyed: dict[str, list[Spelling]] = defaultdict(list)
        for spelling in generator.spellings(low):
            if spelling.text.isalpha():
                keyed[fold(spelling.text)].append(spelling)
        for key, spellings in keyed.items():
            by_key[key].append(Vote(low, tuple(spellings), seen, True))
    # Words that are no word as written but known once their å/ä/ö are restored: only
    # rare ones (names), a common word's accents are the lexicon's and the context's business.
    later = []
    for low, seen in times.items():
        if low in damaged or len(low) < MIN_LENGTH or not low.isalpha():
            continue
        if low in valid:
            later.append((low, seen))
        elif not _common(fold(low), generator):
            spelling = generator.spellings(low, rewrites=False)[0]
            by_key[fold(low)].append(Vote(low, (spelling,), seen, True))
    for low, seen in later:  # words as written vote only where others need them
        key = fold(low)
        if key in by_key:
            spelling = generator.spellings(low, rewrites=False)[0]
            by_key[key].append(Vote(low, (spelling,), seen, False))
    found: dict[str, Candidate] = {}
    for votes in by_key.values():
        if len(votes) < 2 or not any(v.reads for v in votes):
            continue
        if not any(not v.spellings[0].ops for v in votes):
            continue  # no variant spells the key as written: too loose a match
        form = _agreed(votes, generator)
        if form is None:
            continue
        support = sum(v.times for v in votes)
        prior = math.log(DOCUMENT_SHARE * support / total)
        prior = max(prior, generator.lexicon.word_logp(form) or -math.inf)
        for vote in votes:
            if not vote.reads or vote.low == form:
                continue
            reading = _best(generator.reading(s, form, prior) for s in vote.spellings)
            current = found.get(vote.low)
            if reading is not None and (current is None or reading.score > current.score):
                found[vote.low] = reading
    return found


def _agreed(votes: list[Vote], generator: Generator) -> str | None:
    """The spelling that explains the votes best, or None.

    Only spellings that are words or compounds of known parts compete. Each scores its
    prior plus, per occurrence, the cost of the rewrites that turn each variant into it;
    a lost accent costs nothing here (a plain ``a`` says nothing about ``å`` or ``ä``, and
    counting it once per occurrence would outvote the prior), a variant that no rewrite
    turns into the spelling costs ``UNREACHED``.
    """
    forms = {s.text for vote in votes for s in vote.spellings}
    forms.update(generator.lexicon.forms(fold(votes[0].spellings[0].text)))
    total = sum(v.times for v in votes)
    cost = generator.channel.cost
    best: tuple[float, str] | None = None
    for form in sorted(forms):
        score = 0.0
        missed = 0
        for vote in votes:
            reading = _best(generator.reading(s, form, 0.0) for s in vote.spellings)
            if reading is None:
                score += vote.times * UNREACHED
                missed += vote.times
            else:
                explicit = sum(cost(*op) for op in reading.ops if not is_diacritic_op(op))
                score += vote.times * explicit
        if 2 * missed > total:
            continue  # most occurrences cannot be read as it
        prior = _prior(form, generator)
        if prior <= UNKNOWN_FORM:
            continue
        if best is None or score + prior > best[0]:
            best = (score + prior, form)
    return None if best is None else best[1]


def _common(key: str, generator: Generator) -> bool:
    """A word of this fold key is common enough for the lexicon alone to restore it."""
    logp = generator.lexicon.word_logp
    return any((logp(form) or -math.inf) >= COMMON for form in generator.lexicon.forms(key))


def _prior(form: str, generator: Generator) -> float:
    """Log prior of a spelling: as a word, as a compound of known parts, or unknown."""
    prior = generator.lexicon.word_logp(form)
    if prior is not None:
        return prior
    for candidate in generator.candidates(form, rewrites=False, fallback=False):
        if candidate.word == form:
            return candidate.prior
    return UNKNOWN_FORM


def _best(readings: object) -> Candidate | None:
    found = [r for r in readings if isinstance(r, Candidate)]  # type: ignore[attr-defined]
    return max(found, key=lambda r: r.channel) if found else None


def with_document(candidates: list[Candidate], reading: Candidate | None) -> list[Candidate]:
    """``candidates`` with the document's reading added (replacing a worse one of its word)."""
    if reading is None:
        return candidates
    if any(c.word == reading.word and c.score >= reading.score for c in candidates):
        return candidates
    kept = [c for c in candidates if c.word != reading.word]
    kept.append(reading)
    kept.sort(key=lambda c: -(c.prior + c.channel))
    return kept
