"""The corpus window: every document with its progress, the concordance, the corpus rules.

A thin widget: the corpus service does the work on its worker thread, the review link
opens documents in the review window, and corpus-wide decisions are commands on the
window's undo stack. Keys: in the documents table Enter opens a document, Ctrl+PgDown and
Ctrl+PgUp go to the next or previous one with pending suggestions (in the review window
too); Ctrl+F searches the corpus, Ctrl+L filters the table; Esc in a field returns to the
table.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QDockWidget, QFileDialog, QMainWindow, QWidget

from korrektur.corpus.batch import AnalyseReport
from korrektur.corpus.project import Project
from korrektur.ui import settings as keys
from korrektur.ui.concordance import ConcordancePane
from korrektur.ui.corpus_actions import CorpusAction, CorpusActions
from korrektur.ui.corpus_decisions import CorpusDecisions
from korrektur.ui.corpus_learning import CorpusLearning, Rescoring
from korrektur.ui.corpus_review import ReviewLink
from korrektur.ui.corpus_service import CorpusService, Figures, Found, Query
from korrektur.ui.corpus_status import CorpusStatusBar
from korrektur.ui.corpus_table import DocumentsPane
from korrektur.ui.messages import Messages
from korrektur.ui.settings import Settings


class _EscBack(QObject):
    """Esc in a list of the concordance returns to the documents table."""

    def __init__(self, back: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self.back = back

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Take Esc, leave every other key."""
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
        ):
            self.back()
            return True
        return False


