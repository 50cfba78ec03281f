"""Whitespace and symbol fixes inside a line: runs of spaces, OCR specks between words.

Gaps of ``COLUMN_GAP`` spaces or more are layout (a signature, a table row) and stay.

Specks are tokens of symbols that never stand alone in prose (``_``, ``~``, ``©``, a lone ``:``)
and underscores stuck to the edge of a word (``kommunala_``). ``|`` is left alone: it is OCR's
``I`` and the word engine's business; so are ``-``, ``–``, ``§`` and ``%``, which are text.
"""

from __future__ import annotations

import re

from korrektur.engine.structure.chars import SPECKS_INSIDE, is_speck_token
from korrektur.engine.structure.edits import Edit
from korrektur.model.reason import Reason, phrase
from korrektur.model.suggestion import Kind

_TOKEN = re.compile(r"\S+")
_QUOTES = re.compile("[“”„]")
COLUMN_GAP = 8  # spaces; a gap this wide separates columns (kept) rather than words


def inline_edits(text: str, start: int, end: int) -> list[Edit]:
    """Edits of ``text[start:end]`` (one line's text proper, no newline inside)."""
    edits: list[Edit] = []
    previous_end: int | None = None
    for match in _TOKEN.finditer(text, start, end):
        token = match.group()
        gap_start = previous_end if previous_end is not None else match.start()
        if previous_end is not None and is_speck_token(token, SPECKS_INSIDE):
            edits.append(
                Edit(
                    gap_start,
                    match.end(),
                    "",
                    Kind.WHITESPACE,
                    0.75,
                    Reason(phrase("speck-between", text=token)),
                )
            )
            previous_end = match.end()
            continue
        gap = text[gap_start : match.start()]
        if previous_end is not None and gap != " " and len(gap) < COLUMN_GAP:
            edits.append(
                Edit(
                    gap_start,
                    match.start(),
                    " ",
                    Kind.WHITESPACE,
                    0.97 if len(gap) <= 3 else 0.8,
                    Reason(phrase("several-spaces-between")),
                )
            )
        edits.extend(_underscores(token, match.start()))
        previous_end = match.end()
    return edits


def _underscores(token: str, offset: int) -> list[Edit]:
    """Underscores stuck to either edge of a word (``_Landsting``, ``kommunala_``).

    Also a left single quote stuck to the front of a word (``‘uppdrar``): Swedish quotes with
    ``’`` on both sides, so ``‘`` is OCR dirt.
    """
    if token[0] not in "_‘" and token[-1] != "_":
        return []  # (most tokens: nothing stuck to them)
    if not any(ch.isalnum() for ch in token):
        return []
    if token.startswith("‘") and token[1:2].isalpha() and "’" not in token:
        reason = Reason(phrase("quote-speck", text=token[1:]))
        return [Edit(offset, offset + 1, "", Kind.WHITESPACE, 0.7, reason)]
    core = token.strip("_")
    if core == token:
        return []
    head = len(token) - len(token.lstrip("_"))
    tail = len(token) - len(token.rstrip("_"))
    reason = Reason(phrase("underscore-speck", text=core))
    edits = []
    if head:
        edits.append(Edit(offset, offset + head, "", Kind.WHITESPACE, 0.8, reason))
    if tail:
        end = offset + len(token)
        edits.append(Edit(end - tail, end, "", Kind.WHITESPACE, 0.8, reason))
    return edits


def quote_edits(text: str, spans: list[tuple[int, int]]) -> list[Edit]:
    """Typographic quotes OCR broke within one paragraph (``spans``: its lines' text).

    An opening ``“`` while a quote is already open is a closing ``”`` read wrong; a low ``„``
    right after a word (``ord„``) is a closing ``”``. Missing quotes are not guessed.
    """
    edits: list[Edit] = []
    open_quote = False
    for start, end in spans:
        for match in _QUOTES.finditer(text, start, end):
            position, char = match.start(), match.group()
            after_word = position > start and text[position - 1].isalnum()
            if char == "“":
                if open_quote and after_word:
                    edits.append(_requote(position, "”", "second-quote"))
                    open_quote = False
                else:
                    open_quote = True
            elif char == "„" and after_word:
                edits.append(_requote(position, "”", "low-quote"))
                open_quote = False
            elif char in "”„":
                open_quote = not after_word if char == "„" else False
    return edits


def _requote(position: int, quote: str, why: str) -> Edit:
    return Edit(position, position + 1, quote, Kind.WHITESPACE, 0.7, Reason(phrase(why)))
