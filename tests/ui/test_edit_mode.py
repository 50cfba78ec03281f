"""Review keys decide and never type: the corrected pane is read-only until edit mode is asked for.

These tests use the real window and send every key to whatever has the keyboard focus after
a realistic click, as a clerk's keyboard would.
"""

import pytest
from fakes import TEXT, type_text
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from korrektur.model import Kind, Status
from korrektur.ui.actions import ActionId
from korrektur.ui.edit_mode import Mode

REVIEW_KEYS = [Qt.Key.Key_A, Qt.Key.Key_R, Qt.Key.Key_J, Qt.Key.Key_K, Qt.Key.Key_1, Qt.Key.Key_E]


def focused():
    return QApplication.focusWidget()


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier):
    """A key as the keyboard sends it: to the widget that has the focus (or a popup's)."""
    target = QApplication.activePopupWidget() or focused()
    target = target.focusWidget() or target if QApplication.activePopupWidget() else target
    qtbot.keyClick(target, key, modifier)


def centre_of(pane, start, end):
    pane.reveal(start, end)
    rect = pane.rects_of(start, end)[0]
    return QPoint(int(rect.center().x()), int(rect.center().y()))


def word_point(pane, word):
    start = pane.toPlainText().index(word)
    return centre_of(pane, start, start + len(word))


def nothing_typed(window):
    """The document holds decisions only: no manual edit, no reviewer's text but alternatives."""
    session = window.controller.session
    assert window.raw_view.toPlainText() == TEXT
    assert window.corrected_view.toPlainText() == session.corrected_text()
    assert not [s for s in session.suggestions if Kind.MANUAL in s.kinds]
    for suggestion in session.suggestions:
        if suggestion.status is Status.EDITED:
            assert suggestion.edited_text in suggestion.alternatives


