"""Small dialogs: the keyboard shortcuts overview and About."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from korrektur import __version__
from korrektur.ui.actions import MENUS, SUBMENUS, ActionId, ActionRegistry, tr


def shortcut_rows(actions: ActionRegistry) -> list[tuple[str, str, str]]:
    """``(menu, action, keys)`` for every action that has a shortcut, in menu order."""
    rows = []
    for title, items in MENUS:
        ids: list[ActionId] = []
        for item in items:
            if isinstance(item, ActionId):
                ids.append(item)
            elif isinstance(item, str) and item in SUBMENUS:
                ids.extend(SUBMENUS[item])
        for action_id in ids:
            action = actions[action_id]
            keys = ", ".join(
                k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()
            )
            if keys:
                rows.append((tr(title).replace("&", ""), action.text().replace("&", ""), keys))
    return rows


class ShortcutsDialog(QDialog):
    """Every shortcut, generated from the action registry so it can never be out of date."""

    def __init__(self, actions: ActionRegistry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = shortcut_rows(actions)
        self.table = QTableWidget(len(rows), 3)
        self.table.setHorizontalHeaderLabels([self.tr("Menu"), self.tr("Action"), self.tr("Keys")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        note = self.tr(
            "Review keys decide; they never type. Keys type only in edit mode (E on a "
            "suggestion, F2 or a double-click in the corrected text), shown by an orange "
            "border, and in the search field. Escape always returns to reviewing."
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        label = QLabel(note)
        label.setWordWrap(True)
        layout.addWidget(label)
        layout.addWidget(buttons)
        self.resize(560, 620)


def show_about(parent: QWidget) -> None:
    """Version and licence."""
    QMessageBox.about(
        parent,
        QCoreApplication.translate("About", "About Korrektur"),
        QCoreApplication.translate(
            "About",
            "<h3>Korrektur %1</h3><p>Review and correct OCR'd Swedish reports: the raw text "
            "and the suggested correction side by side, every decision recorded.</p>"
            "<p>MIT licence. Built with Qt for Python (LGPL-3.0).</p>",
        ).replace("%1", __version__),
    )
