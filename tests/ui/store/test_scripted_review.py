"""A keyboard-only review of the bundled sample, start to end, as a clerk would do it.

The real engine analyses the real sample; the clerk clicks in the corrected text to read a
word (the click that once turned review keys into typing), then only uses the keyboard.
Nothing is typed into the document unless the script asks for it.
"""

from pathlib import Path

import pytest
from fakes import inline_jobs, open_window
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from korrektur.engine import default_engine
from korrektur.model import Kind, Status
from korrektur.paths import sample_report
from korrektur.store.reviewread import load_review


@pytest.fixture
def jobs():
    """The real engine (here, in the test's process)."""
    return inline_jobs(default_engine)


def keys(qtbot, *presses):
    for key, modifier in presses:
        qtbot.keyClick(QApplication.focusWidget(), key, modifier)


NONE = Qt.KeyboardModifier.NoModifier


def test_keyboard_only_review_of_the_sample_reaches_the_end(qtbot, services, files, tmp_path):
    source = tmp_path / "kommunrapport.txt"
    source.write_bytes(Path(sample_report()).read_bytes())
    window = open_window(qtbot, services, source, size=(1300, 850))
    session = window.controller.session
    total = len(session.suggestions)
    assert total > 50

    pane = window.corrected_view  # a click in the corrected text, on a word, to read it
    qtbot.mouseClick(pane.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(120, 40))
    assert pane.hasFocus()

    asked_edit = None
    for step in range(total + 20):
        current = window.controller.current()
        if current is None or current.status is not Status.PENDING:
            break
        if step == 3:  # the clerk asks for an edit once: E, own text, Enter
            asked_edit = current.id
            keys(qtbot, (Qt.Key.Key_E, NONE))
            window.editor.setText(current.replacement + "x")
            keys(qtbot, (Qt.Key.Key_Return, NONE))
        elif step == 5:  # and escapes from a filter field on the way
            keys(
                qtbot,
                (Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier),
                (Qt.Key.Key_Escape, NONE),
            )
            keys(qtbot, (Qt.Key.Key_A, NONE))
        elif current.alternatives and step % 7 == 0:
            keys(qtbot, (Qt.Key.Key_1, NONE))
        elif current.confidence < 0.7 or step % 11 == 10:
            keys(qtbot, (Qt.Key.Key_R, NONE))
        elif step % 13 == 12:
            keys(qtbot, (Qt.Key.Key_A, Qt.KeyboardModifier.ShiftModifier))
        else:
            keys(qtbot, (Qt.Key.Key_A, NONE))
    assert session.counts()[Status.PENDING] == 0
    assert "No more pending suggestions in the list." in window.messages.infos
    assert not [s for s in session.suggestions if Kind.MANUAL in s.kinds]
    edited = [s.id for s in session.suggestions if s.status is Status.EDITED]
    chosen = [s for s in session.suggestions if s.id in edited and s.id != asked_edit]
    assert all(s.edited_text in s.alternatives for s in chosen)  # only alternatives chosen
    assert session.get(asked_edit).status is Status.EDITED
    assert pane.toPlainText() == session.corrected_text()
    assert pane.isReadOnly()

    keys(qtbot, (Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier))
    saved = load_review(source.with_name("kommunrapport.review.yaml")).session
    assert saved.counts()[Status.PENDING] == 0
    assert not [s for s in saved.suggestions if Kind.MANUAL in s.kinds]
    assert source.read_bytes() == Path(sample_report()).read_bytes()
