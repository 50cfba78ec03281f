"""The concordance pane: a word or a correction across the corpus, decided in one step; the rules.

The search field types; Enter searches and hands the keys to the list of occurrences, Esc
puts the search back and returns to reviewing. In the list, A and R decide the chosen
lines, Shift+A and Shift+R everything found, Enter opens the occurrence in its document.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from korrektur.corpus.concordance import Pair
from korrektur.corpus.rules import Rule
from korrektur.corpus.steps import Part
from korrektur.ui.concordance_model import ConcordanceModel, Line, RulesModel
from korrektur.ui.corpus_service import Found, Query
from korrektur.ui.filter_keys import FilterKeys, Takes

_PAIR = re.compile(r"^\s*(\S.*?)\s*(?:→|->)\s*(\S.*?)\s*$")


def parse_query(text: str, exact_case: bool = False) -> Query | None:
    """A search for ``for`` (a word) or ``for → för`` (a correction; ``->`` works too)."""
    pair = _PAIR.match(text)
    if pair is not None:
        return Query(pair.group(1), pair.group(2), exact_case)
    word = text.strip()
    return Query(word, None, exact_case) if word else None


def parts_of(pending: dict[Pair, dict[str, list[str]]], action: str) -> list[Part]:
    """One part per correction pair, limited to the chosen suggestions."""
    return [
        Part(original, replacement, action, chosen)
        for (original, replacement), chosen in pending.items()
    ]


class _ContextDelegate(QStyledItemDelegate):
    """The context before the keyword loses its start, not its end, when it is cut."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        if index.column() == Line.LEFT:
            option.textElideMode = Qt.TextElideMode.ElideLeft
        elif index.column() in (Line.RIGHT, Line.CORRECTION):
            option.textElideMode = Qt.TextElideMode.ElideRight


def _table(name: str) -> QTableView:
    table = QTableView()
    table.setObjectName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 6)
    table.horizontalHeader().setHighlightSections(False)
    return table


