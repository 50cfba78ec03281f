"""Start the Qt application: parse nothing, build services, show the main window."""

from __future__ import annotations

import argparse
import sys

from PySide6.QtWidgets import QApplication, QMessageBox

from korrektur import __version__
from korrektur.engine import default_engine
from korrektur.model import Document, DocumentError, ReviewSession
from korrektur.ui.main_window import MainWindow


def run_gui(args: argparse.Namespace) -> int:
    """Open the window (on ``args.file`` if given) and run the event loop."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Korrektur")
    app.setOrganizationName("Korrektur")
    app.setApplicationVersion(__version__)
    window = MainWindow()
    if args.file:
        try:
            document = Document.from_path(args.file)
        except DocumentError as exc:
            QMessageBox.critical(window, "Korrektur", str(exc))
        else:
            window.show_session(ReviewSession(document, default_engine().analyse(document)))
    window.show()
    return int(app.exec())
