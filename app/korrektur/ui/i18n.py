"""Load the user interface translation (English source text, Swedish in resources/translations)."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from korrektur.paths import data_path


def wanted_language(choice: str) -> str:
    """``"sv"`` or ``"en"`` from a setting of ``"system"``, ``"en"`` or ``"sv"``."""
    if choice in ("en", "sv"):
        return choice
    return "sv" if QLocale.system().language() == QLocale.Language.Swedish else "en"


def install_translation(app: QApplication, choice: str) -> list[QTranslator]:
    """Install Korrektur's and Qt's own Swedish translations when Swedish is wanted.

    Returns the installed translators (keep them alive as long as the application).
    """
    if wanted_language(choice) != "sv":
        return []
    installed = []
    ours = QTranslator(app)
    if ours.load(str(data_path("resources", "translations", "korrektur_sv.qm"))):
        app.installTranslator(ours)
        installed.append(ours)
    qt = QTranslator(app)
    if qt.load("qtbase_sv", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        installed.append(qt)
    return installed
