"""The flow of a document's lines of text: what each line break becomes, which lines are items.

The flow planner (``reflow``) fills these in; the plan (``plan``) turns them into edits.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from korrektur.engine.structure.hyphenation import HyphenDecision
from korrektur.engine.structure.line_parts import LineParts


class Join(Enum):
    """What a line break becomes."""

    SPACE = " "  # the paragraph goes on
    HYPHEN = ""  # a hyphenated word (see the gap's HyphenDecision)
    LINE = "\n"  # the next item of a list
    PARA = "\n\n"  # a new paragraph


class Role(Enum):
    """What a bullet-like glyph at the start of a line turned out to be."""

    ITEM = "item"  # a list bullet: normalise to "• "
    SPECK = "speck"  # OCR dirt before a sentence that continues: delete
    TEXT = "text"  # a dash that belongs to the text: keep


@dataclass
class Gap:
    """The break between two lines of text (``before`` and ``after`` index ``Flow.lines``)."""

    before: int
    after: int
    blank: bool
    page_break: bool
    join: Join = Join.SPACE
    confidence: float = 0.9
    reason: str = ""
    hyphen: HyphenDecision | None = None


@dataclass
class Item:
    """A list item mark on a line: its glyph's role, or a bullet to insert where OCR lost it."""

    role: Role
    confidence: float
    reason: str
    insert: bool = False


@dataclass
class Flow:
    """The plan: lines of text, the break after each, and list marks by line position."""

    lines: list[LineParts]
    gaps: list[Gap] = field(default_factory=list)
    marks: dict[int, Item] = field(default_factory=dict)

    def blocks(self) -> list[list[int]]:
        """Line positions grouped into paragraphs and list items."""
        blocks: list[list[int]] = [[0]] if self.lines else []
        for gap in self.gaps:
            if gap.join in (Join.PARA, Join.LINE):
                blocks.append([gap.after])
            else:
                blocks[-1].append(gap.after)
        return blocks
