"""The main window (minimal until the review workspace lands): raw and corrected side by side."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow, QPlainTextEdit, QSplitter, QWidget

from korrektur.model import ReviewSession


class MainWindow(QMainWindow):
    """Shows a review session's raw text beside its corrected text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Korrektur")
        self.raw_view = QPlainTextEdit(readOnly=True)
        self.corrected_view = QPlainTextEdit(readOnly=True)
        splitter = QSplitter()
        splitter.addWidget(self.raw_view)
        splitter.addWidget(self.corrected_view)
        self.setCentralWidget(splitter)
        self.resize(1200, 800)
        self.session: ReviewSession | None = None

    def show_session(self, session: ReviewSession) -> None:
        """Display ``session``."""
        self.session = session
        self.setWindowTitle(f"Korrektur — {session.document.name}")
        self.raw_view.setPlainText(session.document.text)
        self.corrected_view.setPlainText(session.corrected_text())
        self.statusBar().showMessage(
            f"{len(session.suggestions)} suggestions · {session.document.encoding_label}"
        )
