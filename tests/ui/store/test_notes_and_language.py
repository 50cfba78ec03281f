"""Notes have room of their own, written files offer their folder, the language changes at once."""

from dataclasses import dataclass, field

import pytest
from fakes import SUGGESTED, open_window
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QDialog

from korrektur.ui.actions import ActionId
from korrektur.ui.messages import Answer


class PostingMessages(QObject):
    """Like the application's messages: passing notes are posted for the window to show."""

    posted = Signal(str)

    def __init__(self):
        super().__init__()
        self.errors, self.infos, self.questions = [], [], []

    def error(self, text):
        self.errors.append(text)

    def info(self, text):
        self.infos.append(text)
        self.posted.emit(text)

    def confirm(self, text):
        self.questions.append(text)
        return True

    def unsaved(self, text, can_save):
        return Answer.DISCARD


@dataclass
class Opener:
    folders: list = field(default_factory=list)

    def __call__(self, folder):
        self.folders.append(folder)


@pytest.fixture
def messages(qapp):
    return PostingMessages()


@pytest.fixture
def posting_window(qtbot, services, files, report):
    return open_window(qtbot, services, report, size=(1000, 700))


def test_a_long_note_is_shown_whole(qtbot, posting_window):
    window = posting_window
    long = "The language changes at once; " * 6 + "the end."
    window.messages.info(long)
    bar = window.note_bar
    assert bar.isVisible()
    assert bar.label.text() == long
    assert bar.label.wordWrap()  # wraps onto another line rather than being cut
    qtbot.waitUntil(lambda: bar.label.heightForWidth(bar.label.width()) <= bar.label.height())


def test_export_names_the_file_and_offers_its_folder(qtbot, posting_window, answers, tmp_path):
    window = posting_window
    opener = window.note_bar.opener = Opener()
    answers.dialogs.append(lambda dialog: QDialog.DialogCode.Accepted)
    answers.paths.append(SUGGESTED)
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    bar = window.note_bar
    assert bar.label.text() == "Exported to rapport.corrected.txt"
    assert bar.label.toolTip() == str(tmp_path / "rapport.corrected.txt")
    assert bar.folder_button.isVisible()
    qtbot.mouseClick(bar.folder_button, Qt.MouseButton.LeftButton)
    assert opener.folders == [tmp_path]
    assert QApplication.focusWidget() is not bar.folder_button  # never takes the keys


def test_save_names_the_file_and_offers_its_folder(qtbot, posting_window, tmp_path):
    window = posting_window
    opener = window.note_bar.opener = Opener()
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert window.note_bar.label.text() == "Saved version 1 to rapport.review.yaml"
    qtbot.mouseClick(window.note_bar.folder_button, Qt.MouseButton.LeftButton)
    assert opener.folders == [tmp_path]


def test_the_language_changes_at_once(qtbot, posting_window):
    window = posting_window
    try:
        window.registry[ActionId.LANGUAGE_SWEDISH].trigger()
        QApplication.processEvents()
        menus = [action.text() for action in window.menuBar().actions()]
        assert menus == ["&Arkiv", "&Redigera", "&Granska", "&Visa", "&Hjälp"]
        assert window.registry[ActionId.ACCEPT].text() == "&Godta"
        assert window.dock.search.placeholderText().startswith("Sök")
        assert window.dock.status_box.itemText(1) == "Obeslutade"
        header = window.dock.model.headerData(0, Qt.Orientation.Horizontal)
        assert header == "Ändring"
        assert window.corrected_title.text().startswith("Rättad text")
        assert "beslutade" in window.status.progress_label.text()
        assert not [note for note in window.messages.infos if "restart" in note]
    finally:
        window.registry[ActionId.LANGUAGE_ENGLISH].trigger()
        QApplication.processEvents()
    assert window.registry[ActionId.ACCEPT].text() == "&Accept"
    assert window.dock.status_box.itemText(1) == "Pending"


def test_reasons_follow_the_interface_language(qtbot, posting_window):
    window = posting_window
    window.raw_view.setFocus()
    qtbot.keyClick(window.raw_view, Qt.Key.Key_J)  # s2: 6kat → ökat, "ö read as 6"
    assert "ö read as 6" in window.details.toPlainText()
    try:
        window.registry[ActionId.LANGUAGE_SWEDISH].trigger()
        QApplication.processEvents()
        assert "ö läst som 6" in window.details.toPlainText()  # at once, for the shown one
        qtbot.keyClick(window.raw_view, Qt.Key.Key_J)  # s3: stodet → stödet
        assert "ö har fallit bort" in window.details.toPlainText()
        row = window.dock.model.row_of("s3")
        tip = window.dock.model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
        assert tip == "stodet → stödet\nö har fallit bort"
        kind = window.dock.model.index(row, 1).data()
        assert kind == "diakrit"
    finally:
        window.registry[ActionId.LANGUAGE_ENGLISH].trigger()
        QApplication.processEvents()
    assert "ö lost" in window.details.toPlainText()


def test_every_reason_template_is_offered_for_translation():
    from korrektur.model.reason import TEMPLATES
    from korrektur.ui import reason_text

    assert set(reason_text.TEMPLATES) == set(TEMPLATES.values())
