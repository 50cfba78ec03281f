"""A document's reading structure as data: headings, paragraphs, list items and removed lines.

The structure analysis finds it once (``engine/structure/plan.py``), with the suggestions that
put the text into that shape; the session and the review file carry it, and every export
renders it (``formats/reading.py``). Spans are offsets into the raw document text, as for
suggestions; page breaks are the document's pages (``Document.pages``).

How the structure follows the reviewer's decisions is the exports' business, and one rule:
blocks are where the decided text has them (a blank line between two lines starts a new
block, a line break alone keeps them in one), and a block keeps the kind the analysis gave
it only while the decisions agree (see ``formats/reading.py``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum

from korrektur.model.suggestion import Kind, Suggestion

BULLET = "• "  # what a list item starts with in the reading text


class BlockKind(StrEnum):
    """What a block of the reading text is."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    ITEM = "item"  # a list item; the items of one list follow each other


@dataclass(frozen=True, slots=True)
class Block:
    """A heading, paragraph or list item.

    Attributes:
        kind: what it is.
        start, end: its text, from the first printed character of its first line (a list
            item's glyph or bullet included) to the end of its last line.
    """

    kind: BlockKind
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Removal:
    """A printed line the analysis takes out of the reading text (its suggestion removes it).

    Attributes:
        kind: ``page-furniture`` (running headers, page numbers) or ``whitespace`` (a line
            of OCR specks).
        start, end: the line's text.
    """

    kind: Kind
    start: int
    end: int


@dataclass(frozen=True)
class ReadingStructure:
    """The reading structure of one document, in reading order.

    Attributes:
        blocks: the headings, paragraphs and list items, in order, never overlapping.
        removed: the lines taken out, in order.
    """

    blocks: tuple[Block, ...] = ()
    removed: tuple[Removal, ...] = ()

    def headings(self) -> Iterator[Block]:
        """The headings, in order."""
        return (block for block in self.blocks if block.kind is BlockKind.HEADING)

    @classmethod
    def from_rows(
        cls, blocks: Iterable[Sequence[object]], removed: Iterable[Sequence[object]], length: int
    ) -> ReadingStructure:
        """The structure from rows ``[kind, start, end]``, checked against a text's ``length``.

        Raises:
            ValueError: a row is malformed, out of the text or out of order.
        """
        made = cls(
            tuple(Block(BlockKind(_text(r, 0)), *_span(r, length)) for r in blocks),
            tuple(Removal(Kind(_text(r, 0)), *_span(r, length)) for r in removed),
        )
        for spans in (
            [(b.start, b.end) for b in made.blocks],
            [(r.start, r.end) for r in made.removed],
        ):
            for (_, end), (start, _) in zip(spans, spans[1:], strict=False):
                if start < end:
                    raise ValueError(f"a span starting at {start} overlaps the one before it")
        return made


def _text(row: Sequence[object], index: int) -> str:
    value = row[index] if len(row) == 3 else None
    if not isinstance(value, str):
        raise ValueError(f"expected [kind, start, end], found {list(row)!r}")
    return value


def _span(row: Sequence[object], length: int) -> tuple[int, int]:
    start, end = row[1], row[2]
    if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start <= end <= length:
        raise ValueError(f"span {start!r}..{end!r} is not inside the text")
    return start, end


class Suggestions(list[Suggestion]):
    """What an analysis found: its suggestions, in order, and the reading structure.

    A list, so that everything that takes suggestions takes these; a ``ReviewSession`` made
    of them keeps the structure (``structure``: None when the analysis looked at words only).
    """

    structure: ReadingStructure | None

    def __init__(
        self, suggestions: Iterable[Suggestion] = (), structure: ReadingStructure | None = None
    ) -> None:
        super().__init__(suggestions)
        self.structure = structure


def structure_of(suggestions: Iterable[Suggestion]) -> ReadingStructure | None:
    """The reading structure that came with ``suggestions`` (None for a plain list)."""
    return suggestions.structure if isinstance(suggestions, Suggestions) else None
