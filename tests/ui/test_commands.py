"""Undo commands on a bare QUndoStack: each only calls the session."""

from fakes import TEXT, fake_engine
from PySide6.QtGui import QUndoStack

from korrektur.model import Document, Kind, ReviewSession, Status
from korrektur.ui.commands import (
    ManualEditCommand,
    accept_command,
    alternative_command,
    edit_command,
    reject_command,
)


def make_session():
    document = Document.from_text(TEXT)
    return ReviewSession(document, fake_engine().analyse(document))


def test_decisions_undo_and_redo(qtbot):
    session = make_session()
    raw_text = session.corrected_text()
    stack = QUndoStack()
    stack.push(reject_command(session, ["s1"]))
    stack.push(edit_command(session, "s3", "stödda"))
    stack.push(alternative_command(session, "s4", 1))
    assert session.corrected_text().startswith("Forvaltningen har ökat stödda pä skolan")
    stack.undo()
    stack.undo()
    stack.undo()
    assert session.corrected_text() == raw_text
    assert session.counts()[Status.PENDING] == len(session.suggestions)
    stack.redo()
    assert session.get("s1").status is Status.REJECTED
    assert stack.undoText() == "Reject"


def test_bulk_accept_is_one_undo_step(qtbot):
    session = make_session()
    stack = QUndoStack()
    ids = [s.id for s in session.suggestions]
    stack.push(accept_command(session, ids))
    assert stack.count() == 1
    assert stack.undoText() == f"Accept {len(ids)} suggestions"
    assert session.counts()[Status.ACCEPTED] == len(ids)
    stack.undo()
    assert session.counts()[Status.PENDING] == len(ids)


def test_typing_merges_into_one_step(qtbot):
    session = make_session()
    stack = QUndoStack()
    text = session.corrected_text()
    at = text.index("skolan") + len("skolan")
    for number, char in enumerate("s gård"):
        stack.push(ManualEditCommand(session, at + number, at + number, char))
    assert stack.count() == 1
    assert "skolans gård." in session.corrected_text()
    stack.undo()
    assert session.corrected_text() == text
    assert not [s for s in session.suggestions if Kind.MANUAL in s.kinds]
    stack.redo()
    assert "skolans gård." in session.corrected_text()
    # typing somewhere else is a new step
    stack.push(ManualEditCommand(session, 0, 0, "X"))
    assert stack.count() == 2
