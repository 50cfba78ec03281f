"""After a crash: offer the unsaved work found in recovery files."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from korrektur.store.autosave import Recovery
from korrektur.ui.local_time import local_time


class Choice(Enum):
    """What the reviewer does with a recovery."""

    RECOVER = "recover"
    DISCARD = "discard"
    LATER = "later"


class RecoveryDialog(QDialog):
    """Lists recoveries, newest first; Recover opens one, Discard deletes it, Later keeps it.

    Attributes:
        choice: what was chosen (``LATER`` if the dialog was closed).
        chosen: the recovery it applies to.
    """

    def __init__(self, recoveries: list[Recovery], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Recover unsaved work"))
        self.recoveries = recoveries
        self.choice = Choice.LATER
        self.chosen: Recovery | None = None
        text = QLabel(
            self.tr("Korrektur did not close properly last time. This unsaved work was kept:")
        )
        text.setWordWrap(True)
        self.list = QListWidget()
        for recovery in recoveries:
            item = QListWidgetItem(self.describe(recovery))
            item.setToolTip(str(recovery.review_path or recovery.path))
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        # wide enough for the longest line, autosave time and all
        longest = max(
            (self.list.fontMetrics().horizontalAdvance(self.describe(r)) for r in recoveries),
            default=0,
        )
        self.setMinimumWidth(min(1000, max(560, longest + 80)))
        buttons = QDialogButtonBox()
        self.recover_button = QPushButton(self.tr("&Recover"))
        self.discard_button = QPushButton(self.tr("&Discard"))
        self.later_button = QPushButton(self.tr("&Later"))
        buttons.addButton(self.recover_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.discard_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(self.later_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.recover_button.setDefault(True)
        self.recover_button.clicked.connect(lambda: self._done(Choice.RECOVER))
        self.discard_button.clicked.connect(lambda: self._done(Choice.DISCARD))
        self.later_button.clicked.connect(lambda: self._done(Choice.LATER))
        self.list.itemDoubleClicked.connect(lambda _item: self._done(Choice.RECOVER))
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.setWindowModality(Qt.WindowModality.ApplicationModal)

    def describe(self, recovery: Recovery) -> str:
        """One line: what, how far the review got, and when it was autosaved (local time)."""
        return (
            self.tr("%1: %2 of %3 suggestions decided, autosaved %4")
            .replace("%1", recovery.source_name)
            .replace("%2", str(recovery.decided))
            .replace("%3", str(recovery.total))
            .replace("%4", local_time(recovery.saved_at))
        )

    def _done(self, choice: Choice) -> None:
        row = self.list.currentRow()
        self.choice = choice
        self.chosen = self.recoveries[row] if 0 <= row < len(self.recoveries) else None
        self.accept() if choice is not Choice.LATER else self.reject()
