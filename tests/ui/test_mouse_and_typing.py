"""Clicks on highlights, the popup, the details pane and typing in the corrected text."""

from fakes import type_text
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from korrektur.model import Kind, Status


def centre_of(pane, start, end):
    pane.reveal(start, end)
    rect = pane.rects_of(start, end)[0]
    return QPoint(int(rect.center().x()), int(rect.center().y()))


def test_click_on_a_highlight_opens_the_popup(opened, qtbot):
    session = opened.controller.session
    target = session.get("s5")  # &r → är
    point = centre_of(opened.raw_view, target.start, target.end)
    qtbot.mouseClick(opened.raw_view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert opened.controller.current_id == "s5"
    popup = opened.interactions.popup
    assert popup.isVisible()
    qtbot.mouseClick(popup.reject_button, Qt.MouseButton.LeftButton)
    assert target.status is Status.REJECTED
    assert not popup.isVisible()
    assert "Det &r bra" in opened.corrected_view.toPlainText()


def test_popup_alternative_button(opened, qtbot):
    target = opened.controller.session.get("s4")  # pa → på (the engine also offers pa, pä)
    point = centre_of(opened.raw_view, target.start, target.end)
    qtbot.mouseClick(opened.raw_view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    buttons = opened.interactions.popup.alternative_buttons
    assert [b.text() for b in buttons] == ["&1 pä"]  # the OCR text is what Reject keeps
    qtbot.mouseClick(buttons[0], Qt.MouseButton.LeftButton)
    assert target.status is Status.EDITED
    assert target.edited_text == "pä"


def test_click_beside_the_text_opens_nothing(opened, qtbot):
    qtbot.mouseClick(opened.raw_view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(5, 400))
    assert QApplication.activePopupWidget() is None


def test_details_pane_alternative_link(opened, qtbot):
    opened.controller.set_current("s3")  # stodet → stödet, alternative stödets
    html = opened.details.toHtml()
    assert "stödets" in html
    assert "ö lost" in html
    details = opened.details
    found = details.document().find("stödets")
    assert not found.isNull()
    found.setPosition(found.selectionStart() + 3)
    details.ensureCursorVisible()
    point = details.cursorRect(found).center()
    qtbot.mouseClick(details.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert opened.controller.session.get("s3").edited_text == "stödets"


def test_typing_in_the_corrected_pane_is_a_manual_edit(opened, qtbot):
    session = opened.controller.session
    pane = opened.corrected_view
    word = pane.toPlainText().index("skolan")
    pane.setFocus()
    cursor = pane.textCursor()
    cursor.setPosition(word + len("skolan"))
    pane.setTextCursor(cursor)
    qtbot.keyClick(pane, Qt.Key.Key_F2)  # edit mode, at the cursor
    assert opened.status.mode_label.isVisible()
    type_text(pane, "s gård")  # A, R and other review keys type here
    manual = [s for s in session.suggestions if Kind.MANUAL in s.kinds]
    assert len(manual) == 1
    assert (manual[0].original, manual[0].replacement) == ("", "s gård")
    assert pane.toPlainText() == session.corrected_text()
    assert "pa skolans gård." in pane.toPlainText()
    # one undo step takes back the whole run of typing
    qtbot.keyClick(pane, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not [s for s in session.suggestions if Kind.MANUAL in s.kinds]
    assert pane.toPlainText() == session.corrected_text()
    assert "pa skolan.\n" in pane.toPlainText()


def test_typing_over_a_suggestion_absorbs_it(opened, qtbot):
    session = opened.controller.session
    pane = opened.corrected_view
    target = session.get("s2")  # 6kat → ökat
    start, end = session.corrected_span(target)
    pane.setFocus()
    qtbot.keyClick(pane, Qt.Key.Key_F2)
    cursor = pane.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, cursor.MoveMode.KeepAnchor)
    pane.setTextCursor(cursor)
    type_text(pane, "höjt")
    assert "s2" not in {s.id for s in session.suggestions}
    assert pane.toPlainText().startswith("Forvaltningen har höjt stodet")
    assert session.corrected_text() == pane.toPlainText()
    qtbot.keyClick(pane, Qt.Key.Key_Return)  # a line break, not "accept"
    assert pane.toPlainText() == session.corrected_text()
    assert opened.controller.session.get("s1").status is Status.PENDING
    qtbot.keyClick(pane, Qt.Key.Key_Escape)
    assert opened.raw_view.hasFocus()
    assert pane.isReadOnly()
    assert not opened.status.mode_label.isVisible()
    opened.controller.undo()
    assert session.get("s2").status is Status.PENDING
    assert pane.toPlainText().startswith("Forvaltningen har 6kat stodet")


def test_hovering_a_highlight_shows_why(opened, qtbot):
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip

    target = opened.controller.session.get("s6")  # far → får
    point = centre_of(opened.raw_view, target.start, target.end)
    viewport = opened.raw_view.viewport()
    event = QHelpEvent(QHelpEvent.Type.ToolTip, point, viewport.mapToGlobal(point))
    QApplication.sendEvent(viewport, event)
    assert "far → får" in QToolTip.text()
    assert "context 'eleverna får läsa' prefers 'får'" in QToolTip.text()
    QToolTip.hideText()


def test_popup_edit_button_opens_the_editor(opened, qtbot):
    target = opened.controller.session.get("s7")  # lasa → läsa
    point = centre_of(opened.raw_view, target.start, target.end)
    qtbot.mouseClick(opened.raw_view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.mouseClick(opened.interactions.popup.edit_button, Qt.MouseButton.LeftButton)
    assert opened.editor.isVisible()
    assert opened.editor.text() == "läsa"
    type_text(opened.editor, "läser")
    qtbot.keyClick(opened.editor, Qt.Key.Key_Enter)
    assert target.status is Status.EDITED
    assert "eleverna far läser mer" in opened.corrected_view.toPlainText()
