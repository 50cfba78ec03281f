"""Painting suggestion marks on a plain-text view: tints, underline styles, outlines, pages."""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QIcon,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QTextBlock,
    QTextLine,
)
from PySide6.QtWidgets import QPlainTextEdit

from korrektur.model import Kind, Status, Suggestion
from korrektur.model.palette import KIND_STYLES, Underline, primary_kind
from korrektur.ui.theme import Theme

NEWLINE_WIDTH = 6.0  # a marked newline shows as a short stub after the line's text

_PEN_STYLES = {
    Underline.DASHED: Qt.PenStyle.DashLine,
    Underline.DOTTED: Qt.PenStyle.DotLine,
    Underline.DASH_DOT: Qt.PenStyle.DashDotLine,
}


def _x(line: QTextLine, position: int) -> float:
    found = line.cursorToX(position)  # PySide6 returns (x, position)
    return float(found[0] if isinstance(found, tuple) else found)  # type: ignore[arg-type]


@dataclass(frozen=True)
class BlockLines:
    """A text block's place in the viewport and its visual lines, read from Qt once.

    Attributes:
        first: the block's position; length: its length without the separator.
        left, top: the block's top-left corner in the viewport.
        lines: each visual line with where its text starts and ends in the block.
    """

    first: int
    length: int
    left: float
    top: float
    lines: tuple[tuple[QTextLine, int, int], ...]


LinesCache = dict[int, BlockLines]
"""Blocks already read during one paint, by position (the layout cannot change meanwhile)."""


def _block_lines(edit: QPlainTextEdit, block: QTextBlock, offset: QPointF) -> BlockLines:
    geometry = edit.blockBoundingGeometry(block).translated(offset)
    layout = block.layout()
    lines = []
    for number in range(layout.lineCount()):
        line = layout.lineAt(number)
        start = line.textStart()
        lines.append((line, start, start + line.textLength()))
    return BlockLines(
        block.position(), block.length() - 1, geometry.left(), geometry.top(), tuple(lines)
    )


def span_rects(
    edit: QPlainTextEdit, start: int, end: int, limit: float, cache: LinesCache | None = None
) -> list[QRectF]:
    """Viewport rectangles covering Qt positions ``[start, end)``, one per visual line.

    Stops below ``limit`` (the viewport's bottom). An empty span gives a zero-width rectangle.
    With ``cache`` (one per paint), each block's lines are read from Qt only once: a paint
    asks for the rectangles of every mark in view, often several in one block.
    """
    document = edit.document()
    offset = edit.contentOffset()
    block = document.findBlock(start)
    rects: list[QRectF] = []
    while block.isValid() and block.position() <= end:
        read = cache.get(block.position()) if cache is not None else None
        if read is None:
            read = _block_lines(edit, block, offset)
            if cache is not None:
                cache[read.first] = read
        if read.top > limit:
            break
        first, length = read.first, read.length
        low, high = max(start, first) - first, min(end, first + length + 1) - first
        last = len(read.lines) - 1
        for number, (line, line_start, line_end) in enumerate(read.lines):
            last_line = number == last
            if low == high:
                hit = line_start <= low < line_end or (last_line and low == line_end)
            else:
                hit = (low < line_end and high > line_start) or (
                    last_line and low <= line_end < high
                )
            if not hit:
                continue
            x1 = _x(line, max(low, line_start))
            x2 = _x(line, min(high, line_end))
            if last_line and high > length:  # the span takes the line break too
                x2 += NEWLINE_WIDTH
            rects.append(
                QRectF(x1, line.y(), max(0.0, x2 - x1), line.height()).translated(
                    read.left, read.top
                )
            )
        block = block.next()
    return rects


_WAVE_TILES: dict[int, QPixmap] = {}
_WAVE_PERIOD, _WAVE_HEIGHT = 4, 4


