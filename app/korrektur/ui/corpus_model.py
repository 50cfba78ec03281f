"""The corpus's documents as a Qt table (a thin adapter over the index's figures) and its filter."""

from __future__ import annotations

from enum import Enum, IntEnum
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from korrektur.corpus.status import DocumentStatus

Index = QModelIndex | QPersistentModelIndex

SORT_ROLE = int(Qt.ItemDataRole.UserRole) + 1
SHARE_ROLE = int(Qt.ItemDataRole.UserRole) + 2
NAME_ROLE = int(Qt.ItemDataRole.UserRole) + 3


class Column(IntEnum):
    """Columns of the documents table."""

    NAME = 0
    PAGES = 1
    WORDS = 2
    SUGGESTIONS = 3
    DECIDED = 4
    ERRORS = 5
    REVIEWER = 6
    STATUS = 7
    SOURCE = 8


HEADERS = {
    Column.NAME: str(QT_TRANSLATE_NOOP("DocumentTableModel", "Document")),
    Column.PAGES: str(QT_TRANSLATE_NOOP("DocumentTableModel", "Pages")),
    Column.WORDS: str(QT_TRANSLATE_NOOP("DocumentTableModel", "Words")),
    Column.SUGGESTIONS: str(QT_TRANSLATE_NOOP("DocumentTableModel", "Suggestions")),
    Column.DECIDED: str(QT_TRANSLATE_NOOP("DocumentTableModel", "Decided")),
    Column.ERRORS: str(QT_TRANSLATE_NOOP("DocumentTableModel", "Errors left")),
    Column.REVIEWER: str(QT_TRANSLATE_NOOP("DocumentTableModel", "Last reviewer")),
    Column.STATUS: str(QT_TRANSLATE_NOOP("DocumentTableModel", "Status")),
    Column.SOURCE: str(QT_TRANSLATE_NOOP("DocumentTableModel", "Source")),
}

HEADER_TIPS = {
    Column.SUGGESTIONS: str(
        QT_TRANSLATE_NOOP("DocumentTableModel", "Suggestions in all (pending in brackets)")
    ),
    Column.DECIDED: str(QT_TRANSLATE_NOOP("DocumentTableModel", "Share of suggestions decided")),
    Column.ERRORS: str(
        QT_TRANSLATE_NOOP(
            "DocumentTableModel",
            "Word errors expected still in the text: pending suggestions by their confidence, "
            "plus those no suggestion points at",
        )
    ),
    Column.SOURCE: str(
        QT_TRANSLATE_NOOP("DocumentTableModel", "Whether the source changed since its analysis")
    ),
}


class _Named(Enum):
    """An enum whose values are English names translated in the context of its class name."""

    def text(self) -> str:
        """The translated name."""
        return QCoreApplication.translate(type(self).__name__, str(self.value))


class Stage(_Named):
    """Where a document's review stands, as the table says it."""

    NOT_ANALYSED = str(QT_TRANSLATE_NOOP("Stage", "not analysed"))
    NOT_STARTED = str(QT_TRANSLATE_NOOP("Stage", "not started"))
    IN_REVIEW = str(QT_TRANSLATE_NOOP("Stage", "in review"))
    DONE = str(QT_TRANSLATE_NOOP("Stage", "done"))
    BAD = str(QT_TRANSLATE_NOOP("Stage", "cannot be analysed"))


def pending(document: DocumentStatus) -> int:
    """The document's pending suggestions."""
    return document.suggestions.get("pending", 0)


def stage(document: DocumentStatus) -> Stage:
    """Where ``document``'s review stands."""
    if document.state == "bad":
        return Stage.BAD
    if document.remaining_errors is None:
        return Stage.NOT_ANALYSED
    if not pending(document):
        return Stage.DONE
    if pending(document) == document.total:
        return Stage.NOT_STARTED
    return Stage.IN_REVIEW


def _source_text(document: DocumentStatus) -> str:
    if document.state == "changed":
        return QCoreApplication.translate("DocumentTableModel", "changed")
    if document.state == "missing":
        return QCoreApplication.translate("DocumentTableModel", "missing")
    return ""


_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_NUMBERS = frozenset({Column.PAGES, Column.WORDS, Column.SUGGESTIONS, Column.ERRORS})
_COLUMNS = len(Column)
ATTENTION = QColor("#D55E00")  # a source changed or gone, a document that cannot be read


