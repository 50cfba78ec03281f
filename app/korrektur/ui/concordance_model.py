"""Concordance lines and corpus rules as Qt tables (thin adapters over the corpus's results).

The occurrences of a search are built as they are scrolled to (``fetchMore``), a few
hundred at a time: finding them is quick however many there are, and a frequent word's
tens of thousands of lines are never all built at once on the GUI thread.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from korrektur.corpus.concordance import NO_SUGGESTION, Concordance, Occurrence
from korrektur.corpus.rules import Rule
from korrektur.model import Status
from korrektur.ui.formatting import status_name

Index = QModelIndex | QPersistentModelIndex

BATCH = 500
"""Occurrences built at a time."""

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_GREY = QColor("#8C8C8C")


class Line(IntEnum):
    """Columns of the concordance: keyword in context, aligned on the keyword."""

    DOCUMENT = 0
    PAGE = 1
    LEFT = 2
    KEYWORD = 3
    RIGHT = 4
    CORRECTION = 5
    STATUS = 6


LINE_HEADERS = {
    Line.DOCUMENT: str(QT_TRANSLATE_NOOP("ConcordanceModel", "Document")),
    Line.PAGE: str(QT_TRANSLATE_NOOP("ConcordanceModel", "Page")),
    Line.LEFT: str(QT_TRANSLATE_NOOP("ConcordanceModel", "Before")),
    Line.KEYWORD: str(QT_TRANSLATE_NOOP("ConcordanceModel", "Word")),
    Line.RIGHT: str(QT_TRANSLATE_NOOP("ConcordanceModel", "After")),
    Line.CORRECTION: str(QT_TRANSLATE_NOOP("ConcordanceModel", "Correction")),
    Line.STATUS: str(QT_TRANSLATE_NOOP("ConcordanceModel", "Status")),
}


def status_text(status: str) -> str:
    """A suggestion's status as the concordance shows it (translated), or "—" for none."""
    if status == NO_SUGGESTION:
        return "—"
    return status_name(Status(status))


class ConcordanceModel(QAbstractTableModel):
    """The occurrences of the last search, one per row, in document and text order.

    Attributes:
        found: the search's result (None before the first search).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.found: Concordance | None = None
        self._rows: list[Occurrence] = []
        self._bold = QFont()
        self._bold.setBold(True)

    def show(self, found: Concordance | None) -> None:
        """Show ``found``'s occurrences (the first batch now, more as they are scrolled to)."""
        self.beginResetModel()
        self.found = found
        self._rows = found.occurrences(BATCH) if found is not None else []
        self.endResetModel()

    @property
    def total(self) -> int:
        """Occurrences found (built or not)."""
        return len(self.found) if self.found is not None else 0

    def occurrence(self, row: int) -> Occurrence:
        """The occurrence of ``row``."""
        return self._rows[row]

    def canFetchMore(self, parent: Index) -> bool:
        """True while occurrences are left to build."""
        return not parent.isValid() and len(self._rows) < self.total

    def fetchMore(self, parent: Index) -> None:
        """Build the next batch of occurrences."""
        if parent.isValid() or self.found is None:
            return
        more = self.found.occurrences(BATCH, len(self._rows))
        if not more:
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's default)
        """Occurrences built so far."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """The columns of ``Line``."""
        return 0 if parent.isValid() else len(Line)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        """Column titles."""
        if orientation == Qt.Orientation.Horizontal and role == _DISPLAY and 0 <= section < 7:
            return QCoreApplication.translate("ConcordanceModel", LINE_HEADERS[Line(section)])
        return None

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        """The line: context right-aligned before the keyword, left-aligned after it."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        line = self._rows[index.row()]
        column = Line(index.column())
        if role == _DISPLAY:
            return _text(line, column)
        if role == _ALIGNMENT:
            return _RIGHT if column in (Line.LEFT, Line.PAGE) else _LEFT
        if role == _FONT and column == Line.KEYWORD:
            return self._bold
        if role == _FOREGROUND and column == Line.STATUS and line.status != "pending":
            return _GREY
        if role == _TOOLTIP:
            where = QCoreApplication.translate("ConcordanceModel", "%1, page %2, line %3")
            place = (
                where.replace("%1", line.document)
                .replace("%2", str(line.page))
                .replace("%3", str(line.line))
            )
            return f"{place}\n{line.left}[{line.keyword}]{line.right}"
        return None


