"""Opening, re-analysing and saving documents, and the guard against losing decisions."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QObject
from PySide6.QtWidgets import QFileDialog, QWidget

from korrektur.model import Document
from korrektur.ui import settings as keys
from korrektur.ui.controller import ReviewController
from korrektur.ui.loader import DocumentLoader
from korrektur.ui.messages import Answer
from korrektur.ui.services import Services


def dropped_file(data: QMimeData) -> str | None:
    """The first local file in dragged data."""
    for url in data.urls():
        if url.isLocalFile():
            return url.toLocalFile()
    return None


class FileActions(QObject):
    """What the File menu does; the store's service (issue 6) plugs in through ``Services``.

    Until a ``ReviewFiles`` service is given, Save, Export and Version history stay disabled
    and decisions live in memory; ``may_discard`` asks before any are lost.
    """

    def __init__(
        self,
        window: QWidget,
        services: Services,
        controller: ReviewController,
        loader: DocumentLoader,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._services = services
        self._controller = controller
        self._loader = loader

    @property
    def can_save(self) -> bool:
        """True when a store service is there and a session is open."""
        return self._services.files is not None and self._controller.session is not None

    def open_dialog(self) -> None:
        """Ask for a file and open it."""
        settings = self._services.settings
        path, _ = QFileDialog.getOpenFileName(
            self._window,
            self.tr("Open OCR text"),
            settings.get(keys.LAST_DIRECTORY),
            self.tr("Text files (*.txt);;All files (*)"),
        )
        if path:
            self.open_path(path)

    def open_path(self, path: str | Path) -> None:
        """Open ``path`` and analyse it in the background (after the unsaved check)."""
        if not self.may_discard():
            return
        resolved = Path(path).resolve()
        settings = self._services.settings
        settings.add_recent_file(str(resolved))
        settings.set(keys.LAST_DIRECTORY, str(resolved.parent))
        self._loader.start(resolved)

    def reanalyse(self, document: Document | None) -> None:
        """Analyse ``document`` again (after the unsaved check)."""
        if document is not None and self.may_discard():
            self._loader.start(document)

    def may_discard(self) -> bool:
        """True when no decision is unsaved, or the reviewer saves or lets them go."""
        if self._controller.undo_stack.isClean():
            return True
        session = self._controller.session
        name = session.document.name if session is not None else ""
        answer = self._services.messages.unsaved(
            self.tr("The decisions on %1 are not saved. Discard them?").replace("%1", name),
            can_save=self.can_save,
        )
        if answer is Answer.SAVE:
            return self.save()
        return answer is Answer.DISCARD

    def save(self) -> bool:
        """Save through the store's service; the undo stack is clean afterwards."""
        files, session = self._services.files, self._controller.session
        if files is None or session is None or not files.save(session, self._window):
            return False
        self._controller.undo_stack.setClean()
        return True

    def export(self) -> None:
        """Export through the store's service."""
        if self._services.files is not None and self._controller.session is not None:
            self._services.files.export(self._controller.session, self._window)

    def show_versions(self) -> None:
        """Show the version history through the store's service."""
        if self._services.files is not None and self._controller.session is not None:
            self._services.files.show_versions(self._controller.session, self._window)
