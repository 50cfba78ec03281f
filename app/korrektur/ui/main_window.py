"""The review workspace: raw and corrected text side by side, the suggestion list and details."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from korrektur.model import Document
from korrektur.ui import blank_documents
from korrektur.ui import settings as keys
from korrektur.ui.actions import ALTERNATIVES, ActionId, ActionRegistry
from korrektur.ui.controller import ReviewController
from korrektur.ui.corrected_pane import CorrectedPane
from korrektur.ui.details import DetailsPane
from korrektur.ui.dialogs import ShortcutsDialog, show_about
from korrektur.ui.edit_mode import EditMode, Mode
from korrektur.ui.filters import SuggestionFilter
from korrektur.ui.inline_editor import InlineEditor
from korrektur.ui.interactions import PaneInteractions
from korrektur.ui.marks import document_layer
from korrektur.ui.note_bar import NoteBar
from korrektur.ui.page_view import PageView, place_page_dock
from korrektur.ui.painting import kind_icon
from korrektur.ui.pane import TextPane
from korrektur.ui.prepared import Analysed, Prepared, prepare
from korrektur.ui.recent_menu import RecentFilesMenu
from korrektur.ui.resume_place import ResumePlaces, restored_note
from korrektur.ui.review_view import ReviewFollower
from korrektur.ui.services import Services
from korrektur.ui.stats import ReviewStats
from korrektur.ui.status import ReviewStatusBar
from korrektur.ui.suggestion_dock import SuggestionDock
from korrektur.ui.sync import ScrollSync
from korrektur.ui.text_view import TextViewControl
from korrektur.ui.theme import Theme
from korrektur.ui.view_options import ViewOptions
from korrektur.ui.window_state import restore_layout, save_layout
from korrektur.ui.workspace_service import WorkspaceService


def dropped_file(data: QMimeData) -> str | None:
    """The first local file in dragged data."""
    for url in data.urls():
        if url.isLocalFile():
            return url.toLocalFile()
    return None


def _titled(label: QLabel, pane: TextPane) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    label.setContentsMargins(6, 2, 0, 0)
    # a long title (edit mode, Swedish) must not push the splitter: it is cut instead
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    layout.addWidget(label)
    layout.addWidget(pane, 1)
    return box


class MainWindow(QMainWindow):
    """The window a reviewer works in; it wires widgets to the controller and the service.

    Attributes:
        service: the open document (its workspace), the background work, open, analyse,
            save, export and versions, and the guard against losing decisions.
        controller: current suggestion and undo stack over the workspace's session.
        interactions: the click popup.
        edit_mode: reviewing or editing (the in-place editor ``editor``, free typing).
        registry: every action, also reachable from the menus.
        raw_view, corrected_view: the two text panes.
        dock: the suggestion list; details: the details pane.
    """

    def __init__(self, services: Services, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.settings = services.settings
        self.messages = services.messages
        self.theme = theme
        self.document: Document | None = None
        self.stats: ReviewStats | None = None
        self._analysed: Analysed | None = None  # what the worker built for the new session
        self.setAcceptDrops(True)
        self.resize(1400, 900)
        blank_documents.stock()  # the panes' texts are filled off this thread into these

        self.registry = ActionRegistry(self)
        # A zero timer, not a posted call: it fires after the repaint the new session asks for.
        self._fill_timer = QTimer(self, singleShot=True, interval=0)
        self._fill_timer.timeout.connect(self._fill_list)
        self._marks_timer = QTimer(self, singleShot=True, interval=0)
        self._marks_timer.timeout.connect(self._finish_swap)
        self.swapping = False  # a new session's text is shown, its marks not yet: no review keys
        self.service: WorkspaceService = services.service
        self.service.window = self
        self.controller = ReviewController(self.messages, self.service.workspace, self)
        self.service.clean = self.controller.undo_stack.isClean
        self.places = ResumePlaces(self.settings)

        self.raw_view = TextPane(theme)
        self.raw_view.setReadOnly(True)
        self.raw_view.strike_rejected = True
        self.corrected_view = CorrectedPane(theme)
        self.editor = InlineEditor(self.corrected_view.viewport())
        self.edit_mode = EditMode(
            self.controller, self.raw_view, self.corrected_view, self.editor, self
        )
        self.interactions = PaneInteractions(
            self, self.controller, self.raw_view, self.corrected_view, self._edit_suggestion
        )
        self.raw_title, self.corrected_title = QLabel(), QLabel()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(_titled(self.raw_title, self.raw_view))
        self.splitter.addWidget(_titled(self.corrected_title, self.corrected_view))
        self.note_bar = NoteBar()
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.splitter, 1)
        column.addWidget(self.note_bar)
        self.setCentralWidget(central)
        self.sync = ScrollSync(self.raw_view, self.corrected_view, self)

        self.dock = SuggestionDock(self.registry[ActionId.ACCEPT_VISIBLE])
        self.dock.bulk_threshold.setValue(self.settings.get(keys.BULK_THRESHOLD))
        self.details = DetailsPane()
        self.dock_widgets = [
            self._add_dock("suggestions", self.dock),
            self._add_dock("details", self.details),
        ]
        self.status = ReviewStatusBar()
        self.setStatusBar(self.status)
        self.page_view = PageView(theme)
        self.page_dock = self._add_dock("page-image", self.page_view)

        self.recent_menu = RecentFilesMenu(self.settings, self)
        self.registry.build_menus(
            self.menuBar(), {"recent": self.recent_menu, "docks": self._add_dock_toggles}
        )
        toolbar = self.toolbar = self.addToolBar("")
        toolbar.setObjectName("review-toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.registry.build_toolbar(toolbar)
        self.view = ViewOptions(
            self.registry,
            self.settings,
            self.messages,
            (self.raw_view, self.corrected_view),
            self.sync,
            self,
            services.translations,
        )
        self.text_view = TextViewControl(
            self.registry[ActionId.SHOW_PROPOSALS],
            self.registry[ActionId.SHOW_REMOVED],
            self.settings,
            self.controller,
            self.corrected_view,
            self.service,
            self,
        )
        self.follower = ReviewFollower(self)
        self._connect()
        self.retranslate()
        self._show_mode(Mode.REVIEW)
        self.set_theme(theme)
        restore_layout(self, self.splitter, self.dock_widgets, self.settings)
        place_page_dock(self, self.page_dock, self.settings)
        self.follower.update_actions()

    # -- construction ------------------------------------------------------------------------

    def _add_dock(self, name: str, widget: QWidget) -> QDockWidget:
        dock = QDockWidget(self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        return dock

    def _add_dock_toggles(self, menu: QMenu) -> None:
        for dock in (*self.dock_widgets, self.page_dock):
            menu.addAction(dock.toggleViewAction())

    def _connect(self) -> None:
        c = self.controller
        self.registry.connect(
            {
                ActionId.OPEN: self.service.open_dialog,
                ActionId.OPEN_CORPUS: self.open_corpus,
                ActionId.SAVE: self.service.save,
                ActionId.SAVE_AS: self.service.save_as,
                ActionId.EXPORT: self._export,
                ActionId.VERSIONS: self._show_versions,
                ActionId.REANALYSE: self.service.reanalyse,
                ActionId.CANCEL_ANALYSIS: self.service.cancel_analysis,
                ActionId.QUIT: self.close,
                ActionId.UNDO: c.undo,
                ActionId.REDO: c.redo,
                ActionId.FIND: self._find,
                ActionId.NEXT: c.step,
                ActionId.PREVIOUS: lambda: c.step(backwards=True),
                ActionId.ACCEPT: c.accept,
                ActionId.REJECT: c.reject,
                ActionId.EDIT: self._edit_suggestion,
                ActionId.ACCEPT_SAME: c.accept_same,
                ActionId.ACCEPT_VISIBLE: self._accept_visible,
                ActionId.SHORTCUTS: self.show_shortcuts,
                ActionId.ABOUT: lambda: show_about(self),
                **{
                    action_id: partial(c.choose_alternative, number)
                    for number, action_id in enumerate(ALTERNATIVES, start=1)
                },
            }
        )
        self.registry[ActionId.OPEN_CORPUS].setVisible(self.services.open_corpus is not None)
        c.session_replaced.connect(self._on_session_replaced)
        c.changed.connect(self.follower.on_change)
        c.current_changed.connect(self.follower.on_current_changed)
        c.undo_stack.cleanChanged.connect(self._on_clean_changed)
        c.undo_stack.undoTextChanged.connect(self._name_undo_steps)
        c.undo_stack.redoTextChanged.connect(self._name_undo_steps)
        c.undo_stack.canUndoChanged.connect(self.registry[ActionId.UNDO].setEnabled)
        c.undo_stack.canRedoChanged.connect(self.registry[ActionId.REDO].setEnabled)
        service = self.service
        service.loaded.connect(self._on_loaded)
        service.progress.connect(self.status.set_analysis_progress)
        service.session_replaced.connect(self._show)
        service.running_changed.connect(self._on_running_changed)
        self.status.cancel_requested.connect(service.cancel_analysis)
        self.dock.selected.connect(c.set_current)
        self.dock.filter_changed.connect(self._on_filter_changed)
        self.dock.back_to_review.connect(self.edit_mode.return_focus)
        self.edit_mode.track(self.dock.table)
        self.dock.bulk_threshold.valueChanged.connect(self._on_threshold_changed)
        self.details.alternative.connect(c.choose_alternative)
        self.corrected_view.edited.connect(c.manual_edit)
        self.recent_menu.chosen.connect(service.open_path)
        self.registry[ActionId.EDIT_TEXT].triggered.connect(self.edit_mode.set_text_editing)
        self.edit_mode.changed.connect(self._show_mode)
        self.text_view.text_replaced.connect(self.follower.on_view_replaced)
        self.page_view.attach(c, service)
        self.page_view.scan_shown.connect(self.page_dock.setVisible)
        self.page_view.escaped.connect(self.raw_view.setFocus)
        self.view.theme_changed.connect(self.set_theme)
        service.saved.connect(self._on_saved)
        service.saved.connect(self.note_bar.offer_folder)
        service.exported.connect(self.note_bar.offer_folder)
        service.jobs.busy_changed.connect(self._on_busy_changed)
        posted = getattr(self.messages, "posted", None)
        if posted is not None:
            posted.connect(self._show_note)

    def _on_clean_changed(self, clean: bool) -> None:
        self.setWindowModified(not clean or self.service.unsaved)

    def _on_saved(self) -> None:
        """A save reached the disk: the work is clean if nothing changed since it began."""
        if not self.service.workspace.dirty:
            self.controller.undo_stack.setClean()
        self._update_modified()

    def _update_modified(self) -> None:
        self._on_clean_changed(self.controller.undo_stack.isClean())

    def _on_threshold_changed(self, value: float) -> None:
        self.settings.set(keys.BULK_THRESHOLD, round(value, 2))

    def _show_note(self, text: str) -> None:
        self.note_bar.show_note(text)

    # -- files -------------------------------------------------------------------------------

    def open_path(self, path: str | Path) -> None:
        """Open ``path`` and analyse it in the background."""
        self.service.open_path(path)

    def open_corpus(self, root: Path | None = None) -> None:
        """Open a corpus project (asked for if None) in a corpus window beside this one."""
        opener = self.services.open_corpus
        if opener is not None:
            opener(self, root)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Accept a dragged local file."""
        if dropped_file(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """Open the first dropped local file."""
        path = dropped_file(event.mimeData())
        if path is not None:
            event.acceptProposedAction()
            self.service.open_path(path)

    # -- loading -----------------------------------------------------------------------------

    def _on_loaded(self, document: Document, prepared: Prepared) -> None:
        self.document = document
        self._retitle()
        self.raw_view.use_document(prepared)
        self.raw_view.set_layer(document_layer(document))
        self.corrected_view.show_text("")
        self.corrected_view.set_layer(None)
        self.sync.reset()
        self.corrected_view.setPlaceholderText(
            self.tr("The corrected text appears here when the analysis is done.")
        )
        self.status.set_document(document)
        self.details.show_suggestion(None, None)
        self.raw_view.setFocus()

    def _show(self, built: Analysed | None) -> None:
        """Put the workspace's session under review (``built``: laid out off-thread, or None).

        A review read from its file goes back to where the clerk stopped, and says what
        was restored.
        """
        session = self.service.workspace.session
        if session is not None and session.document is not self.document:
            if self._showing(session.document):
                self.document = session.document  # the same text, shown when it was read
            else:
                self._on_loaded(session.document, prepare(session.document.text))
        place = self.places.place(session.document.sha256) if session else None
        self._analysed = built
        try:
            self.controller.reset()
        finally:
            self._analysed = None
        review = self.service.workspace.review
        if review is not None and built is not None and built.review is review:
            note = restored_note(review)
            if place is not None and session is not None and place in session.ids:
                self.controller.set_current(place)
            if note:
                self.messages.info(note)
        self._update_modified()

    def _showing(self, document: Document) -> bool:
        """The raw pane shows ``document``'s text already.

        The worker sends a file's document when it has read it (the raw text shows at
        once) and again with the analysed review: two copies of one text, which is not
        laid out twice on the GUI thread (40-60 ms for a 300-page report).
        """
        shown = self.document
        return shown is not None and shown.sha256 == document.sha256 and shown == document

    def _on_running_changed(self, running: bool) -> None:
        self.status.show_analysis(running)
        self.follower.update_actions()

    def _on_session_replaced(self) -> None:
        """Show another session's text now; its marks, current suggestion and list later.

        Three event-loop turns, not one long block (restoring a 300-page review did 25-35 ms
        of the GUI thread's work at once): the text, then ``_finish_swap``, then the list.
        Until the marks are in, the panes show none and the review keys are off, so that no
        key decides on a half-shown review.
        """
        self.edit_mode.back_to_review()
        session = self.controller.session
        self.dock.model.set_session(None)
        built = self._analysed if self._analysed and self._analysed.session is session else None
        self.stats = built.stats if built else ReviewStats(session) if session else None
        self.swapping = session is not None
        if session is not None:
            session.show(self.text_view.view)
            prepared = built.corrected if built else None
            self.corrected_view.show_text(session.corrected_text(), session.offsets, prepared)
            self.corrected_view.view = session.view
            for pane in (self.raw_view, self.corrected_view):
                pane.set_layer(None)
            self.sync.reset()
            count = len(session.suggestions)
            self.messages.info(self.tr("%n suggestion(s) to review.", "", count))
            self._marks_timer.start()
        self.status.set_stats(self.stats, self.theme)
        self.follower.update_actions()

    def _finish_swap(self) -> None:
        """The shown session's marks and scroll maps, then its first pending suggestion."""
        session = self.controller.session
        self.swapping = False
        if session is not None:
            self.follower.refresh_layers(session)
            if session.suggestions and self.controller.current() is None:
                self.controller.step()
            self._fill_timer.start()  # after the panes are painted: short blocks, not one long
        self.follower.update_actions()

    def _fill_list(self) -> None:
        session = self.controller.session
        if session is not None and self.dock.model.session is not session:
            self.dock.model.set_session(session)
            self.dock.select(self.controller.current_id)

    def _on_filter_changed(self, criteria: SuggestionFilter) -> None:
        self.controller.filter = criteria
        self.dock.select(self.controller.current_id)

    def _on_busy_changed(self, doing: str) -> None:
        self.status.show_busy(doing)
        self.follower.update_actions()

    # -- reviewing or editing ----------------------------------------------------------------

    def _edit_suggestion(self) -> None:
        self.edit_mode.edit_suggestion()

    def _show_mode(self, mode: Mode) -> None:
        """Keys decide or type, never both: review actions are off while editing."""
        editing = mode is not Mode.REVIEW
        self.status.show_editing(editing)
        self.registry[ActionId.EDIT_TEXT].setChecked(mode is Mode.TEXT)
        self._retitle()
        self.follower.update_actions()

    def retranslate(self) -> None:
        """Every text of the window in the language now in use (also what it shows now)."""
        self.registry.retranslate()
        self.dock_widgets[0].setWindowTitle(self.tr("Suggestions"))
        self.dock_widgets[1].setWindowTitle(self.tr("Details"))
        self.page_dock.setWindowTitle(self.tr("Page image"))
        self.toolbar.setWindowTitle(self.tr("Review"))
        for pane in (self.raw_view, self.corrected_view):
            pane.page_label = self.tr("p%1", "page label in the gutter")
            pane.update()
        self._retitle()
        self._name_undo_steps()
        self.status.set_stats(self.stats, self.theme)
        self.follower.on_current_changed(self.controller.current_id)

    def _name_undo_steps(self, *_: object) -> None:
        """The Edit menu says what Undo and Redo will take back: "Undo accept 29 × for → för"."""
        stack = self.controller.undo_stack
        for action_id, text, step in (
            (ActionId.UNDO, self.tr("&Undo %1"), stack.undoText()),
            (ActionId.REDO, self.tr("&Redo %1"), stack.redoText()),
        ):
            action = self.registry[action_id]
            short = text.replace(" %1", "")
            action.setText(text.replace("%1", step) if step else short)
            action.setIconText(short.replace("&", ""))  # the toolbar stays short
            action.setToolTip(action.text().replace("&", ""))

    def changeEvent(self, event: QEvent) -> None:
        """A change of language takes effect at once."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _retitle(self) -> None:
        if self.document is None:
            self.setWindowTitle(self.tr("Korrektur"))
        else:
            self.setWindowTitle(self.tr("%1[*] — Korrektur").replace("%1", self.document.name))
        self.raw_title.setText(self.tr("Raw OCR text (read-only)"))
        self.raw_view.setAccessibleName(self.raw_title.text())
        if self.edit_mode.editing:
            title = self.tr("Corrected text — editing: keys type, Esc returns to review")
        else:
            title = self.tr("Corrected text (E or F2 to edit)")
        self.corrected_title.setText(title)
        self.corrected_view.setAccessibleName(title)

    # -- small commands ----------------------------------------------------------------------

    def _accept_visible(self) -> None:
        self.controller.accept_visible(round(self.dock.bulk_threshold.value(), 2))

    def _export(self) -> None:
        """Ask for format, options and file, then write the export (dialogs loaded on demand)."""
        from korrektur.ui.review_dialogs import export  # noqa: PLC0415

        export(self.service)

    def _show_versions(self) -> None:
        """The version history; restoring a version replaces the session."""
        from korrektur.ui.review_dialogs import show_versions  # noqa: PLC0415

        show_versions(self.service)

    def _find(self) -> None:
        self.dock_widgets[0].show()
        self.dock_widgets[0].raise_()
        self.dock.search.setFocus()
        self.dock.search.selectAll()

    def show_shortcuts(self) -> None:
        """The keyboard shortcuts overview (not modal, so review can go on)."""
        self.shortcuts_dialog = ShortcutsDialog(self.registry, self)
        self.shortcuts_dialog.show()

    # -- look and state ----------------------------------------------------------------------

    def set_theme(self, theme: Theme) -> None:
        """Repaint with another palette's colours."""
        self.theme = theme
        for pane in (self.raw_view, self.corrected_view):
            pane.theme = theme
            pane.viewport().update()
        self.dock.set_kind_icons({kind: kind_icon(kind, theme) for kind in self.dock.kind_actions})
        self.status.set_stats(self.stats, theme)
        self.page_view.set_theme(theme)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Wait for writes, warn about unsaved decisions, stop the analysis, keep the layout.

        While a save or an export is written the window stays open and closes itself once
        it is done (not if it failed: the reviewer reads why, with the work still open).
        """
        if not self.service.may_close(self.close):
            event.ignore()
            return
        self.service.close()  # saved, or the reviewer let the work go: no recovery offer
        self.service.jobs.wait()  # the window's own thread (laying out text) is done
        self.page_view.close_images()
        save_layout(self, self.splitter, self.settings)
        event.accept()
