"""A simulated archivist who decides a review exactly as ../shared/tools/review_sim.py counts.

``review_sim.py`` only counts actions; this makes the same decisions in a review session,
so that what a corpus learns from them is what such a reviewer would have recorded:

1. every suggestion at or above the bulk threshold is accepted in one action;
2. every other suggestion is accepted if right, an alternative chosen if one is right,
   else edited to the gold word (rejected when the gold word is the original);
3. every word still wrong is edited by hand to its gold word (bulk-accepted suggestions
   that were wrong are edited, or rejected, this way too).

Like ``review_sim.py`` it looks only at suggestions inside one whitespace token and at
lines with as many tokens as their gold line (elsewhere OCR split or merged words); the
rest stays pending. Tokens are compared with punctuation stripped at their edges.
"""

from __future__ import annotations

import bisect
import unicodedata
from dataclasses import dataclass

from korrektur.model import ReviewSession, Status, Suggestion

REVIEWER = "simulated archivist"


def strip(token: str) -> str:
    """``token`` without punctuation and symbols at its edges (as review_sim.py)."""
    i, j = 0, len(token)
    while i < j and unicodedata.category(token[i])[0] in "PS":
        i += 1
    while j > i and unicodedata.category(token[j - 1])[0] in "PS":
        j -= 1
    return token[i:j]


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str
    gold: str


@dataclass
class Decided:
    """What the simulated reviewer did (counts of each decision)."""

    bulk: int = 0
    accepted: int = 0
    alternatives: int = 0
    edited: int = 0
    rejected: int = 0
    typed: int = 0


def aligned_tokens(raw: str, gold_lines: list[str]) -> list[Token]:
    """The raw tokens of lines with as many tokens as their gold line, with their gold."""
    found = []
    position = 0
    for number, line in enumerate(raw.split("\n")):
        gold = gold_lines[number].split() if number < len(gold_lines) else []
        chunks = line.split()
        if len(chunks) == len(gold):
            at = 0
            for chunk, word in zip(chunks, gold, strict=True):
                at = line.index(chunk, at)
                found.append(Token(position + at, position + at + len(chunk), chunk, word))
                at += len(chunk)
        position += len(line) + 1
    return found


def review(session: ReviewSession, gold_lines: list[str], bulk: float) -> Decided:
    """Decide ``session`` as the simulated reviewer would (see the module docstring)."""
    text = session.document.text
    tokens = aligned_tokens(text, gold_lines)
    starts = [t.start for t in tokens]
    done = Decided()
    state = {t.start: t.text for t in tokens}
    pending: list[tuple[Suggestion, Token, str]] = []
    for suggestion in list(session.suggestions):
        if suggestion.status is not Status.PENDING or not suggestion.is_word_fix:
            continue
        token = _token_of(tokens, starts, suggestion)
        if token is None:
            continue
        new = _spliced(token, suggestion, suggestion.replacement)
        if suggestion.confidence >= bulk:
            session.decide([suggestion.id], Status.ACCEPTED, by=REVIEWER)
            state[token.start] = new
            done.bulk += 1
        else:
            pending.append((suggestion, token, new))
    for suggestion, token, new in pending:
        gold = strip(token.gold)
        if strip(new) == gold:
            session.decide([suggestion.id], Status.ACCEPTED, by=REVIEWER)
            state[token.start] = new
            done.accepted += 1
            continue
        chosen = next(
            (a for a in suggestion.alternatives if strip(_spliced(token, suggestion, a)) == gold),
            None,
        )
        if chosen is not None:
            _edit(session, suggestion, chosen)
            state[token.start] = _spliced(token, suggestion, chosen)
            done.alternatives += 1
    for token in tokens:
        if strip(token.gold) and strip(state[token.start]) != strip(token.gold):
            _fix(session, token, done)
    return done


def _token_of(tokens: list[Token], starts: list[int], suggestion: Suggestion) -> Token | None:
    """The aligned token that holds the suggestion (None: none, or it reaches beyond)."""
    index = bisect.bisect_right(starts, suggestion.start) - 1
    if index < 0:
        return None
    token = tokens[index]
    if not token.start <= suggestion.start < token.end or suggestion.end > token.end:
        return None
    return token


def _spliced(token: Token, suggestion: Suggestion, text: str) -> str:
    return (
        token.text[: suggestion.start - token.start]
        + text
        + token.text[suggestion.end - token.start :]
    )


def _edit(session: ReviewSession, suggestion: Suggestion, text: str) -> None:
    if text == suggestion.original:
        session.decide([suggestion.id], Status.REJECTED, by=REVIEWER)
    else:
        session.decide([suggestion.id], Status.EDITED, text, by=REVIEWER)


def _fix(session: ReviewSession, token: Token, done: Decided) -> None:
    """Make a wrong token read as its gold word: through its suggestion, else by hand."""
    inside = [s for s in session.suggestions if token.start <= s.start and s.end <= token.end]
    word = [s for s in inside if s.is_word_fix]
    if len(word) == 1:
        suggestion = word[0]
        head = token.text[: suggestion.start - token.start]
        tail = token.text[suggestion.end - token.start :]
        if token.gold.startswith(head) and token.gold.endswith(tail):
            wanted = token.gold[len(head) : len(token.gold) - len(tail)]
            _edit(session, suggestion, wanted)
            done.rejected += wanted == suggestion.original
            done.edited += wanted != suggestion.original
            return
    start = session.raw_to_corrected(token.start)
    end = session.raw_to_corrected(token.end)
    session.apply_manual_edit(start, end, token.gold)
    done.typed += 1