def _wave_tile(colour: QColor) -> QPixmap:
    """One period of the wave, drawn once per colour (stroking every wave is slow)."""
    key = colour.rgba()
    tile = _WAVE_TILES.get(key)
    if tile is None:
        tile = QPixmap(_WAVE_PERIOD, _WAVE_HEIGHT)
        tile.fill(Qt.GlobalColor.transparent)
        painter = QPainter(tile)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(colour, 1.2))
        low, high = _WAVE_HEIGHT - 1.0, 1.0
        painter.drawPolyline([QPointF(0, low), QPointF(2, high), QPointF(4, low)])
        painter.end()
        _WAVE_TILES[key] = tile
    return tile


def _wave(painter: QPainter, x1: float, x2: float, y: float) -> None:
    colour = painter.pen().color()
    rect = QRectF(x1, y - _WAVE_HEIGHT + 1, max(0.0, x2 - x1), _WAVE_HEIGHT)
    painter.drawTiledPixmap(rect, _wave_tile(colour), QPointF(x1 % _WAVE_PERIOD, 0))


def draw_underline(
    painter: QPainter, x1: float, x2: float, y: float, style: Underline, colour: QColor
) -> None:
    """Draw ``style`` from ``x1`` to ``x2`` with its lowest point at ``y``."""
    width = 2.6 if style is Underline.HEAVY else 1.4
    pen = QPen(colour, width)
    pen.setStyle(_PEN_STYLES.get(style, Qt.PenStyle.SolidLine))
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    painter.setPen(pen)
    if style is Underline.WAVE:
        _wave(painter, x1, x2, y)
    elif style is Underline.DOUBLE:
        painter.drawLine(QPointF(x1, y - 3.0), QPointF(x2, y - 3.0))
        painter.drawLine(QPointF(x1, y), QPointF(x2, y))
    elif style is Underline.BRACKET:
        painter.drawLine(QPointF(x1, y - 5.0), QPointF(x1, y))
        painter.drawLine(QPointF(x2, y - 5.0), QPointF(x2, y))
        pen.setStyle(Qt.PenStyle.DotLine)
        painter.setPen(pen)
        painter.drawLine(QPointF(x1, y), QPointF(x2, y))
    else:
        painter.drawLine(QPointF(x1, y - width / 2), QPointF(x2, y - width / 2))


def paint_fill(
    painter: QPainter, suggestion: Suggestion, rects: list[QRectF], theme: Theme
) -> None:
    """The background tint of a pending mark (under the text); decided text stays plain."""
    if suggestion.decided:
        return
    colour = theme.fill_colour(primary_kind(suggestion), decided=False)
    for rect in rects:
        if rect.width() > 0:
            painter.fillRect(rect, colour)


PENDING_FLAG = 6.0  # the side of the corner triangle that marks an undecided suggestion


def paint_pending_flag(painter: QPainter, rects: list[QRectF], colour: QColor) -> None:
    """A small triangle in the top-left corner: "not decided yet", seen without colour."""
    if not rects:
        return
    corner = rects[0].topLeft()
    x, y = corner.x(), corner.y()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawPolygon([QPointF(x, y), QPointF(x + PENDING_FLAG, y), QPointF(x, y + PENDING_FLAG)])
    painter.setBrush(Qt.BrushStyle.NoBrush)


