"""Bulk actions say what they did; every undo step is named in the Edit menu."""

from PySide6.QtCore import Qt

from korrektur.model import Status
from korrektur.ui.actions import ActionId


def press(qtbot, window, key, modifier=Qt.KeyboardModifier.NoModifier):
    window.raw_view.setFocus()
    qtbot.keyClick(window.raw_view, key, modifier)


def test_accept_all_identical_says_what_it_did_and_names_its_undo(opened, qtbot):
    opened.controller.set_current("s4")  # pa → på, three times in the text
    press(qtbot, opened, Qt.Key.Key_A, Qt.KeyboardModifier.ShiftModifier)
    assert opened.messages.infos[-1] == "Done: accept 3 × pa → på (Ctrl+Z takes it back)."
    undo = opened.registry[ActionId.UNDO]
    assert undo.text() == "&Undo accept 3 × pa → på"
    assert undo.iconText() == "Undo"  # the toolbar button stays short
    press(qtbot, opened, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert opened.messages.infos[-1] == "Undone: accept 3 × pa → på"
    assert opened.registry[ActionId.REDO].text() == "&Redo accept 3 × pa → på"
    session = opened.controller.session
    assert all(s.status is Status.PENDING for s in session.suggestions if s.original == "pa")


def test_accept_visible_says_how_many_and_from_which_confidence(opened, qtbot):
    opened.dock.bulk_threshold.setValue(0.95)
    press(
        qtbot,
        opened,
        Qt.Key.Key_A,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    accepted = opened.controller.session.counts()[Status.ACCEPTED]
    assert accepted > 1
    what = f"accept {accepted} suggestions at or above 0.95"
    assert opened.messages.infos[-1] == f"Done: {what} (Ctrl+Z takes it back)."
    assert opened.registry[ActionId.UNDO].text() == f"&Undo {what}"


def test_single_steps_are_named_and_a_repeated_decision_adds_no_step(opened, qtbot):
    press(qtbot, opened, Qt.Key.Key_A)
    assert opened.registry[ActionId.UNDO].text() == "&Undo accept Forvaltningen → Förvaltningen"
    press(qtbot, opened, Qt.Key.Key_R)
    assert opened.registry[ActionId.UNDO].text() == "&Undo reject 6kat → ökat"
    stack = opened.controller.undo_stack
    steps = stack.count()
    opened.controller.set_current("s1")  # already accepted
    press(qtbot, opened, Qt.Key.Key_A)
    assert stack.count() == steps  # no invisible undo step
    assert opened.controller.current_id == "s3"  # it still goes on
    opened.controller.set_current("s2")  # already rejected
    press(qtbot, opened, Qt.Key.Key_R)
    assert stack.count() == steps
