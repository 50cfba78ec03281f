"""Reasons for word suggestions, in words a reviewer understands (as data: see model.reason)."""

from __future__ import annotations

import math

from korrektur.engine.words.candidates import Source
from korrektur.engine.words.channel import Op, is_diacritic_op
from korrektur.engine.words.decide import Decision
from korrektur.engine.words.lexicon import Lexicon
from korrektur.model.reason import Phrase, Reason, phrase

COMMON = math.log(2e-5)
KNOWN = math.log(1e-7)


_DESCRIBED: dict[tuple[Op, ...], tuple[Phrase, ...]] = {}  # remembered (bounded)
_DESCRIBED_LIMIT = 100_000


def describe_ops(ops: tuple[Op, ...]) -> list[Phrase]:
    """``(("6", "ö"),)`` → "ö read as 6"; lost diacritics → "ö lost" (remembered)."""
    found = _DESCRIBED.get(ops)
    if found is None:
        if len(_DESCRIBED) >= _DESCRIBED_LIMIT:
            _DESCRIBED.clear()
        found = _DESCRIBED[ops] = tuple(_describe_ops(ops))
    return list(found)


def _describe_ops(ops: tuple[Op, ...]) -> list[Phrase]:
    phrases: list[Phrase] = []
    for raw, gold in ops:
        if is_diacritic_op((raw, gold)) and not any(ch in "åäöé" for ch in raw):
            said = phrase("lost", letter=gold)
        elif gold == " ":
            said = phrase("space-read-as", text=raw) if raw else phrase("space-lost")
        elif not raw:
            said = phrase("missing", letter=gold)
        elif not gold:
            said = phrase("extra", text=raw)
        elif len(raw) > 3 or len(gold) > 3:
            said = phrase("misread")
        else:
            said = phrase("read-as", letter=gold, text=raw)
        if said not in phrases:
            phrases.append(said)
    return phrases


_MADE: dict[tuple[str, tuple[tuple[str, str], ...]], Phrase] = {}  # remembered (bounded)


def _remembered(key: str, **values: str) -> Phrase:
    """The phrase of template ``key`` with text ``values``, remembered.

    A document repeats its words, and a shared phrase is rendered once (``Phrase.render``).
    """
    made = (key, tuple(values.items()))
    found = _MADE.get(made)
    if found is None:
        if len(_MADE) >= _DESCRIBED_LIMIT:
            _MADE.clear()
        found = _MADE[made] = phrase(key, **values)
    return found


def how_common(logp: float) -> str:
    """The reason phrase for how frequent a word is."""
    if logp >= COMMON:
        return "common"
    if logp >= KNOWN:
        return "known"
    return "rare"


def reason(
    raw: str, decision: Decision, lexicon: Lexicon, left: str | None, right: str | None
) -> Reason:
    """Why ``decision.best`` replaces ``raw``."""
    best = decision.best
    candidate = best.candidate
    pieces: list[Phrase] = []
    if " " in raw and " " not in best.text:
        pieces.append(_remembered("split"))
        raw = raw.replace(" ", "")
    if candidate is not None and candidate.ops:
        pieces.extend(describe_ops(candidate.ops))
    elif best.text.lower() == raw.lower():
        pieces.append(_remembered("capital-misread" if raw[:1].isupper() else "capital-lost"))
    word = best.word
    raw_known = lexicon.known(raw.lower())
    if candidate is not None and candidate.source is Source.COMPOUND:
        parts = " + ".join(f"'{p}'" for p in candidate.parts)
        described = _remembered("compound", word=word, parts=parts)
    elif candidate is not None and candidate.source is Source.NEAR:
        described = _remembered("close-word", word=word)
    elif candidate is not None and candidate.source is Source.DOCUMENT:
        described = _remembered("document-agrees", word=word)
    else:
        frequency = best.score if candidate is None else candidate.prior
        described = _remembered(how_common(frequency), word=word)
    because = decision.sentence.reason_phrase() if decision.sentence is not None else None
    if because is not None:
        pieces.append(because)
        pieces.append(_remembered("also-word", word=raw) if raw_known else described)
    elif decision.context_used and raw_known:
        around = " ".join(w for w in (left, best.text, right) if w)
        pieces.append(phrase("context", around=around, word=best.text))
        pieces.append(_remembered("also-word", word=raw))
    elif raw_known:
        pieces += [described, _remembered("also-word-less-likely", word=raw)]
    else:
        pieces += [described, _remembered("not-word", word=raw)]
    return Reason(*pieces)
