"""The version history dialog: every saved version, its text, comparisons, and restoring one."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPlainTextDocumentLayout,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from korrektur.model import Status
from korrektur.ui.jobs import Jobs, SyncPool
from korrektur.ui.local_time import local_time
from korrektur.ui.prepared import DEFAULT_VIEW, Analysed, Prepared, prepare, session_view
from korrektur.ui.version_compare import comparison_document, version_name
from korrektur.workspace import commands
from korrektur.workspace.runner import Failed
from korrektur.workspace.workspace import Workspace

CURRENT = 0  # row data of the "current work" row


def _name(number: int) -> str:
    if number == CURRENT:
        return QCoreApplication.translate("VersionHistoryDialog", "the current work")
    return QCoreApplication.translate("VersionHistoryDialog", "version %1").replace(
        "%1", str(number)
    )


class VersionHistoryDialog(QDialog):
    """Lists the versions of the open review; shows, compares and restores them.

    Restoring asks first (through ``confirm``), then makes the version's decisions the
    current, unsaved work (through ``restore``); nothing is deleted. A version's text and
    a comparison are made by the worker (``jobs``), a restored session is laid out on the
    window's own thread; the review does not change meanwhile (the dialog is modal and the
    window does not open it while a save is written), and the dialog says what it is doing.

    Signals:
        restored(Analysed): the restored session, ready for the window to show.
    """

    restored = Signal(object)

    def __init__(
        self,
        workspace: Workspace,
        confirm: Callable[[str], bool] | None = None,
        parent: QWidget | None = None,
        jobs: Jobs | None = None,
        restore: Callable[[int, Analysed], None] | None = None,
    ) -> None:
        super().__init__(parent)
        assert workspace.review is not None
        self.workspace = workspace
        self.review = workspace.review
        self.confirm = confirm  # None asks nobody (always yes)
        self.jobs = jobs if jobs is not None else Jobs(pool=SyncPool(), parent=self)
        self._restore = restore or (lambda number, built: workspace.restore(number, built.session))
        self._working = False
        self.view = DEFAULT_VIEW  # how a restored session and compared texts are shown
        self.setWindowTitle(
            self.tr("Version history — %1").replace("%1", self.review.session.document.name)
        )
        self.resize(1100, 700)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Version"),
                self.tr("Saved"),
                self.tr("Reviewer"),
                self.tr("Decided"),
                self.tr("Note"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.viewer = QPlainTextEdit(readOnly=True)
        self.viewer.setFont(QFont("monospace"))
        self.viewer.setPlaceholderText(
            self.tr("Select a version to see its text, or two to compare them.")
        )
        self.comparison = QTextBrowser()
        self.comparison.setOpenLinks(False)
        self.views = QStackedWidget()
        self.views.addWidget(self.viewer)
        self.views.addWidget(self.comparison)
        self.hint = QLabel()
        self.show_button = QPushButton(self.tr("&Show text"))
        self.compare_button = QPushButton(self.tr("&Compare"))
        self.restore_button = QPushButton(self.tr("&Restore this version…"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        for button in (self.show_button, self.compare_button, self.restore_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.views)
        splitter.setSizes([170, 530])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.hint)
        layout.addWidget(buttons)
        self.show_button.clicked.connect(self.show_text)
        self.compare_button.clicked.connect(self.compare)
        self.restore_button.clicked.connect(self.restore)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.fill()

    def fill(self) -> None:
        """One row per version, newest first, and one for the current work."""
        versions = list(reversed(self.review.history.versions))
        self.table.setRowCount(len(versions) + 1)
        counts = self.review.session.counts()
        state = self.tr("unsaved") if self.review.dirty else self.tr("as saved")
        self._set_row(0, CURRENT, self.tr("current"), "", "", counts, state)
        for row, v in enumerate(versions, start=1):
            note = "; ".join(t for t in (v.message, v.note) if t)
            self._set_row(
                row,
                v.number,
                str(v.number),
                local_time(v.time),
                v.reviewer,
                v.counts,
                note,
            )
        self.table.selectRow(1 if versions else 0)
        self._update_buttons()

    def _set_row(self, row: int, number: int, *values: object) -> None:
        label, time, reviewer, counts, note = values
        assert isinstance(counts, dict)
        total = sum(counts.values())
        decided = total - counts.get(Status.PENDING, 0)
        cells = [str(label), str(time), str(reviewer), f"{decided} / {total}", str(note)]
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, number)
            self.table.setItem(row, column, item)

    def selected(self) -> list[int]:
        """Version numbers of the selected rows (0 is the current work), oldest first."""
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        numbers = [int(self.table.model().index(r, 0).data(Qt.ItemDataRole.UserRole)) for r in rows]
        return sorted(numbers, key=lambda n: n or 10**9)

    def _update_buttons(self) -> None:
        chosen = [] if self._working else self.selected()
        self.show_button.setEnabled(len(chosen) == 1)
        self.compare_button.setEnabled(len(chosen) in (1, 2) and bool(self.review.history.versions))
        self.restore_button.setEnabled(len(chosen) == 1 and chosen[0] != CURRENT)

    def _started(self, doing: str) -> None:
        self._working = True
        self.hint.setText(doing)
        self._update_buttons()

    def _finished(self) -> None:
        self._working = False
        self._update_buttons()

    def _failed(self, failure: Failed) -> None:
        self._finished()
        self.hint.setText(failure.message)

    def _then(self, done: Callable[[Any], None]) -> Callable[[Any], None]:
        def finish(result: Any) -> None:
            self._finished()
            done(result)

        return finish

    def _show(self, prepared: Prepared, hint: str) -> None:
        document = prepared.document
        document.setParent(self.viewer)
        document.setDocumentLayout(QPlainTextDocumentLayout(document))
        document.setDefaultFont(self.viewer.font())
        self.viewer.setDocument(document)
        self.views.setCurrentWidget(self.viewer)
        self.hint.setText(hint)

    def show_text(self) -> None:
        """Show the text of the selected version (decisions applied, undecided left raw)."""
        [number] = self.selected()
        hint = self.tr("Text of %1; undecided suggestions keep the OCR text.").replace(
            "%1", _name(number)
        )
        self._started(self.tr("Building the text of %1…").replace("%1", _name(number)))
        self.jobs.run(
            commands.version_text,
            self.workspace.text_request(number),
            self._then(lambda prepared: self._show(prepared, hint)),
            self._failed,
            then=prepare,
            held=self.workspace.held,
        )

    def compare(self) -> None:
        """Compare two selected versions (or one with the current work)."""
        chosen = self.selected()
        first, second = (chosen[0], CURRENT) if len(chosen) == 1 else chosen
        hint = (
            self.tr("%1 compared with %2.").replace("%1", _name(first)).replace("%2", _name(second))
        )
        history = self.review.history
        names = (version_name(history, first), version_name(history, second))
        self._started(
            self.tr("Comparing %1 with %2…")
            .replace("%1", _name(first))
            .replace("%2", _name(second))
        )
        self.jobs.run(
            commands.compare,
            self.workspace.compare_request(first, second, self.view.proposals),
            self._then(lambda laid: self._show_comparison(laid.document, hint)),
            self._failed,
            then=lambda comparison: comparison_document(comparison, names),
            held=self.workspace.held,
        )

    def _show_comparison(self, document: QTextDocument, hint: str) -> None:
        old = self.comparison.document()
        ours = old.parent() is self.comparison  # (the first, the editor's own, it deletes)
        document.setParent(self.comparison)
        self.comparison.setDocument(document)
        if ours:  # an editor never deletes a document it was given
            old.deleteLater()
        self.views.setCurrentWidget(self.comparison)
        self.hint.setText(hint)

    def restore(self) -> None:
        """Make the selected version's decisions the current work (after asking)."""
        [number] = self.selected()
        question = self.tr(
            "Go back to version %1? Its decisions become your current work; all versions stay "
            "saved, and the next save records the restore."
        ).replace("%1", str(number))
        if self.confirm is not None and not self.confirm(question):
            return
        review, view = self.review, self.view
        self._started(self.tr("Restoring version %1…").replace("%1", str(number)))
        self.jobs.local(
            lambda: session_view(review.version_session(number), view),
            self._then(lambda built: self._restored(number, built)),
            self._failed,
        )

    def _restored(self, number: int, view: Analysed) -> None:
        self._restore(number, view)
        self.review = self.workspace.review or self.review
        self.restored.emit(view)
        self.fill()
        self.hint.setText(
            self.tr("Version %1 is now the current work (not saved yet).").replace(
                "%1", str(number)
            )
        )
