"""The progress bar and Cancel button of a background analysis, in a status bar.

The review window (one document) and the corpus window (many) show an analysis the same
way: a bar that moves as parts are done, hidden with its button when nothing runs.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QProgressBar, QToolButton


class AnalysisProgress:
    """A bar of ``width`` pixels at most and a button that calls ``cancel``."""

    def __init__(self, width: int, cancel: Callable[[], None]) -> None:
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(width)
        self.cancel_button = QToolButton()
        self.cancel_button.clicked.connect(cancel)

    def show(self, running: bool) -> None:
        """Show both while an analysis runs; a busy bar until its first progress."""
        self.bar.setVisible(running)
        self.cancel_button.setVisible(running)
        if running:
            self.bar.setRange(0, 0)

    def set_progress(self, done: int, total: int) -> None:
        """Move the bar (a total of 0 leaves it busy)."""
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(done)
