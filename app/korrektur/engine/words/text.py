"""The word engine's tokenizer: word cores inside whitespace chunks, and folding and case.

This is how Korrektur cuts text into words, everywhere words are counted or looked up:
``occurrences.collect`` reads a document with it, and ``tools/build_counts.py`` counts the
reference corpus with it (``words_of``), so the lexicon holds the words the engine asks for.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from enum import StrEnum
from typing import NamedTuple

from korrektur.model.compose import COMBINING_MARKS

# Folding removes what an OCR engine most often loses: å/ä → a, ö → o, é → e (any case).
_FOLD = str.maketrans("åäöéèàáüÅÄÖÉÈÀÁÜ", "aaoeeaauAAOEEAAU")
_COMMON_FOLDS = (("å", "a"), ("ä", "a"), ("ö", "o"), ("é", "e"))

# Characters OCR engines put where letters were (``&r`` = är, ``|`` = I, ``{3`` = få).
LETTER_LIKE = frozenset("&|{}")
_PART_SPLIT = re.compile(r"[-/–—()\[\],;\"”“]+")
SENTENCE_END = frozenset(".!?:")
NUMBER = "<num>"  # any run of digits, as the counts and the context models see it
_CHUNK = re.compile(r"\S+")
_CLOSERS = frozenset("\"')]}»”’*")


def fold(word: str) -> str:
    """Lower-case ``word`` and drop å/ä/ö/é to a/o/e: the key diacritic variants share.

    (Called for every spelling tried: ASCII words, most of them, skip the slow ``translate``,
    and so do words whose only accents are å/ä/ö/é; a lower-case word is not copied, so
    the hash it may carry already is kept.)
    """
    if not word.islower():
        word = word.lower()
    if word.isascii():
        return word
    for accented, plain in _COMMON_FOLDS:
        if accented in word:
            word = word.replace(accented, plain)
    return word if word.isascii() else word.translate(_FOLD)


def fold_all(words: list[str]) -> list[str]:
    """``fold`` of many words at once (fast: one pass over one joined string)."""
    return "\n".join(words).lower().translate(_FOLD).split("\n") if words else []


def is_core_char(ch: str) -> bool:
    """A character that can be part of a word as OCR wrote it."""
    return ch.isalnum() or ch in LETTER_LIKE


class Case(StrEnum):
    """How a word is capitalised (a ``StrEnum``: hashing is fast, it keys caches)."""

    LOWER = "lower"
    TITLE = "title"
    UPPER = "upper"
    MIXED = "mixed"


def case_of(word: str) -> Case:
    """The case pattern of the cased letters of ``word``."""
    if word.lower() == word:
        return Case.LOWER
    if word.upper() == word:
        return Case.UPPER if sum(1 for ch in word if ch.isalpha()) > 1 else Case.TITLE
    first = next((i for i, ch in enumerate(word) if ch.lower() != ch.upper()), 0)
    rest = word[first + 1 :]
    if first == 0 and rest.lower() == rest:
        return Case.TITLE
    return Case.MIXED


def apply_case(word: str, case: Case) -> str:
    """``word`` (lower case) written in ``case``; MIXED keeps it as it is."""
    if case is Case.UPPER:
        return word.upper()
    if case is Case.TITLE:
        return word[:1].upper() + word[1:]
    return word


class Part(NamedTuple):
    """A word (or a part of a hyphenated or slashed word) at ``start:end`` of the text."""

    start: int
    end: int
    text: str


_HAS_CORE = re.compile(r"[^\W_]|[&|{}]")
# (combining marks belong to the letter before them: never stripped from a word's end)
_LEADING = re.compile(f"(?:[^\\w&|{{}}{COMBINING_MARKS}]|_)*")


def core_bounds(chunk: str) -> tuple[int, int]:
    """Start and end of the word core of a whitespace chunk (punctuation around it stripped)."""
    leading = _LEADING.match(chunk)
    start = leading.end() if leading else 0
    if start == len(chunk):
        return start, start
    # The trailing run, read from the end (a search for it from the front is quadratic in a
    # long run of marks between letters).
    trailing = _LEADING.match(chunk[::-1])
    return start, len(chunk) - (trailing.end() if trailing else 0)


def word_parts(chunk: str, offset: int, bounds: tuple[int, int] | None = None) -> list[Part]:
    """The words of one whitespace chunk starting at ``offset`` in the text.

    The core is split at hyphens, dashes, slashes, brackets and commas (``F-9-skolorna``,
    ``lärare/elever``, ``Regeringskansliet(Näringsdepartementet``); each part is corrected
    on its own. Parts keep inner apostrophes, colons and dots
    (``EU:s``, ``s.k``) so that abbreviations stay whole. ``bounds`` are the core's bounds
    when the caller knows them already.
    """
    start, end = bounds or core_bounds(chunk)
    if start >= end:
        return []
    core = chunk[start:end]
    if not _PART_SPLIT.search(core):
        return [Part(offset + start, offset + end, core)]
    parts: list[Part] = []
    position = start
    for match in _PART_SPLIT.finditer(core):
        cut = start + match.start()
        if cut > position:
            parts.append(Part(offset + position, offset + cut, chunk[position:cut]))
        position = start + match.end()
    if end > position:
        parts.append(Part(offset + position, offset + end, chunk[position:end]))
    return [p for p in parts if _HAS_CORE.search(p.text)]


def ends_sentence(chunk: str) -> bool:
    """True when a chunk ends a sentence (``slut.``, ``klart.)``, ``rubrik:``)."""
    stripped = chunk.rstrip("".join(_CLOSERS))
    return bool(stripped) and stripped[-1] in SENTENCE_END and not _is_abbreviation(stripped)


_ABBREVIATION = re.compile(r"(?:^|\W)(?:[a-zåäö]{1,3}\.){1,3}$")


def _is_abbreviation(chunk: str) -> bool:
    """``t.ex.``, ``bl.a.``, ``s.k.`` end with a dot but not a sentence."""
    return bool(_ABBREVIATION.search(chunk)) and chunk.count(".") >= 2


class Word(NamedTuple):
    """A word of running text as the engine reads it (``words_of``).

    Attributes:
        part: the word and where it stands.
        sentence_start: it starts a sentence (first, or after a chunk that ends one).
        linked: it reads with the word before it: nothing but a space between them (no
            punctuation, no hyphen or slash of one chunk's parts).
    """

    part: Part
    sentence_start: bool
    linked: bool


def words_of(line: str) -> Iterator[Word]:
    """The words of one line of running text, with their links, as ``collect`` makes them.

    Every word part of every whitespace chunk (``word_parts``); a word links to the one
    before when the earlier one's core ends its chunk and this one's core starts its own
    (chunks without a word between them, a lone dash, do not part them).
    """
    sentence_start = True
    open_right = False
    for match in _CHUNK.finditer(line):
        chunk = match.group()
        start, end = bounds = core_bounds(chunk)
        parts = word_parts(chunk, match.start(), bounds)
        last = len(parts) - 1
        for number, part in enumerate(parts):
            open_left = number == 0 and start == 0
            yield Word(part, sentence_start and number == 0, open_right and open_left)
            open_right = number == last and end == len(chunk)
        sentence_start = is_bullet(chunk) or ends_sentence(chunk)


def is_bullet(chunk: str) -> bool:
    """A list bullet as OCR printed it (``•``, ``-``, ``¢``, ``©``, ``*`` …): a sentence starts."""
    return len(chunk) == 1 and not chunk.isalnum() and chunk not in "|&{"
