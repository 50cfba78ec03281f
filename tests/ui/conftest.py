"""Fixtures for the window tests: throwaway settings, recorded messages, a synchronous pool."""

from __future__ import annotations

import pytest
from fakes import TEXT, RecordingMessages, fake_engine
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication

from korrektur.ui.main_window import MainWindow
from korrektur.ui.services import Services, SyncPool
from korrektur.ui.settings import Settings
from korrektur.ui.theme import Theme


@pytest.fixture
def messages() -> RecordingMessages:
    return RecordingMessages()


@pytest.fixture
def services(tmp_path, messages) -> Services:
    return Services(
        Settings.at(tmp_path / "settings.ini"), messages, SyncPool(), engine_factory=fake_engine
    )


@pytest.fixture
def window(qtbot, services) -> MainWindow:
    win = MainWindow(services, Theme.from_palette(QApplication.palette()))
    qtbot.addWidget(win)
    win.resize(1300, 800)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def report(tmp_path):
    path = tmp_path / "rapport.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


@pytest.fixture
def opened(window, report, qtbot) -> MainWindow:
    window.open_path(report)
    assert window.controller.session is not None
    qtbot.waitUntil(lambda: window.dock.model.session is window.controller.session)
    return window


@pytest.fixture(autouse=True)
def _no_threads_left():
    yield
    pool = QThreadPool.globalInstance()
    assert pool.waitForDone(5000)
    assert pool.activeThreadCount() == 0
