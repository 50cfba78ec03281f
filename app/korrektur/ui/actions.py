"""Every command of the window, declared once: text, shortcuts, tip, icon and menu (Picard)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum, auto

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QStyle, QToolBar, QWidget

Key = str | QKeySequence.StandardKey
SP = QStyle.StandardPixmap


class ActionId(Enum):
    """Identifies each action of the window."""

    OPEN = auto()
    OPEN_CORPUS = auto()
    SAVE = auto()
    SAVE_AS = auto()
    EXPORT = auto()
    VERSIONS = auto()
    REANALYSE = auto()
    CANCEL_ANALYSIS = auto()
    QUIT = auto()
    UNDO = auto()
    REDO = auto()
    FIND = auto()
    NEXT = auto()
    PREVIOUS = auto()
    ACCEPT = auto()
    REJECT = auto()
    EDIT = auto()
    EDIT_TEXT = auto()
    ACCEPT_SAME = auto()
    ACCEPT_VISIBLE = auto()
    ALT_1 = auto()
    ALT_2 = auto()
    ALT_3 = auto()
    ALT_4 = auto()
    ALT_5 = auto()
    ALT_6 = auto()
    ALT_7 = auto()
    ALT_8 = auto()
    ALT_9 = auto()
    ZOOM_IN = auto()
    ZOOM_OUT = auto()
    ZOOM_RESET = auto()
    SHOW_PROPOSALS = auto()
    SHOW_REMOVED = auto()
    WRAP_LINES = auto()
    SYNC_SCROLL = auto()
    THEME_SYSTEM = auto()
    THEME_LIGHT = auto()
    THEME_DARK = auto()
    LANGUAGE_SYSTEM = auto()
    LANGUAGE_ENGLISH = auto()
    LANGUAGE_SWEDISH = auto()
    SHORTCUTS = auto()
    ABOUT = auto()


ALTERNATIVES = [getattr(ActionId, f"ALT_{n}") for n in range(1, 10)]


@dataclass(frozen=True)
class ActionSpec:
    """How an action looks and is reached.

    Attributes:
        text: menu text (translated in context "Actions").
        tip: tooltip and status tip.
        keys: shortcuts, the first is shown in menus.
        icon: a standard style icon.
        checkable: a toggle.
    """

    text: str
    tip: str
    keys: tuple[Key, ...] = ()
    icon: SP | None = None
    checkable: bool = False


SPECS: dict[ActionId, ActionSpec] = {
    ActionId.OPEN: ActionSpec(
        str(QT_TRANSLATE_NOOP("Actions", "&Open…")),
        str(QT_TRANSLATE_NOOP("Actions", "Open an OCR text file for review")),
        (QKeySequence.StandardKey.Open,),
        SP.SP_DialogOpenButton,
    ),
    ActionId.OPEN_CORPUS: ActionSpec(
        str(QT_TRANSLATE_NOOP("Actions", "Open &corpus…")),
        str(QT_TRANSLATE_NOOP("Actions", "Open a corpus project folder")),
        ("Ctrl+Shift+O",),
        SP.SP_DirOpenIcon,
    ),
    ActionId.SAVE: ActionSpec(
        str(QT_TRANSLATE_NOOP("Actions", "&Save review")),
        str(QT_TRANSLATE_NOOP("Actions", "Save the decisions as a review file")),
        (QKeySequence.StandardKey.Save,),
        SP.SP_DialogSaveButton,
    ),
    ActionId.SAVE_AS: ActionSpec(
        str(QT_TRANSLATE_NOOP("Actions", "Save review &as…")),
        str(QT_TRANSLATE_NOOP("Actions", "Save the review file under another name or folder")),
        (QKeySequence.StandardKey.SaveAs, "Ctrl+Shift+S"),
    ),
    ActionId.EXPORT: ActionSpec(
        str(QT_TRANSLATE_NOOP("Actions", "&Export…")),
        str(QT_TRANSLATE_NOOP("Actions", "Write the reviewed text in another format")),
        ("Ctrl+E",),
    ),
    ActionId.VERSIONS: ActionSpec(
        str(QT_TRANSLATE_NOOP("Actions", "&Version history…")),
        str(QT_TRANSLATE_NOOP("Actions", "Earlier saved versions of this review")),
    ),
    ActionId.REANALYSE: ActionSpec(
        str(QT_TRANSLATE_NOOP("Actions", "Analyse &again")),
        str(
            QT_TRANSLATE_NOOP(
                "Actions", "Run the analysis again: new suggestions are added, decisions kept"
            )
        ),
        ("Ctrl+R",),
        SP.SP_BrowserReload,
    ),
    ActionId.CANCEL_ANALYSIS: ActionSpec(
        str(QT_TRANSLATE_NOOP("Actions", "&Cancel analysis")),
        str(QT_TRANSLATE_NOOP("Actions", "Stop the running analysis; the text stays open")),
        ("Ctrl+.",),
        SP.SP_BrowserStop,
    ),
    ActionId.QUIT: ActionSpec(
        str(QT_TRANSLATE_NOOP("Actions", "&Quit")),
        str(QT_TRANSLATE_NOOP("Actions", "Close Korrektur")),
        (QKeySequence.StandardKey.Quit, "Ctrl+Q"),
    ),
    ActionId.UNDO: ActionSpec(
        str(QT_TRANSLATE_NOOP("Actions", "&Undo")),
        str(QT_TRANSLATE_NOOP("Actions", "Take back the last decision or edit")),
        ("Ctrl+Z",),
        SP.SP_ArrowBack,
    ),
    ActionId.REDO: ActionSpec(
        str(QT_TRANSLATE_NOOP("Actions", "&Redo")),
        str(QT_TRANSLATE_NOOP("Actions", "Do the undone step again")),
        ("Ctrl+Shift+Z", "Ctrl+Y"),
        SP.SP_ArrowForward,
    ),
    ActionId.FIND: ActionSpec(
        str(QT_TRANSLATE_NOOP("Actions", "&Find in suggestions")),
        str(QT_TRANSLATE_NOOP("Actions", "Search the suggestion list")),
        ("Ctrl+F",),
    ),
    ActionId.NEXT: ActionSpec(
        str(QT_TRANSLATE_NOOP("Actions", "&Next pending")),
        str(QT_TRANSLATE_NOOP("Actions", "Go to the next pending suggestion in the list")),
        ("J", "F8"),
        SP.SP_ArrowDown,
    ),
    ActionId.PREVIOUS: ActionSpec(
        str(QT_TRANSLATE_NOOP("Actions", "&Previous pending")),
        str(QT_TRANSLATE_NOOP("Actions", "Go to the previous pending suggestion in the list")),
        ("K", "Shift+F8"),
        SP.SP_ArrowUp,
    ),
    ActionId.ACCEPT: ActionSpec(
        str(QT_TRANSLATE_NOOP("Actions", "&Accept")),
        str(QT_TRANSLATE_NOOP("Actions", "Use the suggested correction and go on")),
        ("A", "Return", "Enter"),
        SP.SP_DialogApplyButton,
    ),
    ActionId.REJECT: ActionSpec(
        str(QT_TRANSLATE_NOOP("Actions", "&Reject")),
        str(QT_TRANSLATE_NOOP("Actions", "Keep the raw text and go on")),
        ("R", "Backspace"),
        SP.SP_DialogDiscardButton,
    ),
    ActionId.EDIT: ActionSpec(
        str(QT_TRANSLATE_NOOP("Actions", "&Edit suggestion…")),
        str(
            QT_TRANSLATE_NOOP(
                "Actions", "Type your own correction of this suggestion in place (Esc cancels)"
            )
        ),
        ("E",),
    ),
    ActionId.EDIT_TEXT: ActionSpec(
        str(QT_TRANSLATE_NOOP("Actions", "Edit &text")),
        str(
            QT_TRANSLATE_NOOP(
                "Actions",
                "Type in the corrected text at the cursor; Esc returns to reviewing",
            )
        ),
        ("F2",),
        SP.SP_FileDialogDetailedView,
        checkable=True,
    ),
    ActionId.ACCEPT_SAME: ActionSpec(
        str(QT_TRANSLATE_NOOP("Actions", "Accept all &identical")),
        str(
            QT_TRANSLATE_NOOP(
                "Actions", "Accept every pending suggestion with this same correction"
            )
        ),
        ("Shift+A",),
    ),
    ActionId.ACCEPT_VISIBLE: ActionSpec(
        str(QT_TRANSLATE_NOOP("Actions", "Accept &visible")),
        str(
            QT_TRANSLATE_NOOP(
                "Actions",
                "Accept the pending suggestions in the filtered list from the chosen confidence up",
            )
        ),
        ("Ctrl+Shift+A",),
        SP.SP_DialogYesButton,
    ),
    **{
        action: ActionSpec(
            str(QT_TRANSLATE_NOOP("Actions", "Alternative &%1")),
            str(QT_TRANSLATE_NOOP("Actions", "Use alternative %1 of the current suggestion")),
            (str(number),),
        )
        for number, action in enumerate(ALTERNATIVES, start=1)
    },
    ActionId.ZOOM_IN: ActionSpec(
        str(QT_TRANSLATE_NOOP("Actions", "Zoom &in")),
        str(QT_TRANSLATE_NOOP("Actions", "Larger text")),
        (QKeySequence.StandardKey.ZoomIn, "Ctrl+="),
    ),
    ActionId.ZOOM_OUT: ActionSpec(
        str(QT_TRANSLATE_NOOP("Actions", "Zoom &out")),
        str(QT_TRANSLATE_NOOP("Actions", "Smaller text")),
        (QKeySequence.StandardKey.ZoomOut,),
    ),
    ActionId.ZOOM_RESET: ActionSpec(
        str(QT_TRANSLATE_NOOP("Actions", "&Normal size")),
        str(QT_TRANSLATE_NOOP("Actions", "Text at its normal size")),
        ("Ctrl+0",),
    ),
    ActionId.SHOW_PROPOSALS: ActionSpec(
        str(QT_TRANSLATE_NOOP("Actions", "Show &proposals")),
        str(
            QT_TRANSLATE_NOOP(
                "Actions",
                "Undecided suggestions in the corrected text: the proposed correction "
                "(checked) or the OCR text, as an export keeps it by default",
            )
        ),
        ("Ctrl+P",),
        checkable=True,
    ),
    ActionId.SHOW_REMOVED: ActionSpec(
        str(QT_TRANSLATE_NOOP("Actions", "Show &removed lines")),
        str(
            QT_TRANSLATE_NOOP(
                "Actions",
                "Lines a fix removes (page headers, footers) stay visible, struck through; "
                "unchecked, they are folded away",
            )
        ),
        checkable=True,
    ),
    ActionId.WRAP_LINES: ActionSpec(
        str(QT_TRANSLATE_NOOP("Actions", "&Wrap long lines")),
        str(QT_TRANSLATE_NOOP("Actions", "Wrap lines at the pane's edge")),
        checkable=True,
    ),
    ActionId.SYNC_SCROLL: ActionSpec(
        str(QT_TRANSLATE_NOOP("Actions", "&Synchronise scrolling")),
        str(QT_TRANSLATE_NOOP("Actions", "Scroll both panes together")),
        checkable=True,
    ),
    ActionId.THEME_SYSTEM: ActionSpec(
        str(QT_TRANSLATE_NOOP("Actions", "&System colours")),
        str(QT_TRANSLATE_NOOP("Actions", "Follow the desktop's light or dark mode")),
        checkable=True,
    ),
    ActionId.THEME_LIGHT: ActionSpec(
        str(QT_TRANSLATE_NOOP("Actions", "&Light")),
        str(QT_TRANSLATE_NOOP("Actions", "Light colours")),
        checkable=True,
    ),
    ActionId.THEME_DARK: ActionSpec(
        str(QT_TRANSLATE_NOOP("Actions", "&Dark")),
        str(QT_TRANSLATE_NOOP("Actions", "Dark colours")),
        checkable=True,
    ),
    ActionId.LANGUAGE_SYSTEM: ActionSpec(
        str(QT_TRANSLATE_NOOP("Actions", "&System language")),
        str(QT_TRANSLATE_NOOP("Actions", "Use the desktop's language")),
        checkable=True,
    ),
    ActionId.LANGUAGE_ENGLISH: ActionSpec(
        "English",
        str(QT_TRANSLATE_NOOP("Actions", "Use English")),
        checkable=True,
    ),
    ActionId.LANGUAGE_SWEDISH: ActionSpec(
        "Svenska",
        str(QT_TRANSLATE_NOOP("Actions", "Use Swedish")),
        checkable=True,
    ),
    ActionId.SHORTCUTS: ActionSpec(
        str(QT_TRANSLATE_NOOP("Actions", "&Keyboard shortcuts")),
        str(QT_TRANSLATE_NOOP("Actions", "All keys at a glance")),
        ("F1", "?"),
        SP.SP_DialogHelpButton,
    ),
    ActionId.ABOUT: ActionSpec(
        str(QT_TRANSLATE_NOOP("Actions", "&About Korrektur")),
        str(QT_TRANSLATE_NOOP("Actions", "Version and licence")),
    ),
}

RECENT_MENU = "recent"  # placeholder in MENUS for the recent files submenu

MENUS: tuple[tuple[str, tuple[ActionId | str | None, ...]], ...] = (
    (
        str(QT_TRANSLATE_NOOP("Actions", "&File")),
        (
            ActionId.OPEN,
            ActionId.OPEN_CORPUS,
            RECENT_MENU,
            None,
            ActionId.SAVE,
            ActionId.SAVE_AS,
            ActionId.EXPORT,
            ActionId.VERSIONS,
            None,
            ActionId.REANALYSE,
            ActionId.CANCEL_ANALYSIS,
            None,
            ActionId.QUIT,
        ),
    ),
    (
        str(QT_TRANSLATE_NOOP("Actions", "&Edit")),
        (ActionId.UNDO, ActionId.REDO, None, ActionId.FIND),
    ),
    (
        str(QT_TRANSLATE_NOOP("Actions", "&Review")),
        (
            ActionId.NEXT,
            ActionId.PREVIOUS,
            None,
            ActionId.ACCEPT,
            ActionId.REJECT,
            ActionId.EDIT,
            ActionId.EDIT_TEXT,
            str(QT_TRANSLATE_NOOP("Actions", "Choose &alternative")),
            None,
            ActionId.ACCEPT_SAME,
            ActionId.ACCEPT_VISIBLE,
        ),
    ),
    (
        str(QT_TRANSLATE_NOOP("Actions", "&View")),
        (
            ActionId.ZOOM_IN,
            ActionId.ZOOM_OUT,
            ActionId.ZOOM_RESET,
            None,
            ActionId.SHOW_PROPOSALS,
            ActionId.SHOW_REMOVED,
            ActionId.WRAP_LINES,
            ActionId.SYNC_SCROLL,
            str(QT_TRANSLATE_NOOP("Actions", "&Colours")),
            str(QT_TRANSLATE_NOOP("Actions", "&Language")),
            "docks",
        ),
    ),
    (str(QT_TRANSLATE_NOOP("Actions", "&Help")), (ActionId.SHORTCUTS, ActionId.ABOUT)),
)

SUBMENUS: dict[str, tuple[ActionId, ...]] = {
    "Choose &alternative": tuple(ALTERNATIVES),
    "&Colours": (ActionId.THEME_SYSTEM, ActionId.THEME_LIGHT, ActionId.THEME_DARK),
    "&Language": (ActionId.LANGUAGE_SYSTEM, ActionId.LANGUAGE_ENGLISH, ActionId.LANGUAGE_SWEDISH),
}

TOOLBAR: tuple[ActionId | None, ...] = (
    ActionId.OPEN,
    ActionId.SAVE,
    None,
    ActionId.PREVIOUS,
    ActionId.NEXT,
    None,
    ActionId.ACCEPT,
    ActionId.REJECT,
    ActionId.EDIT_TEXT,
    None,
    ActionId.UNDO,
    ActionId.REDO,
    None,
    ActionId.SHOW_PROPOSALS,
)


def tr(text: str) -> str:
    """Translate an action text."""
    return QCoreApplication.translate("Actions", text)


def make_action(window: QWidget, spec: ActionSpec) -> QAction:
    """A ``QAction`` of ``window`` with the shortcuts, icon and checkability of ``spec``."""
    action = QAction(window)
    keys = list({QKeySequence(k).toString(): QKeySequence(k) for k in spec.keys}.values())
    action.setShortcuts(keys)
    action.setCheckable(spec.checkable)
    if spec.icon is not None:
        action.setIcon(window.style().standardIcon(spec.icon))
    window.addAction(action)
    return action


def translate_action(action: QAction, spec: ActionSpec, number: str = "") -> None:
    """Text, status tip and tooltip (with the first shortcut) in the language now in use."""
    action.setText(tr(spec.text).replace("%1", number))
    tip = tr(spec.tip).replace("%1", number)
    action.setStatusTip(tip)
    keys = action.shortcuts()
    if keys:
        tip = f"{tip} ({keys[0].toString(QKeySequence.SequenceFormat.NativeText)})"
    action.setToolTip(tip)


class ActionRegistry:
    """The window's ``QAction``s, made once from ``SPECS``; menus and toolbar come from it."""

    def __init__(self, window: QWidget) -> None:
        self._window = window
        self._actions: dict[ActionId, QAction] = {}
        self._menus: dict[str, QMenu] = {}
        for action_id, spec in SPECS.items():
            self._actions[action_id] = make_action(window, spec)
        self.retranslate()

    def retranslate(self) -> None:
        """Texts and tips in the language now in use (menus included)."""
        for action_id, action in self._actions.items():
            number = str(ALTERNATIVES.index(action_id) + 1) if action_id in ALTERNATIVES else ""
            translate_action(action, SPECS[action_id], number)
        for title, menu in self._menus.items():
            menu.setTitle(tr(title))

    def __getitem__(self, action_id: ActionId) -> QAction:
        return self._actions[action_id]

    def items(self) -> list[tuple[ActionId, QAction]]:
        """Every action with its id."""
        return list(self._actions.items())

    def connect(self, handlers: dict[ActionId, Callable[[], object]]) -> None:
        """Run ``handlers[id]`` when action ``id`` is triggered."""
        for action_id, handler in handlers.items():
            self._actions[action_id].triggered.connect(lambda _=False, h=handler: h())

    def set_enabled(self, ids: tuple[ActionId, ...] | list[ActionId], enabled: bool) -> None:
        """Enable or disable several actions."""
        for action_id in ids:
            self._actions[action_id].setEnabled(enabled)

    def build_menus(
        self, menubar: QMenuBar, special: dict[str, QMenu | Callable[[QMenu], None]]
    ) -> dict[str, QMenu]:
        """Fill ``menubar`` from ``MENUS``; ``special`` supplies the recent-files and dock menus."""
        menus: dict[str, QMenu] = {}
        for title, items in MENUS:
            menu = menubar.addMenu(tr(title))
            menus[title] = menu
            for item in items:
                if item is None:
                    menu.addSeparator()
                elif isinstance(item, ActionId):
                    menu.addAction(self._actions[item])
                elif item in SUBMENUS:
                    submenu = menu.addMenu(tr(item))
                    for action_id in SUBMENUS[item]:
                        submenu.addAction(self._actions[action_id])
                    menus[item] = submenu
                elif item in special:
                    extra = special[item]
                    if isinstance(extra, QMenu):
                        menu.addMenu(extra)
                    else:
                        extra(menu)
        self._menus.update(menus)
        return menus

    def build_toolbar(self, toolbar: QToolBar) -> None:
        """Fill ``toolbar`` from ``TOOLBAR``."""
        for item in TOOLBAR:
            if item is None:
                toolbar.addSeparator()
            else:
                toolbar.addAction(self._actions[item])
