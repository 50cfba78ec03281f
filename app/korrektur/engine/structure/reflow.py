"""Decide how the lines of text flow together: same paragraph, new paragraph, next list item.

The planner walks the lines of text (page furniture and speck lines already set aside) and
decides for each line break whether it joins two parts of one paragraph (with a space, or as a
hyphenated word), starts a new paragraph, or starts a list item. A printed line that ends
where the next word would still have fitted was ended on purpose; a line that ends without a
full stop continues after a blank line or a page break when the next line starts in lower case.
"""

from __future__ import annotations

import re

from korrektur.engine.base import WordOracle
from korrektur.engine.structure.bullets import Strength
from korrektur.engine.structure.chars import (
    ends_open,
    ends_terminal,
    is_lower_start,
    is_upper_start,
)
from korrektur.engine.structure.flow import Flow, Gap, Item, Join, Role
from korrektur.engine.structure.hyphenation import decide
from korrektur.engine.structure.line_parts import LineParts
from korrektur.engine.structure.measure import LineMeasure
from korrektur.engine.structure.whitespace import COLUMN_GAP
from korrektur.model.reason import Reason, phrase
from korrektur.model.structure import Block, BlockKind

FIT = 0.92  # share of the column width a line may fill and still have room for another word
FULL = 0.85  # share of the column width from which a line counts as full
MIN_SAMPLE = 8  # lines needed to measure the column width
MIN_WIDTH = 80  # characters assumed for the column when there are too few lines to measure
MAX_ITEM_LINES = 3  # lines of an unmarked list item after an introducing colon
HEADING_WORDS = 12  # words of the longest heading


_COLUMN_GAP = re.compile(rf"\S[ \t]{{{COLUMN_GAP},}}\S")


def column_width(text: str, lines: list[LineParts], gaps: list[tuple[bool, bool]]) -> int:
    """The width of the text column in characters, from the lines that were wrapped.

    A line that the next line continues in lower case, with no blank line or page break
    between, was wrapped because it was full: the 90th percentile of their lengths is the
    column width. With fewer than ``MIN_SAMPLE`` of them (a short text, or text already in
    paragraphs), no line counts as full: the width is that of the longest line, at least
    ``MIN_WIDTH``.
    """
    wrapped = sorted(
        before.tail - before.lead
        for before, after, (blank, page_break) in zip(lines, lines[1:], gaps, strict=False)
        if not blank and not page_break and text[after.body[0] : after.body[0] + 1].islower()
    )
    if len(wrapped) < MIN_SAMPLE:
        return max([MIN_WIDTH, *(p.tail - p.lead for p in lines)])
    return max(20, wrapped[min(len(wrapped) - 1, int(0.9 * len(wrapped)))])


def reads_as_heading(text: str) -> bool:
    """Short, a capital or a digit first, no closing punctuation (``Bakgrund``, ``3 Resultat``)."""
    return (
        bool(text)
        and (is_upper_start(text) or text[0].isdigit())
        and text[-1] not in ".!?:;,-"
        and not ends_open(text)
        and len(text.split()) <= HEADING_WORDS
    )