def paint_lines(
    painter: QPainter,
    suggestion: Suggestion,
    rects: list[QRectF],
    theme: Theme,
    strike_rejected: bool,
) -> None:
    """Underline (over the text), strike-through for rejections, a caret for empty spans.

    Status shows by shape as well as by colour: a pending suggestion has a corner flag and
    a full underline; a decided one only a faint underline; a rejected one (on the raw
    side) is struck through.
    """
    kind = primary_kind(suggestion)
    colour = theme.line_colour(kind)
    if suggestion.decided:
        colour.setAlpha(100)
    else:
        paint_pending_flag(painter, rects, colour)
    for rect in rects:
        if rect.width() == 0:
            painter.setPen(QPen(colour, 2.0))
            painter.drawLine(
                QPointF(rect.left(), rect.top() + 1), QPointF(rect.left(), rect.bottom() - 1)
            )
            continue
        draw_underline(
            painter,
            rect.left(),
            rect.right(),
            rect.bottom() - 0.5,
            KIND_STYLES[kind].underline,
            colour,
        )
        if strike_rejected and suggestion.status is Status.REJECTED:
            strike = QColor(colour)
            strike.setAlpha(230)
            painter.setPen(QPen(strike, 1.5))
            metrics = painter.fontMetrics()  # through the middle of the lower-case letters
            middle = rect.top() + metrics.ascent() - metrics.xHeight() / 2
            painter.drawLine(QPointF(rect.left(), middle), QPointF(rect.right(), middle))


def paint_ghost(painter: QPainter, rects: list[QRectF], theme: Theme, base: QColor) -> None:
    """A removed line kept in view: faded and struck through (it is not in the export)."""
    veil = QColor(base)
    veil.setAlpha(150)
    painter.setPen(QPen(theme.separator, 1.2))
    for rect in rects:
        if rect.width() <= NEWLINE_WIDTH:
            continue
        painter.fillRect(rect, veil)
        middle = rect.center().y()
        painter.drawLine(QPointF(rect.left(), middle), QPointF(rect.right(), middle))


def paint_join(painter: QPainter, rects: list[QRectF], colour: QColor) -> None:
    """A tie under the place two lines were joined: the words close up there.

    Over a space (a reflow join) it spans the space; where nothing stands (a hyphen
    joined) it is centred on the join, so it never looks like a typed character or a
    text cursor.
    """
    if not rects:
        return
    rect = rects[0]
    half = max(rect.width() / 2 + 2.0, 4.0)
    x = rect.left() + rect.width() / 2
    bottom = rect.bottom() - 1.0
    path = QPainterPath(QPointF(x - half, bottom - 4.0))
    path.quadTo(QPointF(x, bottom + 2.0), QPointF(x + half, bottom - 4.0))
    painter.setPen(QPen(colour, 1.6))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(path)


def paint_paragraph(painter: QPainter, rects: list[QRectF], colour: QColor) -> None:
    """A pilcrow where a new paragraph starts (the line break itself is not seen)."""
    if not rects:
        return
    rect = rects[0]
    painter.setPen(QPen(colour))
    painter.drawText(QPointF(rect.left() + 1.0, rect.bottom() - 4.0), "¶")


def paint_outline(painter: QPainter, rects: list[QRectF], theme: Theme) -> None:
    """The box around the current suggestion."""
    painter.setPen(QPen(theme.outline, 1.6))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for rect in rects:
        painter.drawRoundedRect(rect.adjusted(-2.0, -1.0, 2.0, 1.0), 3.0, 3.0)


def paint_page_line(painter: QPainter, y: float, x1: float, x2: float, theme: Theme) -> None:
    """A dashed page boundary at ``y``."""
    painter.setPen(QPen(theme.separator, 1.0, Qt.PenStyle.DashLine))
    painter.drawLine(QPointF(x1, y), QPointF(x2, y))


def kind_icon(kind: Kind, theme: Theme, size: int = 16) -> QIcon:
    """A swatch of a kind's tint and underline, for menus and legends."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    fill = theme.fill_colour(kind, decided=False)
    fill.setAlpha(min(255, fill.alpha() * 2))
    painter.fillRect(QRectF(1, 1, size - 2, size - 5), fill)
    draw_underline(
        painter, 1, size - 1, size - 1.0, KIND_STYLES[kind].underline, theme.line_colour(kind)
    )
    painter.end()
    return QIcon(pixmap)


def ceil_digits(number: int) -> int:
    """How many digits ``number`` has (at least 2, so the gutter does not jump early)."""
    return max(2, math.floor(math.log10(max(1, number))) + 1)
