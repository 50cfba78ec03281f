"""The suggestion list dock: filters, search, the table and bulk acceptance."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QHideEvent, QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from korrektur.model import Kind, Status
from korrektur.ui.filter_keys import FilterKeys, Takes
from korrektur.ui.filters import DECIDED, SuggestionFilter
from korrektur.ui.formatting import kind_name
from korrektur.ui.suggestion_model import (
    ID_ROLE,
    Column,
    SuggestionSortProxy,
    SuggestionTableModel,
)

SEARCH_DELAY_MS = 200


class SuggestionDock(QWidget):
    """Filter controls over the suggestion table; selecting a row makes it current.

    Attributes:
        model: the table model (set a session on it).
        proxy: sorts it for the view.
        table: the view.
        bulk_threshold, bulk_button: accept the visible pending suggestions from a confidence.

    Signals:
        filter_changed(SuggestionFilter): the reviewer changed a filter.
        selected(str): the reviewer selected a row (its suggestion id).
        back_to_review(): Esc or Enter in a filter control: the review keys are wanted.
    """

    filter_changed = Signal(object)
    selected = Signal(str)
    back_to_review = Signal()

    def __init__(self, accept_visible: QAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = SuggestionTableModel(self)
        self.proxy = SuggestionSortProxy(self)
        self.proxy.setSourceModel(self.model)
        self._selecting = False

        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._emit_filter)
        self.search.textChanged.connect(self._search_timer.start)

        self.kind_button = QToolButton()
        self.kind_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.kind_menu = QMenu(self.kind_button)
        self.kind_actions: dict[Kind, QAction] = {}
        for kind in Kind:
            action = self.kind_menu.addAction(kind.value)
            action.setCheckable(True)
            action.setChecked(True)
            action.toggled.connect(self._emit_filter)
            self.kind_actions[kind] = action
        self.kind_button.setMenu(self.kind_menu)

        self.status_box = QComboBox()
        self._status_choices: list[frozenset[Status] | None] = [
            None,
            frozenset({Status.PENDING}),
            DECIDED,
            frozenset({Status.ACCEPTED}),
            frozenset({Status.REJECTED}),
            frozenset({Status.EDITED}),
        ]
        for _ in self._status_choices:
            self.status_box.addItem("")
        self.status_box.currentIndexChanged.connect(self._emit_filter)

        self.min_confidence = QDoubleSpinBox(decimals=2, minimum=0.0, maximum=1.0, singleStep=0.05)
        self.min_confidence.setPrefix("≥ ")
        self.min_confidence.valueChanged.connect(self._emit_filter)

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.horizontalHeader().setSortIndicatorClearable(True)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        # Long compounds lose their middle, not their ending; the tooltip has them whole.
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        # Fixed widths from the font: ResizeToContents would ask every row on every change.
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)  # else every selection change repaints the header
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Column.CHANGE, QHeaderView.ResizeMode.Stretch)
        width = self.fontMetrics().horizontalAdvance
        for column, sample in (
            (Column.KIND, "■ page-furniture"),
            (Column.CONFIDENCE, "0.00"),
            (Column.STATUS, "✓ accepted"),
            (Column.PAGE, "Page"),
            (Column.LINE, "00000"),
        ):
            header.resizeSection(column, width(sample) + 24)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)

        self.count_label = QLabel()
        self.bulk_threshold = QDoubleSpinBox(decimals=2, minimum=0.0, maximum=1.0, singleStep=0.01)
        self.bulk_threshold.setPrefix("≥ ")
        self.bulk_button = QToolButton()
        self.bulk_button.setDefaultAction(accept_visible)
        self.bulk_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)

        filters = QHBoxLayout()
        filters.addWidget(self.kind_button)
        filters.addWidget(self.status_box, 1)
        filters.addWidget(self.min_confidence)
        bulk = QHBoxLayout()
        bulk.addWidget(self.count_label, 1)
        bulk.addWidget(self.bulk_threshold)
        bulk.addWidget(self.bulk_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(bulk)
        self.filter_keys = FilterKeys(self)
        self.filter_keys.watch(self.search, Takes.TEXT)
        self.filter_keys.watch(self.status_box, Takes.CHOICE)
        self.filter_keys.watch(self.min_confidence, Takes.NUMBER)
        self.filter_keys.watch(self.bulk_threshold, Takes.NUMBER)
        self.filter_keys.committed.connect(self._committed)
        self.filter_keys.returned.connect(self.back_to_review)
        for signal in (self.proxy.rowsInserted, self.proxy.rowsRemoved, self.proxy.modelReset):
            signal.connect(self._count)
        self.proxy.layoutChanged.connect(self._count)
        self._retranslate()

    def _retranslate(self) -> None:
        """Every text of the dock in the language now in use."""
        self.search.setPlaceholderText(self.tr("Search suggestions (Ctrl+F)"))
        self.search.setToolTip(self.tr("Show suggestions whose text, reason or kind contains this"))
        self.kind_button.setText(self.tr("Kinds"))
        self.kind_button.setToolTip(self.tr("Show only some kinds of suggestion"))
        for kind, action in self.kind_actions.items():
            action.setText(kind_name(kind))
            action.setToolTip(kind.value)  # the name in exports
        self.status_box.setToolTip(self.tr("Show suggestions by decision"))
        labels = (
            self.tr("All"),
            self.tr("Pending"),
            self.tr("Decided"),
            self.tr("Accepted"),
            self.tr("Rejected"),
            self.tr("Edited"),
        )
        for index, label in enumerate(labels):
            self.status_box.setItemText(index, label)
        self.min_confidence.setToolTip(self.tr("Hide suggestions below this confidence"))
        self.bulk_threshold.setToolTip(
            self.tr(
                "Accept visible takes the pending suggestions in the list from this confidence up"
            )
        )
        self.model.retranslate()
        self._count()

    def changeEvent(self, event: QEvent) -> None:
        """Follow a change of language at once."""
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def set_kind_icons(self, icons: dict[Kind, QIcon]) -> None:
        """Swatches of the kind styles (also the legend of the highlighting)."""
        self.model.kind_icons = icons
        for kind, action in self.kind_actions.items():
            action.setIcon(icons[kind])

    def criteria(self) -> SuggestionFilter:
        """The filter the controls describe."""
        kinds = frozenset(k for k, a in self.kind_actions.items() if a.isChecked())
        return SuggestionFilter(
            kinds=None if len(kinds) == len(Kind) else kinds,
            statuses=self._status_choices[max(0, self.status_box.currentIndex())],
            min_confidence=round(self.min_confidence.value(), 2),
            text=self.search.text().strip(),
        )

    def _committed(self, control: QWidget) -> None:
        """Enter: apply a search at once (not after the typing pause)."""
        if control is self.search and self._search_timer.isActive():
            self._search_timer.stop()
            self._emit_filter()

    def hideEvent(self, event: QHideEvent) -> None:
        """Hidden (or its window closed) while a search waited for a pause: apply it now."""
        self._committed(self.search)
        super().hideEvent(event)

    def _emit_filter(self) -> None:
        criteria = self.criteria()
        self.model.set_criteria(criteria)
        self._count()
        self.filter_changed.emit(criteria)

    def _count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.total
        self.count_label.setText(
            self.tr("%1 of %2 shown").replace("%1", str(shown)).replace("%2", str(total))
        )

    def select(self, suggestion_id: str | None) -> None:
        """Select the row of ``suggestion_id`` (none if it is filtered out)."""
        row = None if suggestion_id is None else self.model.row_of(suggestion_id)
        index = QModelIndex() if row is None else self.proxy.mapFromSource(self.model.index(row, 0))
        self._selecting = True
        try:
            selection = self.table.selectionModel()
            if not index.isValid():
                selection.clear()
                return
            flags = (
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows
            )
            selection.setCurrentIndex(index, flags)
            # centred: the rows before and after stay in view, never half a row at the edge
            self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        finally:
            self._selecting = False

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        # Only the reviewer's own moves in the list count; rows that come and go with
        # filters or edits must not move the review elsewhere.
        if self._selecting or not current.isValid() or not self.table.hasFocus():
            return
        suggestion_id = current.data(ID_ROLE)
        if suggestion_id:
            self.selected.emit(str(suggestion_id))
