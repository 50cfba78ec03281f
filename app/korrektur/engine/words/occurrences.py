"""The words of a document as the engine sees them: cores, case, protection and line-end joins."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from korrektur.engine.words.lexicon import Lexicon
from korrektur.engine.words.text import (
    LETTER_LIKE,
    Case,
    Part,
    case_of,
    core_bounds,
    ends_sentence,
    is_core_char,
    word_parts,
)
from korrektur.model.document import Document

NUMBER = "<num>"
# Codes and designations: G20, N2016, Lgr11, Ku2015, 3D.
_CODE = re.compile(r"[A-ZÅÄÖ]{1,4}\d+|[^\W\d_]{1,5}\d{2,}|\d+[A-ZÅÄÖ]+\d*")
# Two words joined by a mark OCR printed for a space (``syfte.att``), not an abbreviation.
_RUN_TOGETHER = re.compile(r"[^\W\d_][^\W\d_A-ZÅÄÖ]+[.'’][^\W\d_A-ZÅÄÖ]{2,}")

# Decides whether a word broken at a line end is read joined: (left, right, joined) → bool.
JoinTest = Callable[[str, str, str], bool]


class Mode(Enum):
    """What the engine may do with a word."""

    FULL = "full"  # diacritics and OCR rewrites
    DIACRITICS = "diacritics"  # only restore å/ä/ö/é (all-capital words)
    PROTECTED = "protected"  # never change (numbers, codes, acronyms, URLs …)


@dataclass(slots=True)
class Occurrence:
    """One word of the document (or a word hyphenated across a line end, as one).

    Attributes:
        pieces: the spans of the word in the text: one, or two for ``Uppfolj-``/``ningen``.
        raw: the word as OCR wrote it (fragments joined without the hyphen).
        low: ``raw`` in lower case.
        case: its capitalisation.
        sentence_start: the word begins a sentence (or a heading or a list item).
        mode: what may be changed.
        open_left, open_right: no punctuation separates it from the word before / after.
        line: the line of its last piece.
        left, right: indexes of the neighbouring words it reads with, or None.
    """

    pieces: tuple[Part, ...]
    raw: str
    low: str
    case: Case
    sentence_start: bool
    mode: Mode
    open_left: bool
    open_right: bool
    line: int
    left: int | None = None
    right: int | None = None

    @property
    def joined(self) -> bool:
        """True for a word hyphenated across a line end."""
        return len(self.pieces) > 1

    @property
    def context_word(self) -> str:
        """How the context model sees the word (numbers as ``<num>``)."""
        return NUMBER if self.raw.isdigit() else self.low


def _protected_chunk(core: str, lexicon: Lexicon, patterns: list[re.Pattern[str]]) -> bool:
    return core in lexicon.acronyms or any(p.fullmatch(core) for p in patterns)


def _mode(text: str, lexicon: Lexicon) -> Mode:
    if text in lexicon.acronyms or _CODE.fullmatch(text):
        return Mode.PROTECTED
    if any(ch in ".:'’" for ch in text) and not _RUN_TOGETHER.fullmatch(text):
        return Mode.PROTECTED  # abbreviations (bl.a, t.ex), EU:s
    if not any(ch.isalpha() for ch in text) and not _ocr_letters(text):
        return Mode.PROTECTED  # a number or a lone symbol (``&``)
    if case_of(text) is Case.UPPER and len(text) > 1:
        return Mode.DIACRITICS
    return Mode.FULL


def _ocr_letters(text: str) -> bool:
    """Symbols and digits that can only be misread letters (``|``, ``{3``, ``&r``)."""
    return text == "|" or (
        any(ch in LETTER_LIKE for ch in text) and any(ch.isdigit() for ch in text)
    )


@dataclass
class _Chunk:
    start: int
    end: int
    line: int
    text: str


def _hyphenated(chunk: _Chunk) -> bool:
    """A chunk that ends a line with a word broken by a hyphen (``Uppfolj-``, ``admi--``)."""
    stem = chunk.text.rstrip("-")
    hyphens = len(chunk.text) - len(stem)
    return len(stem) > 1 and 1 <= hyphens <= 2 and is_core_char(stem[-1])


def _is_bullet(chunk: _Chunk) -> bool:
    """A list bullet as OCR printed it (``•``, ``-``, ``¢``, ``©``, ``*`` …)."""
    return len(chunk.text) == 1 and not chunk.text.isalnum() and chunk.text not in "|&{"


def collect(
    document: Document, lexicon: Lexicon, joins: JoinTest | None = None
) -> list[Occurrence]:
    """Every word of ``document`` in order, with context links.

    A word broken by a hyphen at a line end is read as one word when ``joins`` agrees
    (given the two raw fragments and the joined word, lower case); without ``joins``, always.
    """
    patterns = [re.compile(regex) for _, regex in lexicon.patterns]
    text = document.text
    chunks = [_Chunk(t.start, t.end, t.line, text[t.start : t.end]) for t in document.tokens]
    words: list[Occurrence] = []
    previous: _Chunk | None = None
    pending = False  # the last word is the left fragment of a hyphenated word
    for position, chunk in enumerate(chunks):
        sentence_start = _starts_sentence(previous, chunk, document)
        previous = chunk
        core_start, core_end = core_bounds(chunk.text)
        parts = word_parts(chunk.text, chunk.start)
        if not parts:
            pending = False
            continue
        protected = _protected_chunk(chunk.text[core_start:core_end], lexicon, patterns)
        for number, part in enumerate(parts):
            first, last = number == 0, number == len(parts) - 1
            mode = Mode.PROTECTED if protected else _mode(part.text, lexicon)
            word = Occurrence(
                (part,),
                part.text,
                part.text.lower(),
                case_of(part.text),
                sentence_start and first,
                mode,
                open_left=first and core_start == 0,
                open_right=last and core_end == len(chunk.text),
                line=chunk.line,
            )
            if first and pending and core_start == 0 and _continues(words[-1], word):
                left = words[-1]
                if joins is None or joins(left.low, word.low, left.low + word.low):
                    word = _join(words.pop(), word)
            words.append(word)
        pending = _hyphenated(chunk) and _line_ends_at(chunk, chunks, position)
    for index in range(1, len(words)):
        before, after = words[index - 1], words[index]
        if before.open_right and after.open_left and after.line - before.line <= 1:
            before.right, after.left = index, index - 1
    return words


def _continues(left: Occurrence, right: Occurrence) -> bool:
    """True when ``right`` (first on its line) continues the hyphenated ``left``."""
    return (
        left.mode is not Mode.PROTECTED
        and right.mode is not Mode.PROTECTED
        and right.raw[:1].islower()
        and not left.joined
    )


def _join(left: Occurrence, right: Occurrence) -> Occurrence:
    raw = left.raw + right.raw
    return Occurrence(
        (*left.pieces, *right.pieces),
        raw,
        raw.lower(),
        case_of(raw),
        left.sentence_start,
        Mode.DIACRITICS if Mode.DIACRITICS in (left.mode, right.mode) else Mode.FULL,
        open_left=left.open_left,
        open_right=right.open_right,
        line=right.line,
    )


def _line_ends_at(chunk: _Chunk, chunks: list[_Chunk], position: int) -> bool:
    following = chunks[position + 1] if position + 1 < len(chunks) else None
    return following is not None and following.line == chunk.line + 1


def _starts_sentence(previous: _Chunk | None, chunk: _Chunk, document: Document) -> bool:
    if previous is None:
        return True
    if chunk.line > previous.line + 1:
        return True  # a blank line between: a new paragraph
    if _is_bullet(previous) or ends_sentence(previous.text):
        return True
    if chunk.line != previous.line:
        line = document.line_text(previous.line)
        return not line.rstrip().endswith(("-", ",")) and chunk.text[:1].isupper() and (
            len(line.strip()) < 60
        )
    return False
