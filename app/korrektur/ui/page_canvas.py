"""The picture of a page with word boxes drawn on it: zoom, pan and click, by mouse and keys.

Keys the canvas takes when it has the focus: ``+``/``=`` and ``-`` zoom, ``Home`` shows the
whole page, the arrows and Page Up/Down pan, ``Esc`` hands the focus back to the review. It
takes no letter, digit, Return or Backspace, so the window's review keys (``J``, ``K``, ``A``,
``R`` …) keep deciding while the page has the focus: a click on the page never turns them
into typing. The mouse: the wheel scrolls (with Ctrl it zooms at the pointer), dragging pans,
a click without dragging reports the point clicked.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPen,
    QPixmap,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGraphicsItem,
    QGraphicsPixmapItem,
    QGraphicsScene,
    QGraphicsView,
    QStyleOptionGraphicsItem,
    QWidget,
)

ZOOM_STEP = 1.25
MIN_SCALE, MAX_SCALE = 0.02, 8.0
CONTEXT = 0.4  # share of the page width shown around the current word at the normal zoom


class _Boxes(QGraphicsItem):
    """The word boxes of a page's suggestions, drawn as one item (a page has hundreds).

    Restyling a box (the current one moves on, a decision fades it) repaints, and creates
    nothing: ``J`` on the same page costs a few rectangles.
    """

    def __init__(self, rects: dict[str, list[QRectF]], page: QRectF) -> None:
        super().__init__()
        self.rects = {
            key: [r.adjusted(-3, -3, 3, 3) for r in found] for key, found in rects.items()
        }
        self.styles: dict[str, tuple[QColor, bool]] = {}
        self._page = page
        self.setZValue(1)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)

    def boundingRect(self) -> QRectF:
        """The page: every box is on it."""
        return self._page.adjusted(-8, -8, 8, 8)

    def style(self, key: str, colour: QColor, current: bool) -> None:
        """Draw ``key``'s boxes in ``colour`` (thick and tinted if current)."""
        if key in self.rects:
            self.styles[key] = (colour, current)
            self.update()

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        """The other boxes thin, then the current one thick and tinted on top."""
        exposed = option.exposedRect
        current = []
        for key, rects in self.rects.items():
            colour, is_current = self.styles.get(key, (QColor(Qt.GlobalColor.gray), False))
            if is_current:
                current.append((colour, rects))
                continue
            pen = QPen(colour, 1.5)
            pen.setCosmetic(True)  # the same width at every zoom
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            for rect in rects:
                if rect.intersects(exposed):
                    painter.drawRect(rect)
        for colour, rects in current:
            pen = QPen(colour, 3.0)
            pen.setCosmetic(True)
            fill = QColor(colour)
            fill.setAlpha(60)
            painter.setPen(pen)
            painter.setBrush(fill)
            for rect in rects:
                painter.drawRect(rect)