class DocumentTableModel(QAbstractTableModel):
    """One row per document of the corpus, in the order the archivist sorted them.

    The model sorts itself (``sort``): a sorting proxy would ask Python for two sort keys
    per comparison, some 20,000 calls for a thousand documents, and hold the window up
    for a tenth of a second at each refresh. ``set_documents`` takes the figures anew
    (after every decision, save and slice of analysis); when the documents are the same
    ones, only the changed rows are told, or the rows move as a layout change, so the
    selection and the scroll position stay.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[DocumentStatus] = []
        self._column = Column.NAME
        self._order = Qt.SortOrder.AscendingOrder
        self._bold = QFont()
        self._bold.setBold(True)

    def set_documents(self, documents: list[DocumentStatus]) -> None:
        """Show ``documents`` (in any order: they are sorted as the table is)."""
        documents = self._sorted(documents)
        if [d.name for d in documents] == [d.name for d in self._rows]:
            pairs = enumerate(zip(documents, self._rows, strict=True))
            changed = [row for row, (new, old) in pairs if new != old]
            self._rows = documents
            for first, last in _runs(changed):  # the filter looks at these alone
                self.dataChanged.emit(self.index(first, 0), self.index(last, _COLUMNS - 1))
        elif {d.name for d in documents} == {d.name for d in self._rows}:
            self._move_to(documents)
        else:
            self.beginResetModel()
            self._rows = documents
            self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by ``column``'s numbers (not its texts); equal rows keep their order."""
        if not 0 <= column < _COLUMNS:
            return
        self._column, self._order = Column(column), order
        self._move_to(self._sorted(self._rows))

    def _sorted(self, documents: list[DocumentStatus]) -> list[DocumentStatus]:
        by_name = sorted(documents, key=lambda d: d.name)
        descending = self._order == Qt.SortOrder.DescendingOrder
        column = self._column
        return sorted(by_name, key=lambda d: self._sort_key(d, column), reverse=descending)

    def _move_to(self, documents: list[DocumentStatus]) -> None:
        """The same documents in a new order: a layout change that keeps the selection."""
        self.layoutAboutToBeChanged.emit()
        rows = {d.name: row for row, d in enumerate(documents)}
        old = self.persistentIndexList()
        new = [
            self.index(rows[self._rows[i.row()].name], i.column())
            if 0 <= i.row() < len(self._rows)
            else QModelIndex()
            for i in old
        ]
        self._rows = documents
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    def document(self, row: int) -> DocumentStatus:
        """The document of ``row``."""
        return self._rows[row]

    def row_of(self, name: str) -> int | None:
        """The row of the document called ``name``."""
        for row, document in enumerate(self._rows):
            if document.name == name:
                return row
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's default)
        """Documents (a table: no children)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """The columns of ``Column``."""
        return 0 if parent.isValid() else _COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        """Column titles and their tips."""
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < _COLUMNS:
            return None
        column = Column(section)
        if role == _DISPLAY:
            return QCoreApplication.translate("DocumentTableModel", HEADERS[column])
        if role == _TOOLTIP and column in HEADER_TIPS:
            return QCoreApplication.translate("DocumentTableModel", HEADER_TIPS[column])
        return None

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        """What each cell shows, sorts by and explains."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        document = self._rows[index.row()]
        column = Column(index.column())
        if role == _DISPLAY:
            return self._text(document, column)
        if role == SORT_ROLE:
            return self._sort_key(document, column)
        if role == SHARE_ROLE and column == Column.DECIDED:
            return document.decided if document.remaining_errors is not None else None
        if role == NAME_ROLE:
            return document.name
        if role == _ALIGNMENT and column in _NUMBERS:
            return _RIGHT
        if role == _TOOLTIP:
            return self._tip(document, column)
        if role == _FONT and column == Column.NAME and pending(document):
            return self._bold
        attention = document.state in ("changed", "missing", "bad")
        if role == _FOREGROUND and column in (Column.SOURCE, Column.STATUS) and attention:
            return ATTENTION
        return None

    def _text(self, document: DocumentStatus, column: Column) -> str:
        analysed = document.remaining_errors is not None
        if column == Column.NAME:
            return document.name
        if column == Column.STATUS:
            return stage(document).text()
        if column == Column.SOURCE:
            return _source_text(document)
        if not analysed:
            return ""
        if column == Column.PAGES:
            return f"{document.pages:,}"
        if column == Column.WORDS:
            return f"{document.words:,}"
        if column == Column.SUGGESTIONS:
            left = pending(document)
            return f"{document.total:,} ({left:,})" if left else f"{document.total:,}"
        if column == Column.DECIDED:
            return f"{100 * document.decided:.0f}%"
        if column == Column.ERRORS:
            return f"{document.remaining_errors:,.1f}"
        return document.reviewers[-1] if document.reviewers else ""

    def _sort_key(self, document: DocumentStatus, column: Column) -> Any:
        if column == Column.NAME:
            return document.name.casefold()
        if column == Column.PAGES:
            return document.pages
        if column == Column.WORDS:
            return document.words
        if column == Column.SUGGESTIONS:
            return document.total
        if column == Column.DECIDED:
            return document.decided if document.remaining_errors is not None else -1.0
        if column == Column.ERRORS:
            return document.remaining_errors if document.remaining_errors is not None else -1.0
        if column == Column.REVIEWER:
            return (document.reviewers[-1] if document.reviewers else "").casefold()
        if column == Column.STATUS:
            return list(Stage).index(stage(document))
        return _source_text(document)

    def _tip(self, document: DocumentStatus, column: Column) -> str | None:
        if column == Column.REVIEWER and document.reviewers:
            return ", ".join(document.reviewers)
        if column in (Column.NAME, Column.STATUS, Column.SOURCE) and document.problem:
            return document.problem
        if column == Column.STATUS and document.stale:
            return QCoreApplication.translate(
                "DocumentTableModel",
                "Analysed by another Korrektur or lexicon: analysing again adds suggestions",
            )
        return None


