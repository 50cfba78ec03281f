"""Opening, re-analysing and saving documents, and the guard against losing decisions."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QMimeData, QObject, QTimer
from PySide6.QtWidgets import QFileDialog, QWidget

from korrektur.model import Document, ReviewSession
from korrektur.store.resume import add_fresh
from korrektur.ui import settings as keys
from korrektur.ui.controller import ReviewController
from korrektur.ui.loader import DocumentLoader
from korrektur.ui.messages import Answer
from korrektur.ui.prepared import Analysed
from korrektur.ui.services import Services


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

    Saves and exports are written in the background. Opening another file or closing waits
    for them: the action is taken again once they are done, unless one failed (the reviewer
    then reads why, with the work still open).
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
        self._then: Callable[[], object] | None = None  # taken again when the writes are done
        files = services.files
        if files is not None:
            files.saved.connect(self._on_saved)
            files.save_failed.connect(self._drop_pending)
            files.export_failed.connect(self._drop_pending)
            files.jobs.idle.connect(lambda: QTimer.singleShot(0, self._resume))

    @property
    def busy(self) -> bool:
        """True while a save, an export or an autosave is being written."""
        files = self._services.files
        return files is not None and files.jobs.busy

    @property
    def waiting(self) -> bool:
        """True when an action waits for the writes to finish."""
        return self._then is not None

    def _defer(self, action: Callable[[], object]) -> bool:
        """While writes are under way, take ``action`` once they are done; True if deferred."""
        if not self.busy:
            return False
        self._then = action
        self._services.messages.info(self.tr("Waiting for the review to be written…"))
        return True

    def _resume(self) -> None:
        action, self._then = self._then, None
        if action is not None and not self.busy:
            action()
        elif action is not None:  # another job came meanwhile
            self._then = action

    def _drop_pending(self) -> None:
        self._then = None

    def _on_saved(self) -> None:
        """A save reached the disk: the work is clean if nothing changed since it began."""
        files, session = self._services.files, self._controller.session
        review = files.review if files is not None else None
        if review is not None and review.session is session and not review.dirty:
            self._controller.undo_stack.setClean()

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
            self.tr(
                "OCR text and scans (*.txt *.hocr *.html *.xml *.pdf);;Text files (*.txt);;"
                "hOCR (*.hocr *.html);;ALTO or PAGE XML (*.xml);;PDF with a text layer (*.pdf);;"
                "All files (*)"
            ),
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

    def open_path(self, path: str | Path, review_path: Path | None = None) -> None:
        """Open ``path``: resume its review file if it has one, else analyse it afresh.

        ``review_path``: the review file to use instead of the one beside the source (a
        corpus document's, in its project). Waits for writes under way, and asks before
        unsaved work is let go.
        """
        again = partial(self.open_path, path, review_path)
        if self._defer(again) or not self.may_discard(again):
            return
        self.close()
        resolved = Path(path).resolve()
        settings = self._services.settings
        if review_path is None:  # a corpus's documents are reached from the corpus window
            settings.add_recent_file(str(resolved))
            settings.set(keys.LAST_DIRECTORY, str(resolved.parent))
        self._loader.start(resolved, review_path)

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

    def may_close(self, close: Callable[[], object]) -> bool:
        """True when the window may close now; else ``close`` is called again when it may.

        Writes under way are waited for; unsaved work is saved (the window closes once it
        is on disk) or let go, as the reviewer says.
        """
        return not self._defer(close) and self.may_discard(close)

    @property
    def _clean(self) -> bool:
        return self._controller.undo_stack.isClean() and not self.unsaved

    def may_discard(self, retry: Callable[[], object] | None = None) -> bool:
        """True when no decision is unsaved, or the reviewer lets them go.

        If the reviewer chooses to save, the save is written in the background and False is
        returned; ``retry`` is called once the work is safely on disk.
        """
        if self._clean:
            return True
        session = self._controller.session
        name = session.document.name if session is not None else ""
        answer = self._services.messages.unsaved(
            self.tr("The decisions on %1 are not saved. Discard them?").replace("%1", name),
            can_save=self.can_save,
        )
        if answer is Answer.SAVE:
            if self.save() and self.busy:
                self._then = retry
                return False
            return self._clean  # written already (a synchronous pool), failed or cancelled
        return answer is Answer.DISCARD

    def save(self) -> bool:
        """Save a new version of the review file; True when the save is under way.

        The undo stack is clean once it is written (``_on_saved``).
        """
        return self._save(choose_file=False)

    def save_as(self) -> bool:
        """Save a new version to a review file the reviewer chooses."""
        return self._save(choose_file=True)

    def _save(self, choose_file: bool) -> bool:
        files, session = self._services.files, self._controller.session
        if files is None or session is None:
            return False
        saver = files.save_as if choose_file else files.save
        return saver(session, self._window)

    def export(self) -> None:
        """Export through the store's service."""
        if self._services.files is not None and self._controller.session is not None:
            self._services.files.export(self._controller.session, self._window)

    def show_versions(self) -> None:
        """Show the version history through the store's service."""
        if self._services.files is not None and self._controller.session is not None:
            self._services.files.show_versions(self._controller.session, self._window)
