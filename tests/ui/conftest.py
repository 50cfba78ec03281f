"""Fixtures for the window tests: throwaway settings, recorded messages, jobs run at once."""

from __future__ import annotations

import pytest
from fakes import TEXT, RecordingMessages, SharedWorker, fake_engine, inline_jobs
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication

from korrektur.ui.main_window import MainWindow
from korrektur.ui.services import Services
from korrektur.ui.settings import Settings
from korrektur.ui.theme import Theme
from korrektur.ui.workspace_service import WorkspaceService


@pytest.fixture
def messages() -> RecordingMessages:
    return RecordingMessages()


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings.at(tmp_path / "settings.ini")


@pytest.fixture
def services(settings, messages) -> Services:
    """The window's services without a store (as in screenshot mode): nothing is saved."""
    service = WorkspaceService(messages, inline_jobs(fake_engine), settings)
    return Services(settings, messages, service)


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


@pytest.fixture(scope="session")
def shared_worker():
    """A real worker process (``fake_engine``), started once for the tests that need one."""
    worker = SharedWorker()
    yield worker
    worker.close()


@pytest.fixture
def worker_jobs(shared_worker):
    """Jobs as the application has them: commands in a worker process, Qt work on a thread."""
    from korrektur.ui.jobs import Jobs

    jobs = Jobs(shared_worker.runner)
    yield jobs
    jobs.close()
