"""Fixtures for the window tests: throwaway settings, recorded messages, jobs run at once."""

from __future__ import annotations

import time
import weakref

import pytest
import shiboken6
from fakes import TEXT, RecordingMessages, SharedWorker, fake_engine, inline_jobs
from PySide6.QtCore import QThreadPool, QTimer
from PySide6.QtWidgets import QApplication

from korrektur.ui.jobs import POOLS
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
    """Every thread pool is idle after each test: Qt's and the window's own (``POOLS``).

    Python threads and child processes are checked by ``tests/conftest.py``.
    """
    yield
    pools = [QThreadPool.globalInstance(), *(p for p in POOLS if shiboken6.isValid(p))]
    deadline = time.monotonic() + 5
    while any(p.activeThreadCount() for p in pools) and time.monotonic() < deadline:
        time.sleep(0.01)
    busy = [p for p in pools if p.activeThreadCount()]
    assert not busy, f"{len(busy)} thread pool(s) still working"


class _Timers:
    """Every ``QTimer`` started from Python during a test, and the single shots pending."""

    def __init__(self):
        self.started = weakref.WeakSet()
        self.pending = 0

    def install(self, monkeypatch):
        start, single = QTimer.start, QTimer.singleShot
        timers = self

        def started(timer, msec=None):  # (a signal's other arguments are dropped, as Qt does)
            timers.started.add(timer)
            return start(timer) if not isinstance(msec, int) else start(timer, msec)

        def single_shot(*args):
            *rest, call = args
            timers.pending += 1

            def fired(*fired_args):
                timers.pending -= 1
                if callable(call):
                    return call(*fired_args)
                return None

            if callable(call):
                return single(*rest, fired)
            timers.pending -= 1  # (a slot given as receiver and name: not tracked)
            return single(*args)

        monkeypatch.setattr(QTimer, "start", started)
        monkeypatch.setattr(QTimer, "singleShot", staticmethod(single_shot))

    def running(self):
        alive = []
        for timer in list(self.started):
            try:
                if timer.isActive():
                    owner = type(timer.parent()).__name__ if timer.parent() else "no owner"
                    alive.append(f"{owner} timer of {timer.interval()} ms")
            except RuntimeError:  # its C++ object is gone with its owner
                continue
        return alive


@pytest.fixture(autouse=True)
def _no_timers_left(monkeypatch, qapp):
    """Fail a test that leaves a timer running (a widget it closed keeps none either)."""
    timers = _Timers()
    timers.install(monkeypatch)
    yield
    deadline = time.monotonic() + 2
    while timers.pending and time.monotonic() < deadline:  # zero-delay shots may still fire
        qapp.processEvents()
        time.sleep(0.005)
    running = timers.running()
    assert not running, f"timers still running: {running}"
    assert not timers.pending, f"{timers.pending} single-shot timer(s) still pending"


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
