"""Whether the corrected pane shows undecided suggestions as proposed or keeps the OCR text."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction

from korrektur.ui import settings as keys
from korrektur.ui.controller import ReviewController
from korrektur.ui.corrected_pane import CorrectedPane
from korrektur.ui.loader import DocumentLoader
from korrektur.ui.prepared import Prepared, prepare
from korrektur.ui.review_files import ReviewFileService
from korrektur.ui.settings import Settings
from korrektur.ui.store_jobs import JobQueue, Pool


class ProposalsView(QObject):
    """The toggle between "decisions only" (the default) and "with proposals".

    By default the corrected pane shows what the default export writes: decided
    corrections applied, undecided suggestions still the OCR text (marked as proposals).
    The same choice is the Export dialog's default, so the two never disagree.

    The new text is laid out off the GUI thread (``jobs``) and swapped in when ready.

    Attributes:
        shown: undecided suggestions show as proposed.

    Signals:
        text_replaced(): the corrected pane shows the other view now (marks must follow).
    """

    text_replaced = Signal()

    def __init__(
        self,
        action: QAction,
        settings: Settings,
        controller: ReviewController,
        pane: CorrectedPane,
        loader: DocumentLoader,
        files: ReviewFileService | None,
        pool: Pool,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._controller = controller
        self._pane = pane
        self._loader = loader
        self._files = files
        self.jobs = JobQueue(pool, self)
        self.shown = settings.get(keys.SHOW_PROPOSALS)
        self._tell_builders()
        action.setChecked(self.shown)
        action.toggled.connect(self.set_shown)

    def _tell_builders(self) -> None:
        """Sessions made elsewhere (analysis, restores, recovery) are prepared this way."""
        self._loader.proposals = self.shown
        if self._files is not None:
            self._files.proposals_shown = self.shown

    def set_shown(self, shown: bool) -> None:
        """Switch the view; the corrected text follows once it is laid out."""
        if shown == self.shown:
            return
        self.shown = shown
        self._settings.set(keys.SHOW_PROPOSALS, shown)
        self._tell_builders()
        session = self._controller.session
        if session is None:
            return
        text = session.text_with(shown)  # a string: safe to lay out on another thread
        self.jobs.submit(lambda: prepare(text), self._swap, lambda _message: self._swap(None))

    def _swap(self, prepared: Prepared | None) -> None:
        session = self._controller.session
        if session is None:
            return
        session.show_proposals(self.shown)
        text = session.corrected_text()
        if prepared is not None and prepared.text == text:
            text = prepared.text  # decisions taken meanwhile would have changed it
        else:
            prepared = None
        self._pane.show_text(text, session.offsets, prepared)
        self.text_replaced.emit()
