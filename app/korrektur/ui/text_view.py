"""How the corrected pane shows the text: proposals or the OCR text, removed lines or not."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction

from korrektur.model.view import TextView
from korrektur.ui import settings as keys
from korrektur.ui.controller import ReviewController
from korrektur.ui.corrected_pane import CorrectedPane
from korrektur.ui.prepared import Prepared, prepare
from korrektur.ui.settings import Settings
from korrektur.ui.workspace_service import WorkspaceService


class TextViewControl(QObject):
    """The two View toggles of the corrected pane, applied to every session shown.

    * Show proposals (off by default): by default the pane shows what the default export
      writes, undecided suggestions still the OCR text (marked as proposals). The same
      choice is the Export dialog's default, so the two never disagree.
    * Show removed lines (on by default): lines a removal takes away (page headers,
      footers) stay as struck-through ghost lines; off, they are folded away.

    A new text is laid out off the GUI thread (the service's jobs) and swapped in when ready.

    Attributes:
        view: what the pane shows now.

    Signals:
        text_replaced(): the corrected pane shows another view now (marks must follow).
    """

    text_replaced = Signal()

    def __init__(
        self,
        proposals: QAction,
        ghosts: QAction,
        settings: Settings,
        controller: ReviewController,
        pane: CorrectedPane,
        service: WorkspaceService,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._controller = controller
        self._pane = pane
        self._service = service
        self.view = TextView(
            proposals=settings.get(keys.SHOW_PROPOSALS), ghosts=settings.get(keys.SHOW_REMOVED)
        )
        self._tell_builders()
        proposals.setChecked(self.view.proposals)
        ghosts.setChecked(self.view.ghosts)
        proposals.toggled.connect(lambda on: self.set_view(replace(self.view, proposals=on)))
        ghosts.toggled.connect(lambda on: self.set_view(replace(self.view, ghosts=on)))

    def _tell_builders(self) -> None:
        """Sessions made elsewhere (analysis, restores, recovery) are prepared this way."""
        self._service.view = self.view

    def set_view(self, view: TextView) -> None:
        """Show the text as ``view`` says, once it is laid out."""
        if view == self.view:
            return
        self.view = view
        self._settings.set(keys.SHOW_PROPOSALS, view.proposals)
        self._settings.set(keys.SHOW_REMOVED, view.ghosts)
        self._tell_builders()
        session = self._controller.session
        if session is None:
            return
        text = session.text_with(view)  # a string: safe to lay out on another thread
        self._service.jobs.local(
            lambda: prepare(text), self._swap, lambda _failure: self._swap(None)
        )

    def _swap(self, prepared: Prepared | None) -> None:
        session = self._controller.session
        if session is None:
            return
        session.show(self.view)
        text = session.corrected_text()
        if prepared is not None and prepared.text == text:
            text = prepared.text  # decisions taken meanwhile would have changed it
        else:
            prepared = None
        self._pane.show_text(text, session.offsets, prepared)
        self.text_replaced.emit()
