"""Screenshot mode: open a file offscreen, wait for the analysis, select, save a PNG."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSize, QTimer
from PySide6.QtWidgets import QApplication

from korrektur.ui.main_window import MainWindow
from korrektur.ui.messages import ConsoleMessages
from korrektur.ui.screenshot_scenes import SCENE_BUILDERS

TIMEOUT_MS = 10 * 60 * 1000


def parse_size(text: str) -> QSize | None:
    """``"1400x900"`` as a size (None if malformed or out of range)."""
    match = re.fullmatch(r"\s*(\d{2,5})\s*[xX×]\s*(\d{2,5})\s*", text)
    if not match:
        return None
    width, height = int(match[1]), int(match[2])
    if not (320 <= width <= 8000 and 240 <= height <= 8000):
        return None
    return QSize(width, height)


def take_screenshot(
    window: MainWindow,
    source: Path,
    target: Path,
    size: QSize,
    messages: ConsoleMessages,
    scene: str = "window",
) -> int:
    """Exit code 0 when ``target`` was written; errors go through ``messages``.

    ``scene`` (``SCENES``) sets the window up as a clerk would see it first.
    """
    window.resize(size)
    window.show()
    loop = QEventLoop()
    service = window.service
    service.running_changed.connect(lambda running: None if running else loop.quit())
    window.open_path(source)
    if service.running:
        _run(loop, TIMEOUT_MS)
    if messages.errors:
        return 1
    if service.running:
        service.cancel_analysis()
        messages.error(f"the analysis of {source.name} did not finish in time")
        return 1
    session = window.controller.session
    if session is not None and session.suggestions and window.controller.current() is None:
        window.controller.set_current(session.suggestions[0].id)
    QApplication.processEvents()
    _wait_for_page(window)
    shown = SCENE_BUILDERS[scene](window)
    for _ in range(3):  # the list fills, panes repaint
        QApplication.processEvents()
    target.parent.mkdir(parents=True, exist_ok=True)
    if not shown.grab().save(str(target), "PNG", 0):  # 0: the smallest file
        messages.error(f"cannot write the screenshot to {target}")
        return 1
    return 0


def _wait_for_page(window: MainWindow, timeout_ms: int = 10_000) -> None:
    """For a scan, wait until the page view shows its picture (decoded on another thread)."""
    view = window.page_view
    if view.layout_ is None or view.canvas.has_picture:
        return
    loop = QEventLoop()
    view.page_shown.connect(lambda *_: loop.quit())
    view.images.failed.connect(lambda *_: loop.quit())
    _run(loop, timeout_ms)
    QApplication.processEvents()


def _run(loop: QEventLoop, timeout_ms: int) -> None:
    """Run ``loop`` until it quits or ``timeout_ms`` have passed (no timer left behind)."""
    timer = QTimer(singleShot=True, interval=timeout_ms)
    timer.timeout.connect(loop.quit)
    timer.start()
    loop.exec()
    timer.stop()