def click_raw_word(window, qtbot):
    # "varje" is no suggestion: a plain click on the text, no popup
    point = word_point(window.raw_view, "varje")
    qtbot.mouseClick(window.raw_view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def click_corrected_word(window, qtbot):
    point = word_point(window.corrected_view, "skolan")
    qtbot.mouseClick(window.corrected_view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def click_list(window, qtbot):
    table = window.dock.table
    rect = table.visualRect(table.model().index(2, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def click_details(window, qtbot):
    qtbot.mouseClick(window.details.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(20, 60))


def click_search(window, qtbot):
    qtbot.mouseClick(window.dock.search, Qt.MouseButton.LeftButton)


def click_confidence(window, qtbot):
    edit = window.dock.min_confidence.lineEdit()
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton)


def click_threshold(window, qtbot):
    qtbot.mouseClick(window.dock.bulk_threshold.lineEdit(), Qt.MouseButton.LeftButton)


def click_status_box(window, qtbot):
    window.dock.status_box.setFocus(Qt.FocusReason.MouseFocusReason)


CLICKS = [
    click_raw_word,
    click_corrected_word,
    click_list,
    click_details,
    click_search,
    click_confidence,
    click_threshold,
    click_status_box,
]


@pytest.mark.parametrize("click", CLICKS, ids=lambda f: f.__name__)
def test_after_a_click_anywhere_review_keys_never_change_the_text(opened, qtbot, click):
    click(opened, qtbot)
    for key in REVIEW_KEYS:
        press(qtbot, key)
        nothing_typed(opened)
    press(qtbot, Qt.Key.Key_Escape)  # closes the editor E opened, or leaves a filter field
    press(qtbot, Qt.Key.Key_Escape)
    nothing_typed(opened)
    assert opened.edit_mode.mode is Mode.REVIEW
    assert opened.corrected_view.isReadOnly()


def test_a_click_in_the_corrected_text_then_a_decides(opened, qtbot):
    click_corrected_word(opened, qtbot)  # on "skolan": no suggestion there
    assert opened.corrected_view.hasFocus()
    current = opened.controller.current_id
    press(qtbot, Qt.Key.Key_A)
    assert opened.controller.session.get(current).status is Status.ACCEPTED
    nothing_typed(opened)


def test_double_click_edits_at_the_place_clicked_and_esc_returns(opened, qtbot):
    pane = opened.corrected_view
    session = opened.controller.session
    point = word_point(pane, "varje")
    qtbot.mouseDClick(pane.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert opened.edit_mode.mode is Mode.TEXT
    assert pane.hasFocus()
    assert not pane.isReadOnly()
    assert "border" in pane.styleSheet()
    assert opened.status.mode_label.isVisible()
    assert opened.status.mode_label.text() == "Editing — Esc returns to review"
    assert not opened.registry[ActionId.ACCEPT].isEnabled()
    assert opened.registry[ActionId.EDIT_TEXT].isChecked()
    cursor = pane.textCursor()
    cursor.setPosition(pane.toPlainText().index("varje"))
    pane.setTextCursor(cursor)
    type_text(pane, "ar")  # A and R type here
    assert "arvarje" in session.corrected_text()
    assert [s.replacement for s in session.suggestions if Kind.MANUAL in s.kinds] == ["ar"]
    press(qtbot, Qt.Key.Key_Escape)
    assert opened.edit_mode.mode is Mode.REVIEW
    assert pane.isReadOnly()
    assert pane.styleSheet() == ""
    assert not opened.status.mode_label.isVisible()
    assert opened.raw_view.hasFocus()
    press(qtbot, Qt.Key.Key_A)  # decides again
    assert "arvarje" in pane.toPlainText()
    assert pane.toPlainText() == session.corrected_text()


def test_toolbar_toggle_and_f2(opened, qtbot):
    action = opened.registry[ActionId.EDIT_TEXT]
    toolbar = opened.findChild(type(opened.addToolBar("x")), "review-toolbar")
    button = toolbar.widgetForAction(action)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert opened.edit_mode.mode is Mode.TEXT
    assert opened.corrected_view.hasFocus()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert opened.edit_mode.mode is Mode.REVIEW
    opened.raw_view.setFocus()
    press(qtbot, Qt.Key.Key_F2)
    assert opened.edit_mode.mode is Mode.TEXT
    assert opened.corrected_view.hasFocus()


def test_a_click_in_the_list_ends_editing(opened, qtbot):
    opened.raw_view.setFocus()
    press(qtbot, Qt.Key.Key_F2)
    assert opened.edit_mode.mode is Mode.TEXT
    click_list(opened, qtbot)
    assert opened.edit_mode.mode is Mode.REVIEW
    assert opened.dock.table.hasFocus()  # the focus stays where the clerk put it
    current = opened.controller.current_id
    press(qtbot, Qt.Key.Key_R)
    assert opened.controller.session.get(current).status is Status.REJECTED


def test_e_edits_the_suggestion_in_place_and_shows_the_mode(opened, qtbot):
    opened.raw_view.setFocus()
    press(qtbot, Qt.Key.Key_E)
    assert opened.edit_mode.mode is Mode.SUGGESTION
    assert opened.editor.isVisible()
    assert opened.editor.hasFocus()
    assert opened.status.mode_label.isVisible()
    press(qtbot, Qt.Key.Key_Escape)
    assert opened.edit_mode.mode is Mode.REVIEW
    assert not opened.editor.isVisible()
    assert opened.controller.session.get("s1").status is Status.PENDING
    assert opened.raw_view.hasFocus()


def test_esc_restyles_the_corrected_pane_once(opened, qtbot, monkeypatch):
    """Each style sheet set lays the whole text out again: leaving edit mode sets it once."""
    pane = opened.corrected_view
    qtbot.mouseDClick(pane.viewport(), Qt.MouseButton.LeftButton, pos=word_point(pane, "varje"))
    assert "border" in pane.styleSheet()
    sheets = []
    set_sheet = pane.setStyleSheet
    monkeypatch.setattr(
        pane, "setStyleSheet", lambda sheet: (sheets.append(sheet), set_sheet(sheet))
    )
    press(qtbot, Qt.Key.Key_Escape)
    assert opened.edit_mode.mode is Mode.REVIEW
    assert pane.styleSheet() == ""
    assert sheets == [""]
