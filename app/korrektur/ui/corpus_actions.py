"""Every command of the corpus window, declared once (text, keys, tip, icon, where it works).

A key either decides or types: the concordance's decision keys (A, R, Shift+A, Shift+R)
work only while its list of occurrences has the focus, so the search field types them.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum, auto

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenuBar, QStyle, QToolBar, QWidget

from korrektur.ui.actions import ActionSpec, make_action, tr, translate_action

SP = QStyle.StandardPixmap


class CorpusAction(Enum):
    """Identifies each action of the corpus window."""

    OPEN_CORPUS = auto()
    OPEN_DOCUMENT = auto()
    NEXT_DOCUMENT = auto()
    PREVIOUS_DOCUMENT = auto()
    ANALYSE = auto()
    CANCEL_ANALYSIS = auto()
    CLOSE = auto()
    UNDO = auto()
    REDO = auto()
    FILTER = auto()
    SEARCH = auto()
    ACCEPT_SELECTED = auto()
    REJECT_SELECTED = auto()
    ACCEPT_ALL = auto()
    REJECT_ALL = auto()
    OPEN_OCCURRENCE = auto()
    WITHDRAW_RULE = auto()


SPECS: dict[CorpusAction, ActionSpec] = {
    CorpusAction.OPEN_CORPUS: ActionSpec(
        str(QT_TRANSLATE_NOOP("Actions", "Open &corpus…")),
        str(QT_TRANSLATE_NOOP("Actions", "Open a corpus project folder")),
        ("Ctrl+Shift+O",),
        SP.SP_DirOpenIcon,
    ),
    CorpusAction.OPEN_DOCUMENT: ActionSpec(
        str(QT_TRANSLATE_NOOP("Actions", "&Open document")),
        str(QT_TRANSLATE_NOOP("Actions", "Review the chosen document in the review window")),
        ("Return", "Enter"),
        SP.SP_FileIcon,
    ),
    CorpusAction.NEXT_DOCUMENT: ActionSpec(
        str(QT_TRANSLATE_NOOP("Actions", "&Next document with pending suggestions")),
        str(
            QT_TRANSLATE_NOOP(
                "Actions",
                "Open the next document in the table that still has suggestions to decide",
            )
        ),
        ("Ctrl+PgDown",),
        SP.SP_ArrowDown,
    ),
    CorpusAction.PREVIOUS_DOCUMENT: ActionSpec(
        str(QT_TRANSLATE_NOOP("Actions", "&Previous document with pending suggestions")),
        str(
            QT_TRANSLATE_NOOP(
                "Actions",
                "Open the previous document in the table that still has suggestions to decide",
            )
        ),
        ("Ctrl+PgUp",),
        SP.SP_ArrowUp,
    ),
    CorpusAction.ANALYSE: ActionSpec(
        str(QT_TRANSLATE_NOOP("Actions", "&Analyse new documents")),
        str(
            QT_TRANSLATE_NOOP("Actions", "Analyse the new and changed documents in the background")
        ),
        ("Ctrl+R",),
        SP.SP_BrowserReload,
    ),
    CorpusAction.CANCEL_ANALYSIS: ActionSpec(
        str(QT_TRANSLATE_NOOP("Actions", "&Cancel analysis")),
        str(
            QT_TRANSLATE_NOOP(
                "Actions", "Stop the analysis after the documents under way (they are kept)"
            )
        ),
        ("Ctrl+.",),
        SP.SP_BrowserStop,
    ),
    CorpusAction.CLOSE: ActionSpec(
        str(QT_TRANSLATE_NOOP("Actions", "C&lose corpus")),
        str(QT_TRANSLATE_NOOP("Actions", "Close the corpus window")),
        (QKeySequence.StandardKey.Close, "Ctrl+W"),
    ),
    CorpusAction.UNDO: ActionSpec(
        str(QT_TRANSLATE_NOOP("Actions", "&Undo")),
        str(QT_TRANSLATE_NOOP("Actions", "Take back the last corpus-wide decision")),
        ("Ctrl+Z",),
        SP.SP_ArrowBack,
    ),
    CorpusAction.REDO: ActionSpec(
        str(QT_TRANSLATE_NOOP("Actions", "&Redo")),
        str(QT_TRANSLATE_NOOP("Actions", "Do the undone step again")),
        ("Ctrl+Shift+Z", "Ctrl+Y"),
        SP.SP_ArrowForward,
    ),
    CorpusAction.FILTER: ActionSpec(
        str(QT_TRANSLATE_NOOP("Actions", "&Filter documents")),
        str(QT_TRANSLATE_NOOP("Actions", "Show only the documents whose name holds a text")),
        ("Ctrl+L",),
    ),
    CorpusAction.SEARCH: ActionSpec(
        str(QT_TRANSLATE_NOOP("Actions", "&Search the corpus")),
        str(
            QT_TRANSLATE_NOOP(
                "Actions", "Every occurrence of a word, or of a correction (for → för)"
            )
        ),
        ("Ctrl+F",),
    ),
    CorpusAction.ACCEPT_SELECTED: ActionSpec(
        str(QT_TRANSLATE_NOOP("Actions", "&Accept selected")),
        str(QT_TRANSLATE_NOOP("Actions", "Accept the pending suggestions of the chosen lines")),
        ("A",),
        SP.SP_DialogApplyButton,
    ),
    CorpusAction.REJECT_SELECTED: ActionSpec(
        str(QT_TRANSLATE_NOOP("Actions", "&Reject selected")),
        str(QT_TRANSLATE_NOOP("Actions", "Reject the pending suggestions of the chosen lines")),
        ("R",),
        SP.SP_DialogDiscardButton,
    ),
    CorpusAction.ACCEPT_ALL: ActionSpec(
        str(QT_TRANSLATE_NOOP("Actions", "Accept a&ll")),
        str(
            QT_TRANSLATE_NOOP(
                "Actions",
                "Accept every pending suggestion found (a correction: in documents analysed "
                "later too)",
            )
        ),
        ("Shift+A",),
    ),
    CorpusAction.REJECT_ALL: ActionSpec(
        str(QT_TRANSLATE_NOOP("Actions", "Reject all")),
        str(
            QT_TRANSLATE_NOOP(
                "Actions",
                "Reject every pending suggestion found (a correction: in documents analysed "
                "later too)",
            )
        ),
        ("Shift+R",),
    ),
    CorpusAction.OPEN_OCCURRENCE: ActionSpec(
        str(QT_TRANSLATE_NOOP("Actions", "Show in &document")),
        str(QT_TRANSLATE_NOOP("Actions", "Open the occurrence's document at its place")),
        ("Return", "Enter"),
    ),
    CorpusAction.WITHDRAW_RULE: ActionSpec(
        str(QT_TRANSLATE_NOOP("Actions", "&Withdraw rule")),
        str(
            QT_TRANSLATE_NOOP(
                "Actions",
                "Put the decisions of the chosen rule back to pending, where they are still its",
            )
        ),
        ("Delete",),
        SP.SP_TrashIcon,
    ),
}

SHORT: dict[CorpusAction, str] = {
    CorpusAction.NEXT_DOCUMENT: str(QT_TRANSLATE_NOOP("Actions", "Next document")),
    CorpusAction.PREVIOUS_DOCUMENT: str(QT_TRANSLATE_NOOP("Actions", "Previous document")),
    CorpusAction.ANALYSE: str(QT_TRANSLATE_NOOP("Actions", "Analyse new")),
}
"""Shorter texts for the toolbar."""

WHERE: dict[CorpusAction, str] = {
    CorpusAction.OPEN_DOCUMENT: "documents",
    CorpusAction.ACCEPT_SELECTED: "occurrences",
    CorpusAction.REJECT_SELECTED: "occurrences",
    CorpusAction.ACCEPT_ALL: "occurrences",
    CorpusAction.REJECT_ALL: "occurrences",
    CorpusAction.OPEN_OCCURRENCE: "occurrences",
    CorpusAction.WITHDRAW_RULE: "rules",
}
"""Actions whose keys work only in one widget (by object name); the rest window-wide."""

MENUS: tuple[tuple[str, tuple[CorpusAction | None, ...]], ...] = (
    (
        str(QT_TRANSLATE_NOOP("Actions", "&Corpus")),
        (
            CorpusAction.OPEN_CORPUS,
            None,
            CorpusAction.OPEN_DOCUMENT,
            CorpusAction.NEXT_DOCUMENT,
            CorpusAction.PREVIOUS_DOCUMENT,
            None,
            CorpusAction.ANALYSE,
            CorpusAction.CANCEL_ANALYSIS,
            None,
            CorpusAction.CLOSE,
        ),
    ),
    (
        str(QT_TRANSLATE_NOOP("Actions", "&Edit")),
        (CorpusAction.UNDO, CorpusAction.REDO, None, CorpusAction.FILTER, CorpusAction.SEARCH),
    ),
    (
        str(QT_TRANSLATE_NOOP("Actions", "C&oncordance")),
        (
            CorpusAction.ACCEPT_SELECTED,
            CorpusAction.REJECT_SELECTED,
            CorpusAction.ACCEPT_ALL,
            CorpusAction.REJECT_ALL,
            None,
            CorpusAction.OPEN_OCCURRENCE,
            None,
            CorpusAction.WITHDRAW_RULE,
        ),
    ),
)

TOOLBAR: tuple[CorpusAction | None, ...] = (
    CorpusAction.OPEN_DOCUMENT,
    CorpusAction.PREVIOUS_DOCUMENT,
    CorpusAction.NEXT_DOCUMENT,
    None,
    CorpusAction.UNDO,
    CorpusAction.REDO,
    None,
    CorpusAction.ANALYSE,
    CorpusAction.CANCEL_ANALYSIS,
)


class CorpusActions:
    """The corpus window's ``QAction``s; menus and toolbar are built from them."""

    def __init__(self, window: QWidget) -> None:
        self._window = window
        self._actions = {action_id: make_action(window, spec) for action_id, spec in SPECS.items()}
        self._menus: list[tuple[str, QAction]] = []
        self.retranslate()

    def __getitem__(self, action_id: CorpusAction) -> QAction:
        return self._actions[action_id]

    def items(self) -> list[tuple[CorpusAction, QAction]]:
        """Every action with its id."""
        return list(self._actions.items())

    def retranslate(self) -> None:
        """Texts and tips in the language now in use (menus included)."""
        for action_id, action in self._actions.items():
            translate_action(action, SPECS[action_id])
            if action_id in SHORT:
                action.setIconText(tr(SHORT[action_id]))
        for title, menu_action in self._menus:
            menu_action.setText(tr(title))

    def place(self, widgets: dict[str, QWidget]) -> None:
        """Keys of a widget's own actions work only while that widget has the focus."""
        for action_id, name in WHERE.items():
            action = self._actions[action_id]
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            self._window.removeAction(action)
            widgets[name].addAction(action)

    def connect(self, handlers: dict[CorpusAction, Callable[[], object]]) -> None:
        """Run ``handlers[id]`` when action ``id`` is triggered."""
        for action_id, handler in handlers.items():
            self._actions[action_id].triggered.connect(lambda _=False, h=handler: h())

    def build_menus(self, menubar: QMenuBar) -> None:
        """Fill ``menubar`` from ``MENUS``."""
        for title, items in MENUS:
            menu = menubar.addMenu(tr(title))
            self._menus.append((title, menu.menuAction()))
            for item in items:
                if item is None:
                    menu.addSeparator()
                else:
                    menu.addAction(self._actions[item])

    def build_toolbar(self, toolbar: QToolBar) -> None:
        """Fill ``toolbar`` from ``TOOLBAR``."""
        for item in TOOLBAR:
            if item is None:
                toolbar.addSeparator()
            else:
                toolbar.addAction(self._actions[item])
