"""Passing notes with room of their own: a line under the panes that is never cut short."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QHideEvent, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

NOTE_MS = 8_000  # a passing note
FILE_NOTE_MS = 20_000  # a note about a written file: time to reach for its folder


def open_folder(folder: Path) -> bool:
    """Show ``folder`` in the desktop's file manager."""
    return bool(QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))))


class NoteBar(QFrame):
    """One note at a time, wrapped onto a second line rather than cut off.

    A note about a file that was written (a save, an export) names it and offers to open
    the folder it is in.

    Attributes:
        label: the note; folder_button: "Open folder"; close_button: hides the note.
        opener: how a folder is opened (tests replace it).
    """

    def __init__(
        self, opener: Callable[[Path], object] = open_folder, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.opener = opener
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.ToolTipBase)
        self.setForegroundRole(QPalette.ColorRole.ToolTipText)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.folder_button = QToolButton()
        self.folder_button.clicked.connect(self._open)
        self.close_button = QToolButton()
        self.close_button.setAutoRaise(True)
        self.close_button.setText("×")
        self.close_button.clicked.connect(self.hide)
        for button in (self.folder_button, self.close_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # never takes the review keys
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 4, 2)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.folder_button)
        layout.addWidget(self.close_button)
        self._folder: Path | None = None
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self.hide)
        self._retranslate()
        self.hide()

    def show_note(self, text: str, milliseconds: int = NOTE_MS) -> None:
        """Show ``text`` for a while (it replaces the note before)."""
        self._folder = None
        self.folder_button.hide()
        self.label.setText(text)
        self.label.setToolTip("")
        self.show()
        self._timer.start(milliseconds)

    def offer_folder(self, path: str) -> None:
        """The note is about the file ``path``: name it in full and offer its folder."""
        file = Path(path)
        self._folder = file.parent
        self.label.setToolTip(str(file))
        self.folder_button.setToolTip(str(self._folder))
        self.folder_button.show()
        self.show()
        self._timer.start(FILE_NOTE_MS)

    def _open(self) -> None:
        if self._folder is not None:
            self.opener(self._folder)

    def _retranslate(self) -> None:
        self.folder_button.setText(self.tr("Open folder"))
        self.close_button.setToolTip(self.tr("Hide this note"))

    def hideEvent(self, event: QHideEvent) -> None:
        """Hidden (or its window closed): no note waits to be taken away."""
        self._timer.stop()
        super().hideEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        """Follow a change of language at once."""
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
