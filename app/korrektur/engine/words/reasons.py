"""Reasons for word suggestions, in words a reviewer understands (as data: see model.reason)."""

from __future__ import annotations

import math

from korrektur.engine.words.candidates import Source
from korrektur.engine.words.channel import Op, is_diacritic_op
from korrektur.engine.words.decide import Verdict
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


_WORDS: dict[tuple[str, str], Phrase] = {}  # (key, word) → the phrase, remembered (bounded)


def _about(key: str, word: str) -> Phrase:
    """The phrase of template ``key`` about ``word``, remembered (a document repeats words).

    A shared phrase is rendered once (``Phrase.render``).
    """
    found = _WORDS.get((key, word))
    if found is None:
        if len(_WORDS) >= _DESCRIBED_LIMIT:
            _WORDS.clear()
        found = _WORDS[key, word] = phrase(key, word=word)
    return found


def how_common(logp: float) -> str:
    """The reason phrase for how frequent a word is."""
    if logp >= COMMON:
        return "common"
    if logp >= KNOWN:
        return "known"
    return "rare"


def reason(
    raw: str, decision: Verdict, lexicon: Lexicon, left: str | None, right: str | None
) -> Reason:
    """Why ``decision.best`` replaces ``raw``."""
    best = decision.best
    candidate = best.candidate
    pieces: list[Phrase] = []
    if " " in raw and " " not in best.text:
        pieces.append(phrase("split"))
        raw = raw.replace(" ", "")
    if candidate is not None and candidate.ops:
        pieces.extend(describe_ops(candidate.ops))
    elif best.text.lower() == raw.lower():
        pieces.append(phrase("capital-misread" if raw[:1].isupper() else "capital-lost"))
    word = best.word
    raw_known = lexicon.known(raw.lower())
    if candidate is not None and candidate.source is Source.COMPOUND:
        parts = " + ".join(f"'{p}'" for p in candidate.parts)
        described = phrase("compound", word=word, parts=parts)
    elif candidate is not None and candidate.source is Source.NEAR:
        described = _about("close-word", word)
    elif candidate is not None and candidate.source is Source.DOCUMENT:
        described = _about("document-agrees", word)
    else:
        frequency = best.score if candidate is None else candidate.prior
        described = _about(how_common(frequency), word)
    because = decision.sentence.reason_phrase() if decision.sentence is not None else None
    if because is not None:
        pieces.append(because)
        pieces.append(_about("also-word", raw) if raw_known else described)
    elif decision.context_used and raw_known:
        around = " ".join(w for w in (left, best.text, right) if w)
        pieces.append(phrase("context", around=around, word=best.text))
        pieces.append(_about("also-word", raw))
    elif raw_known:
        pieces += [described, _about("also-word-less-likely", raw)]
    else:
        pieces += [described, _about("not-word", raw)]
    return Reason(*pieces)
