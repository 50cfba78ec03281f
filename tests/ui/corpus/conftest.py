"""Fixtures of the corpus window tests: a small project of our own texts, analysed by the
word-table engine, the corpus window and its review window with a real review file service."""

from __future__ import annotations

from pathlib import Path

import pytest
from fakes import fake_engine
from PySide6.QtWidgets import QApplication

from korrektur.corpus import worker
from korrektur.corpus.project import init_project
from korrektur.corpus.runners import InlineRunner
from korrektur.ui import settings as keys
from korrektur.ui.corpus_review import ReviewLink
from korrektur.ui.corpus_service import CorpusService
from korrektur.ui.corpus_window import CorpusWindow
from korrektur.ui.main_window import MainWindow
from korrektur.ui.review_files import ReviewFileService
from korrektur.ui.services import SyncPool
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


@pytest.fixture(autouse=True)
def word_table_engine(monkeypatch):
    """The corpus analysis uses the word-table engine (no lexicon to load)."""
    monkeypatch.setattr(worker, "_ENGINE", fake_engine())


@pytest.fixture
def project(tmp_path) -> Path:
    """A corpus project on the documents (not analysed yet)."""
    sources = write_corpus(tmp_path / "sources")
    return init_project(tmp_path / "project", sources).root


@pytest.fixture
def files(services, messages, tmp_path):
    service = ReviewFileService(
        messages,
        reviewer=lambda: "Anna Berg",
        set_reviewer=lambda name: None,
        pool=SyncPool(),
        recovery_folder=tmp_path / "recovery",
    )
    services.files = service
    yield service
    service.close(keep_unsaved=False)


def make_corpus_window(qtbot, services, messages, project, pool=None):
    """The corpus window with its review window, the project opening in it."""
    services.settings.set(keys.REVIEWER, "Anna Berg")
    review = MainWindow(services, Theme.from_palette(QApplication.palette()))
    qtbot.addWidget(review)
    review.resize(1200, 760)
    link = ReviewLink(lambda: review, review)
    service = CorpusService(pool or SyncPool(), runner=lambda _: InlineRunner())
    window = CorpusWindow(services.settings, messages, service, link)
    qtbot.addWidget(window)
    window.resize(1200, 760)
    window.show()
    qtbot.waitExposed(window)
    window.open_project(project)
    return window


@pytest.fixture
def corpus_window(qtbot, services, messages, files, project):
    window = make_corpus_window(qtbot, services, messages, project)
    qtbot.waitUntil(lambda: window.figures is not None and not window.service.analysing)
    yield window
    window.close()
