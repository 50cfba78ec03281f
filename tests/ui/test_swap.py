"""Putting a new review on screen takes several turns: no key decides before it is all there."""

from fakes import TEXT, shown
from PySide6.QtCore import QPoint, Qt

from korrektur.model import Status
from korrektur.ui.actions import ActionId


def statuses(window):
    return {s.status for s in window.controller.session.suggestions}


def click_beside_the_text(qtbot, window):
    """A click right of the first line's text (no mark there): the raw pane gets the keys."""
    point = QPoint(window.raw_view.viewport().width() - 10, 10)
    qtbot.mouseClick(window.raw_view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def test_keys_pressed_while_the_review_is_put_on_screen_decide_nothing(window, report, qtbot):
    window.open_path(report)  # the analysis ran at once: the text is shown, the marks not yet
    assert window.corrected_view.toPlainText() == TEXT
    assert window.raw_view.layer is None  # no marks of another text on this one
    click_beside_the_text(qtbot, window)
    for key, modifier in [
        (Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_R, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_A, Qt.KeyboardModifier.ShiftModifier),
        (Qt.Key.Key_1, Qt.KeyboardModifier.NoModifier),
    ]:
        qtbot.keyClick(window.raw_view, key, modifier)
    assert statuses(window) == {Status.PENDING}
    assert window.corrected_view.toPlainText() == TEXT
    assert not window.registry[ActionId.ACCEPT].isEnabled()
    assert not window.isWindowModified()

    shown(qtbot, window)  # marks, current suggestion and list in the turns after
    assert window.raw_view.layer is not None
    assert window.registry[ActionId.ACCEPT].isEnabled()
    assert window.controller.current_id == window.controller.session.suggestions[0].id
    click_beside_the_text(qtbot, window)
    current = window.controller.current_id
    qtbot.keyClick(window.raw_view, Qt.Key.Key_A)
    assert window.controller.session.get(current).status is Status.ACCEPTED
    assert window.corrected_view.toPlainText() == window.controller.session.corrected_text()
    assert window.corrected_view.toPlainText() != TEXT
