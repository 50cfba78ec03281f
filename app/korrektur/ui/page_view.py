"""The page image beside the text: the page of the current suggestion, zoomed to its word.

For a scan (hOCR, ALTO, PAGE XML, PDF) the view shows the page the current suggestion is
printed on, centred on its word with the box drawn in the kind's colour, and the other
suggestions of the page in thin boxes; it follows ``J``/``K`` through the controller's
``current_changed``. Clicking a word box makes its suggestion current. Pictures come from
:class:`PageImages` (decoded off the GUI thread, cached within a bound). A page whose image
file is missing leaves the text review as it is and says which file it is. A PDF shows its
first page as soon as it is opened, while its text layer is still being read.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QVBoxLayout, QWidget

from korrektur.model import Change, Document, ReviewSession, Status, Suggestion
from korrektur.model.geometry import Box, ScanLayout
from korrektur.model.palette import primary_kind
from korrektur.ui.controller import ReviewController
from korrektur.ui.page_canvas import PageCanvas
from korrektur.ui.page_images import PageImages, PageKey, page_key, pdf_preview_layout
from korrektur.ui.settings import WINDOW_STATE, Settings
from korrektur.ui.theme import Theme
from korrektur.ui.workspace_service import WorkspaceService

CLICK_SLACK = 0.25  # of a line height: a click this near a word box still hits it
DOCK_WIDTH = 560


def place_page_dock(window: QMainWindow, dock: QDockWidget, settings: Settings) -> None:
    """Put the page dock left of the text the first time; hidden until a scan is open."""
    if settings.get(WINDOW_STATE).isEmpty():
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
        window.resizeDocks([dock], [DOCK_WIDTH], Qt.Orientation.Horizontal)
    dock.hide()


class PageView(QWidget):
    """A header line (page, file, or what is missing) over the page canvas.

    Signals:
        suggestion_chosen(str): the reviewer clicked the box of this suggestion.
        escaped(): Esc in the page: the review wants the focus back.
        scan_shown(bool): a document was opened; True when it has pages to show.
        page_shown(object): the picture of this PageKey is on screen with its boxes.
    """

    suggestion_chosen = Signal(str)
    escaped = Signal()
    scan_shown = Signal(bool)
    page_shown = Signal(object)

    def __init__(
        self, theme: Theme, images: PageImages | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.theme = theme
        self.images = images if images is not None else PageImages(parent=self)
        self.header = QLabel()
        self.header.setWordWrap(True)
        self.header.setContentsMargins(6, 2, 6, 2)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.header.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.canvas = PageCanvas()
        self.canvas.setAccessibleName(self.tr("Page image"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.header)
        layout.addWidget(self.canvas, 1)
        self.layout_: ScanLayout | None = None
        self.document: Document | None = None  # the document open (not a preview)
        self.session: ReviewSession | None = None
        self.page: int | None = None  # the page asked for
        self.shown_page: int | None = None  # the page whose picture is on the canvas
        self.current: Suggestion | None = None
        self._starts: list[int] = []
        self._boxed: set[str] = set()  # suggestions with boxes on the picture shown
        self.canvas.clicked.connect(self._on_click)
        self.canvas.escaped.connect(self.escaped)
        self.images.ready.connect(self._on_ready)
        self.images.failed.connect(self._on_failed)
        self._say(self.tr("No page images: open a scan (hOCR, ALTO, PAGE XML or PDF)."))

    def attach(self, controller: ReviewController, service: WorkspaceService) -> None:
        """Follow the review: documents opened, the session, its changes and the current one."""
        service.reading.connect(self.preview)
        service.loaded.connect(lambda document, _prepared: self.show_document(document))
        service.failed.connect(lambda _message: self._back(controller))
        controller.session_replaced.connect(lambda: self._follow(controller))
        controller.current_changed.connect(lambda _id: self.show_suggestion(controller.current()))
        controller.changed.connect(self.refresh)
        self.suggestion_chosen.connect(controller.set_current)

    def _back(self, controller: ReviewController) -> None:
        """The file could not be opened: the pages of the document still open, if any."""
        if self.document is not None and self.layout_ is not self.document.scan:
            self.show_document(self.document)
            self._follow(controller)

    def _follow(self, controller: ReviewController) -> None:
        """Another session: its boxes, and its current suggestion (it may be chosen already)."""
        self.set_session(controller.session)
        self.show_suggestion(controller.current())

    # -- what to show -----------------------------------------------------------------------

    def preview(self, path: Path) -> None:
        """A file is being opened: show a PDF's first page at once (others wait for boxes)."""
        self.show_document(None)
        if path.suffix.lower() == ".pdf":
            self.layout_ = pdf_preview_layout(path)
            self._go_to(0)

    def show_document(self, document: Document | None) -> None:
        """Show the pages of ``document`` (nothing for plain text)."""
        if document is not None:
            self.document = document
        layout = document.scan if document is not None else None
        same = (
            layout is not None
            and self.layout_ is not None
            and (layout.source == self.layout_.source)
        )
        if not same:
            self.images.forget()
        self.layout_ = layout
        self.session = None
        self.current = None
        self._starts = []
        if layout is None:
            self.page = self.shown_page = None
            self.canvas.set_picture(None)
            self._say(self.tr("No page images: this document is plain text."))
        elif same and self.page == 0:
            self._go_to(0)  # the preview of a PDF: keep it, now with the real layout
        else:
            self.page = None
            self._go_to(0)
        if document is not None:
            self.scan_shown.emit(layout is not None)

    def set_session(self, session: ReviewSession | None) -> None:
        """The suggestions whose boxes are drawn."""
        self.session = session if self.layout_ is not None else None
        self._starts = [s.start for s in self.session.suggestions] if self.session else []
        self.current = None
        self._draw_boxes()

    def show_suggestion(self, suggestion: Suggestion | None) -> None:
        """Go to the page of ``suggestion`` and its word (None: stay)."""
        before, self.current = self.current, suggestion
        changed = {s.id for s in (before, suggestion) if s is not None}
        if suggestion is None or self.layout_ is None:
            self._style(changed)
            return
        page = self.layout_.page_of_span(suggestion.start, suggestion.end)
        if page is None:  # a change without a printed word (a line break): its line's page
            page = self._page_of_offset(suggestion.start)
        if page is None:
            self._style(changed)
            return
        if page != self.shown_page or page != self.page:
            self._go_to(page)
        else:
            self._style(changed)
            self._focus_current()
            self.page_shown.emit(page_key(self.layout_, page))

    def refresh(self, change: Change | None = None) -> None:
        """The session changed: restyle the decided boxes, or all of them after an edit."""
        if change is not None and not change.structural:
            self._style(change.ids)
            return
        if self.session is not None:
            self._starts = [s.start for s in self.session.suggestions]
        self._draw_boxes()

    def set_theme(self, theme: Theme) -> None:
        """Draw with another palette's colours."""
        self.theme = theme
        self._style(self._boxed)

    def close_images(self) -> None:
        """Stop decoding (the window closes)."""
        self.images.wait()

    # -- pages ------------------------------------------------------------------------------

    def _go_to(self, page: int) -> None:
        assert self.layout_ is not None
        self.page = page
        total = len(self.layout_.pages)
        if self.images.cached(page_key(self.layout_, page)) is None:
            self._say(self._title(page, total) + " · " + self.tr("loading…"))
        self.images.request(self.layout_, page, ahead=(page + 1, page - 1))

    def _on_ready(self, key: PageKey, image: QImage) -> None:
        if self.layout_ is None or key != page_key(self.layout_, self.page or 0):
            return
        self.canvas.set_picture(image)
        self.shown_page = key.index
        self._say(self._title(key.index, len(self.layout_.pages)))
        self._draw_boxes()
        if not self._focus_current():
            self.canvas.show_page()
        self.page_shown.emit(key)

    def _on_failed(self, key: PageKey, message: str) -> None:
        if self.layout_ is None or key != page_key(self.layout_, self.page or 0):
            return
        self.canvas.set_picture(None)
        self.shown_page = None
        note = self.tr("The text review goes on without the picture.")
        self._say(f"{message}. {note}", warning=True)

    def _title(self, page: int, total: int) -> str:
        assert self.layout_ is not None
        text = self.tr("Page %1 of %2").replace("%1", str(page + 1)).replace("%2", str(total))
        image = self.layout_.pages[page]
        name = image.image or (self.layout_.source.name if self.layout_.source else "")
        return f"{text} · {name}" if name else text

    def _say(self, text: str, warning: bool = False) -> None:
        self.header.setText(text)
        self.header.setStyleSheet("color: #B3261E; font-weight: bold;" if warning else "")

    # -- boxes ------------------------------------------------------------------------------

    def _page_of_offset(self, offset: int) -> int | None:
        if self.session is None:
            return None
        pages = self.session.document.pages
        index = bisect.bisect_right([p.start for p in pages], offset) - 1
        return index if 0 <= index < len(self.layout_.pages if self.layout_ else []) else None

    def _factors(self) -> tuple[float, float]:
        assert self.layout_ is not None
        assert self.page is not None
        scene = self.canvas.page_rect
        page = self.layout_.pages[self.page]
        return (
            scene.width() / (page.width or scene.width() or 1.0),
            scene.height() / (page.height or scene.height() or 1.0),
        )

    def _rect(self, box: Box) -> QRectF:
        fx, fy = self._factors()
        return QRectF(box.left * fx, box.top * fy, box.width * fx, box.height * fy)

    def _on_page(self) -> list[Suggestion]:
        if self.session is None or self.page is None:
            return []
        pages = self.session.document.pages
        if self.page >= len(pages):
            return []
        start, end = pages[self.page].start, pages[self.page].end
        low = bisect.bisect_left(self._starts, start)
        high = bisect.bisect_left(self._starts, end)
        return self.session.suggestions[low:high]

    def _draw_boxes(self) -> None:
        """Put the boxes of the page's suggestions on the picture (a new page or list)."""
        if self.layout_ is None or self.page is None or self.shown_page != self.page:
            return
        fx, fy = self._factors()
        boxes: dict[str, list[QRectF]] = {}
        for suggestion in self._on_page():
            rects = [
                QRectF(box.left * fx, box.top * fy, box.width * fx, box.height * fy)
                for page, box in self.layout_.boxes_for_span(suggestion.start, suggestion.end)
                if page == self.page
            ]
            if rects:
                boxes[suggestion.id] = rects
        self.canvas.set_boxes(boxes)
        self._boxed = set(boxes)
        self._style(self._boxed)

    def _style(self, ids: Iterable[str]) -> None:
        """Colour the boxes of ``ids``: the kind's colour, faded when decided, current thick."""
        if self.session is None:
            return
        current_id = self.current.id if self.current is not None else None
        for key in ids:
            if key not in self._boxed:
                continue
            try:
                suggestion = self.session.get(key)
            except KeyError:
                continue
            colour = QColor(self.theme.line_colour(primary_kind(suggestion)))
            if suggestion.status is not Status.PENDING and key != current_id:
                colour.setAlpha(90)
            self.canvas.style_box(key, colour, key == current_id)

    def _focus_current(self) -> bool:
        """Zoom to the current suggestion's word; False when it has none on this page."""
        if self.current is None or self.layout_ is None:
            return False
        rects = [
            self._rect(box)
            for page, box in self.layout_.boxes_for_span(self.current.start, self.current.end)
            if page == self.page
        ]
        if not rects:
            return False
        united = rects[0]
        for rect in rects[1:]:
            united = united.united(rect)
        self.canvas.show_rect(united)
        return True

    def _on_click(self, point: QPointF) -> None:
        if self.layout_ is None or self.page is None or self.session is None:
            return
        fx, fy = self._factors()
        x, y = point.x() / fx, point.y() / fy
        heights = [w.box.height for w in self.layout_.words_on_page(self.page)[:50]]
        slack = CLICK_SLACK * (sorted(heights)[len(heights) // 2] if heights else 0.0)
        word = self.layout_.word_at(self.page, x, y, slack)
        if word is None:
            return
        index = bisect.bisect_right(self._starts, word.end) - 1
        while index >= 0:
            suggestion = self.session.suggestions[index]
            if suggestion.end < word.start:
                break
            inside = suggestion.start < word.end and suggestion.end > word.start
            insert = suggestion.start == suggestion.end and word.start <= suggestion.start
            if inside or insert:
                self.suggestion_chosen.emit(suggestion.id)
                return
            index -= 1
