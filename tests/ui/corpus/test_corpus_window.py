"""The corpus window: the documents table, opening documents, moving between them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from korrektur.ui.corpus_model import Column


def _cell(window, name, column):
    model = window.documents.model
    row = model.row_of(name)
    return model.index(row, column).data()


def test_the_corpus_opens_analyses_its_new_documents_and_shows_their_figures(corpus_window):
    window = corpus_window
    assert window.documents.model.rowCount() == 4
    assert _cell(window, "a-budget.txt", Column.STATUS) == "not started"
    assert _cell(window, "c-klart.txt", Column.STATUS) == "done"  # nothing to decide
    assert _cell(window, "a-budget.txt", Column.PAGES) == "2"
    assert "4 documents" in window.status.figures_label.text()
    assert any("Analysis done: 4 documents" in m for m in window.messages.infos)


def _click_row(qtbot, window, name):
    view = window.documents.table
    proxy = window.documents.proxy
    row = proxy.mapFromSource(window.documents.model.index(window.documents.model.row_of(name), 0))
    rect = view.visualRect(row)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.hasFocus()
    assert window.documents.chosen() == name


def activate(qtbot, window):
    """Bring ``window`` to the front as the window manager would on a click."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def _open_with_enter(qtbot, window, name):
    _click_row(qtbot, window, name)
    qtbot.keyClick(window.documents.table, Qt.Key.Key_Return)
    review = window.review.window
    qtbot.waitUntil(lambda: review.controller.session is not None)
    assert window.review.current == name
    activate(qtbot, review)
    return review


def test_enter_opens_the_chosen_document_with_its_review_file_in_the_project(
    qtbot, corpus_window, project
):
    review = _open_with_enter(qtbot, corpus_window, "b-skolan.txt")
    assert review.isVisible()
    assert review.service.workspace.review.path == project / "reviews" / "b-skolan.txt.review.yaml"
    assert not corpus_window.messages.questions  # the project vouches for its source
    assert not corpus_window.messages.errors
    review.raw_view.setFocus()
    qtbot.keyClick(review.raw_view, Qt.Key.Key_A)  # accept the first suggestion
    qtbot.keyClick(review.raw_view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    text = (project / "reviews" / "b-skolan.txt.review.yaml").read_text(encoding="utf-8")
    assert "accepted" in text
    decided = corpus_window.documents.model.document(
        corpus_window.documents.model.row_of("b-skolan.txt")
    )
    assert 0 < decided.decided < 1  # the index read the save at once
    assert _cell(corpus_window, "b-skolan.txt", Column.STATUS) == "in review"
    assert _cell(corpus_window, "b-skolan.txt", Column.REVIEWER) == "Anna Berg"


def test_ctrl_page_down_goes_to_the_next_document_with_pending_suggestions(
    qtbot, corpus_window, project
):
    window = corpus_window
    _click_row(qtbot, window, "a-budget.txt")
    qtbot.keyClick(window.documents.table, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    review = window.review.window
    qtbot.waitUntil(lambda: window.review.current == "b-skolan.txt")
    activate(qtbot, review)
    review.raw_view.setFocus()
    qtbot.keyClick(review.raw_view, Qt.Key.Key_A)  # a decision, not saved yet
    assert review.service.unsaved or not review.controller.undo_stack.isClean()
    # from the review window: c-klart.txt has nothing pending, so d-protokoll.txt is next
    qtbot.keyClick(review.raw_view, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.review.current == "d-protokoll.txt")
    saved = (project / "reviews" / "b-skolan.txt.review.yaml").read_text(encoding="utf-8")
    assert "accepted" in saved  # the work on b-skolan.txt was saved on the way
    assert not window.messages.questions
    qtbot.keyClick(review.raw_view, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.messages.infos[-1] == "No further document with pending suggestions"
    qtbot.keyClick(review.raw_view, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.review.current == "b-skolan.txt")
    assert window.documents.chosen() == "b-skolan.txt"


def test_the_corpus_window_speaks_swedish(qtbot, corpus_window, qapp):
    from PySide6.QtCore import QEvent, QTranslator

    from korrektur.paths import data_path

    translator = QTranslator()
    assert translator.load(str(data_path("resources", "translations", "korrektur_sv.qm")))
    qapp.installTranslator(translator)
    try:
        qapp.sendEvent(corpus_window, QEvent(QEvent.Type.LanguageChange))
        menus = [action.text() for action in corpus_window.menuBar().actions()]
        assert menus == ["&Korpus", "&Redigera", "K&onkordans"]
        assert _cell(corpus_window, "a-budget.txt", Column.STATUS) == "ej påbörjat"
        assert corpus_window.status.figures_label.text().startswith("4 dokument")
        assert corpus_window.concordance.tabs.tabText(1) == "Regler"
    finally:
        qapp.removeTranslator(translator)


def test_file_open_corpus_is_there_when_the_application_gives_the_corpus_window(
    qtbot, services, project
):
    from dataclasses import replace

    from korrektur.ui.actions import ActionId
    from korrektur.ui.main_window import MainWindow
    from korrektur.ui.theme import Theme

    def window_with(given):
        window = MainWindow(given, Theme.from_palette(QApplication.palette()))
        qtbot.addWidget(window)
        return window

    assert not window_with(services).registry[ActionId.OPEN_CORPUS].isVisible()
    opened = []
    review = window_with(replace(services, open_corpus=lambda w, root: opened.append((w, root))))
    action = review.registry[ActionId.OPEN_CORPUS]
    assert action.isVisible()
    action.trigger()
    assert opened == [(review, None)]
    review.open_corpus(project)
    assert opened[-1] == (review, project)
