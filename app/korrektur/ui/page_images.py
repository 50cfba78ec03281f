"""Page pictures for the page view: decoded off the GUI thread, kept within a memory bound.

Decoding a 300 dpi page takes a fifth of a second and a rendered PDF page a third, far too long
for the GUI thread, so pictures are made on a thread of their own (one: PDFium allows no more,
and the newest request should not wait behind a queue). A clerk pressing ``J`` quickly asks
for many pages; a request no longer wanted when its turn comes is dropped. Pictures are kept,
most recently used first, until they fill the budget; the page after the current one is
decoded ahead so that ``J`` usually finds it ready.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QObject, QRunnable, Signal
from PySide6.QtGui import QImage

from korrektur.formats.pageimage import MAX_SIDE, load_page_image
from korrektur.model.errors import DocumentError
from korrektur.model.geometry import PageImage, ScanLayout
from korrektur.ui.jobs import thread_pool

log = logging.getLogger(__name__)

BUDGET = 256 * 1024 * 1024  # bytes of decoded pictures kept (about 20 colour pages)
FAILURES_KEPT = 64


@dataclass(frozen=True)
class PageKey:
    """A page picture: the scan's source file and the page's index."""

    source: str
    index: int


def page_key(layout: ScanLayout, index: int) -> PageKey:
    """The key of page ``index`` of ``layout``."""
    return PageKey(str(layout.source or ""), index)


def pdf_preview_layout(path: Path) -> ScanLayout:
    """A layout of a PDF's first page alone, to show it while the text layer is read."""
    return ScanLayout("pdf", path, [PageImage(0, 0.0, 0.0, None, "", None, pdf_page=0)], [])


def to_qimage(picture: Image.Image) -> QImage:
    """A QImage owning a copy of ``picture``'s pixels (greyscale stays greyscale)."""
    if picture.mode != "L":
        picture = picture.convert("RGB")
    fmt = QImage.Format.Format_Grayscale8 if picture.mode == "L" else QImage.Format.Format_RGB888
    depth = 1 if picture.mode == "L" else 3
    data = picture.tobytes()
    image = QImage(data, picture.width, picture.height, depth * picture.width, fmt)
    return image.copy()  # detached from ``data``, which Python frees


class _Signals(QObject):
    done = Signal(object, object, str)  # key, QImage or None, message ("" when skipped)


class _Decode(QRunnable):
    """Decode one page picture, unless it is no longer wanted when its turn comes."""

    def __init__(self, owner: PageImages, key: PageKey, layout: ScanLayout, max_side: int) -> None:
        super().__init__()
        self._owner = owner
        self._key = key
        self._layout = layout
        self._max_side = max_side
        self.signals = owner._signals

    def run(self) -> None:
        key = self._key
        if key not in self._owner.wanted:
            self.signals.done.emit(key, None, "")
            return
        try:
            image = to_qimage(load_page_image(self._layout, key.index, self._max_side))
        except DocumentError as exc:
            self.signals.done.emit(key, None, str(exc))
            return
        except Exception as exc:  # a broken picture must not take the window down
            log.exception("page %s of %s", key.index + 1, key.source)
            self.signals.done.emit(key, None, f"page {key.index + 1} cannot be shown ({exc})")
            return
        self.signals.done.emit(key, image, "")


class PageImages(QObject):
    """Page pictures by key: cached, or decoded in the background on request.

    Signals:
        ready(PageKey, QImage): a requested picture is decoded (and now cached).
        failed(PageKey, str): a requested picture cannot be shown, and why.
    """

    ready = Signal(object, object)
    failed = Signal(object, str)

    def __init__(
        self, budget: int = BUDGET, max_side: int = MAX_SIDE, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.budget = budget
        self.max_side = max_side
        self.wanted: frozenset[PageKey] = frozenset()
        self._cache: OrderedDict[PageKey, QImage] = OrderedDict()
        self._failures: OrderedDict[PageKey, str] = OrderedDict()
        self._pending: set[PageKey] = set()
        self._layouts: dict[PageKey, ScanLayout] = {}  # of the pending keys
        self._signals = _Signals(self)
        self._signals.done.connect(self._on_done)
        self._pool = thread_pool(self)

    @property
    def used(self) -> int:
        """Bytes of pictures kept."""
        return sum(image.sizeInBytes() for image in self._cache.values())

    def cached(self, key: PageKey) -> QImage | None:
        """The picture if it is kept (it becomes the most recently used)."""
        image = self._cache.get(key)
        if image is not None:
            self._cache.move_to_end(key)
        return image

    def failure(self, key: PageKey) -> str | None:
        """Why the picture could not be shown, if an earlier try failed."""
        return self._failures.get(key)

    def request(self, layout: ScanLayout, index: int, ahead: tuple[int, ...] = ()) -> None:
        """Make page ``index`` (then the pages ``ahead``) ready; older requests are dropped.

        The answer comes through ``ready`` or ``failed``, also for a picture already kept.
        """
        key = page_key(layout, index)
        later = [page_key(layout, i) for i in ahead if 0 <= i < len(layout.pages)]
        self.wanted = frozenset([key, *later])
        for position, wanted in enumerate([key, *later]):
            if wanted in self._cache or wanted in self._failures or wanted in self._pending:
                continue
            self._start(wanted, layout, -position)
        if key in self._cache:
            self.ready.emit(key, self.cached(key))
        elif key in self._failures:
            self.failed.emit(key, self._failures[key])

    def _start(self, key: PageKey, layout: ScanLayout, priority: int) -> None:
        self._pending.add(key)
        self._layouts[key] = layout
        self._pool.start(_Decode(self, key, layout, self.max_side), priority)

    def forget(self) -> None:
        """Drop every picture and failure (another document)."""
        self.wanted = frozenset()
        self._cache.clear()
        self._failures.clear()

    def wait(self, msecs: int = -1) -> bool:
        """Block until the decoding thread is idle (closing the window)."""
        self.wanted = frozenset()
        return self._pool.waitForDone(msecs)

    def _on_done(self, key: PageKey, image: QImage | None, message: str) -> None:
        self._pending.discard(key)
        if image is None and not message:  # skipped, but wanted again since: decode it now
            layout = self._layouts.pop(key, None)
            if key in self.wanted and layout is not None:
                self._start(key, layout, 0)
            return
        self._layouts.pop(key, None)
        if image is not None:
            self._cache[key] = image
            self._cache.move_to_end(key)
            self._trim()
            if key in self.wanted:
                self.ready.emit(key, image)
        elif message:
            self._failures[key] = message
            while len(self._failures) > FAILURES_KEPT:
                self._failures.popitem(last=False)
            if key in self.wanted:
                self.failed.emit(key, message)

    def _trim(self) -> None:
        """Drop the least recently used pictures beyond the budget (never the newest)."""
        total = self.used
        while total > self.budget and len(self._cache) > 1:
            _, image = self._cache.popitem(last=False)
            total -= image.sizeInBytes()