def _runs(rows: list[int]) -> list[tuple[int, int]]:
    """Consecutive rows as (first, last) ranges: ``[1, 2, 3, 7]`` → ``[(1, 3), (7, 7)]``."""
    runs: list[tuple[int, int]] = []
    for row in rows:
        if runs and runs[-1][1] == row - 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs


class Show(_Named):
    """Which documents the table shows."""

    ALL = str(QT_TRANSLATE_NOOP("Show", "All documents"))
    PENDING = str(QT_TRANSLATE_NOOP("Show", "With pending suggestions"))
    DONE = str(QT_TRANSLATE_NOOP("Show", "Done"))
    NOT_ANALYSED = str(QT_TRANSLATE_NOOP("Show", "Not analysed"))
    ATTENTION = str(QT_TRANSLATE_NOOP("Show", "Needing attention"))


def shown(document: DocumentStatus, show: Show) -> bool:
    """True when ``document`` belongs to what ``show`` asks for."""
    if show is Show.PENDING:
        return pending(document) > 0
    if show is Show.DONE:
        return stage(document) is Stage.DONE
    if show is Show.NOT_ANALYSED:
        return stage(document) is Stage.NOT_ANALYSED
    if show is Show.ATTENTION:
        return document.state in ("changed", "missing", "bad") or document.stale
    return True


class DocumentFilter(QSortFilterProxyModel):
    """Shows the documents the archivist asked for, sorted as the documents model sorts them.

    Attributes:
        text: part of the name to look for (any case).
        show: which documents.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.text = ""
        self.show = Show.ALL
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """The documents model sorts itself; this view keeps its order (and filters)."""
        model = self.sourceModel()
        if isinstance(model, DocumentTableModel):
            model.sort(column, order)
        else:
            super().sort(column, order)

    def set_filter(self, text: str, show: Show) -> None:
        """Show the documents whose name holds ``text`` among those ``show`` asks for."""
        ending = hasattr(self, "endFilterChange")  # Qt 6.10 on (invalidateFilter goes)
        if ending:
            self.beginFilterChange()
        self.text, self.show = text.casefold(), show
        if ending:
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        """True for the documents asked for."""
        model = self.sourceModel()
        if not isinstance(model, DocumentTableModel):
            return True
        document = model.document(source_row)
        if self.text and self.text not in document.name.casefold():
            return False
        return shown(document, self.show)
