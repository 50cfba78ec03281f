"""Plan every structure change of a document once; the five analysers each report their kind.

The plan turns the decisions (furniture, line anatomy, flow) into edits that never overlap:
a removed line takes its newline and the blank lines after it; a line break takes the spaces
around it; a glyph or speck takes its characters and the spaces after it. Word fixes sit on
word characters, so they fit between these spans. The same decisions, read as the text's
headings, paragraphs, list items and removed lines, are its reading structure (``reading``).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass

from korrektur.engine.base import AnalysisCancelled, NoProgress, Progress, WordOracle
from korrektur.engine.structure.bullets import Glyph
from korrektur.engine.structure.chars import DASHES
from korrektur.engine.structure.edits import Edit
from korrektur.engine.structure.flow import Flow, Gap, Item, Join, Role
from korrektur.engine.structure.furniture import find_furniture
from korrektur.engine.structure.hyphenation import HyphenMode
from korrektur.engine.structure.indent import bullet_places
from korrektur.engine.structure.line_parts import LineParts, line_parts
from korrektur.engine.structure.measure import LineMeasure
from korrektur.engine.structure.reflow import FlowPlanner
from korrektur.engine.structure.whitespace import inline_edits, quote_edits
from korrektur.model.document import Document
from korrektur.model.reason import Reason, phrase
from korrektur.model.structure import BULLET, ReadingStructure, Removal
from korrektur.model.suggestion import Kind


@dataclass(frozen=True)
class _Removal:
    kind: Kind
    confidence: float
    reason: str


@dataclass(frozen=True)
class Plan:
    """All structure edits of one document, sorted and never overlapping, and its structure.

    Attributes:
        edits: the edits.
        reading: the headings, paragraphs, list items and removed lines the edits make.
    """

    edits: tuple[Edit, ...]
    reading: ReadingStructure = ReadingStructure()

    def of_kind(self, kind: Kind) -> list[Edit]:
        """The edits of one kind."""
        return [edit for edit in self.edits if edit.kind is kind]


def make_plan(document: Document, oracle: WordOracle, progress: Progress | None = None) -> Plan:
    """Plan the structure edits of ``document``.

    Raises:
        AnalysisCancelled: ``progress`` asked to stop.
    """
    progress = progress or NoProgress()
    text = document.text
    removed: dict[int, _Removal] = {
        index: _Removal(Kind.PAGE_FURNITURE, item.confidence, item.reason)
        for index, item in find_furniture(document).items()
    }
    _step(progress, 1)
    content: list[LineParts] = []
    for index, line in enumerate(document.lines):
        if index in removed:
            continue
        parts = line_parts(text, index, line.start, line.end)
        if parts is None:
            continue
        if not any(ch.isalnum() for ch in text[parts.lead : parts.tail]):
            shown = text[parts.lead : parts.tail]
            said = Reason(phrase("symbols-line", text=shown))
            removed[index] = _Removal(Kind.WHITESPACE, 0.6, said)
            continue
        content.append(parts)
    bullets = bullet_places(document, content)
    content = bullets.lines
    _step(progress, 2)
    facts = _gap_facts(document, content, removed)
    measure = LineMeasure.of(document, content, facts)
    planner = FlowPlanner(text, content, facts, oracle, measure, bullets.placed)
    flow = planner.plan()
    _step(progress, 3)
    edits = list(_Assembler(document, flow, removed).edits())
    edits.sort(key=lambda e: (e.start, e.end))
    _step(progress, 4)
    lines = document.lines
    reading = ReadingStructure(
        tuple(planner.reading_blocks()),
        tuple(
            Removal(removal.kind, lines[index].start, lines[index].end)
            for index, removal in sorted(removed.items())
        ),
    )
    return Plan(tuple(_without_overlaps(edits)), reading)


def _step(progress: Progress, done: int) -> None:
    """Report one of the four steps of planning; stop if the user asked to."""
    progress.report(done, 4)
    if progress.cancelled():
        raise AnalysisCancelled


def _gap_facts(
    document: Document, content: list[LineParts], removed: dict[int, _Removal]
) -> list[tuple[bool, bool]]:
    """(blank line, page break) between each pair of consecutive lines of text."""
    page_of = [0] * len(document.lines)
    for number, page in enumerate(document.pages):
        for index in range(page.first_line, page.last_line + 1):
            page_of[index] = number
    facts = []
    for before, after in zip(content, content[1:], strict=False):
        between = range(before.index + 1, after.index)
        blank = any(i not in removed and not document.line_text(i).strip() for i in between)
        furniture = any(i in removed and removed[i].kind is Kind.PAGE_FURNITURE for i in between)
        facts.append((blank, furniture or page_of[before.index] != page_of[after.index]))
    return facts


class _Assembler:
    """Turns a flow and the removed lines into edits."""

    def __init__(self, document: Document, flow: Flow, removed: dict[int, _Removal]) -> None:
        self.document = document
        self.text = document.text
        self.flow = flow
        self.removed = removed
        self.content_at = {parts.index: parts for parts in flow.lines}

    def edits(self) -> Iterator[Edit]:
        yield from self._removed_lines()
        yield from self._ends()
        hyphen_before: set[int] = set()
        for gap in self.flow.gaps:
            edit = self._gap_edit(gap)
            if gap.join is Join.HYPHEN:
                hyphen_before.add(gap.before)
            if edit is not None:
                yield edit
        for pos, parts in enumerate(self.flow.lines):
            yield from self._line_edits(pos, parts, tail_taken=pos in hyphen_before)
        for block in self.flow.blocks():
            yield from quote_edits(self.text, [self.flow.lines[pos].body for pos in block])

    # -- removed lines and the ends of the text ------------------------------------------------

    def _stop_after(self, index: int) -> int:
        """Where the whitespace after line ``index`` ends: the next line's text or removal."""
        for later in range(index + 1, len(self.document.lines)):
            if later in self.removed:
                return self.document.lines[later].start
            if later in self.content_at:
                return self.content_at[later].lead
        return len(self.text)

    def _removed_lines(self) -> Iterator[Edit]:
        for index, removal in sorted(self.removed.items()):
            start = self.document.lines[index].start
            yield Edit(
                start,
                self._stop_after(index),
                "",
                removal.kind,
                removal.confidence,
                removal.reason,
            )

    def _first_stop(self) -> int:
        for index in range(len(self.document.lines)):
            if index in self.removed:
                return self.document.lines[index].start
            if index in self.content_at:
                return self.content_at[index].lead
        return len(self.text)

    def _segment_end(self, after_index: int, limit: int) -> int:
        """End of the whitespace after line ``after_index``: a removed line or ``limit``."""
        for index in range(after_index + 1, len(self.document.lines)):
            if index in self.removed:
                return min(self.document.lines[index].start, limit)
            if index in self.content_at:
                break
        return limit

    def _ends(self) -> Iterator[Edit]:
        if not self.flow.lines:
            return
        first = self._first_stop()
        if first > 0:
            said = Reason(phrase("blank-before"))
            yield Edit(0, first, "", Kind.WHITESPACE, 0.95, said)
        last = self.flow.lines[-1]
        end = self._segment_end(last.index, len(self.text))
        after = self.text[last.tail : end]
        wanted = "\n" if "\n" in after else ""
        if after != wanted:
            said = Reason(phrase("blank-after"))
            yield Edit(last.tail, end, wanted, Kind.WHITESPACE, 0.95, said)

    # -- line breaks ---------------------------------------------------------------------------

    def _gap_edit(self, gap: Gap) -> Edit | None:
        before = self.flow.lines[gap.before]
        after = self.flow.lines[gap.after]
        end = self._segment_end(before.index, after.lead)
        if gap.join is Join.HYPHEN and gap.hyphen is not None:
            body_end = before.body[1]
            hyphens = len(self.text[before.body[0] : body_end]) - len(
                self.text[before.body[0] : body_end].rstrip("-")
            )
            if gap.hyphen.mode is HyphenMode.JOIN:
                start, replacement = body_end - hyphens, ""
            elif gap.hyphen.mode is HyphenMode.KEEP:
                start, replacement = body_end - hyphens + 1, ""
            else:
                start, replacement = body_end - hyphens + 1, " "
            return Edit(
                start, end, replacement, Kind.HYPHENATION, gap.hyphen.confidence, gap.reason
            )
        raw = self.text[before.tail : end]
        replacement = gap.join.value
        if raw == replacement:
            return None
        kind = Kind.REFLOW
        reason = gap.reason
        if raw.count("\n") == replacement.count("\n"):
            kind, reason = Kind.WHITESPACE, Reason(phrase("spaces-at-break"))
        return Edit(before.tail, end, replacement, kind, gap.confidence, reason)

    # -- the parts of a line -------------------------------------------------------------------

    def _line_edits(self, pos: int, parts: LineParts, tail_taken: bool) -> Iterator[Edit]:
        mark = self.flow.marks.get(pos)
        body_start, body_end = parts.body
        for start, end in parts.speck_heads:
            shown = self.text[start:end].strip()
            said = Reason(phrase("speck-before", text=shown))
            yield Edit(start, end, "", Kind.WHITESPACE, 0.7, said)
        if mark is not None and parts.glyph is not None and not mark.insert:
            yield from self._glyph_edit(parts, parts.glyph, mark)
        if mark is not None and mark.insert:
            yield Edit(body_start, body_start, BULLET, Kind.BULLET, mark.confidence, mark.reason)
        yield from inline_edits(self.text, body_start, body_end)
        if parts.speck_tail is not None and not tail_taken:
            start, end = parts.speck_tail
            speck = self.text[start:end].strip()
            dash = all(ch in DASHES for ch in speck)
            yield Edit(
                start,
                end,
                "",
                Kind.WHITESPACE,
                0.5 if dash else 0.7,
                Reason(phrase("speck-after", text=speck)),
            )

    def _glyph_edit(self, parts: LineParts, glyph: Glyph, mark: Item) -> Iterator[Edit]:
        """The glyph as a bullet, deleted as a speck, or kept as text (one space after it)."""
        start, end = parts.glyph_span
        if mark.role is Role.ITEM and self.text[start:end] != BULLET:
            yield Edit(start, end, BULLET, Kind.BULLET, mark.confidence, mark.reason)
        elif mark.role is Role.SPECK:
            yield Edit(start, end, "", Kind.WHITESPACE, mark.confidence, mark.reason)
        elif mark.role is Role.TEXT:
            token_end = start + len(glyph.text)
            if self.text[token_end:end] != " ":
                said = Reason(phrase("several-spaces"))
                yield Edit(token_end, end, " ", Kind.WHITESPACE, 0.97, said)


def _without_overlaps(edits: list[Edit]) -> Iterator[Edit]:
    """Drop any edit that overlaps an earlier one (a safety net; the plan avoids them)."""
    last_end = -1
    last_insert = -1
    for edit in edits:
        if edit.start < last_end or (edit.start == edit.end == last_insert):
            continue
        if edit.start == edit.end:
            last_insert = edit.start
        last_end = max(last_end, edit.end)
        yield edit


class StructurePlanner:
    """Plans each document once for all structure analysers (thread-safe, last one kept)."""

    def __init__(self, oracle: WordOracle) -> None:
        self.oracle = oracle
        self._lock = threading.Lock()
        self._last: tuple[Document, Plan] | None = None

    def plan(self, document: Document, progress: Progress | None = None) -> Plan:
        """The plan for ``document`` (computed on first use)."""
        with self._lock:
            if self._last is not None and self._last[0] is document:
                return self._last[1]
        plan = make_plan(document, self.oracle, progress)
        with self._lock:
            self._last = (document, plan)
        return plan
