"""Remember and restore the main window's geometry, docks and pane splitter."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QSplitter

from korrektur.ui import settings as keys
from korrektur.ui.settings import Settings

DOCK_WIDTH = 540
DOCK_HEIGHTS = (560, 220)


def restore_layout(
    window: QMainWindow, splitter: QSplitter, docks: list[QDockWidget], settings: Settings
) -> None:
    """Put the window back as it was, or lay it out for the first time."""
    geometry = settings.get(keys.GEOMETRY)
    if not geometry.isEmpty():
        window.restoreGeometry(geometry)
    state = settings.get(keys.WINDOW_STATE)
    if state.isEmpty() or not window.restoreState(state):
        window.resizeDocks(docks[:1], [DOCK_WIDTH], Qt.Orientation.Horizontal)
        window.resizeDocks(docks, list(DOCK_HEIGHTS), Qt.Orientation.Vertical)
    saved = settings.get(keys.SPLITTER)
    if saved.isEmpty() or not splitter.restoreState(saved):
        half = max(1, splitter.width() // 2)
        splitter.setSizes([half, half])


def save_layout(window: QMainWindow, splitter: QSplitter, settings: Settings) -> None:
    """Remember geometry, docks and splitter."""
    settings.set(keys.GEOMETRY, window.saveGeometry())
    settings.set(keys.WINDOW_STATE, window.saveState())
    settings.set(keys.SPLITTER, splitter.saveState())
    settings.sync()
