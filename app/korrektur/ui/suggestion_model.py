"""The suggestion list as a Qt table model (a thin adapter over the session) and its sorter."""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from enum import IntEnum
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
from PySide6.QtGui import QColor, QFont, QIcon

from korrektur.model import Change, Kind, ReviewSession, Status, Suggestion
from korrektur.model.palette import STATUS_COLOURS, primary_kind
from korrektur.ui.filters import SuggestionFilter
from korrektur.ui.formatting import STATUS_MARKS, change_text, kinds_text, status_name
from korrektur.ui.reason_text import reason_text

Index = QModelIndex | QPersistentModelIndex

SORT_ROLE = int(Qt.ItemDataRole.UserRole) + 1
ID_ROLE = int(Qt.ItemDataRole.UserRole) + 2


class Column(IntEnum):
    """Columns of the suggestion list."""

    CHANGE = 0
    KIND = 1
    CONFIDENCE = 2
    STATUS = 3
    PAGE = 4
    LINE = 5


HEADERS = {
    Column.CHANGE: str(QT_TRANSLATE_NOOP("SuggestionTableModel", "Change")),
    Column.KIND: str(QT_TRANSLATE_NOOP("SuggestionTableModel", "Kind")),
    Column.CONFIDENCE: str(QT_TRANSLATE_NOOP("SuggestionTableModel", "Conf.")),
    Column.STATUS: str(QT_TRANSLATE_NOOP("SuggestionTableModel", "Status")),
    Column.PAGE: str(QT_TRANSLATE_NOOP("SuggestionTableModel", "Page")),
    Column.LINE: str(QT_TRANSLATE_NOOP("SuggestionTableModel", "Line")),
}

DECIDED_COLOURS: dict[Status, QColor] = {
    status: QColor(STATUS_COLOURS[status]) for status in Status if status is not Status.PENDING
}
DECIDED_TEXT = QColor("#8C8C8C")  # decided rows step back (readable on light and dark)


def _fonts() -> dict[Status, QFont]:
    """Pending in bold, rejected struck through: the status shows without colour too."""
    pending, rejected = QFont(), QFont()
    pending.setBold(True)
    rejected.setStrikeOut(True)
    return {Status.PENDING: pending, Status.REJECTED: rejected}


_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_ROLES = frozenset(
    {_DISPLAY, _TOOLTIP, _DECORATION, _FOREGROUND, _FONT, _ALIGNMENT, SORT_ROLE, ID_ROLE}
)
_NUMBERS = frozenset({Column.CONFIDENCE, Column.PAGE, Column.LINE})
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_COLUMNS = len(Column)


def _key(suggestion: Suggestion) -> tuple[int, int]:
    return suggestion.start, suggestion.end


def _lookup(session: ReviewSession, suggestion_id: str) -> Suggestion | None:
    try:
        return session.get(suggestion_id)
    except KeyError:
        return None


