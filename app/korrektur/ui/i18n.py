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


class Translations:
    """The translators in use; switching language takes effect at once.

    Installing or removing a translator sends every widget a ``LanguageChange`` event;
    the window's parts retranslate themselves on it.

    Attributes:
        language: ``"en"`` or ``"sv"``, the language now in use.
    """

    def __init__(self, app: QApplication) -> None:
        self._app = app
        self._installed: list[QTranslator] = []
        self.language = "en"

    def use(self, choice: str) -> None:
        """Use the language of ``choice`` (``"system"``, ``"en"`` or ``"sv"``)."""
        language = wanted_language(choice)
        if language == self.language and (self._installed or language == "en"):
            return
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed = install_translation(self._app, language)
        self.language = language
