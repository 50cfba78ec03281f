"""Review with the keyboard on the real window: the right pane and the session after each step."""

from fakes import TEXT, type_text
from PySide6.QtCore import Qt

from korrektur.model import Status


def status(window, suggestion_id):
    return window.controller.session.get(suggestion_id).status


def current(window):
    return window.controller.current_id


def press(qtbot, window, key, modifier=Qt.KeyboardModifier.NoModifier):
    window.raw_view.setFocus()
    qtbot.keyClick(window.raw_view, key, modifier)


def test_open_shows_raw_and_corrected_text(opened):
    assert opened.raw_view.toPlainText() == TEXT
    corrected = opened.corrected_view.toPlainText()
    # by default what the default export writes: undecided suggestions keep the OCR text
    assert corrected == TEXT
    assert corrected == opened.controller.session.corrected_text()
    assert "rapport.txt" in opened.windowTitle()
    assert current(opened) == "s1"
    assert "0/" in opened.status.progress_label.text()
    assert opened.status.encoding_label.text() == "UTF-8"
    assert opened.dock.proxy.rowCount() == len(opened.controller.session.suggestions)


def test_step_through_pending_with_j_k_and_f8(opened, qtbot):
    press(qtbot, opened, Qt.Key.Key_J)
    assert current(opened) == "s2"
    press(qtbot, opened, Qt.Key.Key_F8)
    assert current(opened) == "s3"
    press(qtbot, opened, Qt.Key.Key_K)
    assert current(opened) == "s2"
    press(qtbot, opened, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert current(opened) == "s1"
    # the list follows the current suggestion
    selected = opened.dock.table.selectionModel().selectedRows()
    assert [index.row() for index in selected] == [0]


def test_accept_reject_and_the_right_pane(opened, qtbot):
    press(qtbot, opened, Qt.Key.Key_A)
    assert status(opened, "s1") is Status.ACCEPTED
    assert current(opened) == "s2"
    press(qtbot, opened, Qt.Key.Key_R)  # 6kat stays
    assert status(opened, "s2") is Status.REJECTED
    assert opened.corrected_view.toPlainText().startswith("Förvaltningen har 6kat stodet")
    press(qtbot, opened, Qt.Key.Key_Return)
    assert status(opened, "s3") is Status.ACCEPTED
    press(qtbot, opened, Qt.Key.Key_Backspace)
    assert status(opened, "s4") is Status.REJECTED
    assert opened.corrected_view.toPlainText().startswith("Förvaltningen har 6kat stödet pa skolan")
    assert opened.corrected_view.toPlainText() == opened.controller.session.corrected_text()
    assert current(opened) == "s5"
    assert "4/" in opened.status.progress_label.text()
    assert opened.isWindowModified()


def test_alternatives_by_number_key_are_other_corrections(opened, qtbot):
    opened.controller.set_current("s4")  # pa → på; the engine offered pa and pä
    details = opened.details.toPlainText()
    assert "Other corrections: 1 pä" in details
    assert "1 pa" not in details
    assert "R keeps the OCR text pa." in details
    press(qtbot, opened, Qt.Key.Key_2)  # there is no second one
    assert status(opened, "s4") is Status.PENDING
    press(qtbot, opened, Qt.Key.Key_1)
    suggestion = opened.controller.session.get("s4")
    assert suggestion.status is Status.EDITED
    assert suggestion.edited_text == "pä"
    assert "stodet pä skolan" in opened.corrected_view.toPlainText()
    opened.controller.set_current("s1")  # no alternatives: nothing happens
    press(qtbot, opened, Qt.Key.Key_1)
    assert status(opened, "s1") is Status.PENDING


def test_typing_the_original_in_the_editor_is_a_rejection(opened, qtbot):
    opened.controller.set_current("s3")  # stodet → stödet
    press(qtbot, opened, Qt.Key.Key_E)
    opened.editor.selectAll()
    type_text(opened.editor, "stodet")
    qtbot.keyClick(opened.editor, Qt.Key.Key_Return)
    suggestion = opened.controller.session.get("s3")
    assert suggestion.status is Status.REJECTED
    assert suggestion.edited_text is None
    assert "rejected" in opened.dock.model.index(2, 3).data()


def test_edit_in_place(opened, qtbot):
    opened.controller.set_current("s3")  # stodet → stödet
    press(qtbot, opened, Qt.Key.Key_E)
    editor = opened.editor
    assert editor.isVisible()
    assert editor.text() == "stödet"
    editor.selectAll()
    type_text(editor, "stöden")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    suggestion = opened.controller.session.get("s3")
    assert suggestion.status is Status.EDITED
    assert suggestion.edited_text == "stöden"
    assert opened.corrected_view.toPlainText().startswith("Forvaltningen har 6kat stöden pa")
    assert not editor.isVisible()
    assert current(opened) == "s4"


def test_escape_cancels_the_editor(opened, qtbot):
    press(qtbot, opened, Qt.Key.Key_E)
    qtbot.keyClicks(opened.editor, "xyz")
    qtbot.keyClick(opened.editor, Qt.Key.Key_Escape)
    assert status(opened, "s1") is Status.PENDING
    assert not opened.editor.isVisible()


def test_accept_all_identical(opened, qtbot):
    opened.controller.set_current("s4")  # pa → på, three times in the text
    press(qtbot, opened, Qt.Key.Key_A, Qt.KeyboardModifier.ShiftModifier)
    session = opened.controller.session
    same = [s for s in session.suggestions if s.original == "pa"]
    assert len(same) == 3
    assert all(s.status is Status.ACCEPTED for s in same)
    assert all(s.status is Status.PENDING for s in session.suggestions if s.original != "pa")
    opened.controller.undo()
    assert all(s.status is Status.PENDING for s in same)


def test_undo_and_redo_with_keys(opened, qtbot):
    press(qtbot, opened, Qt.Key.Key_R)
    press(qtbot, opened, Qt.Key.Key_R)
    text_after = opened.corrected_view.toPlainText()
    assert text_after.startswith("Forvaltningen har 6kat")
    press(qtbot, opened, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert status(opened, "s2") is Status.PENDING
    assert current(opened) == "s2"
    assert opened.corrected_view.toPlainText().startswith("Forvaltningen har 6kat")
    press(qtbot, opened, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert status(opened, "s1") is Status.PENDING
    assert opened.corrected_view.toPlainText() == opened.controller.session.corrected_text()
    assert not opened.isWindowModified()
    redo = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    press(qtbot, opened, Qt.Key.Key_Z, redo)
    press(qtbot, opened, Qt.Key.Key_Z, redo)
    assert opened.corrected_view.toPlainText() == text_after
    assert status(opened, "s2") is Status.REJECTED


def test_last_pending_then_nothing_more(opened, qtbot):
    session = opened.controller.session
    session.decide([s.id for s in session.suggestions[:-1]], Status.ACCEPTED)
    press(qtbot, opened, Qt.Key.Key_J)
    assert current(opened) == session.suggestions[-1].id
    press(qtbot, opened, Qt.Key.Key_A)
    assert session.counts()[Status.PENDING] == 0
    assert any("No more pending" in note for note in opened.messages.infos)
