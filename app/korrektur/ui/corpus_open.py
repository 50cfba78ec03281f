"""Opening a corpus window beside a review window (File ▸ Open corpus, ``korrektur PROJECT``).

One corpus window per review window: opening another corpus closes the one before, so
that ``Ctrl+PgDown`` in the review window always means the one corpus it reviews.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog

from korrektur.corpus.project import SETTINGS
from korrektur.ui import settings as keys
from korrektur.ui.corpus_review import ReviewLink
from korrektur.ui.corpus_service import CorpusService
from korrektur.ui.corpus_window import CorpusWindow
from korrektur.ui.main_window import MainWindow
from korrektur.ui.messages import DialogMessages

_OPEN: dict[int, CorpusWindow] = {}
"""The corpus window of each review window (by the review window's id)."""


def is_project(path: Path) -> bool:
    """True when ``path`` is a corpus project folder."""
    return (path / SETTINGS).is_file()


def ask_project(review: MainWindow) -> Path | None:
    """Ask for a project folder."""
    folder = QFileDialog.getExistingDirectory(
        review,
        QCoreApplication.translate("CorpusWindow", "Open corpus project"),
        review.settings.get(keys.LAST_DIRECTORY),
    )
    return Path(folder) if folder else None


def open_corpus_window(review: MainWindow, root: Path | None = None) -> CorpusWindow | None:
    """Open the corpus at ``root`` (asked for if None) with ``review`` as its review window."""
    if root is None:
        root = ask_project(review)
        if root is None:
            return None
    before = _OPEN.pop(id(review), None)
    if before is not None:
        before.close()
    messages = DialogMessages()
    link = ReviewLink(lambda: review, review)
    window = CorpusWindow(review.settings, messages, CorpusService(), link)
    messages.window = window
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.open_elsewhere = lambda folder: open_corpus_window(review, Path(folder))
    _OPEN[id(review)] = window
    window.destroyed.connect(lambda *_: _forget(id(review), window))
    window.show()
    window.open_project(root)
    return window


def _forget(key: int, window: CorpusWindow) -> None:
    if _OPEN.get(key) is window:
        del _OPEN[key]