class CorpusWindow(QMainWindow):
    """The window an archivist works through a corpus in.

    Attributes:
        service: the open corpus (on its worker thread).
        review: opens documents in the review window.
        model, proxy, table: the documents, sorted and filtered, and their view.
        concordance: the concordance pane (search, occurrences, rules, what was learned).
        undo_stack: corpus-wide decisions, each one step.
        figures: the figures last read (None before the corpus is open).
    """

    def __init__(
        self,
        settings: Settings,
        messages: Messages,
        service: CorpusService,
        review: ReviewLink,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.messages = messages
        self.service = service
        self.review = review
        self.figures: Figures | None = None
        self.open_elsewhere: Callable[[str], object] | None = None  # another corpus: own window
        self._analyse_on_open = True
        self.resize(1280, 820)
        self.commands = CorpusActions(self)
        self.decisions = CorpusDecisions(service, review, settings, messages, self)
        self.decisions.window = self
        self.undo_stack = self.decisions.undo_stack
        self.learning = CorpusLearning(service, self)
        self.learning.skip = lambda: self.review.current
        self.documents = DocumentsPane()
        self.table = self.documents.table
        self.setCentralWidget(self.documents)

        a = self.commands
        self.concordance = ConcordancePane(
            [
                a[CorpusAction.ACCEPT_SELECTED],
                a[CorpusAction.REJECT_SELECTED],
                a[CorpusAction.ACCEPT_ALL],
                a[CorpusAction.REJECT_ALL],
            ],
            a[CorpusAction.WITHDRAW_RULE],
        )
        self.concordance_dock = QDockWidget(self)
        self.concordance_dock.setObjectName("concordance")
        self.concordance_dock.setWidget(self.concordance)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.concordance_dock)
        self.status = CorpusStatusBar()
        self.setStatusBar(self.status)
        self.commands.build_menus(self.menuBar())
        self.toolbar = self.addToolBar("")
        self.toolbar.setObjectName("corpus-toolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.commands.build_toolbar(self.toolbar)
        self.commands.place(
            {
                "documents": self.table,
                "occurrences": self.concordance.lines,
                "rules": self.concordance.rules,
            }
        )
        self.review.offer([a[CorpusAction.NEXT_DOCUMENT], a[CorpusAction.PREVIOUS_DOCUMENT]])
        self._esc = _EscBack(self.table.setFocus, self)
        for view in (self.concordance.lines, self.concordance.rules):
            view.installEventFilter(self._esc)
        self._connect()
        self.retranslate()
        self._update_actions()

    # -- wiring ----------------------------------------------------------------------------

    def _connect(self) -> None:
        a, s, c = self.commands, self.service, self.concordance
        a.connect(
            {
                CorpusAction.OPEN_CORPUS: self.open_dialog,
                CorpusAction.OPEN_DOCUMENT: self._open_chosen,
                CorpusAction.NEXT_DOCUMENT: lambda: self.step_document(1),
                CorpusAction.PREVIOUS_DOCUMENT: lambda: self.step_document(-1),
                CorpusAction.ANALYSE: s.analyse,
                CorpusAction.CANCEL_ANALYSIS: s.cancel_analysis,
                CorpusAction.CLOSE: self.close,
                CorpusAction.UNDO: self.undo_stack.undo,
                CorpusAction.REDO: self.undo_stack.redo,
                CorpusAction.FILTER: self.documents.focus_filter,
                CorpusAction.SEARCH: self._focus_search,
                CorpusAction.ACCEPT_SELECTED: lambda: c.decide_chosen("accept"),
                CorpusAction.REJECT_SELECTED: lambda: c.decide_chosen("reject"),
                CorpusAction.ACCEPT_ALL: lambda: c.decide_all("accept"),
                CorpusAction.REJECT_ALL: lambda: c.decide_all("reject"),
                CorpusAction.OPEN_OCCURRENCE: c.open_current,
                CorpusAction.WITHDRAW_RULE: c.withdraw_current,
            }
        )
        s.opened.connect(self._on_opened)
        s.figures.connect(self._on_figures)
        s.failed.connect(self.messages.error)
        s.analysis_running.connect(self._on_analysis_running)
        s.analysis_progress.connect(self.status.set_analysis_progress)
        s.analysis_done.connect(self._on_analysis_done)
        for jobs in (s.jobs, s.aside_jobs):
            jobs.busy_changed.connect(lambda _: self.status.show_busy(s.busy_label))
        self.status.cancel_requested.connect(s.cancel_analysis)
        c.search_requested.connect(self.search)
        c.decide_requested.connect(self.decisions.decide)
        c.open_requested.connect(self.review.open)
        c.withdraw_requested.connect(self.decisions.withdraw)
        self.documents.open_requested.connect(self.review.open)
        self.decisions.stepped.connect(self._stepped)
        c.back_to_review.connect(self.table.setFocus)
        self.review.saved.connect(s.document_saved)
        self.review.saved.connect(lambda _: self.learning.decided())
        self.decisions.stepped.connect(lambda _: self.learning.decided())
        self.learning.learned.connect(lambda lesson: c.show_learned(self.learning.describe(lesson)))
        self.learning.rescored.connect(self._rescored)
        self.undo_stack.canUndoChanged.connect(self._update_actions)
        self.undo_stack.canRedoChanged.connect(self._update_actions)
        self.undo_stack.undoTextChanged.connect(self._name_undo_steps)
        self.undo_stack.redoTextChanged.connect(self._name_undo_steps)
        posted = getattr(self.messages, "posted", None)
        if posted is not None:
            posted.connect(self.status.showMessage)

    # -- the project -----------------------------------------------------------------------

    def open_project(self, root: str | Path) -> None:
        """Open the corpus project in folder ``root`` (in the background)."""
        self.service.open(Path(root))

    def open_dialog(self) -> None:
        """Ask for a project folder and open it (in a window of its own, this one closing)."""
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Open corpus project"), self.settings.get(keys.LAST_DIRECTORY)
        )
        if not folder:
            return
        if self.open_elsewhere is not None:
            self.open_elsewhere(folder)
        else:
            self.open_project(folder)

    def _on_opened(self, project: Project, notes: list[str]) -> None:
        self.review.project = project
        self._retitle()
        self.status.set_readonly(self.service.readonly)
        for note in notes:
            self.messages.info(note)
        self.learning.show()
        self.table.setFocus()
        self._update_actions()

    def _on_figures(self, figures: Figures) -> None:
        first = self.figures is None
        self.figures = figures
        self.documents.set_documents(figures.status.per_document)
        held = {rule["id"]: rule["decisions"] for rule in figures.status.rules}
        self.concordance.set_rules(figures.rules, held)
        self.decisions.rules = figures.rules
        self.status.set_figures(figures.status)
        waiting = figures.status.documents.get("new", 0) + figures.status.documents.get(
            "changed", 0
        )
        if first and waiting and self._analyse_on_open:
            self.service.analyse()
        self._update_actions()

    def _on_analysis_running(self, running: bool) -> None:
        self.status.show_analysis(running)
        self._update_actions()

    def _on_analysis_done(self, report: AnalyseReport, cancelled: bool) -> None:
        done = len(report.analysed)
        if cancelled:
            text = self.tr("Analysis cancelled: %1 documents analysed, the rest wait")
        else:
            text = self.tr("Analysis done: %1 documents analysed")
        text = text.replace("%1", f"{done:,}")
        if report.bad:
            text += self.tr("; %1 could not be analysed (see the table)").replace(
                "%1", f"{len(report.bad):,}"
            )
        self.messages.info(text)

    # -- documents -------------------------------------------------------------------------

    def _focus_search(self) -> None:
        self.concordance_dock.show()
        self.concordance_dock.raise_()
        self.concordance.focus_search()

    def _open_chosen(self) -> None:
        name = self.documents.chosen()
        if name is not None:
            self.review.open(name)

    def step_document(self, direction: int) -> None:
        """Open the next (1) or previous (-1) document in the table with pending suggestions.

        Counted from the document under review (else the one chosen in the table); its
        unsaved work is saved first.
        """
        name = self.documents.with_pending(
            self.review.current or self.documents.chosen(), direction
        )
        if name is None:
            if direction > 0:
                self.messages.info(self.tr("No further document with pending suggestions"))
            else:
                self.messages.info(self.tr("No earlier document with pending suggestions"))
            return
        self.documents.choose(name)
        self.review.saved_first(lambda: self.review.open(name))

    # -- the concordance and corpus-wide decisions -------------------------------------------

    def search(self, query: Query) -> None:
        """Search the corpus; the occurrences show in the concordance pane."""
        self.service.search(query, self._found)

    def _found(self, found: Found) -> None:
        self.concordance.show_found(found)

    def _rescored(self, rescoring: Rescoring) -> None:
        self.messages.info(self.learning.said(rescoring))
        for name, problem in rescoring.problems:
            self.messages.error(f"{name}: {problem}")
        self._stepped(set())

    def _stepped(self, changed: set[str]) -> None:
        found = self.concordance.found
        if found is not None:
            self.search(found.query)  # the statuses shown anew

    # -- state -----------------------------------------------------------------------------

    def _update_actions(self) -> None:
        a = self.commands
        open_ = self.service.project is not None
        writer = open_ and not self.service.readonly
        a[CorpusAction.ANALYSE].setEnabled(writer and not self.service.analysing)
        a[CorpusAction.CANCEL_ANALYSIS].setEnabled(self.service.analysing)
        a[CorpusAction.UNDO].setEnabled(self.undo_stack.canUndo())
        a[CorpusAction.REDO].setEnabled(self.undo_stack.canRedo())
        for action_id in (
            CorpusAction.ACCEPT_SELECTED,
            CorpusAction.REJECT_SELECTED,
            CorpusAction.ACCEPT_ALL,
            CorpusAction.REJECT_ALL,
            CorpusAction.WITHDRAW_RULE,
        ):
            a[action_id].setEnabled(writer)

    def _name_undo_steps(self, *_: object) -> None:
        """The Edit menu says what Undo and Redo take back: "Undo accept 37 × for → för"."""
        for action_id, text, step in (
            (CorpusAction.UNDO, self.tr("&Undo %1"), self.undo_stack.undoText()),
            (CorpusAction.REDO, self.tr("&Redo %1"), self.undo_stack.redoText()),
        ):
            action = self.commands[action_id]
            short = text.replace(" %1", "")
            action.setText(text.replace("%1", step) if step else short)
            action.setIconText(short.replace("&", ""))
            action.setToolTip(action.text().replace("&", ""))

    def _retitle(self) -> None:
        project = self.service.project
        if project is None:
            self.setWindowTitle(self.tr("Corpus — Korrektur"))
        else:
            self.setWindowTitle(self.tr("%1 — corpus — Korrektur").replace("%1", project.root.name))

    def retranslate(self) -> None:
        """Every text of the window in the language now in use."""
        self.commands.retranslate()
        self._retitle()
        self.concordance_dock.setWindowTitle(self.tr("Concordance"))
        self.toolbar.setWindowTitle(self.tr("Corpus"))
        self._name_undo_steps()
        if self.figures is not None:
            self.status.set_figures(self.figures.status)

    def changeEvent(self, event: QEvent) -> None:
        """A change of language takes effect at once."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Stop the analysis and close the project (its lock is given back)."""
        self.learning.cancel()
        self.service.close()
        self.review.detach()
        event.accept()