def _text(line: Occurrence, column: Line) -> str:
    if column == Line.DOCUMENT:
        return line.document
    if column == Line.PAGE:
        return str(line.page)
    if column == Line.LEFT:
        return line.left
    if column == Line.KEYWORD:
        return line.keyword
    if column == Line.RIGHT:
        return line.right
    if column == Line.CORRECTION:
        return f"→ {line.replacement}" if line.suggestion else ""
    return status_text(line.status)


RULE_ACTIONS = (
    QT_TRANSLATE_NOOP("RulesModel", "accept"),
    QT_TRANSLATE_NOOP("RulesModel", "reject"),
)
"""The actions of rules, for the translators (the rules file keeps them in English)."""


class RuleColumn(IntEnum):
    """Columns of the rules list."""

    RULE = 0
    SCOPE = 1
    DECISIONS = 2
    REVIEWER = 3
    STATE = 4


RULE_HEADERS = {
    RuleColumn.RULE: str(QT_TRANSLATE_NOOP("RulesModel", "Rule")),
    RuleColumn.SCOPE: str(QT_TRANSLATE_NOOP("RulesModel", "Applies to")),
    RuleColumn.DECISIONS: str(QT_TRANSLATE_NOOP("RulesModel", "Decisions")),
    RuleColumn.REVIEWER: str(QT_TRANSLATE_NOOP("RulesModel", "By")),
    RuleColumn.STATE: str(QT_TRANSLATE_NOOP("RulesModel", "State")),
}


def rule_text(rule: Rule) -> str:
    """``r3: accept for → för`` (translated)."""
    action = QCoreApplication.translate("RulesModel", rule.action)
    return f"{rule.id}: {action} {rule.original} → {rule.replacement}"


class RulesModel(QAbstractTableModel):
    """The corpus rules, newest first, with the decisions each still holds."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rules: list[tuple[Rule, int]] = []

    def set_rules(self, rules: list[Rule], held: dict[str, int]) -> None:
        """Show ``rules``; ``held``: decisions still each rule's, by rule id."""
        self.beginResetModel()
        self._rules = [(rule, held.get(rule.id, 0)) for rule in reversed(rules)]
        self.endResetModel()

    def rule(self, row: int) -> Rule:
        """The rule of ``row``."""
        return self._rules[row][0]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Rules."""
        return 0 if parent.isValid() else len(self._rules)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """The columns of ``RuleColumn``."""
        return 0 if parent.isValid() else len(RuleColumn)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        """Column titles."""
        if orientation == Qt.Orientation.Horizontal and role == _DISPLAY and 0 <= section < 5:
            return QCoreApplication.translate("RulesModel", RULE_HEADERS[RuleColumn(section)])
        return None

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        """A rule: what, where, how many decisions, by whom, in force or withdrawn."""
        if not index.isValid() or not 0 <= index.row() < len(self._rules):
            return None
        rule, held = self._rules[index.row()]
        column = RuleColumn(index.column())
        if role == _DISPLAY:
            return self._text(rule, held, column)
        if role == _FOREGROUND and not rule.active:
            return _GREY
        if role == _ALIGNMENT and column == RuleColumn.DECISIONS:
            return _RIGHT
        if role == _TOOLTIP:
            made = QCoreApplication.translate("RulesModel", "made %1").replace("%1", rule.created)
            return f"{rule.note()}\n{made}"
        return None

    @staticmethod
    def _text(rule: Rule, held: int, column: RuleColumn) -> str:
        if column == RuleColumn.RULE:
            return rule_text(rule)
        if column == RuleColumn.SCOPE:
            if rule.everywhere:
                return QCoreApplication.translate(
                    "RulesModel", "every occurrence, later documents too"
                )
            return QCoreApplication.translate("RulesModel", "the chosen occurrences")
        if column == RuleColumn.DECISIONS:
            return str(held)
        if column == RuleColumn.REVIEWER:
            return rule.reviewer
        if rule.active:
            return QCoreApplication.translate("RulesModel", "in force")
        withdrawn = QCoreApplication.translate("RulesModel", "withdrawn %1")
        return withdrawn.replace("%1", rule.withdrawn[:10])
