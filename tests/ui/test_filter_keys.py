"""Filter controls never swallow review keys: Esc and Enter in any of them hand the keys back."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from korrektur.model import Status


def focused():
    return QApplication.focusWidget()


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(focused(), key, modifier)


def pending(window):
    return window.controller.session.counts()[Status.PENDING]


def test_ctrl_f_j_then_esc_gives_the_keys_back(opened, qtbot):
    opened.raw_view.setFocus()
    press(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert focused() is opened.dock.search
    press(qtbot, Qt.Key.Key_J)  # typed: the search field is a text field
    assert opened.dock.search.text() == "j"
    press(qtbot, Qt.Key.Key_Escape)  # back, and the search typed since Ctrl+F is taken back
    assert opened.dock.search.text() == ""
    assert focused() is opened.raw_view
    qtbot.waitUntil(lambda: opened.dock.proxy.rowCount() == opened.dock.model.total)
    assert opened.dock.count_label.text() == "21 of 21 shown"
    press(qtbot, Qt.Key.Key_J)  # a review key again
    assert opened.controller.current_id == "s2"


def test_enter_in_the_search_keeps_the_filter_and_returns(opened, qtbot):
    opened.dock.table.setFocus()
    press(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(focused(), "hosten")
    press(qtbot, Qt.Key.Key_Return)
    assert opened.dock.count_label.text() == "2 of 21 shown"  # at once, no typing pause
    assert focused() is opened.dock.table  # where the clerk was
    assert pending(opened) == 21  # Enter did not accept
    press(qtbot, Qt.Key.Key_J)  # visits what the list shows
    assert opened.controller.current().original == "hosten"
    press(qtbot, Qt.Key.Key_A)
    assert pending(opened) == 20


@pytest.mark.parametrize("name", ["min_confidence", "bulk_threshold"])
def test_number_boxes_take_digits_only_and_leave_on_enter_or_esc(opened, qtbot, name):
    box = getattr(opened.dock, name)
    before = box.value()
    qtbot.mouseClick(box.lineEdit(), Qt.MouseButton.LeftButton)
    box.lineEdit().selectAll()
    current = opened.controller.current_id
    press(qtbot, Qt.Key.Key_A)  # a letter is a review key here too
    assert opened.controller.session.get(current).status is Status.ACCEPTED
    box.lineEdit().selectAll()
    for key in (Qt.Key.Key_0, Qt.Key.Key_Period, Qt.Key.Key_5):
        press(qtbot, key)
    assert box.lineEdit().text().endswith("0.5")
    press(qtbot, Qt.Key.Key_Escape)  # Esc takes the typing back
    assert box.value() == before
    assert focused() is opened.raw_view
    qtbot.mouseClick(box.lineEdit(), Qt.MouseButton.LeftButton)
    box.lineEdit().selectAll()
    for key in (Qt.Key.Key_0, Qt.Key.Key_Period, Qt.Key.Key_5):
        press(qtbot, key)
    decided = pending(opened)
    press(qtbot, Qt.Key.Key_Enter)  # Enter keeps it, and accepts nothing
    assert box.value() == 0.5
    assert pending(opened) == decided
    assert focused() is opened.raw_view


def test_status_box_leaves_review_keys_alone(opened, qtbot):
    box = opened.dock.status_box
    box.setFocus(Qt.FocusReason.MouseFocusReason)
    current = opened.controller.current_id
    press(qtbot, Qt.Key.Key_R)  # rejects; it does not pick "Rejected"
    assert opened.controller.session.get(current).status is Status.REJECTED
    assert box.currentIndex() == 0
    press(qtbot, Qt.Key.Key_Down)  # arrows choose
    assert box.currentText() == "Pending"
    press(qtbot, Qt.Key.Key_Return)  # Enter keeps the choice and returns; it does not accept
    assert box.currentText() == "Pending"
    assert focused() is opened.raw_view
    assert opened.controller.session.counts()[Status.ACCEPTED] == 0


def test_function_keys_review_from_the_search(opened, qtbot):
    opened.dock.search.setFocus()
    press(qtbot, Qt.Key.Key_F8)
    assert opened.controller.current_id == "s2"
    press(qtbot, Qt.Key.Key_Backspace)  # edits the search text, rejects nothing
    assert pending(opened) == 21
