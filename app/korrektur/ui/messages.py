"""Telling the user things: one small service that tests replace (qutebrowser's message pattern)."""

from __future__ import annotations

import sys
from enum import Enum
from typing import Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget


class Answer(Enum):
    """The reply to "there are unsaved decisions"."""

    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


class Messages(Protocol):
    """What the window may say or ask."""

    def error(self, text: str) -> None:
        """Something failed; the user must read it."""
        ...

    def info(self, text: str) -> None:
        """A passing note (status bar)."""
        ...

    def confirm(self, text: str) -> bool:
        """Ask a yes/no question; True for yes."""
        ...

    def unsaved(self, text: str, can_save: bool) -> Answer:
        """Ask what to do with unsaved decisions."""
        ...


class DialogMessages(QObject):
    """Messages as dialogs over the main window; passing notes go to the status bar.

    Signals:
        posted(str): a passing note for the status bar.
    """

    posted = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.window: QWidget | None = parent

    def error(self, text: str) -> None:
        """Show a modal error."""
        QMessageBox.critical(self.window, self.tr("Korrektur"), text)

    def info(self, text: str) -> None:
        """Post a note to the status bar."""
        self.posted.emit(text)

    def confirm(self, text: str) -> bool:
        """Ask yes or no."""
        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        reply = QMessageBox.question(self.window, self.tr("Korrektur"), text, buttons)
        return reply == QMessageBox.StandardButton.Yes

    def unsaved(self, text: str, can_save: bool) -> Answer:
        """Save, discard or cancel."""
        buttons = QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel
        if can_save:
            buttons |= QMessageBox.StandardButton.Save
        reply = QMessageBox.warning(
            self.window,
            self.tr("Unsaved decisions"),
            text,
            buttons,
            QMessageBox.StandardButton.Cancel,
        )
        return {
            QMessageBox.StandardButton.Save: Answer.SAVE,
            QMessageBox.StandardButton.Discard: Answer.DISCARD,
        }.get(reply, Answer.CANCEL)


class ConsoleMessages:
    """Messages for a run without a user (screenshot mode): errors go to stderr."""

    def __init__(self) -> None:
        self.errors: list[str] = []

    def error(self, text: str) -> None:
        """Print ``korrektur: error: …``."""
        self.errors.append(text)
        print(f"korrektur: error: {text}", file=sys.stderr)

    def info(self, text: str) -> None:
        """Ignore passing notes."""

    def confirm(self, text: str) -> bool:
        """Nobody to ask: no."""
        return False

    def unsaved(self, text: str, can_save: bool) -> Answer:
        """Nothing a screenshot decides is worth keeping."""
        return Answer.DISCARD
