"""The reading structure as an export shows it: the analysis' blocks, as the decisions left them.

The structure analysis found the document's headings, paragraphs, list items and removed
lines once (``model/structure.py``); the session carries them. An export renders them under
the reviewer's decisions, by one rule:

* **Blocks are where the decided text has them.** A blank line between two lines starts a new
  block; a line break alone keeps two lines in one block (a line break inside it). So a
  rejected join keeps its lines apart inside one paragraph, a rejected new paragraph keeps
  the two in one, and a paragraph break the reviewer typed is one.
* **A list item starts wherever the analysis found one and the export shows its bullet**
  (``• ``): an accepted (or, by policy, proposed) bullet suggestion, or a bullet already
  printed. Its lines go on until the next item or a blank line. A rejected bullet leaves
  its line to the block before it. Items that follow each other form one list.
* **A heading is a block that is exactly a heading the analysis found** (the one heading
  rule is the analysis', ``FlowPlanner.is_heading``). Joined to the text around it by the
  decisions, it is part of a paragraph.
* Everything else is a paragraph.
* **A removed line is removed when nothing of it is left in the export text** (its removal
  accepted, or proposed by policy); it stands where it was, for formats that keep it
  (TEI ``<fw>``).

A session without a structure (a review file saved before the structure was recorded, an
analysis of words only) has no headings; its list items are the lines that start with a
bullet, and its removed page furniture the page-furniture suggestions that removed a line.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from korrektur.formats.reading import ExportText
from korrektur.model import Kind
from korrektur.model.structure import BULLET, BlockKind, ReadingStructure, Removal

_SPACE = " \t\f\r"


@dataclass(frozen=True)
class Placed:
    """A block of the export text.

    Attributes:
        kind: heading, paragraph or list item.
        start, end: its content in the export text (an item's after its bullet).
        list: items of one list share a number (0 for other blocks).
    """

    kind: BlockKind
    start: int
    end: int
    list: int = 0


@dataclass(frozen=True)
class Removed:
    """A removed line where it stood: ``at`` in the export text, ``text`` as printed."""

    at: int
    text: str
    kind: Kind


def placed_blocks(exported: ExportText) -> list[Placed]:
    """The headings, paragraphs and list items of the export text, in order."""
    text = exported.text
    structure = exported.session.structure
    items, headings = _analysis_starts(exported, structure)
    blocks: list[Placed] = []
    lists = 0
    for run_start, run_end in _runs(text):
        current: list[int] | None = None  # [start, end] of the block being read
        current_item = False
        for line_start, line_end in _lines(text, run_start, run_end):
            lead = (
                line_start
                + len(text[line_start:line_end])
                - len(text[line_start:line_end].lstrip(_SPACE))
            )
            item = text.startswith(BULLET.strip(), lead) and (
                lead in items if structure is not None and structure.blocks else True
            )
            if current is None or item:
                if current is not None:
                    blocks.append(_closed(text, current, current_item, headings))
                current, current_item = [lead, line_end], item
            else:
                current[1] = line_end
        if current is not None:
            blocks.append(_closed(text, current, current_item, headings))
    numbered: list[Placed] = []
    for block in blocks:
        if block.kind is BlockKind.ITEM:
            if not numbered or numbered[-1].kind is not BlockKind.ITEM:
                lists += 1
            block = Placed(block.kind, block.start, block.end, lists)
        numbered.append(block)
    return numbered


def removed_lines(exported: ExportText) -> list[Removed]:
    """The removed lines of the export, in order, each where it stood."""
    structure = exported.session.structure
    raw = exported.session.document.text
    if structure is None:
        return [
            Removed(a.start, a.suggestion.original.strip(), Kind.PAGE_FURNITURE)
            for a in exported.applied
            if a.is_furniture
        ]
    offsets = exported.offsets
    return [
        Removed(offsets.to_corrected(r.start), raw[r.start : r.end].strip(), r.kind)
        for r in structure.removed
        if r.start < r.end and _gone(exported, r)
    ]


def _gone(exported: ExportText, removal: Removal) -> bool:
    """Nothing of the line is left in the export text."""
    offsets = exported.offsets
    return offsets.to_corrected(removal.start) == offsets.to_corrected(removal.end)


def _analysis_starts(
    exported: ExportText, structure: ReadingStructure | None
) -> tuple[set[int], set[tuple[int, int]]]:
    """Where the analysis' list items start, and its headings' spans, in the export text."""
    if structure is None:
        return set(), set()
    offsets = exported.offsets
    text = exported.text
    items: set[int] = set()
    headings: set[tuple[int, int]] = set()
    for block in structure.blocks:
        start = _start_to_export(exported, block.start)
        if block.kind is BlockKind.ITEM:
            items.add(start)
        elif block.kind is BlockKind.HEADING:
            end = offsets.to_corrected(block.end)
            headings.add(_stripped(text, start, end))
    return items, headings


def _start_to_export(exported: ExportText, pos: int) -> int:
    """Export offset of raw ``pos`` as a start: before anything inserted there (a bullet)."""
    offsets = exported.offsets
    index = bisect.bisect_left(offsets.raw_starts, pos)
    if index < len(offsets.raw_starts) and offsets.raw_starts[index] == pos:
        return offsets.cor_starts[index]
    return offsets.to_corrected(pos)


def _closed(text: str, span: list[int], item: bool, headings: set[tuple[int, int]]) -> Placed:
    start, end = _stripped(text, span[0], span[1])
    if item:
        body = start + len(BULLET.strip())
        while body < end and text[body] in " \t":
            body += 1
        return Placed(BlockKind.ITEM, body, end)
    kind = BlockKind.HEADING if (start, end) in headings else BlockKind.PARAGRAPH
    return Placed(kind, start, end)


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without the white space at either end."""
    while start < end and text[start] in _SPACE + "\n":
        start += 1
    while end > start and text[end - 1] in _SPACE + "\n":
        end -= 1
    return start, end


def _runs(text: str) -> list[tuple[int, int]]:
    """The runs of non-blank lines (blank lines part them)."""
    runs: list[tuple[int, int]] = []
    start: int | None = None
    position = 0
    for line in text.split("\n"):
        end = position + len(line)
        if line.strip(_SPACE):
            if start is None:
                start = position
            run_end = end
        elif start is not None:
            runs.append((start, run_end))
            start = None
        position = end + 1
    if start is not None:
        runs.append((start, run_end))
    return runs


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The lines of ``text[start:end]`` as offsets."""
    found = []
    position = start
    while position <= end:
        stop = text.find("\n", position, end)
        stop = end if stop == -1 else stop
        found.append((position, stop))
        position = stop + 1
    return found
