"""The words of a document as the engine sees them: cores, case, protection and line-end joins."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple

from korrektur.engine.words.lexicon import Lexicon
from korrektur.engine.words.text import (
    LETTER_LIKE,
    NUMBER,
    Case,
    Part,
    case_of,
    core_bounds,
    ends_sentence,
    fold,
    is_bullet,
    is_core_char,
    word_parts,
)
from korrektur.model.document import Document

LETTER_BULLETS = frozenset({"e", "o", "eo", "°", "«"})  # bullets as OCR letters
SHORT_CAPITALS = 3  # an all-capital word this short may be a capitalised word (``SA`` = Så)
SHORT_LINE = 60  # a line shorter than this that ends without punctuation is a heading
# Codes and designations: G20, N2016, Lgr11, Ku2015, 3D.
_CODE = re.compile(r"[A-ZÅÄÖ]{1,4}\d+|[^\W\d_]{1,5}\d{2,}|\d+[A-ZÅÄÖ]+\d*")
# Two words joined by a mark OCR printed for a space (``syfte.att``), not an abbreviation.
# (The second word may hold a digit OCR made of a letter: ``maste’g6ra``.)
_RUN_TOGETHER = re.compile(
    r"[^\W\d_][^\W\d_A-ZÅÄÖ]{2,}[.'’‘](?=[^\W_]*[^\W\d_])[^\W_A-ZÅÄÖ]+"
    r"|[^\W\d_]{2}[.'’‘][^\W\d_A-ZÅÄÖ]{2,}|[^\W\d_]['’‘][^\W\d_A-ZÅÄÖ]{3,}"
)

_LOWER_START = re.compile(r"(?:^|\s)[^\W\d_A-ZÅÄÖÉ]")  # a chunk starting in lower case
_LOWER_WORD = re.compile(r"(?:^|\s)[^\w\s]*[^\W\d_A-ZÅÄÖÉ]")  # … after its punctuation
_NAME_JOINS = frozenset({"-", "–"})  # what joins the parts of a double name
_INNER_MARKS = frozenset(".:'’‘")
_CLOSING = frozenset(".,:;!?")  # marks that may close a word
_LETTER = re.compile(r"[^\W\d_]")

# Decides whether a word broken at a line end is read joined: (left, right, joined) → bool.
JoinTest = Callable[[str, str, str], bool]


class Mode(StrEnum):
    """What the engine may do with a word (a ``StrEnum``: hashing is fast, it keys caches)."""

    FULL = "full"  # diacritics and OCR rewrites
    DIACRITICS = "diacritics"  # only restore å/ä/ö/é (all-capital words)
    PROTECTED = "protected"  # never change (numbers, codes, acronyms, URLs …)


# Enum members as module names for the hot paths (README.md, "Performance notes").
_FULL, _DIACRITICS, _PROTECTED = Mode.FULL, Mode.DIACRITICS, Mode.PROTECTED
_LOWER, _TITLE, _UPPER = Case.LOWER, Case.TITLE, Case.UPPER


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
        written: for a word OCR split with a space (``socialtj ansten``), the text as written.
        capital: its capital is the author's, not a sentence start's nor OCR's: it follows a
            capitalised word and a slash or hyphen (``Inledning/Åtgärder``), an opening
            parenthesis, or stands in a line of capitalised words (a title). For a short
            all-capital word starting a sentence of running text (``SA``): it is a
            capitalised word whose å/ä/ö OCR printed as a capital (``Så``).
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
    written: str = ""  # the text as written, when OCR split the word with a space
    capital: bool = False  # a capital the author wrote (after ``/``, ``(``, in a title line)

    @property
    def joined(self) -> bool:
        """True for a word hyphenated across a line end."""
        return len(self.pieces) > 1

    @property
    def as_written(self) -> str:
        """The word as it stands in the text (``socialtj ansten`` for a split word)."""
        return self.written or self.raw

    @property
    def context_word(self) -> str:
        """How the context model sees the word (numbers as ``<num>``)."""
        return NUMBER if self.raw.isdigit() else self.low


def _mode(text: str, lexicon: Lexicon) -> Mode:
    if text in lexicon.acronyms or _CODE.fullmatch(text):
        return _PROTECTED
    if not _INNER_MARKS.isdisjoint(text) and not _RUN_TOGETHER.fullmatch(text):
        return _PROTECTED  # abbreviations (bl.a, t.ex), EU:s
    if not _LETTER.search(text) and not _ocr_letters(text):
        return _PROTECTED  # a number or a lone symbol (``&``)
    if case_of(text) is _UPPER and len(text) > 1:
        return _DIACRITICS
    return _FULL


def _ocr_letters(text: str) -> bool:
    """Symbols and digits that can only be misread letters (``|``, ``{3``, ``&r``)."""
    return text == "|" or (
        any(ch in LETTER_LIKE for ch in text) and any(ch.isdigit() for ch in text)
    )


def _hyphenated(chunk: str) -> bool:
    """A chunk that ends a line with a word broken by a hyphen (``Uppfolj-``, ``admi--``)."""
    stem = chunk.rstrip("-")
    hyphens = len(chunk) - len(stem)
    return len(stem) > 1 and 1 <= hyphens <= 2 and is_core_char(stem[-1])


class ShapePart(NamedTuple):
    """One word of a chunk, as its text alone shows it (``_Shape.parts``).

    Attributes:
        start, end: where the word stands in the chunk.
        text: the word as written.
        case: how it is capitalised.
        mode: what the engine may do with it.
        low: ``text`` in lower case.
    """

    start: int
    end: int
    text: str
    case: Case
    mode: Mode
    low: str


@dataclass(slots=True)
class _Shape:
    """What a chunk's text says about its words, wherever it stands (cached per text)."""

    parts: tuple[ShapePart, ...]
    open_left: bool
    open_right: bool
    hyphenated: bool
    ends_sentence: bool  # the next word starts a sentence (``slut.``, a bullet ``•``)
    capital: bool  # starts with a capital letter
    letter_bullet: bool  # a letter OCR makes of a bullet (``e``, ``o``), if first on its line


class _Shapes:
    """Cut chunks into words once per distinct chunk text."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.protected = re.compile("|".join(f"(?:{regex})" for _, regex in lexicon.patterns))
        self.cache: dict[str, _Shape] = {}

    def _plain(self, chunk: str, word: str, bare: bool, ends: bool) -> _Shape:
        """The shape of a chunk that is ``word`` (letters only), bare or with a mark after it."""
        case = case_of(word)
        if self._protected(word):
            mode = _PROTECTED
        else:  # ``_mode`` of a word of letters: no code, mark or number to look for
            mode = _DIACRITICS if case is _UPPER and len(word) > 1 else _FULL
        part = ShapePart(0, len(word), word, case, mode, word.lower())
        return _Shape((part,), True, bare, False, ends, chunk[0].isupper(), chunk in LETTER_BULLETS)

    def _foreign_name(self, chunk: str, parts: tuple[ShapePart, ...]) -> bool:
        """A double name of capitalised parts, one of them no word even with å/ä/ö restored.

        (``Kara-Murza``: ``Kara`` is not ``Kära`` here; ``Goteborg-Boras`` is no such name:
        both parts are known once their å/ä/ö are restored.)
        """
        if not all(p.case is _TITLE for p in parts):
            return False
        if any(chunk[a.end : b.start] not in _NAME_JOINS for a, b in itertools.pairwise(parts)):
            return False
        return any(p.text.isalpha() and not self.lexicon.forms(fold(p.low)) for p in parts)

    def _protected(self, core: str) -> bool:
        return core in self.lexicon.acronyms or bool(
            self.lexicon.patterns and self.protected.fullmatch(core)
        )

    def __call__(self, chunk: str) -> _Shape:
        shape = self.cache.get(chunk)
        if shape is None:
            shape = self.cache[chunk] = self._shape(chunk)
        return shape

    def _shape(self, chunk: str) -> _Shape:
        # Most chunks are one word, bare or with one mark after it: no regexes needed.
        if chunk.isalpha():
            return self._plain(chunk, chunk, True, False)
        if chunk[-1] in _CLOSING and chunk[:-1].isalpha():
            return self._plain(chunk, chunk[:-1], False, ends_sentence(chunk))
        return self.general(chunk)

    def general(self, chunk: str) -> _Shape:
        """The shape of any chunk (``_shape`` takes quicker paths where it can)."""
        core_start, core_end = bounds = core_bounds(chunk)
        protected = self._protected(chunk[core_start:core_end])
        parts = tuple(
            ShapePart(
                part.start,
                part.end,
                part.text,
                case_of(part.text),
                _PROTECTED if protected else _mode(part.text, self.lexicon),
                part.text.lower(),
            )
            for part in word_parts(chunk, 0, bounds)
        )
        if len(parts) > 1 and self._foreign_name(chunk, parts):
            parts = tuple(p._replace(mode=_PROTECTED) if p.text.isalpha() else p for p in parts)
        return _Shape(
            parts,
            core_start == 0,
            core_end == len(chunk),
            _hyphenated(chunk),
            is_bullet(chunk) or ends_sentence(chunk),
            chunk[:1].isupper(),
            chunk in LETTER_BULLETS,
        )


def collect(
    document: Document,
    lexicon: Lexicon,
    joins: JoinTest | None = None,
    merges: JoinTest | None = None,
    spaces: JoinTest | None = None,
) -> list[Occurrence]:
    """Every word of ``document`` in order, with context links.

    A word broken by a hyphen at a line end is read as one word when ``joins`` agrees
    (given the two raw fragments and the joined word, lower case); without ``joins``, always.
    Two chunks one space apart are read as one word (OCR split it) when ``merges`` agrees.
    Two words joined by a hyphen (``och-ungdomar``) are read as one chunk, which the
    generator may read as two words (OCR printed a hyphen for a space), when ``spaces``
    agrees (given the two parts and the hyphenated chunk, lower case).
    """
    shapes = _Shapes(lexicon)
    titles = _Titles(document)
    cache = shapes.cache
    known = lexicon.logp
    text = document.text
    tokens = document.tokens
    count = len(tokens)
    full = _FULL
    words: list[Occurrence] = []
    previous_line = -2
    previous_shape: _Shape | None = None
    previous_first = False  # the previous chunk was the first on its line
    pending = False  # the last word is the left fragment of a hyphenated word
    previous_end = -2
    append = words.append
    new_part = tuple.__new__  # a Part without its Python-level __new__ (README.md, "Small records")
    for position, token in enumerate(tokens):
        start, end, line = token.start, token.end, token.line
        chunk = text[start:end]
        shape = cache.get(chunk)
        if shape is None:
            shape = shapes(chunk)
        if previous_shape is None or line > previous_line + 1:
            sentence_start = True  # the first word, or a new paragraph after a blank line
        elif previous_shape.ends_sentence or (previous_first and previous_shape.letter_bullet):
            sentence_start = True
        elif line != previous_line:
            sentence_start = shape.capital and _short_unfinished(document.line_text(previous_line))
        else:
            sentence_start = False
        previous_first = line != previous_line
        previous_line, previous_shape = line, shape
        spaced = start == previous_end + 1
        previous_end = end
        if not shape.parts:
            pending = False
            continue
        last_part = len(shape.parts) - 1
        for number, (part_start, part_end, part_text, case, mode, low) in enumerate(shape.parts):
            first = number == 0
            if case is _TITLE:
                capital = _capital_kept(chunk, shape.parts, number) or titles.of(line)
            else:  # ``SA`` starting a sentence of running text: ``Så`` with å printed as A
                capital = (
                    case is _UPPER
                    and len(part_text) <= SHORT_CAPITALS
                    and sentence_start
                    and first
                    and titles.running(line)
                )
            word = Occurrence(
                (new_part(Part, (start + part_start, start + part_end, part_text)),),
                part_text,
                low,
                case,
                sentence_start and first,
                mode,
                first and shape.open_left,
                number == last_part and shape.open_right,
                line,
                capital=capital,
            )
            if first and words:
                left = words[-1]
                if pending and shape.open_left and _continues(left, word):
                    if joins is None or joins(left.low, low, left.low + low):
                        word = _join(words.pop(), word)
                elif (
                    spaced
                    and merges is not None
                    and mode is full
                    and not (low in known and left.low in known)
                    and _splittable(left, word)
                    and merges(left.low, low, left.low + low)
                ):
                    word = _merge(words.pop(), word, text)
            elif (
                number == 1
                and last_part == 1
                and spaces is not None
                and chunk[shape.parts[0].end : part_start] == "-"
                and _spaceable(words[-1], word)
                and spaces(words[-1].low, low, chunk[shape.parts[0].start : part_end].lower())
            ):
                word = _spaced(words.pop(), word, text)
            append(word)
        pending = (
            shape.hyphenated and position + 1 < count and tokens[position + 1].line == line + 1
        )
    if words:
        before = words[0]
        for index in range(1, len(words)):
            after = words[index]
            if before.open_right and after.open_left and after.line - before.line <= 1:
                before.right, after.left = index, index - 1
            before = after
        _numerals(words)
    return words


def _numerals(words: list[Occurrence]) -> None:
    """Let a lone digit inside running text be read as a letter (``arbetar 1 skolan``).

    It stays a number unless the words around it make a letter reading likelier (see
    ``decide.options``): only a digit between two lower-case words of one line, or
    starting a sentence that goes on in lower case, is asked (``den 1 mars`` is too, and
    stays; ``1 000``, ``kapitel 1.``, a list number first on its line never are).
    """
    for index, word in enumerate(words):
        if word.mode is not _PROTECTED or len(word.raw) != 1 or not word.raw.isdigit():
            continue
        if word.right is None or index == 0 or words[index - 1].line != word.line:
            continue
        if not _running(words[word.right]):
            continue
        if word.left is None:
            if not word.sentence_start:
                continue
        elif not (_running(words[word.left]) and words[word.left].line == word.line):
            continue
        word.mode = _FULL


def _running(word: Occurrence) -> bool:
    """A lower-case word of letters that may be changed: running text, not a code or number."""
    return word.case is _LOWER and word.mode is _FULL and word.raw.isalpha()


def _capital_kept(chunk: str, parts: tuple[ShapePart, ...], number: int) -> bool:
    """The capital of part ``number`` of ``chunk`` follows ``(`` or a capitalised part and ``/``."""
    start = parts[number].start
    if number == 0:
        return chunk[:start].endswith("(")
    before = parts[number - 1]
    between = chunk[before.end : start]
    return "(" in between or (before.text[:1].isupper() and not between.strip("/-–"))


class _Titles:
    """Which lines are titles (two or more words, all capitalised) or running text (cached)."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.known: dict[int, bool] = {}
        self.lower: dict[int, bool] = {}

    def running(self, line: int) -> bool:
        """The line has a word in lower case."""
        found = self.lower.get(line)
        if found is None:
            found = self.lower[line] = bool(_LOWER_START.search(self.document.line_text(line)))
        return found

    def of(self, line: int) -> bool:
        """The line is a title: two or more words, none of them starting in lower case."""
        found = self.known.get(line)
        if found is None:
            text = self.document.line_text(line)
            found = self.known[line] = not _LOWER_WORD.search(text) and (
                sum(1 for w in text.split() if _LETTER.search(w)) >= 2
            )
        return found


def _continues(left: Occurrence, right: Occurrence) -> bool:
    """True when ``right`` (first on its line) continues the hyphenated ``left``."""
    return (
        left.mode is not _PROTECTED
        and right.mode is not _PROTECTED
        and right.raw[:1].islower()
        and not left.joined
    )


def _splittable(left: Occurrence, right: Occurrence) -> bool:
    """True when ``right`` may be the second half of ``left`` split by OCR with a space.

    (The caller has checked the quick conditions: ``right`` may be rewritten, and the two
    are not both words the corpus knows as they stand; those are never merged.)
    """
    return (
        left.open_right
        and right.open_left
        and left.line == right.line
        and left.mode is _FULL
        and right.case is _LOWER
        and not left.joined
        and not left.written
    )


def _spaceable(left: Occurrence, right: Occurrence) -> bool:
    """Two parts of one chunk that may be two words OCR joined with a hyphen."""
    return (
        left.mode is _FULL
        and right.mode is _FULL
        and left.case is _LOWER
        and right.case is _LOWER
        and not left.joined
        and not left.written
    )


def _spaced(left: Occurrence, right: Occurrence, text: str) -> Occurrence:
    """``och`` and ``ungdomar`` of ``och-ungdomar`` as one occurrence, hyphen included."""
    start, end = left.pieces[0].start, right.pieces[0].end
    raw = text[start:end]
    return Occurrence(
        (Part(start, end, raw),),
        raw,
        raw.lower(),
        _LOWER,
        left.sentence_start,
        _FULL,
        open_left=left.open_left,
        open_right=right.open_right,
        line=right.line,
    )


def _merge(left: Occurrence, right: Occurrence, text: str) -> Occurrence:
    start, end = left.pieces[0].start, right.pieces[0].end
    raw = left.raw + right.raw
    return Occurrence(
        (Part(start, end, text[start:end]),),
        raw,
        raw.lower(),
        case_of(raw),
        left.sentence_start,
        _FULL,
        open_left=left.open_left,
        open_right=right.open_right,
        line=right.line,
        written=text[start:end],
    )


def _join(left: Occurrence, right: Occurrence) -> Occurrence:
    raw = left.raw + right.raw
    return Occurrence(
        (*left.pieces, *right.pieces),
        raw,
        raw.lower(),
        case_of(raw),
        left.sentence_start,
        _DIACRITICS if _DIACRITICS in (left.mode, right.mode) else _FULL,
        open_left=left.open_left,
        open_right=right.open_right,
        line=right.line,
    )


def _short_unfinished(line: str) -> bool:
    """A short line that ends without a comma or hyphen: a heading, so a sentence follows."""
    stripped = line.strip()
    return len(stripped) < SHORT_LINE and not stripped.endswith(("-", ","))
