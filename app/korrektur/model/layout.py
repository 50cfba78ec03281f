"""Lines, pages and word tokens of a text, as spans of character offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(r"\S+")


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open range ``[start, end)`` of offsets into the document text."""

    start: int
    end: int

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Span) -> bool:
        """True when the spans share text or their order would be ambiguous.

        An insertion inside the other span, or two insertions at one place, count as overlap.
        """
        return overlapping(self.start, self.end, other.start, other.end)


def overlapping(start: int, end: int, other_start: int, other_end: int) -> bool:
    """``Span.overlaps`` of two spans given by their offsets (no objects to build)."""
    if start == end == other_start == other_end:
        return True
    return start < other_end and other_start < end


@dataclass(frozen=True, slots=True)
class Line(Span):
    """One line; ``end`` excludes the newline."""

    number: int  # 1-based, as shown in the gutter


@dataclass(frozen=True, slots=True)
class Token(Span):
    """A whitespace-separated chunk of text (a word with any punctuation attached)."""

    line: int  # 0-based index of the line the token is on


@dataclass(frozen=True, slots=True)
class Page(Span):
    """One page: from the start of its first line to the end of its last line."""

    number: int  # 1-based
    first_line: int  # 0-based line index
    last_line: int  # 0-based, inclusive


def split_lines(text: str) -> list[Line]:
    """Lines of a ``\\n``-normalised text; a final newline does not add an empty line."""
    lines: list[Line] = []
    start = 0
    number = 1
    while start < len(text):
        end = text.find("\n", start)
        if end == -1:
            end = len(text)
        lines.append(Line(start, end, number))
        number += 1
        start = end + 1
    if not lines:
        lines.append(Line(0, 0, 1))
    return lines


def tokenize(text: str, lines: list[Line]) -> list[Token]:
    """Whitespace tokens with offsets; each knows its line."""
    tokens: list[Token] = []
    for index, line in enumerate(lines):
        for match in _TOKEN.finditer(text, line.start, line.end):
            tokens.append(Token(match.start(), match.end(), index))
    return tokens


def is_word(chunk: str) -> bool:
    """A token counts as a word when it has a letter or a digit."""
    return any(ch.isalnum() for ch in chunk)
