"""The documents pane of the corpus window: the table, its filter, and moving through it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from korrektur.corpus.status import DocumentStatus
from korrektur.ui.corpus_model import (
    NAME_ROLE,
    SHARE_ROLE,
    Column,
    DocumentFilter,
    DocumentTableModel,
    Show,
    pending,
)
from korrektur.ui.filter_keys import FilterKeys, Takes
from korrektur.ui.share_delegate import ShareDelegate


class DocumentsPane(QWidget):
    """The corpus's documents, sorted and filtered as the archivist asks.

    Attributes:
        model, proxy: the documents and their sorted, filtered view of them.
        table: the view; filter: part of a name; show_box: which documents.

    Signals:
        open_requested(str): double-click on a document (Enter is the window's action).
    """

    open_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = DocumentTableModel(self)
        self.proxy = DocumentFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = table = QTableView()
        table.setObjectName("documents")
        table.setModel(self.proxy)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setSortingEnabled(True)
        table.sortByColumn(Column.NAME, Qt.SortOrder.AscendingOrder)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        table.setItemDelegateForColumn(Column.DECIDED, ShareDelegate(SHARE_ROLE, self))
        table.verticalHeader().hide()
        # fixed sizes: sizing rows or columns to their contents would ask every row
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Column.NAME, QHeaderView.ResizeMode.Stretch)
        width = self.fontMetrics().horizontalAdvance
        for column, sample in (
            (Column.PAGES, "Pages"),
            (Column.WORDS, "000,000"),
            (Column.SUGGESTIONS, "00,000 (00,000)"),
            (Column.DECIDED, "Decided 100%"),
            (Column.ERRORS, "Errors left"),
            (Column.REVIEWER, "Last reviewer"),
            (Column.STATUS, "cannot be analysed"),
            (Column.SOURCE, "changed"),
        ):
            header.resizeSection(column, width(sample) + 24)
        table.doubleClicked.connect(lambda _: self._open_chosen())

        self.filter = QLineEdit()
        self.filter.setClearButtonEnabled(True)
        self.show_box = QComboBox()
        for _ in Show:
            self.show_box.addItem("")
        self.shown_label = QLabel()
        self.filter.textChanged.connect(self._filter)
        self.show_box.currentIndexChanged.connect(self._filter)
        row = QHBoxLayout()
        row.addWidget(self.filter, 1)
        row.addWidget(self.show_box)
        row.addWidget(self.shown_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.addLayout(row)
        layout.addWidget(table, 1)
        self.keys = FilterKeys(self)
        self.keys.watch(self.filter, Takes.TEXT)
        self.keys.watch(self.show_box, Takes.CHOICE)
        self.keys.returned.connect(table.setFocus)
        self._retranslate()

    def set_documents(self, documents: list[DocumentStatus]) -> None:
        """Show the figures anew; the first document is chosen the first time."""
        first = self.model.rowCount() == 0
        self.model.set_documents(documents)
        self._count()
        if first and self.proxy.rowCount():
            self.table.setCurrentIndex(self.proxy.index(0, 0))

    def chosen(self) -> str | None:
        """The document chosen in the table."""
        index = self.table.currentIndex()
        return str(index.data(NAME_ROLE)) if index.isValid() else None

    def _open_chosen(self) -> None:
        name = self.chosen()
        if name is not None:
            self.open_requested.emit(name)

    def choose(self, name: str) -> None:
        """Make ``name`` the chosen document (if the filter shows it)."""
        row = self._row_of(name)
        if row is not None:
            index = self.proxy.index(row, 0)
            self.table.setCurrentIndex(index)
            self.table.scrollTo(index)

    def with_pending(self, start: str | None, direction: int) -> str | None:
        """The next (1) or previous (-1) document shown with pending suggestions.

        Counted from ``start`` (from the top or the bottom without it); in the table's
        order, as sorted and filtered.
        """
        rows = self.proxy.rowCount()
        at = self._row_of(start)
        row = at + direction if at is not None else (0 if direction > 0 else rows - 1)
        while 0 <= row < rows:
            document = self._document(row)
            if pending(document) and document.name != start:
                return document.name
            row += direction
        return None

    def _document(self, row: int) -> DocumentStatus:
        return self.model.document(self.proxy.mapToSource(self.proxy.index(row, 0)).row())

    def _row_of(self, name: str | None) -> int | None:
        source = self.model.row_of(name) if name is not None else None
        if source is None:
            return None
        row = self.proxy.mapFromSource(self.model.index(source, 0)).row()
        return row if row >= 0 else None

    def focus_filter(self) -> None:
        """Put the keys in the name filter (Ctrl+L)."""
        self.filter.setFocus()
        self.filter.selectAll()

    def _filter(self) -> None:
        show = list(Show)[max(0, self.show_box.currentIndex())]
        self.proxy.set_filter(self.filter.text(), show)
        self._count()

    def _count(self) -> None:
        self.shown_label.setText(
            self.tr("%1 of %2 shown")
            .replace("%1", f"{self.proxy.rowCount():,}")
            .replace("%2", f"{self.model.rowCount():,}")
        )

    def _retranslate(self) -> None:
        self.filter.setPlaceholderText(self.tr("Filter documents by name (Ctrl+L)"))
        self.show_box.setToolTip(self.tr("Which documents the table shows"))
        for index, show in enumerate(Show):
            self.show_box.setItemText(index, show.text())
        self.table.setAccessibleName(self.tr("Documents"))
        self._count()

    def changeEvent(self, event: QEvent) -> None:
        """Follow a change of language at once."""
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
