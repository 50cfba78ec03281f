"""A text pane: plain text with a line-number gutter, page boundaries and suggestion marks."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QFontDatabase,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QTextCursor,
    QTextLine,
)
from PySide6.QtWidgets import QPlainTextDocumentLayout, QPlainTextEdit, QToolTip, QWidget

from korrektur.model import Suggestion
from korrektur.ui.formatting import change_text, kinds_text
from korrektur.ui.gutter import LineGutter
from korrektur.ui.marks import MarkLayer
from korrektur.ui.painting import (
    NEWLINE_WIDTH,
    LinesCache,
    ceil_digits,
    paint_fill,
    paint_lines,
    paint_outline,
    paint_page_line,
    span_rects,
)
from korrektur.ui.prepared import Prepared
from korrektur.ui.reason_text import reason_text
from korrektur.ui.textmap import Utf16Index
from korrektur.ui.theme import Theme

CLICK_SLOP = 4  # pixels a press may move and still count as a click
MANY_SPANS = 64  # more changed marks than this repaint the whole view (see ``set_layer``)


class TextPane(QPlainTextEdit):
    """Shows one side of the review; marks come from a ``MarkLayer`` in this pane's offsets.

    Attributes:
        layer: spans, pages and line numbers to show (None: plain text).
        theme: colours to paint with.
        current_id: the suggestion drawn with a box.
        strike_rejected: rejected suggestions are struck through (the raw side).

    Signals:
        clicked(int, QPoint): a click (not a drag) on text: offset and global position.
    """

    clicked = Signal(int, QPoint)

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme = theme
        self.layer: MarkLayer | None = None
        self.current_id: str | None = None
        self.strike_rejected = False
        self._current_span: tuple[int, int] | None = None
        self.page_label = "p%1"
        self._index = Utf16Index("")
        self._press: QPoint | None = None
        self._lines: LinesCache | None = None  # during a paint: blocks read from Qt
        self._gutter = LineGutter(self, self)
        self.setUndoRedoEnabled(False)
        self.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.updateRequest.connect(self._scroll_gutter)
        self.blockCountChanged.connect(self._fit_gutter)
        self._fit_gutter()

    # -- text and offsets --------------------------------------------------------------------

    def set_text(self, text: str) -> None:
        """Show ``text`` (scrolled to the top)."""
        self.setPlainText(text)
        self.reindex(text)

    def use_document(self, prepared: Prepared) -> None:
        """Show a document prepared off the GUI thread (scrolled to the top)."""
        document = prepared.document
        document.setParent(self)
        document.setDocumentLayout(QPlainTextDocumentLayout(document))
        document.setDefaultFont(self.font())
        self.setDocument(document)  # Qt deletes the previous one if it was a child of ours
        self._index = prepared.index

    def reindex(self, text: str) -> None:
        """The text changed to ``text``: rebuild the offset index."""
        self._index = Utf16Index(text)

    def reindex_edit(self, start: int, end: int, inserted: str) -> None:
        """The text's ``[start, end)`` became ``inserted``: update the offset index."""
        self._index = self._index.replaced(start, end, inserted)

    def to_qt(self, offset: int) -> int:
        """Qt position of a Python offset."""
        return self._index.to_qt(offset)

    def from_qt(self, position: int) -> int:
        """Python offset of a Qt position."""
        return self._index.from_qt(position)

    def set_layer(
        self, layer: MarkLayer | None, dirty: list[tuple[int, int]] | None = None
    ) -> None:
        """Show the marks of ``layer``; with ``dirty`` only those spans are repainted.

        Only what is in view is repainted, and many spans at once (a bulk decision) repaint
        the whole view: finding the rectangles of a span lays out its text blocks, and for
        the 22,000 marks of a bulk acceptance on a 300-page report that laid out the whole
        document (140 MB of Qt layouts kept, and seconds of the GUI thread).
        """
        self.layer = layer
        if dirty is None:
            self._fit_gutter()
            self.viewport().update()
            self._gutter.update()
            return
        if len(dirty) > MANY_SPANS:
            self.viewport().update()
            return
        view = self.visible_range()
        for start, end in dirty:
            self._update_span(start, end, view)

    def set_current(self, suggestion_id: str | None, span: tuple[int, int] | None) -> None:
        """Draw the box around another suggestion (``span`` is where it stands here)."""
        for old_or_new in (self._current_span, span):
            if old_or_new is not None:
                self._update_span(*old_or_new)
        old_line = self.current_line()
        self.current_id = suggestion_id
        self._current_span = span
        if self.current_line() != old_line:
            self._gutter.update()

    def _update_span(self, start: int, end: int, view: tuple[int, int] | None = None) -> None:
        """Repaint the rectangles of a span in ``view`` (with room for outline and underline).

        ``view`` is ``visible_range()`` (asked here when not given); the part of the span
        outside it is left alone (see ``set_layer``).
        """
        first, last = view if view is not None else self.visible_range()
        if end < first or start > last:
            return
        for rect in self.rects_of(max(start, first), min(end, last)):
            self.viewport().update(rect.adjusted(-4.0, -3.0, 4.0 + NEWLINE_WIDTH, 3.0).toRect())

    def line_number_at(self, position: int) -> int:
        """The raw line number shown for Qt ``position``."""
        if self.layer is None:
            return self.document().findBlock(position).blockNumber() + 1
        return self.layer.line_number(self.from_qt(position))

    def current_line(self) -> int | None:
        """The line number of the current suggestion."""
        if self.layer is None or self._current_span is None:
            return None
        return self.layer.line_number(self._current_span[0])

    # -- geometry ----------------------------------------------------------------------------

    def visible_range(self) -> tuple[int, int]:
        """Python offsets of the first and last character in view."""
        first = self.firstVisibleBlock().position()
        corner = QPoint(self.viewport().width() - 1, self.viewport().height() - 1)
        last_block = self.cursorForPosition(corner).block()
        last = last_block.position() + last_block.length()
        return self.from_qt(first), self.from_qt(last)

    def visible_marks(self) -> list[tuple[int, int, Suggestion]]:
        """The marks in view, with their spans in this pane."""
        if self.layer is None:
            return []
        start, end = self.visible_range()
        return list(self.layer.between(start, end))

    def rects_of(self, start: int, end: int) -> list[QRectF]:
        """Viewport rectangles of the Python span ``[start, end)``."""
        limit = float(self.viewport().height())
        return span_rects(self, self.to_qt(start), self.to_qt(end), limit, self._lines)

    def offset_at(self, point: QPoint) -> int | None:
        """The Python offset of the character under viewport ``point`` (None off the text)."""
        block = self.cursorForPosition(point).block()
        geometry = self.blockBoundingGeometry(block).translated(self.contentOffset())
        layout = block.layout()
        for number in range(layout.lineCount()):
            line = layout.lineAt(number)
            top = geometry.top() + line.y()
            if top <= point.y() < top + line.height():
                x = point.x() - geometry.left()
                if x > line.naturalTextWidth() + 2:
                    return None
                char = line.xToCursor(x, QTextLine.CursorPosition.CursorOnCharacter)
                return self.from_qt(block.position() + char)
        return None

    def top_offset(self) -> int:
        """The Python offset at the top left of the view."""
        return self.from_qt(self.cursorForPosition(QPoint(0, 0)).position())

    def scroll_to_offset(self, offset: int, lines_above: int = 0) -> None:
        """Scroll so the line holding ``offset`` is at the top (``lines_above`` lines lower)."""
        position = self.to_qt(offset)
        block = self.document().findBlock(position)
        if not block.isValid():
            return
        line = block.layout().lineForTextPosition(position - block.position())
        number = block.firstLineNumber() + (line.lineNumber() if line.isValid() else 0)
        self.verticalScrollBar().setValue(max(0, number - lines_above))

    def reveal(self, start: int, end: int) -> None:
        """Scroll just enough that ``[start, end)`` is well inside the view."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(self.to_qt(start), self.document().characterCount() - 1))
        rect = self.cursorRect(cursor)
        height = self.viewport().height()
        if rect.top() < height * 0.15 or rect.bottom() > height * 0.85:
            visible_lines = max(1, height // max(1, self.fontMetrics().lineSpacing()))
            self.scroll_to_offset(start, visible_lines // 3)
        if self.isReadOnly() or not self.hasFocus():
            self.setTextCursor(cursor)

    # -- zoom --------------------------------------------------------------------------------

    def set_font_size(self, points: int) -> None:
        """Zoom to ``points``."""
        font = QFont(self.font())
        font.setPointSize(points)
        self.setFont(font)
        self._fit_gutter()

    # -- gutter ------------------------------------------------------------------------------

    def gutter_width(self) -> int:
        """Room for the largest line number."""
        lines = len(self.layer.document.lines) if self.layer else self.blockCount()
        pages = len(self.layer.document.pages) if self.layer else 1
        digit = self.fontMetrics().horizontalAdvance("9")
        page_room = int(digit * 0.8 * (len(self.page_label) + ceil_digits(pages)))
        return 10 + page_room + digit * ceil_digits(lines)

    def _fit_gutter(self, *_: object) -> None:
        self.setViewportMargins(self.gutter_width(), 0, 0, 0)
        rect = self.contentsRect()
        self._gutter.setGeometry(QRect(rect.left(), rect.top(), self.gutter_width(), rect.height()))

    def _scroll_gutter(self, rect: QRect, dy: int) -> None:
        if dy:
            self._gutter.scroll(0, dy)
        else:
            self._gutter.update(0, rect.y(), self._gutter.width(), rect.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Keep the gutter beside the text."""
        super().resizeEvent(event)
        self._fit_gutter()

    # -- painting ----------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        """Tints under the text, then the text, then lines, outline and page boundaries."""
        self._lines = {}  # the layout stands still while painting: read each block once
        try:
            self._paint(event)
        finally:
            self._lines = None

    def _paint(self, event: QPaintEvent) -> None:
        marks = [
            (suggestion, self.rects_of(start, end))
            for start, end, suggestion in self.visible_marks()
        ]
        painter = QPainter(self.viewport())
        for suggestion, rects in marks:
            self.paint_under(painter, suggestion, rects)
        painter.end()
        super().paintEvent(event)
        self._lines = {}  # Qt may have laid out blocks while painting the text
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for suggestion, rects in marks:
            self.paint_over(painter, suggestion, rects)
            if suggestion.id == self.current_id:
                paint_outline(painter, rects, self.theme)
        self._paint_pages(painter)
        painter.end()

    def paint_under(self, painter: QPainter, suggestion: Suggestion, rects: list[QRectF]) -> None:
        """What a mark paints under the text (a tint while it is pending)."""
        paint_fill(painter, suggestion, rects, self.theme)

    def paint_over(self, painter: QPainter, suggestion: Suggestion, rects: list[QRectF]) -> None:
        """What a mark paints over the text: underline, flag, strike-through."""
        paint_lines(painter, suggestion, rects, self.theme, self.strike_rejected)

    def page_tops(self) -> list[tuple[float, int]]:
        """Viewport y and number of each page that starts in view (page 1 included)."""
        if self.layer is None:
            return []
        start, end = self.visible_range()
        tops = []
        for offset, number in ((0, 1), *self.layer.pages):
            if start <= offset <= end:
                rects = self.rects_of(offset, offset)
                if rects:
                    tops.append((rects[0].top(), number))
        return tops

    def _paint_pages(self, painter: QPainter) -> None:
        width = float(self.viewport().width())
        for top, number in self.page_tops():
            if number > 1:
                paint_page_line(painter, top, 0.0, width, self.theme)

    # -- mouse -------------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Remember where a possible click started."""
        self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """A press and release in one place is a click on a character."""
        super().mouseReleaseEvent(event)
        point = event.position().toPoint()
        press, self._press = self._press, None
        if event.button() != Qt.MouseButton.LeftButton or press is None:
            return
        if (point - press).manhattanLength() > CLICK_SLOP or self.textCursor().hasSelection():
            return
        offset = self.offset_at(point)
        if offset is not None:
            self.clicked.emit(offset, self.viewport().mapToGlobal(point))

    def viewportEvent(self, event: QEvent) -> bool:
        """Tooltips: what the suggestion under the mouse proposes and why."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            offset = self.offset_at(event.pos())
            suggestion = None if offset is None or self.layer is None else self.layer.at(offset)
            if suggestion is None:
                QToolTip.hideText()
            else:
                tip = f"{change_text(suggestion)}\n{kinds_text(suggestion)}"
                if suggestion.reason:
                    tip += f"\n{reason_text(suggestion.reason)}"
                QToolTip.showText(event.globalPos(), tip, self.viewport())
            return True
        return super().viewportEvent(event)

    # -- drops go to the window (files), never into the text --------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Let file drags through to the main window."""
        if event.mimeData().hasUrls():
            event.ignore()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        """Let file drags through to the main window."""
        if event.mimeData().hasUrls():
            event.ignore()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        """Let file drops through to the main window."""
        if event.mimeData().hasUrls():
            event.ignore()
        else:
            super().dropEvent(event)
