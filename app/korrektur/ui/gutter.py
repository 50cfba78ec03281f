"""The line-number gutter beside a text pane, with each page's label at its first line."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPaintEvent, QTextBlock
from PySide6.QtWidgets import QWidget

from korrektur.ui.painting import paint_page_line
from korrektur.ui.theme import Theme


class NumberedPane(Protocol):
    """What a gutter stands beside: a text pane that knows its line numbers and pages.

    (``TextPane``; named here so that the gutter and the pane do not import each other.)
    """

    theme: Theme
    page_label: str

    def gutter_width(self) -> int:
        """Width of the gutter."""
        ...

    def current_line(self) -> int | None:
        """The line number of the current suggestion."""
        ...

    def line_number_at(self, position: int) -> int:
        """The line number shown for Qt ``position``."""
        ...

    def page_tops(self) -> list[tuple[float, int]]:
        """Viewport y and number of each page that starts in view."""
        ...

    def firstVisibleBlock(self) -> QTextBlock:
        """The first block in view."""
        ...

    def contentOffset(self) -> QPointF:
        """Where the content is drawn."""
        ...

    def blockBoundingGeometry(self, block: QTextBlock) -> QRectF:
        """Where ``block`` is."""
        ...

    def fontMetrics(self) -> QFontMetrics:
        """The metrics of the pane's font."""
        ...

    def font(self) -> QFont:
        """The pane's font."""
        ...


class LineGutter(QWidget):
    """Raw line numbers beside a pane (the corrected pane shows where its lines came from)."""

    def __init__(self, pane: NumberedPane, parent: QWidget) -> None:
        """``pane`` is what is numbered; ``parent``, the widget it sits in (the pane itself)."""
        super().__init__(parent)
        self._pane = pane
        # It paints every pixel; without this each repaint also repaints the panes behind it.
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def sizeHint(self) -> QSize:
        """Wide enough for the largest line number."""
        return QSize(self._pane.gutter_width(), 0)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Numbers for the visible blocks; a repeated number is left out."""
        pane = self._pane
        painter = QPainter(self)
        painter.fillRect(event.rect(), pane.theme.gutter_background)
        block = pane.firstVisibleBlock()
        offset = pane.contentOffset()
        previous: int | None = None
        height = pane.fontMetrics().height()
        current_line = pane.current_line()
        self._paint_pages(painter)
        plain, bold = QFont(pane.font()), QFont(pane.font())
        bold.setBold(True)
        painter.setFont(plain)
        painter.setPen(pane.theme.gutter_text)
        while block.isValid():
            top = pane.blockBoundingGeometry(block).translated(offset).top()
            if top > event.rect().bottom():
                break
            if block.isVisible():
                number = pane.line_number_at(block.position())
                if number != previous:
                    if number == current_line:
                        painter.setFont(bold)
                    painter.drawText(
                        QRectF(0, top, self.width() - 6, height),
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                        str(number),
                    )
                    if number == current_line:
                        painter.setFont(plain)
                previous = number
            block = block.next()
        painter.end()

    def _paint_pages(self, painter: QPainter) -> None:
        """A page label at the left of each page's first line, and the boundary line."""
        pane = self._pane
        small = QFont(pane.font())
        small.setPointSizeF(max(6.0, small.pointSizeF() * 0.75))
        small.setBold(True)
        painter.setFont(small)
        height = pane.fontMetrics().height()
        for top, number in pane.page_tops():
            if number > 1:
                paint_page_line(painter, top, 0.0, float(self.width()), pane.theme)
            painter.setPen(pane.theme.separator)
            label = pane.page_label.replace("%1", str(number))
            painter.drawText(
                QRectF(3, top, self.width(), height),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                label,
            )
