"""How the window follows the review: marks, list, details and status after each change."""

from __future__ import annotations

from typing import Protocol

from korrektur.model import Change, Document, ReviewSession
from korrektur.ui.actions import ALTERNATIVES, ActionId, ActionRegistry
from korrektur.ui.controller import ReviewController
from korrektur.ui.corrected_pane import CorrectedPane
from korrektur.ui.details import DetailsPane
from korrektur.ui.edit_mode import EditMode
from korrektur.ui.marks import corrected_layer, raw_layer
from korrektur.ui.pane import TextPane
from korrektur.ui.resume_place import ResumePlaces
from korrektur.ui.services import Services
from korrektur.ui.stats import ReviewStats
from korrektur.ui.status import ReviewStatusBar
from korrektur.ui.suggestion_dock import SuggestionDock
from korrektur.ui.sync import ScrollSync
from korrektur.ui.theme import Theme
from korrektur.ui.workspace_service import WorkspaceService

REVIEW_ACTIONS = (
    ActionId.NEXT,
    ActionId.PREVIOUS,
    ActionId.ACCEPT,
    ActionId.REJECT,
    ActionId.EDIT,
    ActionId.ACCEPT_SAME,
    ActionId.ACCEPT_VISIBLE,
)
FILE_ACTIONS = (ActionId.SAVE, ActionId.SAVE_AS, ActionId.EXPORT, ActionId.VERSIONS)


class ReviewWindow(Protocol):
    """The parts of the window the follower keeps up to date.

    (``MainWindow``; named here so that the window and its follower do not import each other.)
    """

    services: Services
    theme: Theme
    document: Document | None
    stats: ReviewStats | None
    registry: ActionRegistry
    controller: ReviewController
    places: ResumePlaces
    raw_view: TextPane
    corrected_view: CorrectedPane
    edit_mode: EditMode
    service: WorkspaceService
    sync: ScrollSync
    dock: SuggestionDock
    details: DetailsPane
    status: ReviewStatusBar
    swapping: bool


class ReviewFollower:
    """Keeps what the window shows equal to the session, touching only what changed.

    A decision repaints the spans it changed; a structural change (a manual edit, a
    restore) rebuilds the marks. Split from the window so that it stays a wiring class.
    """

    def __init__(self, window: ReviewWindow) -> None:
        self._window = window

    def refresh_layers(self, session: ReviewSession) -> None:
        """Marks, pages and scroll maps of both panes from ``session``."""
        w = self._window
        w.corrected_view.view = session.view
        w.raw_view.set_layer(raw_layer(session))
        w.corrected_view.set_layer(corrected_layer(session))
        w.sync.set_maps(session.raw_to_corrected, session.corrected_to_raw)

    def on_change(self, change: Change) -> None:
        """Follow a change of the session: list, text, marks, counts, details."""
        w = self._window
        session = w.controller.session
        if session is None:
            return
        if w.dock.model.session is session:
            w.dock.model.on_change(change)
        text_changed = w.corrected_view.follow(session, change)
        if change.structural:
            self.refresh_layers(session)
        else:  # decisions: the raw spans stay, only the changed marks need repainting
            indices = [session.index_of(session.get(i)) for i in dict.fromkeys(change.ids)]
            offsets = session.offsets
            raw = [(offsets.raw_starts[i], offsets.raw_ends[i]) for i in indices]
            corrected = [offsets.corrected_span(i) for i in indices]
            w.raw_view.set_layer(w.raw_view.layer, raw)
            # where the text changed, the pane repaints the moved lines itself
            layer = corrected_layer(session) if text_changed else w.corrected_view.layer
            w.corrected_view.set_layer(layer, corrected)
        if w.stats is not None:
            w.stats.apply(change)
        w.status.set_stats(w.stats, w.theme)
        self.show_left()
        current = w.controller.current()
        if current is not None and current.id in change.ids:
            w.details.show_suggestion(current, session.document)
        self.update_alternatives()

    def on_current_changed(self, suggestion_id: str | None) -> None:
        """Another suggestion is current: both panes, the list, details and status follow."""
        w = self._window
        session = w.controller.session
        if session is not None:
            w.places.remember(session.document.sha256, suggestion_id)
        suggestion = w.controller.current()
        w.dock.select(suggestion_id)
        document = session.document if session else None
        w.details.show_suggestion(suggestion, document)
        if session is None or suggestion is None:
            for pane in (w.raw_view, w.corrected_view):
                pane.set_current(None, None)
            w.status.set_position(None, None, 0, 0)
            self.show_left()
            self.update_alternatives()
            return
        index = session.index_of(suggestion)
        corrected = session.offsets.corrected_span(index)
        with w.sync.hold():
            w.raw_view.reveal(suggestion.start, suggestion.end)
            w.corrected_view.reveal(*corrected)
        w.raw_view.set_current(suggestion.id, (suggestion.start, suggestion.end))
        w.corrected_view.set_current(suggestion.id, corrected)
        w.status.set_position(document, suggestion, index, len(session.suggestions))
        self.show_left()
        self.update_alternatives()

    def show_left(self) -> None:
        """How much is left, on the current suggestion's page and in the document."""
        w = self._window
        current = w.controller.current()
        page = w.document.page_index_at(current.start) if current and w.document else None
        w.status.set_left(w.stats, page)

    def on_view_replaced(self) -> None:
        """The corrected pane shows the other view: its marks and the current box follow."""
        session = self._window.controller.session
        if session is not None:
            self.refresh_layers(session)
            self.on_current_changed(self._window.controller.current_id)

    def update_actions(self) -> None:
        """Enable what can be done now: review keys only while reviewing, files when open."""
        w = self._window
        loaded = w.controller.session is not None and not w.service.running and not w.swapping
        reviewing = loaded and not w.edit_mode.editing
        w.registry.set_enabled(REVIEW_ACTIONS, reviewing)
        w.registry[ActionId.EDIT_TEXT].setEnabled(loaded)
        w.registry.set_enabled(FILE_ACTIONS, w.service.can_save)
        if w.service.saving:  # the history is about to gain a version
            w.registry[ActionId.VERSIONS].setEnabled(False)
        w.registry[ActionId.REANALYSE].setEnabled(w.document is not None and not w.service.running)
        w.registry[ActionId.CANCEL_ANALYSIS].setEnabled(w.service.running)
        w.registry[ActionId.UNDO].setEnabled(w.controller.undo_stack.canUndo())
        w.registry[ActionId.REDO].setEnabled(w.controller.undo_stack.canRedo())
        self.update_alternatives()

    def update_alternatives(self) -> None:
        """Keys 1–9 only for the alternatives the current suggestion has."""
        w = self._window
        current = w.controller.current()
        count = len(current.alternatives) if current is not None else 0
        reviewing = not w.service.running and not w.edit_mode.editing and not w.swapping
        for number, action_id in enumerate(ALTERNATIVES, start=1):
            w.registry[action_id].setEnabled(reviewing and number <= count)