class PageCanvas(QGraphicsView):
    """Shows one page picture and its boxes.

    Signals:
        clicked(QPointF): a click (not a drag) at this point of the picture.
        escaped(): Esc was pressed: the review wants the focus back.
    """

    clicked = Signal(QPointF)
    escaped = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setRenderHints(QPainter.RenderHint.SmoothPixmapTransform)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.setBackgroundBrush(QBrush(QColor("#808080")))
        self._picture: QGraphicsPixmapItem | None = None
        self._boxes: _Boxes | None = None
        self.zoom = 1.0  # the reviewer's zoom on top of the word's context
        self._press: QPoint | None = None
        self._last: QPoint | None = None
        self._focus: QRectF | None = None  # the word shown, kept in view when the pane resizes

    # -- content --------------------------------------------------------------------------

    @property
    def has_picture(self) -> bool:
        """True while a page picture is shown."""
        return self._picture is not None

    def set_picture(self, image: QImage | None) -> None:
        """Show ``image`` (None: nothing); its boxes go with the old picture."""
        scene = self.scene()
        scene.clear()
        self._boxes = None
        self._picture = None
        self._focus = None
        if image is not None and not image.isNull():
            self._picture = scene.addPixmap(QPixmap.fromImage(image))
            self._picture.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
            # room around the page, so that a word near its edge can still be centred
            page = QRectF(image.rect())
            margin = max(page.width(), page.height()) / 2
            scene.setSceneRect(page.adjusted(-margin, -margin, margin, margin))

    def set_boxes(self, boxes: dict[str, list[QRectF]]) -> None:
        """Put the boxes of these suggestions (by id) over the picture, unstyled."""
        if self._boxes is not None:
            self.scene().removeItem(self._boxes)
            self._boxes = None
        if self._picture is not None:
            self._boxes = _Boxes(boxes, self.page_rect)
            self.scene().addItem(self._boxes)

    def style_box(self, key: str, colour: QColor, current: bool) -> None:
        """Draw the boxes of suggestion ``key`` in ``colour``: thick and tinted if current."""
        if self._boxes is not None:
            self._boxes.style(key, colour, current)

    def box_rects(self) -> list[tuple[QRectF, bool]]:
        """The boxes drawn (rect in picture pixels, current or not), for tests and tools."""
        if self._boxes is None:
            return []
        return [
            (rect, self._boxes.styles.get(key, (QColor(), False))[1])
            for key, rects in self._boxes.rects.items()
            for rect in rects
        ]

    def box_colour(self, key: str) -> QColor | None:
        """The colour the boxes of suggestion ``key`` are drawn in (None: not on the page)."""
        if self._boxes is None or key not in self._boxes.styles:
            return None
        return self._boxes.styles[key][0]

    # -- where to look ------------------------------------------------------------------------

    @property
    def scale_factor(self) -> float:
        """Screen pixels per picture pixel."""
        return float(self.transform().m11())

    @property
    def page_rect(self) -> QRectF:
        """The picture's rect in the scene (empty without one)."""
        return self._picture.sceneBoundingRect() if self._picture is not None else QRectF()

    def show_rect(self, rect: QRectF) -> None:
        """Zoom to the context of ``rect`` (a word) at the reviewer's zoom and centre on it."""
        if self._picture is None:
            return
        self._focus = rect
        page = self.page_rect
        scale = self.viewport().width() / max(page.width() * CONTEXT, 1.0) * self.zoom
        wide = rect.adjusted(-rect.height(), -rect.height(), rect.height(), rect.height())
        if wide.width() * scale > self.viewport().width():  # a long change: all of it in view
            scale = self.viewport().width() / wide.width()
        self._set_scale(scale)
        self.centerOn(rect.center())

    def show_page(self) -> None:
        """The whole page in view."""
        self._focus = None
        if self._picture is not None:
            self.fitInView(self.page_rect, Qt.AspectRatioMode.KeepAspectRatio)

    def zoom_by(self, factor: float, anchor: QPoint | None = None) -> None:
        """Zoom in (> 1) or out, about ``anchor`` (view coordinates) or the view's centre."""
        if self._picture is None:
            return
        old = self.scale_factor
        new = min(MAX_SCALE, max(MIN_SCALE, old * factor))
        self.zoom *= new / old
        self.setTransformationAnchor(
            QGraphicsView.ViewportAnchor.AnchorUnderMouse
            if anchor is not None
            else QGraphicsView.ViewportAnchor.AnchorViewCenter
        )
        self.scale(new / old, new / old)

    def _set_scale(self, scale: float) -> None:
        scale = min(MAX_SCALE, max(MIN_SCALE, scale))
        self.resetTransform()
        self.scale(scale, scale)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Keep the word in view at the same share of the pane."""
        super().resizeEvent(event)
        if self._focus is not None:
            self.show_rect(self._focus)

    # -- mouse and keys -----------------------------------------------------------------------

    def wheelEvent(self, event: QWheelEvent) -> None:
        """Ctrl+wheel zooms at the pointer; the wheel alone scrolls."""
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            self.zoom_by(ZOOM_STEP**steps, event.position().toPoint())
            event.accept()
            return
        super().wheelEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Start a drag (it pans) or a click."""
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = self._last = event.position().toPoint()
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        """Dragging with the button held moves the page with the pointer."""
        if self._last is not None and event.buttons() & Qt.MouseButton.LeftButton:
            point = event.position().toPoint()
            delta = point - self._last
            self._last = point
            bars = self.horizontalScrollBar(), self.verticalScrollBar()
            bars[0].setValue(bars[0].value() - delta.x())
            bars[1].setValue(bars[1].value() - delta.y())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """A release near the press is a click on the picture."""
        press, self._press, self._last = self._press, None, None
        if press is None or event.button() != Qt.MouseButton.LeftButton:
            super().mouseReleaseEvent(event)
            return
        self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
        moved = (event.position().toPoint() - press).manhattanLength()
        if moved < QApplication.startDragDistance() and self._picture is not None:
            self.clicked.emit(self.mapToScene(press))
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Zoom, whole page and Esc; the arrows and page keys pan (the view's own)."""
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(ZOOM_STEP)
        elif key == Qt.Key.Key_Minus:
            self.zoom_by(1 / ZOOM_STEP)
        elif key == Qt.Key.Key_Home:
            self.show_page()
        elif key == Qt.Key.Key_Escape:
            self.escaped.emit()
        else:
            super().keyPressEvent(event)
            return
        event.accept()