class ConcordancePane(QWidget):
    """Search, the occurrences found, the bulk decisions, the rules and what was learned.

    Attributes:
        search: the search field; case: match case exactly.
        model: the occurrences; lines: their view.
        rules_model, rules: the corpus rules and their view.
        learned: what the corpus learned from the decisions (its lexicon file).

    Signals:
        search_requested(Query): the archivist searched.
        decide_requested(list, str): parts to decide in one step, and the action.
        open_requested(str, str): an occurrence to show: document and suggestion ("" none).
        withdraw_requested(Rule): the archivist withdraws a rule.
        back_to_review(): Esc in the search field, or in the lists.
    """

    search_requested = Signal(object)
    decide_requested = Signal(list, str)
    open_requested = Signal(str, str)
    withdraw_requested = Signal(object)
    back_to_review = Signal()

    def __init__(self, decisions: list[QAction], withdraw: QAction, parent: QWidget | None = None):
        super().__init__(parent)
        self.found: Found | None = None  # the occurrences shown
        self._entered = False  # Enter (not Esc) left the search field
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.case = QCheckBox()
        self.model = ConcordanceModel(self)
        self.lines = _table("occurrences")
        self.lines.setModel(self.model)
        self.lines.setItemDelegate(_ContextDelegate(self.lines))
        self.lines.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # names keep their ends
        self.lines.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        header = self.lines.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Line.LEFT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(Line.RIGHT, QHeaderView.ResizeMode.Stretch)
        width = self.fontMetrics().horizontalAdvance
        for column, sample in (
            (Line.DOCUMENT, "rapporter/2021-budget.txt"),
            (Line.PAGE, "Page"),
            (Line.KEYWORD, "Förvaltningen"),
            (Line.CORRECTION, "→ Förvaltningen"),
            (Line.STATUS, "rejected"),
        ):
            header.resizeSection(column, width(sample) + 16)
        self.lines.doubleClicked.connect(self.open_current)
        self.count = QLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.count, 1)
        for action in decisions:
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            buttons.addWidget(button)

        self.rules_model = RulesModel(self)
        self.rules = _table("rules")
        self.rules.setModel(self.rules_model)
        self.rules.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.rules.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.rules.horizontalHeader().setStretchLastSection(True)
        withdraw_button = QToolButton()
        withdraw_button.setDefaultAction(withdraw)
        withdraw_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.learned = QPlainTextEdit()
        self.learned.setReadOnly(True)
        self.learned.setObjectName("learned")

        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.case)
        found = QWidget()
        found_column = QVBoxLayout(found)
        found_column.setContentsMargins(0, 0, 0, 0)
        found_column.addLayout(search_row)
        found_column.addWidget(self.lines, 1)
        found_column.addLayout(buttons)
        rules = QWidget()
        rules_column = QVBoxLayout(rules)
        rules_column.setContentsMargins(0, 0, 0, 0)
        rules_column.addWidget(self.rules, 1)
        rules_row = QHBoxLayout()
        rules_row.addStretch(1)
        rules_row.addWidget(withdraw_button)
        rules_column.addLayout(rules_row)
        self.tabs = QTabWidget()
        self.tabs.addTab(found, "")
        self.tabs.addTab(rules, "")
        self.tabs.addTab(self.learned, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tabs)

        self.keys = FilterKeys(self)
        self.keys.watch(self.search, Takes.TEXT)
        self.keys.committed.connect(self._committed)
        self.keys.returned.connect(self._returned)
        self._retranslate()

    # -- searching -------------------------------------------------------------------------

    def focus_search(self) -> None:
        """Put the keys in the search field (Ctrl+F), its text chosen."""
        self.tabs.setCurrentIndex(0)
        self.search.setFocus()
        self.search.selectAll()

    def _committed(self, control: QWidget) -> None:
        query = parse_query(self.search.text(), self.case.isChecked())
        self._entered = query is not None
        if query is not None:
            self.search_requested.emit(query)

    def _returned(self) -> None:
        entered, self._entered = self._entered, False
        if entered:
            self.lines.setFocus()  # Enter: the occurrences (coming) are to be decided
        else:
            self.back_to_review.emit()

    def show_found(self, found: Found) -> None:
        """Show what a search found, the first line chosen.

        The same search shown again (after a decision) keeps its chosen line.
        """
        again = self.found is not None and self.found.query == found.query
        row = self.lines.currentIndex().row() if again else 0
        self.found = found
        self.model.show(found.concordance)
        self._fit_keywords()
        while row >= self.model.rowCount() and self.model.canFetchMore(QModelIndex()):
            self.model.fetchMore(QModelIndex())
        if self.model.rowCount():
            self.lines.setCurrentIndex(
                self.model.index(min(max(row, 0), self.model.rowCount() - 1), 0)
            )
        self._count()

    def _fit_keywords(self) -> None:
        """The keyword column as wide as the widest keyword shown: the contexts meet it."""
        font = self.lines.font()
        font.setBold(True)
        metrics = QFontMetrics(font)
        rows = range(self.model.rowCount())
        widest = max(
            (metrics.horizontalAdvance(self.model.occurrence(r).keyword) for r in rows), default=0
        )
        title = self.lines.horizontalHeader().sectionSizeFromContents(Line.KEYWORD).width()
        self.lines.horizontalHeader().resizeSection(Line.KEYWORD, max(widest + 16, title))

    def _count(self) -> None:
        found = self.found
        if found is None:
            self.count.setText("")
            return
        text = self.tr("%1 occurrences in %2 documents, %3 pending")
        self.count.setText(
            text.replace("%1", f"{len(found.concordance):,}")
            .replace("%2", f"{found.concordance.documents():,}")
            .replace("%3", f"{found.pending_count:,}")
        )

    # -- deciding --------------------------------------------------------------------------

    def decide_chosen(self, action: str) -> None:
        """The pending suggestions of the chosen lines, in one step."""
        found = self.model.found
        if found is None:
            return
        rows = {index.row() for index in self.lines.selectionModel().selectedRows()}
        if not rows and self.lines.currentIndex().isValid():
            rows = {self.lines.currentIndex().row()}
        self.decide_requested.emit(parts_of(found.pending(rows), action), action)

    def decide_all(self, action: str) -> None:
        """Everything found, in one step; a correction's search makes a rule on the pair."""
        found = self.found
        if found is None:
            return
        query = found.query
        if query.replacement is not None and found.pending:
            parts = [Part(query.word, query.replacement, action)]
        else:
            parts = parts_of(found.pending, action)
        self.decide_requested.emit(parts, action)

    def open_current(self) -> None:
        """Show the current occurrence in its document."""
        index = self.lines.currentIndex()
        if index.isValid():
            line = self.model.occurrence(index.row())
            self.open_requested.emit(line.document, line.suggestion)

    # -- rules and what was learned ----------------------------------------------------------

    def set_rules(self, rules: list[Rule], held: dict[str, int]) -> None:
        """Show the corpus rules, keeping the chosen one chosen."""
        current = self.rules.currentIndex()
        chosen = self.rules_model.rule(current.row()).id if current.isValid() else None
        self.rules_model.set_rules(rules, held)
        for row in range(self.rules_model.rowCount()):
            if self.rules_model.rule(row).id == chosen:
                self.rules.setCurrentIndex(self.rules_model.index(row, 0))

    def withdraw_current(self) -> None:
        """Withdraw the chosen rule (if in force)."""
        index = self.rules.currentIndex()
        if index.isValid():
            self.withdraw_requested.emit(self.rules_model.rule(index.row()))

    def show_learned(self, text: str) -> None:
        """What the corpus learned from the decisions, as its lexicon file says it."""
        self.learned.setPlainText(text)

    # -- language --------------------------------------------------------------------------

    def _retranslate(self) -> None:
        self.search.setPlaceholderText(
            self.tr("Search the corpus: a word, or a correction such as for → för (Ctrl+F)")
        )
        self.search.setToolTip(
            self.tr("Enter searches and goes to the occurrences; Esc returns to reviewing")
        )
        self.case.setText(self.tr("Match case"))
        self.tabs.setTabText(0, self.tr("Occurrences"))
        self.tabs.setTabText(1, self.tr("Rules"))
        self.tabs.setTabText(2, self.tr("Learned"))
        self.learned.setPlaceholderText(
            self.tr("What the corpus learns from your decisions is listed here.")
        )
        self._count()

    def changeEvent(self, event: QEvent) -> None:
        """Follow a change of language at once."""
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
