"""Start the Qt application: build the services, inject them into the main window, run."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from functools import partial
from pathlib import Path

from PySide6.QtCore import (
    QMessageLogContext,
    QSettings,
    QSize,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication

from korrektur import __version__
from korrektur.ui import settings as keys
from korrektur.ui.corpus_open import open_corpus_window
from korrektur.ui.i18n import Translations
from korrektur.ui.jobs import Jobs
from korrektur.ui.main_window import MainWindow
from korrektur.ui.messages import ConsoleMessages, DialogMessages
from korrektur.ui.screenshot import parse_size, take_screenshot
from korrektur.ui.services import Services
from korrektur.ui.settings import Settings
from korrektur.ui.theme import ThemeMode, apply_theme
from korrektur.ui.workspace_service import Store, WorkspaceService
from korrektur.workspace.engines import default_engine
from korrektur.workspace.worker import WorkerProcess


def application() -> QApplication:
    """The one ``QApplication`` (created if needed) with Korrektur's names."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("Korrektur")
    app.setOrganizationName("Korrektur")
    app.setApplicationVersion(__version__)
    return app


def run_gui(args: argparse.Namespace) -> int:
    """Open the window (on ``args.file`` if given) and run the event loop.

    With ``--screenshot`` the window is drawn offscreen on the file after analysis, the first
    suggestion selected, the picture saved, and the exit code returned.
    """
    if args.screenshot:
        return _screenshot(args)
    app = application()
    settings = Settings(QSettings())
    translations = Translations(app)
    translations.use(settings.get(keys.LANGUAGE))
    theme = apply_theme(app, ThemeMode(settings.get(keys.THEME)))
    messages = DialogMessages()
    service = WorkspaceService(
        messages,
        Jobs(WorkerProcess),  # analysis and file work in the worker process
        settings,
        Store(
            reviewer=lambda: settings.get(keys.REVIEWER),
            set_reviewer=lambda name: settings.set(keys.REVIEWER, name),
            export_folder=settings.get(keys.EXPORT_DIRECTORY),
            set_export_folder=lambda folder: settings.set(keys.EXPORT_DIRECTORY, folder),
        ),
    )
    services = Services(settings, messages, service, translations, open_corpus_window)
    window = MainWindow(services, theme)
    messages.window = window
    project = bool(args.file) and Path(args.file).is_dir()  # a corpus: its window first
    if not project:
        window.show()

    def recovered(found: bool) -> None:  # work a crash left unsaved comes first
        if project and found:
            window.show()
        elif args.file and not project and not found:
            window.open_path(args.file)

    if project:
        window.open_corpus(Path(args.file))
    from korrektur.ui.review_dialogs import offer_recovery  # noqa: PLC0415 (on demand)

    offer_recovery(service, recovered)
    try:
        return int(app.exec())
    finally:
        service.close(keep_unsaved=True)
        service.shut_down()  # the window waited for saves and exports; the worker ends


def _quiet_offscreen(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Pass Qt's messages on, except the offscreen platform's notes on what it lacks."""
    if not message.startswith("This plugin does not support"):
        print(message, file=sys.stderr)


def _screenshot(args: argparse.Namespace) -> int:
    size = parse_size(args.size)
    if size is None:
        print(
            f"korrektur: error: --size must look like 1400x900, not {args.size!r}", file=sys.stderr
        )
        return 2
    if not args.file:
        print("korrektur: error: --screenshot needs a FILE to show", file=sys.stderr)
        return 2
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    previous = qInstallMessageHandler(_quiet_offscreen)
    try:
        return _draw(args, size)
    finally:
        qInstallMessageHandler(previous)


def _draw(args: argparse.Namespace, size: QSize) -> int:
    app = application()
    with tempfile.TemporaryDirectory(prefix="korrektur-shot-") as scratch:
        settings = Settings.at(Path(scratch) / "settings.ini")  # never the user's layout
        theme = apply_theme(app, ThemeMode(args.theme))
        translations = Translations(app)
        translations.use(args.lang)
        messages = ConsoleMessages()
        worker = partial(WorkerProcess, factory=default_engine)
        service = WorkspaceService(messages, Jobs(worker), settings)  # no saving
        window = MainWindow(Services(settings, messages, service, translations), theme)
        try:
            return take_screenshot(
                window, Path(args.file), Path(args.screenshot), size, messages, args.scene
            )
        finally:
            window.close()
            service.shut_down()
            window.deleteLater()
            translations.use("en")