class FlowPlanner:
    """Decides the flow of one document's lines of text."""

    def __init__(
        self,
        text: str,
        lines: list[LineParts],
        gaps: list[tuple[bool, bool]],
        oracle: WordOracle,
        measure: LineMeasure | None = None,
        placed: frozenset[int] = frozenset(),
    ) -> None:
        """``gaps[i]`` tells (blank line, page break) between ``lines[i]`` and ``lines[i+1]``.

        From a scan's boxes: ``measure``, its line lengths on the page, used instead of
        counting characters; ``placed``, the (document) lines whose glyph stands where the
        page's list bullets stand.
        """
        self.text = text
        self.flow = Flow(lines)
        self.facts = gaps
        self.oracle = oracle
        self.width = column_width(text, lines, gaps)
        self.measure = measure
        self.placed = placed

    # -- text of the parts --------------------------------------------------------------------

    def body(self, pos: int) -> str:
        """The text proper of line ``pos`` (with a kept dash, without a removed glyph)."""
        parts = self.flow.lines[pos]
        mark = self.flow.marks.get(pos)
        text_glyph = mark is not None and mark.role is Role.TEXT
        start = parts.glyph_span[0] if text_glyph else parts.body[0]
        return self.text[start : parts.body[1]]

    def fits(self, pos: int, next_pos: int | None) -> bool:
        """Would the first word of line ``next_pos`` (None: a word) have fitted after ``pos``?"""
        measured = self.measure.fits(pos, next_pos) if self.measure else None
        if measured is not None:
            return measured
        parts = self.flow.lines[pos]
        words = self.body(next_pos).split() if next_pos is not None else []
        return (parts.tail - parts.lead) + 1 + len(words[0] if words else "") <= FIT * self.width

    def heading_like(self, pos: int, next_pos: int | None) -> bool:
        """A short line with a capital and no closing punctuation, ended early (``is_heading``)."""
        return reads_as_heading(self.body(pos)) and self.fits(pos, next_pos)

    def stands_alone(self, pos: int) -> bool:
        """Line ``pos`` is heading-like with a blank line, a page break or the end after it."""
        last = pos == len(self.flow.lines) - 1
        return self.heading_like(pos, None) and (last or any(self.facts[pos]))

    def full(self, pos: int) -> bool:
        """Line ``pos`` fills (nearly) the whole column."""
        measured = self.measure.full(pos) if self.measure else None
        if measured is not None:
            return measured
        parts = self.flow.lines[pos]
        return parts.tail - parts.lead >= FULL * self.width

    def in_columns(self, pos: int) -> bool:
        """Line ``pos`` is laid out in columns (a signature, a table row)."""
        parts = self.flow.lines[pos]
        return _COLUMN_GAP.search(self.text, parts.lead, parts.body[1]) is not None

    # -- the walk -----------------------------------------------------------------------------

    def plan(self) -> Flow:
        """Decide every break and every list mark."""
        lines = self.flow.lines
        in_item = False
        block_first = 0
        for pos in range(len(lines)):
            role = self._glyph_role(pos, in_item)
            if role is not None:
                self.flow.marks[pos] = role
            if pos == 0:
                in_item = role is not None and role.role is Role.ITEM
                continue
            blank, page_break = self.facts[pos - 1]
            gap = Gap(pos - 1, pos, blank, page_break)
            if role is not None and role.role is Role.ITEM:
                gap.join, gap.confidence = Join.PARA, 0.9
                gap.reason = Reason(phrase("item-starts"))
            else:
                self._decide(gap, block_first)
            self.flow.gaps.append(gap)
            if gap.join in (Join.PARA, Join.LINE):
                block_first = pos
                in_item = role is not None and role.role is Role.ITEM
        self._unmarked_items()
        self._list_breaks()
        return self.flow

    def _next_glyph(self, pos: int, glyph: str) -> bool:
        for parts in self.flow.lines[pos + 1 : pos + 4]:
            if parts.glyph is not None and (
                parts.glyph.strength is not Strength.DASH or parts.glyph.text == glyph
            ):
                return True
        return False

    def _glyph_role(self, pos: int, in_item: bool) -> Item | None:
        """What the glyph of line ``pos`` is, given the list (if any) it stands in."""
        parts = self.flow.lines[pos]
        glyph = parts.glyph
        if glyph is None:
            return None
        rest = self.text[parts.body[0] : parts.body[1]]
        before = self.body(pos - 1) if pos else ""
        in_list = in_item or before.endswith(":") or self._next_glyph(pos, glyph.text)
        shown = f"'{glyph.text}'"
        if glyph.strength is Strength.TRUE:
            return Item(Role.ITEM, 0.97, Reason(phrase("bullet", glyph=shown)))
        if parts.index in self.placed:
            return Item(Role.ITEM, 0.85, Reason(phrase("bullet-placed", glyph=shown)))
        if glyph.strength is Strength.LETTER and not is_upper_start(rest) and not in_list:
            return Item(Role.TEXT, 1.0, "")
        if glyph.strength in (Strength.OCR, Strength.LETTER):
            if not rest[:1].isalpha() and rest[:1] != "|":
                return Item(Role.TEXT, 1.0, "")
            if pos and not in_list and is_lower_start(rest) and not ends_terminal(before):
                return Item(Role.SPECK, 0.6, Reason(phrase("speck-goes-on", glyph=shown)))
            confidence = 0.9 if glyph.strength is Strength.OCR else 0.85
            return Item(Role.ITEM, confidence, Reason(phrase("bullet-misread", glyph=shown)))
        if in_list:
            return Item(Role.ITEM, 0.7, Reason(phrase("bullet-in-list", glyph=shown)))
        if is_upper_start(rest):
            return Item(Role.SPECK, 0.5, Reason(phrase("speck-outside-list", glyph=shown)))
        return Item(Role.TEXT, 1.0, "")

    def _decide(self, gap: Gap, block_first: int) -> None:
        """Decide a break that no list item forces: hyphen, same paragraph, or a new one."""
        before, after = self.body(gap.before), self.body(gap.after)
        if not before or not after:
            gap.join, gap.confidence, gap.reason = Join.SPACE, 0.5, Reason(phrase("symbols"))
            return
        continues = (
            is_lower_start(after)
            or after[0] in "([%§"
            or (after[0].isdigit() and not self.heading_like(gap.before, gap.after))
        )
        broken = gap.blank or gap.page_break
        stem = before.rstrip("-")
        if (
            stem != before
            and stem[-1:].isalnum()
            and (continues or (is_upper_start(after) and not broken))
        ):
            gap.hyphen = decide(before.split()[-1], after.split()[0], self.oracle)
            gap.join, gap.confidence = Join.HYPHEN, gap.hyphen.confidence
            gap.reason = gap.hyphen.reason
            return
        if self.in_columns(gap.before) or self.in_columns(gap.after):
            both = self.in_columns(gap.before) and self.in_columns(gap.after)
            gap.join = Join.LINE if both and not broken else Join.PARA
            gap.confidence, gap.reason = 0.7, Reason(phrase("columns"))
            return
        join, confidence, reason = (
            self._broken(gap, before, after, continues)
            if broken
            else self._unbroken(gap, before, after, block_first)
        )
        gap.join, gap.confidence, gap.reason = join, confidence, reason

    def _unbroken(
        self, gap: Gap, before: str, after: str, block_first: int
    ) -> tuple[Join, float, str]:
        """Two lines one after the other: a paragraph goes on unless the line ended early."""
        sentence = ends_terminal(before) or before.endswith(":")
        starts_new = is_upper_start(after) or after[0].isdigit()
        heading = block_first == gap.before and self.heading_like(gap.before, gap.after)
        if starts_new and self.fits(gap.before, gap.after) and (sentence or heading):
            return (
                Join.PARA,
                0.75,
                Reason(phrase("fitted")),
            )
        return Join.SPACE, 0.85 if sentence else 0.95, Reason(phrase("inside-paragraph"))

    def _broken(
        self, gap: Gap, before: str, after: str, continues: bool
    ) -> tuple[Join, float, str]:
        """Lines apart (a blank line or a page break): a new paragraph unless the text goes on."""
        where = phrase("page-break" if gap.page_break else "blank-line")
        sentence = ends_terminal(before) or before.endswith(":")
        fits = self.fits(gap.before, gap.after)
        heading_next = self.stands_alone(gap.after)
        if continues and not sentence:
            return Join.SPACE, 0.8, Reason(phrase("goes-on", where=where))
        if (
            not sentence
            and (ends_open(before) or (not fits and not heading_next))
            and not self.heading_like(gap.before, gap.after)
        ):
            return (
                Join.SPACE,
                0.6,
                Reason(phrase("full-goes-on", where=where)),
            )
        if (
            gap.page_break
            and ends_terminal(before)
            and (is_upper_start(after) or after[0].isdigit())
            and not fits
            and self.full(gap.before)
            and not heading_next
        ):
            return (
                Join.SPACE,
                0.55,
                Reason(phrase("full-before", where=where)),
            )
        return Join.PARA, 0.9 if gap.blank else 0.8, Reason(phrase("new-paragraph", where=where))

    # -- lists ---------------------------------------------------------------------------------

    def _is_item(self, block: list[int]) -> bool:
        mark = self.flow.marks.get(block[0])
        return mark is not None and mark.role is Role.ITEM

    def _block_heading(self, block: list[int]) -> bool:
        """The lines of ``block``, read together, are a heading (the one rule, as a block)."""
        text = " ".join(self.body(pos) for pos in block)
        return reads_as_heading(text) and self.fits(block[-1], None)

    # -- the reading structure -----------------------------------------------------------------

    def is_heading(self, block: list[int], last: bool) -> bool:
        """The one heading rule: a block that reads as a heading and whose line ended early.

        A heading is short, starts with a capital or a digit and has no closing punctuation
        (``reads_as_heading``), and its last line ends where the next word would still
        have fitted. Not a list item, not a row of columns, and not the last block of the
        text (a heading has text after it).
        """
        return (
            not last
            and not self._is_item(block)
            and not self.in_columns(block[0])
            and self._block_heading(block)
        )

    def reading_blocks(self) -> list[Block]:
        """The planned flow as headings, paragraphs and list items (call after ``plan``)."""
        blocks = self.flow.blocks()
        found = []
        for number, block in enumerate(blocks):
            if self._is_item(block):
                kind = BlockKind.ITEM
            elif self.is_heading(block, last=number == len(blocks) - 1):
                kind = BlockKind.HEADING
            else:
                kind = BlockKind.PARAGRAPH
            first, last = self.flow.lines[block[0]], self.flow.lines[block[-1]]
            found.append(Block(kind, first.lead, last.tail))
        return found

    def _unmarked_items(self) -> None:
        """Items whose bullet OCR lost: between two items, or in a run after a colon."""
        blocks = self.flow.blocks()
        items = [self._is_item(b) for b in blocks]
        for k, block in enumerate(blocks):
            text = self.body(block[0])
            if items[k] or not is_upper_start(text) or self._block_heading(block):
                continue
            if (
                0 < k < len(blocks) - 1
                and items[k - 1]
                and items[k + 1]
                and len(block) <= MAX_ITEM_LINES
                and not self.body(block[-1]).endswith(":")
            ):
                self.flow.marks[block[0]] = Item(
                    Role.ITEM, 0.6, Reason(phrase("lost-bullet-between")), True
                )
        for k, block in enumerate(blocks):
            if items[k] or not self.body(block[-1]).endswith(":"):
                continue
            run = []
            j = k + 1
            while j < len(blocks) and not self._is_item(blocks[j]):
                candidate = blocks[j]
                if (
                    self._block_heading(candidate)
                    or len(candidate) > MAX_ITEM_LINES
                    or self.body(candidate[-1]).endswith(":")
                    or not is_upper_start(self.body(candidate[0]))
                ):
                    break
                run.append(candidate)
                j += 1
            closed = j == len(blocks) or self._is_item(blocks[j]) or self._block_heading(blocks[j])
            if len(run) >= 2 and closed:
                for candidate in run:
                    self.flow.marks[candidate[0]] = Item(
                        Role.ITEM,
                        0.45,
                        Reason(phrase("lost-bullet-run")),
                        True,
                    )

    def _list_breaks(self) -> None:
        """Consecutive items are separated by a line break, everything else by a blank line."""
        for gap in self.flow.gaps:
            if gap.join is not Join.PARA:
                continue
            before = self._item_of(gap.before)
            after = self.flow.marks.get(gap.after)
            if before and after is not None and after.role is Role.ITEM:
                gap.join, gap.reason = Join.LINE, Reason(phrase("next-item"))
                gap.confidence = min(0.9, after.confidence)

    def _item_of(self, pos: int) -> bool:
        """Is line ``pos`` part of a list item (its first line or a continuation)?"""
        while pos >= 0:
            mark = self.flow.marks.get(pos)
            if mark is not None and mark.role is Role.ITEM:
                return True
            if pos == 0 or self.flow.gaps[pos - 1].join in (Join.PARA, Join.LINE):
                return False
            pos -= 1
        return False
