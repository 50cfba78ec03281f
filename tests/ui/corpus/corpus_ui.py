"""Helpers of the corpus window tests: our own documents, and the window made on them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from korrektur.corpus.runners import InlineRunner
from korrektur.ui import settings as keys
from korrektur.ui.corpus_review import ReviewLink
from korrektur.ui.corpus_service import CorpusService
from korrektur.ui.corpus_window import CorpusWindow
from korrektur.ui.jobs import SyncPool
from korrektur.ui.main_window import MainWindow
from korrektur.ui.theme import Theme

# Our own sentences, with the OCR damage the word-table engine corrects (tests/ui/fakes.py).
DOCUMENTS = {
    "a-budget.txt": (
        "Forvaltningen har 6kat stodet pa skolan.\n"
        "Det &r bra for eleverna.\n"
        " Sida 2\n"
        "Namnden beslutade om budgeten for aret.\n"
    ),
    "b-skolan.txt": "Eleverna far lasa mer pa hosten.\nLarare &r nojda.\n",
    "c-klart.txt": "Rapporten visar ett gott resultat.\n",
    "d-protokoll.txt": "Forvaltningen foljer upp arbetet for namnden.\n",
}


def write_corpus(folder: Path, documents: dict[str, str] = DOCUMENTS) -> Path:
    """The documents, written into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in documents.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def make_corpus_window(qtbot, services, messages, project, pool=None, learning=False):
    """The corpus window with its review window, the project opening in it.

    ``learning``: learn and re-score after decisions (with the real word engine).
    """
    services.settings.set(keys.REVIEWER, "Anna Berg")
    review = MainWindow(services, Theme.from_palette(QApplication.palette()))
    qtbot.addWidget(review)
    review.resize(1200, 760)
    link = ReviewLink(lambda: review, review)
    service = CorpusService(
        pool or SyncPool(),
        runner=lambda _: InlineRunner(),
        steps=InlineRunner,
        rescorer=InlineRunner,
    )
    window = CorpusWindow(services.settings, messages, service, link)
    window.learning.enabled = learning
    qtbot.addWidget(window)
    window.resize(1200, 760)
    window.show()
    qtbot.waitExposed(window)
    window.open_project(project)
    return window
