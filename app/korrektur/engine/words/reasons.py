"""Reasons for word suggestions, in words a reviewer understands."""

from __future__ import annotations

import math

from korrektur.engine.words.candidates import Source
from korrektur.engine.words.channel import Op, is_diacritic_op
from korrektur.engine.words.decide import Decision
from korrektur.engine.words.lexicon import Lexicon

COMMON = math.log(2e-5)
KNOWN = math.log(1e-7)


def describe_ops(ops: tuple[Op, ...]) -> str:
    """``(("6", "ö"),)`` → ``"ö read as 6"``; lost diacritics → ``"ö lost"``."""
    phrases: list[str] = []
    for raw, gold in ops:
        if is_diacritic_op((raw, gold)) and not any(ch in "åäöé" for ch in raw):
            phrase = f"{gold} lost"
        elif gold == " ":
            phrase = f"a space read as '{raw}'" if raw else "a space lost"
        elif not raw:
            phrase = f"{gold} missing"
        elif not gold:
            phrase = f"extra '{raw}'"
        elif len(raw) > 3 or len(gold) > 3:
            phrase = "letters misread"
        else:
            phrase = f"{gold} read as {raw}"
        if phrase not in phrases:
            phrases.append(phrase)
    return ", ".join(phrases)


def how_common(logp: float) -> str:
    """A word for how frequent a word is."""
    if logp >= COMMON:
        return "common"
    if logp >= KNOWN:
        return "a known word"
    return "a valid but rare word"


def reason(
    raw: str, decision: Decision, lexicon: Lexicon, left: str | None, right: str | None
) -> str:
    """Why ``decision.best`` replaces ``raw``."""
    best = decision.best
    candidate = best.candidate
    pieces: list[str] = []
    if " " in raw and " " not in best.text:
        pieces.append("one word split by a space")
        raw = raw.replace(" ", "")
    if candidate is not None and candidate.ops:
        pieces.append(describe_ops(candidate.ops))
    elif best.text.lower() == raw.lower():
        pieces.append("capital letter misread" if raw[:1].isupper() else "capital letter lost")
    word = best.word
    raw_known = lexicon.known(raw.lower())
    if candidate is not None and candidate.source is Source.COMPOUND:
        described = f"'{word}' is a compound of " + " + ".join(f"'{p}'" for p in candidate.parts)
    elif candidate is not None and candidate.source is Source.NEAR:
        described = f"'{word}' is a close known word"
    elif candidate is not None and candidate.source is Source.DOCUMENT:
        described = f"the document's other spellings of the word agree on '{word}'"
    else:
        described = (
            f"'{word}' is {how_common(best.score if candidate is None else candidate.prior)}"
        )
    because = decision.because
    if because:
        pieces.append(because)
        pieces.append(f"'{raw}' is a word too" if raw_known else f"{described}")
    elif decision.context_used and raw_known:
        around = " ".join(w for w in (left, best.text, right) if w)
        pieces.append(f"context '{around}' prefers '{best.text}'")
        pieces.append(f"'{raw}' is a word too")
    elif raw_known:
        pieces.append(f"{described}; '{raw}' is a word too but less likely here")
    else:
        pieces.append(f"{described}, '{raw}' is not a word")
    return "; ".join(p for p in pieces if p)