class SuggestionTableModel(QAbstractTableModel):
    """One row per suggestion of the session that passes the filter, in document order.

    The session notifies changes through its listener; the window forwards them to
    ``on_change``, which emits ``dataChanged`` for decisions and row inserts and removes
    when a manual edit changed the list, or a decision moved a suggestion in or out of
    the filter.

    The model filters itself, in one Python pass over the suggestions: a proxy's
    ``filterAcceptsRow`` override would be called from C++ for every row, and for the
    45,000 suggestions of a 300-page report those calls alone blocked the window for
    about 40 ms each time the list was filled or the filter changed.

    Attributes:
        kind_icons: icons for the kind column (set by the window from the theme).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session: ReviewSession | None = None
        self._criteria = SuggestionFilter()
        self._rows: list[Suggestion] = []  # sorted by span, like the session's list
        self._shown: dict[str, Suggestion] = {}
        self.kind_icons: dict[Kind, QIcon] = {}
        self._fonts = _fonts()

    def set_session(self, session: ReviewSession | None) -> None:
        """Show ``session``'s suggestions."""
        self._reset(session, self._criteria)

    def set_criteria(self, criteria: SuggestionFilter) -> None:
        """Show only the suggestions that pass ``criteria``."""
        if criteria != self._criteria:
            self._reset(self._session, criteria)

    def _reset(self, session: ReviewSession | None, criteria: SuggestionFilter) -> None:
        self.beginResetModel()
        self._session, self._criteria = session, criteria
        suggestions = session.suggestions if session else []
        accepts = criteria.accepts
        self._rows = (
            list(suggestions) if criteria.accepts_all else [s for s in suggestions if accepts(s)]
        )
        self._shown = {s.id: s for s in self._rows}
        self.endResetModel()

    @property
    def session(self) -> ReviewSession | None:
        """The session whose suggestions are shown."""
        return self._session

    @property
    def criteria(self) -> SuggestionFilter:
        """The filter rows pass."""
        return self._criteria

    @property
    def total(self) -> int:
        """Suggestions in the session, shown or not."""
        return len(self._session.suggestions) if self._session else 0

    def suggestion(self, row: int) -> Suggestion:
        """The suggestion shown in ``row``."""
        return self._rows[row]

    def row_of(self, suggestion_id: str) -> int | None:
        """The row of a suggestion (found by its span: rows are sorted like the session)."""
        suggestion = self._shown.get(suggestion_id)
        if suggestion is None:
            return None
        row = bisect.bisect_left(self._rows, _key(suggestion), key=_key)
        while row < len(self._rows) and self._rows[row] is not suggestion:
            row += 1
        return row if row < len(self._rows) else None

    def retranslate(self) -> None:
        """Headers and cells in the language now in use."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, _COLUMNS - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, _COLUMNS - 1))

    def on_change(self, change: Change) -> None:
        """Follow a change of the session."""
        if self._session is None:
            return
        if change.structural or not self._criteria.accepts_all:
            self._follow(self._session, change.ids)
        else:
            self._changed(set(change.ids))

    def _changed(self, ids: set[str]) -> None:
        """Repaint the rows of ``ids``."""
        rows = sorted(r for r in map(self.row_of, ids) if r is not None)
        if rows:
            last = self.columnCount() - 1
            self.dataChanged.emit(self.index(rows[0], 0), self.index(rows[-1], last))

    def _follow(self, session: ReviewSession, ids: Iterable[str]) -> None:
        """Remove the rows of suggestions that left the list or the filter, insert new ones."""
        ids = list(dict.fromkeys(ids))
        wanted: dict[str, Suggestion] = {}
        for suggestion_id in ids:
            current = _lookup(session, suggestion_id)
            if current is not None and self._criteria.accepts(current):
                wanted[suggestion_id] = current
        for suggestion_id in ids:
            shown = self._shown.get(suggestion_id)
            if shown is not None and wanted.get(suggestion_id) is not shown:
                row = self.row_of(suggestion_id)
                assert row is not None
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                del self._shown[suggestion_id]
                self.endRemoveRows()
        stayed = set()
        for suggestion_id, current in wanted.items():
            if self._shown.get(suggestion_id) is current:
                stayed.add(suggestion_id)
                continue
            row = bisect.bisect_left(self._rows, _key(current), key=_key)
            self.beginInsertRows(QModelIndex(), row, row)
            self._rows.insert(row, current)
            self._shown[suggestion_id] = current
            self.endInsertRows()
        self._changed(stayed)

    # -- QAbstractTableModel -----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's default)
        """Suggestions, for the root only."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's default)
        """The ``Column`` values."""
        return 0 if parent.isValid() else _COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(Column):
            return QCoreApplication.translate("SuggestionTableModel", HEADERS[Column(section)])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cell text, icons, colours, tooltips and sort keys (lean: views call it a lot)."""
        if role not in _ROLES or self._session is None:
            return None
        row, column = index.row(), index.column()
        if not 0 <= row < len(self._rows):
            return None
        suggestion = self._rows[row]
        if role == _DISPLAY:
            return self._display(suggestion, column)
        if role == SORT_ROLE:
            return self._sort_key(suggestion, column)
        if role == ID_ROLE:
            return suggestion.id
        if role == _TOOLTIP:
            return self._tooltip(suggestion, column)
        if role == _DECORATION:
            return self.kind_icons.get(primary_kind(suggestion)) if column == Column.KIND else None
        if role == _FOREGROUND:
            if column == Column.STATUS:
                return DECIDED_COLOURS.get(suggestion.status)
            return DECIDED_TEXT if suggestion.decided else None
        if role == _FONT:
            return self._fonts.get(suggestion.status) if column == Column.CHANGE else None
        return _RIGHT if column in _NUMBERS else None

    def _tooltip(self, suggestion: Suggestion, column: int) -> str | None:
        """The whole change (the cell may be elided) and why."""
        why = reason_text(suggestion.reason) if suggestion.reason else ""
        if column == Column.CHANGE:
            return "\n".join(x for x in (change_text(suggestion), why) if x)
        return why or None

    def _display(self, suggestion: Suggestion, column: int) -> str:
        assert self._session is not None
        document = self._session.document
        if column == Column.CHANGE:
            return change_text(suggestion)
        if column == Column.KIND:
            return kinds_text(suggestion)
        if column == Column.CONFIDENCE:
            return f"{suggestion.confidence:.2f}"
        if column == Column.STATUS:
            return f"{STATUS_MARKS[suggestion.status]} {status_name(suggestion.status)}"
        if column == Column.PAGE:
            return str(document.page_index_at(suggestion.start) + 1)
        return str(document.line_index_at(suggestion.start) + 1)

    def _sort_key(self, suggestion: Suggestion, column: int) -> Any:
        if column == Column.CONFIDENCE:
            return suggestion.confidence
        if column == Column.KIND:
            return kinds_text(suggestion)
        if column == Column.STATUS:
            return list(Status).index(suggestion.status)
        return suggestion.start


class SuggestionSortProxy(QSortFilterProxyModel):
    """Sorts the list by the model's sort keys (the model does the filtering itself)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)
