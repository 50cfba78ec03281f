"""The corrected pane: follows the corrected text; typing (only in edit mode) is a manual edit."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QPalette, QTextCursor
from PySide6.QtWidgets import QWidget

from korrektur.model import WORD_KINDS, Change, Kind, ReviewSession, Suggestion
from korrektur.model.offsets import OffsetMap
from korrektur.model.palette import EDITING_BORDER, primary_kind
from korrektur.model.view import TextView
from korrektur.ui.keys import claims_key, leaves_to_window
from korrektur.ui.painting import paint_ghost, paint_join, paint_paragraph, paint_pending_flag
from korrektur.ui.pane import TextPane
from korrektur.ui.prepared import Prepared
from korrektur.ui.textmap import qt_plain_text, text_difference
from korrektur.ui.theme import Theme

JOIN_KINDS = frozenset({Kind.REFLOW, Kind.HYPHENATION, Kind.WHITESPACE})

# Beyond this many changed spans one replacement of the whole changed region is cheaper.
MAX_SPAN_EDITS = 200


class CorrectedPane(TextPane):
    """The corrected text, kept equal to ``session.corrected_text()``.

    Read-only while reviewing: a click only moves the cursor, and the review keys keep
    deciding. In edit mode (``set_editing``) every key types, and the pane has a border.

    Attributes:
        editing: keys type here (free edit mode).

    Signals:
        edited(int, int, str): the reviewer replaced corrected ``[start, end)`` by the text.
        leave(): Escape was pressed (back to reviewing with keys).
        edit_requested(int): a double-click at this offset asks to edit there.
    """

    edited = Signal(int, int, str)
    leave = Signal()
    edit_requested = Signal(int)
    editing = False  # also while the base class is built (it gets events meanwhile)

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(theme, parent)
        self.view = TextView()  # how the session shows its text (ghosts, proposals)
        self.setReadOnly(True)
        self._shown = ""
        self._offsets: OffsetMap | None = None
        self._syncing = False
        self._typing = False
        self.document().contentsChange.connect(self._on_contents_change)

    # -- following the session ---------------------------------------------------------------

    def show_text(
        self, text: str, offsets: OffsetMap | None = None, prepared: Prepared | None = None
    ) -> None:
        """Show ``text`` as a whole (a new document or session), from ``prepared`` if given."""
        self._syncing = True
        try:
            if prepared is not None and prepared.text is text:
                self.use_document(prepared)
                self.document().contentsChange.connect(self._on_contents_change)
            else:
                self.set_text(text)
        finally:
            self._syncing = False
        self._shown = text
        self._offsets = offsets

    def follow(self, session: ReviewSession, change: Change) -> bool:
        """Bring the text up to date after ``change`` with as small an edit as possible.

        Returns True when the text changed.
        """
        new_text, new_offsets = session.corrected_text(), session.offsets
        changed = new_text is not self._shown and new_text != self._shown
        if changed and not self._typing:
            edits = self._span_edits(session, change)
            if edits is None:
                start, end, inserted = text_difference(self._shown, new_text)
                edits = [(start, end, inserted)] if start != end or inserted else []
            self._replace(edits)
        self._shown = new_text
        self._offsets = new_offsets
        return changed

    def _span_edits(
        self, session: ReviewSession, change: Change
    ) -> list[tuple[int, int, str]] | None:
        """Per-suggestion edits for a decision change; None when a diff is needed."""
        if change.structural or self._offsets is None or len(change.ids) > MAX_SPAN_EDITS:
            return None
        edits = []
        for suggestion_id in dict.fromkeys(change.ids):
            suggestion = session.get(suggestion_id)
            start, end = self._offsets.corrected_span(session.index_of(suggestion))
            text = session.shown_text(suggestion)
            if self._shown[start:end] != text:
                edits.append((start, end, text))
        return sorted(edits, reverse=True)

    def _replace(self, edits: list[tuple[int, int, str]]) -> None:
        """Apply edits, given last first, as one block without counting them as typing."""
        if not edits:
            return
        self._syncing = True
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        try:
            for start, end, text in edits:
                cursor.setPosition(self.to_qt(start))
                cursor.setPosition(self.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
                cursor.insertText(text)
                self.reindex_edit(start, end, text)
        finally:
            cursor.endEditBlock()
            self._syncing = False

    # -- marks -------------------------------------------------------------------------------

    def _shape(self, suggestion: Suggestion) -> str:
        """How a mark is drawn here: ghost, join, paragraph or (by kind) underline."""
        if self.view.is_ghost(suggestion):
            return "ghost"
        if not suggestion.kinds & JOIN_KINDS or suggestion.kinds & WORD_KINDS:
            return ""
        text = self.view.text_of(suggestion)
        breaks, before = text.count("\n"), suggestion.original.count("\n")
        if before and not breaks and not text.strip():
            return "join"
        return "paragraph" if breaks > before else ""

    def paint_under(self, painter: QPainter, suggestion: Suggestion, rects: list[QRectF]) -> None:
        """Ghosts and joins are not tinted: they show by their own marks."""
        if not self._shape(suggestion):
            super().paint_under(painter, suggestion, rects)

    def paint_over(self, painter: QPainter, suggestion: Suggestion, rects: list[QRectF]) -> None:
        """A removed line struck through, a join tied, a new paragraph with a pilcrow."""
        shape = self._shape(suggestion)
        if not shape:
            super().paint_over(painter, suggestion, rects)
            return
        colour = self.theme.line_colour(primary_kind(suggestion))
        if suggestion.decided:
            colour.setAlpha(140)
        else:
            paint_pending_flag(painter, rects, colour)
        if shape == "ghost":
            paint_ghost(painter, rects, self.theme, self.palette().color(QPalette.ColorRole.Base))
        elif shape == "join":
            paint_join(painter, rects, colour)
        else:
            paint_paragraph(painter, rects, colour)

    # -- edit mode ---------------------------------------------------------------------------

    def set_editing(self, on: bool) -> None:
        """Let keys type here (with a border that says so), or make the pane read-only."""
        if on == self.editing:
            return
        self.editing = on
        self.setReadOnly(not on)
        self.set_border(on)
        if on:
            self.ensureCursorVisible()

    def set_border(self, on: bool) -> None:
        """The orange border that says keys type here (free text or the in-place editor).

        Set only when it changes: each style sheet set re-polishes the pane and lays out
        its text again (5-6 ms of the GUI thread for a 300-page report), and leaving edit
        mode asks twice (the pane stops editing, then the mode changes).
        """
        sheet = f"CorrectedPane {{ border: 3px solid {EDITING_BORDER}; }}" if on else ""
        if self.styleSheet() != sheet:
            self.setStyleSheet(sheet)

    def place_cursor(self, offset: int) -> None:
        """Put the text cursor at Python ``offset``."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(self.to_qt(offset), self.document().characterCount() - 1))
        self.setTextCursor(cursor)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        """While reviewing, a double-click starts editing at the place clicked."""
        if self.editing or event.button() != Qt.MouseButton.LeftButton:
            super().mouseDoubleClickEvent(event)
            return
        position = self.cursorForPosition(event.position().toPoint()).position()
        self.edit_requested.emit(self.from_qt(position))

    # -- typing ------------------------------------------------------------------------------

    def _on_contents_change(self, position: int, removed: int, added: int) -> None:
        if self._syncing:
            return
        start = self.from_qt(position)
        end = self.from_qt(position + removed)
        cursor = QTextCursor(self.document())
        cursor.setPosition(position)
        cursor.setPosition(position + added, QTextCursor.MoveMode.KeepAnchor)
        inserted = qt_plain_text(cursor.selectedText())
        old = self._shown[start:end]
        self.reindex_edit(start, end, inserted)
        trim_start, trim_end, text = text_difference(old, inserted)
        if trim_start == trim_end and not text:
            return
        self._typing = True
        try:
            self.edited.emit(start + trim_start, start + trim_end, text)
        finally:
            self._typing = False

    def event(self, event: QEvent) -> bool:
        """In edit mode plain keys type here, even review keys; undo stays the window's."""
        if self.editing and (claims_key(event) or leaves_to_window(event)):
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Escape returns to reviewing; in edit mode Enter types a plain line break."""
        if event.key() == Qt.Key.Key_Escape:
            self.leave.emit()
            return
        if not self.editing:
            super().keyPressEvent(event)
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.textCursor().insertText("\n")
            return
        super().keyPressEvent(event)
