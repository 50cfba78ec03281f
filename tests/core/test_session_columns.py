"""The decision columns a session keeps equal the suggestions' decisions after any change."""

from operator import attrgetter

from hypothesis import given, settings
from hypothesis import strategies as st
from test_session_properties import sessions

from korrektur.model import Document, Kind, ReviewSession, Status, Suggestion
from korrektur.model.suggestion import count_statuses

FIELDS = ("status", "edited_text", "decided_by", "decided_at")


def fresh(session):
    return tuple(tuple(map(attrgetter(name), session.suggestions)) for name in FIELDS)


def long_session(words: int = 150) -> ReviewSession:
    """More suggestions than a decision patches one by one (a bulk decision)."""
    text = "ord " * words
    suggestions = [
        Suggestion(f"s{n}", 4 * n, 4 * n + 3, "ord", "örd", frozenset({Kind.DIACRITIC}))
        for n in range(words)
    ]
    return ReviewSession(Document(text), suggestions, reviewer="Anna")


@given(sessions(), st.data())
@settings(max_examples=150)
def test_kept_columns_follow_decisions_undos_and_manual_edits(case, data):
    session, _ = case
    session.decision_columns()  # kept from here on
    undo, edits = [], []
    for _ in range(data.draw(st.integers(1, 8))):
        action = data.draw(st.sampled_from(["decide", "undo", "edit", "undo edit"]))
        ids = [s.id for s in session.suggestions]
        if action == "undo" and undo:
            session.restore(undo.pop())
        elif action == "undo edit" and edits:
            session.undo_manual_edit(edits.pop())
            undo.clear()
        elif action == "edit":
            text = session.corrected_text()
            start = data.draw(st.integers(0, len(text)))
            end = data.draw(st.integers(start, len(text)))
            try:
                edits.append(session.apply_manual_edit(start, end, "xå"))
            except ValueError:
                continue
            undo.clear()  # (the decisions undone name suggestions an edit may have taken)
        elif ids:
            chosen = data.draw(st.lists(st.sampled_from(ids), min_size=1, max_size=3))
            status = data.draw(st.sampled_from(list(Status)))
            text = "y" if status is Status.EDITED else None
            undo.append(session.decide(chosen, status, text, by="Anna"))
        assert session.decision_columns() == fresh(session)
        assert session.counts() == count_statuses(s.status for s in session.suggestions)


def test_a_bulk_decision_and_its_undo_keep_the_columns():
    session = long_session()
    session.decision_columns()
    ids = [s.id for s in session.suggestions]
    before = session.decide(ids[::2], Status.ACCEPTED)  # 75: more than are patched one by one
    assert session.decision_columns() == fresh(session)
    assert session.counts()[Status.ACCEPTED] == 75
    session.decide(ids[1:3], Status.REJECTED)  # a few, patched where they stand
    assert session.decision_columns()[0][:4] == (
        Status.ACCEPTED,
        Status.REJECTED,
        Status.REJECTED,
        Status.PENDING,
    )
    session.restore(before)
    assert session.decision_columns() == fresh(session)
    assert session.counts()[Status.PENDING] == 149  # s1 stays rejected


def test_columns_are_copies_a_later_decision_leaves_alone():
    session = long_session(3)
    taken = session.decision_columns()
    session.accept("s1")
    assert taken[0] == (Status.PENDING,) * 3
    assert session.decision_columns()[0][1] is Status.ACCEPTED
    assert session.decision_columns()[2][1] == "Anna"
