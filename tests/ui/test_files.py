"""Opening files (command line, recent, drag and drop), errors, cancelling, closing."""

import threading
import time
from functools import partial

import pytest
from fakes import TEXT, RecordingMessages, shown
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QSplitter

from korrektur.engine import AnalysisCancelled, Engine
from korrektur.model import Kind, Status
from korrektur.ui import settings as keys
from korrektur.ui.actions import ActionId
from korrektur.ui.jobs import Jobs
from korrektur.ui.main_window import MainWindow
from korrektur.ui.messages import Answer
from korrektur.ui.services import Services
from korrektur.ui.settings import Settings
from korrektur.ui.theme import Theme
from korrektur.ui.workspace_service import WorkspaceService
from korrektur.workspace.runner import ThreadRunner


def make_window(qtbot, services):
    window = MainWindow(services, Theme.from_palette(QApplication.palette()))
    qtbot.addWidget(window)
    window.show()
    return window


def test_recent_files(opened, report, qtbot):
    assert opened.settings.recent_files()[0] == str(report.resolve())
    opened.recent_menu.rebuild()
    entries = [a for a in opened.recent_menu.actions() if "rapport.txt" in a.text()]
    assert len(entries) == 1
    opened.controller.accept()
    entries[0].trigger()  # reopening asks about the decision first
    assert opened.messages.questions
    assert opened.controller.session.counts()[Status.ACCEPTED] == 0


def test_drag_and_drop_opens_the_file(window, report):
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(report))])
    enter = QDragEnterEvent(
        QPoint(200, 200),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(200, 200),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, drop)
    assert window.controller.session is not None
    assert window.raw_view.toPlainText() == TEXT


@pytest.mark.parametrize(
    ("content", "expected"),
    [(None, "does not exist"), (b"\x00\x01binary\x00", "not a text file"), (b"  \n", "empty")],
)
def test_unreadable_files_give_a_clear_message(window, tmp_path, content, expected):
    path = tmp_path / "scan.txt"
    if content is not None:
        path.write_bytes(content)
    window.open_path(path)
    assert len(window.messages.errors) == 1
    assert expected in window.messages.errors[0]
    assert window.controller.session is None


def test_close_warns_about_unsaved_decisions(opened):
    opened.controller.reject()
    opened.messages.unsaved_reply = Answer.CANCEL
    assert not opened.close()
    assert opened.isVisible()
    assert "not saved" in opened.messages.questions[-1]
    opened.messages.unsaved_reply = Answer.DISCARD
    assert opened.close()


def test_undo_back_to_clean_closes_without_asking(opened):
    opened.controller.accept()
    opened.controller.undo()
    assert opened.close()
    assert not opened.messages.questions


def test_layout_is_remembered(qtbot, services, window):
    window.resize(700, 500)  # inside the offscreen screen, which restoreGeometry respects
    size = window.size()
    splitter = window.findChild(QSplitter)
    splitter.setSizes([200, 500])
    sizes = splitter.sizes()
    window.registry[ActionId.ZOOM_IN].trigger()
    assert window.close()
    again = make_window(qtbot, services)
    assert again.size() == size
    assert again.findChild(QSplitter).sizes() == sizes
    assert again.view.font_size == window.view.font_size


class BlockingAnalyzer:
    """The first analysis runs until cancelled, reporting progress; later ones are instant."""

    name = "blocking"
    kinds = frozenset({Kind.DIACRITIC})

    def __init__(self) -> None:
        self.started = threading.Event()
        self.calls = 0

    def analyse(self, document, progress):
        self.calls += 1
        if self.calls > 1:
            return []
        self.started.set()
        for step in range(100_000):
            if progress.cancelled():
                raise AnalysisCancelled
            progress.report(step, 100_000)
            time.sleep(0.001)
        return []


@pytest.fixture
def threaded_window(qtbot, tmp_path):
    """Makes a window analysing in the background (on a thread here, to watch an analyser)."""
    made = []

    def make(analyser):
        settings, messages = Settings.at(tmp_path / "s.ini"), RecordingMessages()
        jobs = Jobs(partial(ThreadRunner, engine=lambda: Engine([analyser])))
        services = Services(settings, messages, WorkspaceService(messages, jobs, settings))
        made.append(services.service)
        return services, make_window(qtbot, services)

    yield make
    for service in made:
        service.close()
        service.shut_down()


def test_cancel_a_running_analysis(qtbot, threaded_window, report):
    analyser = BlockingAnalyzer()
    services, window = threaded_window(analyser)
    with qtbot.waitSignal(window.service.loaded, timeout=5000):
        window.open_path(report)
    assert window.raw_view.toPlainText() == TEXT  # the text shows while analysis runs
    assert window.corrected_view.toPlainText() == ""
    assert window.corrected_view.placeholderText()
    assert window.status.analysis_bar.isVisible()
    qtbot.waitUntil(lambda: window.status.analysis_bar.value() > 0, timeout=5000)
    with qtbot.waitSignal(window.service.cancelled, timeout=5000):
        qtbot.mouseClick(window.status.cancel_button, Qt.MouseButton.LeftButton)
    shown(qtbot, window)
    assert not window.status.analysis_bar.isVisible()
    assert window.controller.session is not None
    assert window.controller.session.suggestions == []
    assert window.corrected_view.isReadOnly()  # reviewing; F2 edits the text
    assert window.registry[ActionId.EDIT_TEXT].isEnabled()
    assert any("cancelled" in note for note in services.messages.infos)


def test_a_new_file_supersedes_a_running_analysis(qtbot, threaded_window, tmp_path, report):
    analyser = BlockingAnalyzer()
    services, window = threaded_window(analyser)
    window.open_path(report)
    assert analyser.started.wait(5)
    other = tmp_path / "annan.txt"
    other.write_text("Skolan far mer pengar.\n", encoding="utf-8")
    with qtbot.waitSignal(window.service.session_replaced, timeout=5000):
        window.open_path(other)
    qtbot.waitUntil(lambda: window.controller.session is not None, timeout=5000)
    assert window.document.name == "annan.txt"
    assert window.controller.session.document.name == "annan.txt"
    assert analyser.calls == 2  # one engine, built once, for both files


def test_open_dialog(window, report, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    asked = []

    def choose(parent, caption, directory, filters):
        asked.append(filters)
        return str(report), filters

    monkeypatch.setattr(QFileDialog, "getOpenFileName", choose)
    window.registry[ActionId.OPEN].trigger()
    assert "*.txt" in asked[0]
    assert window.controller.session is not None
    assert window.settings.get(keys.LAST_DIRECTORY) == str(report.parent.resolve())
