"""Opening, re-analysing and saving documents, and the guard against losing decisions."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QObject
from PySide6.QtWidgets import QFileDialog, QWidget

from korrektur.model import Document, ReviewSession
from korrektur.store.resume import add_fresh
from korrektur.ui import settings as keys
from korrektur.ui.controller import ReviewController
from korrektur.ui.loader import DocumentLoader
from korrektur.ui.messages import Answer
from korrektur.ui.services import Services
from korrektur.ui.worker import Analysed


def dropped_file(data: QMimeData) -> str | None:
    """The first local file in dragged data."""
    for url in data.urls():
        if url.isLocalFile():
            return url.toLocalFile()
    return None


class FileActions(QObject):
    """What the File menu does; the store's service (issue 6) plugs in through ``Services``.

    With the service, opening a file resumes its review file, Save adds a version, analysing
    again keeps every decision, and unsaved work is autosaved. Without it (screenshot mode)
    Save, Export and Version history stay disabled and decisions live in memory.
    ``may_discard`` asks before any decision is lost.
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

    @property
    def unsaved(self) -> bool:
        """True when the review has work no saved version holds.

        After a restore or a recovery the undo stack is clean, but the work is not saved.
        """
        files = self._services.files
        return files is not None and files.unsaved(self._controller.session)

    def open_path(self, path: str | Path) -> None:
        """Open ``path``: resume its review file if it has one, else analyse it afresh."""
        if not self.may_discard():
            return
        self.close()
        resolved = Path(path).resolve()
        settings = self._services.settings
        settings.add_recent_file(str(resolved))
        settings.set(keys.LAST_DIRECTORY, str(resolved.parent))
        self._loader.start(resolved)

    def reanalyse(self, document: Document | None) -> None:
        """Analyse ``document`` again; with the store, new suggestions join the decisions."""
        if document is not None and (self._services.files is not None or self.may_discard()):
            self._loader.start(document)

    def take(self, analysed: Analysed) -> ReviewSession:
        """The session to show for a finished analysis, its review taken up by the store.

        A resumed review is used as it is (with what resuming found); analysing the open
        review again adds the new suggestions to it; anything else starts a review.
        """
        files = self._services.files
        if files is None:
            return analysed.session
        if analysed.review is not None:
            files.use(analysed.review, analysed.report, self._window)
            return analysed.session
        review = files.review
        if review is not None and review.session.document is analysed.session.document:
            added = add_fresh(review, analysed.session.suggestions)
            self._services.messages.info(self.tr("%n new suggestion(s).", "", added))
            return review.session
        files.adopt(analysed.session, self._window)
        return analysed.session

    def close(self) -> None:
        """Stop autosaving the review (the reviewer saved it or let the work go)."""
        if self._services.files is not None:
            self._services.files.close(keep_unsaved=False)

    def may_discard(self) -> bool:
        """True when no decision is unsaved, or the reviewer saves or lets them go."""
        if self._controller.undo_stack.isClean() and not self.unsaved:
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
        """Save a new version of the review file; the undo stack is clean afterwards."""
        return self._save(choose_file=False)

    def save_as(self) -> bool:
        """Save a new version to a review file the reviewer chooses."""
        return self._save(choose_file=True)

    def _save(self, choose_file: bool) -> bool:
        files, session = self._services.files, self._controller.session
        if files is None or session is None:
            return False
        saver = files.save_as if choose_file else files.save
        if not saver(session, self._window):
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
