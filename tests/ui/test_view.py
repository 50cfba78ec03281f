"""Menus, tooltips, shortcuts overview, zoom, wrapping and the dark palette."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu, QPlainTextEdit

from korrektur.ui.actions import SPECS, ActionId
from korrektur.ui.dialogs import shortcut_rows


def menu_actions(menu: QMenu):
    for action in menu.actions():
        yield action
        if action.menu() is not None:
            yield from menu_actions(action.menu())


def test_every_action_is_in_a_menu_with_a_tooltip(window):
    in_menus = set()
    for top in window.menuBar().actions():
        in_menus.update(id(a) for a in menu_actions(top.menu()))
    for action_id in SPECS:
        action = window.registry[action_id]
        assert id(action) in in_menus, action_id
        assert action.toolTip(), action_id


def test_shortcuts_overview_lists_the_review_keys(window, qtbot):
    rows = shortcut_rows(window.registry)
    assert ("Review", "Accept", "A, Return, Enter") in rows
    assert ("Review", "Next pending", "J, F8") in rows
    window.raw_view.setFocus()
    qtbot.keyClick(window.raw_view, Qt.Key.Key_F1)
    dialog = window.shortcuts_dialog
    assert dialog.isVisible()
    assert dialog.table.rowCount() == len(rows)
    dialog.close()
    qtbot.keyClick(window.raw_view, Qt.Key.Key_Question)
    assert window.shortcuts_dialog.isVisible()
    window.shortcuts_dialog.close()


def test_zoom_keys(opened, qtbot):
    size = opened.raw_view.font().pointSize()
    qtbot.keyClick(opened.raw_view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert opened.raw_view.font().pointSize() == size + 1
    assert opened.corrected_view.font().pointSize() == size + 1
    qtbot.keyClick(opened.raw_view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(opened.raw_view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert opened.raw_view.font().pointSize() == size - 1
    qtbot.keyClick(opened.raw_view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert opened.raw_view.font().pointSize() == size


def test_wrap_and_sync_toggles(window):
    window.registry[ActionId.WRAP_LINES].trigger()
    assert window.raw_view.lineWrapMode() == QPlainTextEdit.LineWrapMode.NoWrap
    window.registry[ActionId.SYNC_SCROLL].trigger()
    assert not window.sync.enabled


@pytest.fixture
def restore_palette():
    app = QApplication.instance()
    palette, style = app.palette(), app.style().name()
    yield
    app.setStyle(style)
    app.setPalette(palette)


@pytest.mark.usefixtures("restore_palette")
def test_dark_palette(opened):
    opened.registry[ActionId.THEME_DARK].trigger()
    assert opened.raw_view.theme.dark
    assert QApplication.palette().base().color().lightness() < 80
    assert opened.settings.store.value("view/theme") == "dark"
    opened.registry[ActionId.THEME_LIGHT].trigger()
    assert not opened.raw_view.theme.dark


def test_synchronised_scrolling(opened, tmp_path):
    long = "\n".join(f"Rad {n} pa skolan." for n in range(400)) + "\n"
    path = tmp_path / "lang.txt"
    path.write_text(long, encoding="utf-8")
    opened.open_path(path)
    opened.raw_view.verticalScrollBar().setValue(200)
    top = opened.raw_view.top_offset()
    corrected_top = opened.corrected_view.top_offset()
    assert opened.controller.session.corrected_to_raw(corrected_top) == top
