"""What travels to the worker: a snapshot of the review it holds names its parts by id."""

import pytest
from review_samples import decide_most, fresh_session

from korrektur.store.review import Review
from korrektur.store.reviewfile import snapshot
from korrektur.workspace import transfer


@pytest.fixture
def review():
    session = fresh_session()
    decide_most(session)
    return Review(session)


def test_a_snapshot_of_the_held_review_names_held_suggestions_and_sends_the_rest(
    review, monkeypatch
):
    one_by_one = []
    named = transfer._held_proposal
    monkeypatch.setattr(transfer, "_held_proposal", lambda *a: one_by_one.append(a) or named(*a))
    token = transfer.hold(review)
    try:
        held = transfer.Held.of(token, 1, review)
        suggestions = review.session.suggestions
        fresh = suggestions[3]  # as if found by an analysis after the worker took the review
        held.ids = held.ids - {fresh.id}
        snap = snapshot(review)
        data = transfer.dumps(snap, held)
        assert len(data) < len(transfer.dumps(snap))  # (the document is not sent either)
        came = transfer.loads(data)
        assert one_by_one == []  # the ids came in one tuple, not a call per suggestion
        assert came.document is review.session.document  # the worker's own copy
        assert [s.id for s in came.suggestions] == [s.id for s in suggestions]
        assert all(
            a is b for a, b in zip(came.suggestions, suggestions, strict=True) if a.id != fresh.id
        )
        [sent] = [s for s in came.suggestions if s.id == fresh.id]
        assert sent is not fresh
        assert sent.original == fresh.original
        assert came.decisions == snap.decisions  # the decisions travel beside the proposals
        assert came.versions == snap.versions
        assert came.tool == snap.tool
    finally:
        transfer.release(token)
    with pytest.raises(transfer.NotHeld):
        transfer.loads(data)  # a worker started since holds nothing: the window says so


def test_a_snapshot_of_another_review_goes_whole(review):
    other = Review(fresh_session())
    token = transfer.hold(review)
    try:
        held = transfer.Held.of(token, 1, review)
        came = transfer.loads(transfer.dumps(snapshot(other), held))
        assert came.document is not review.session.document
        assert came.document.text == other.session.document.text
        assert [s.id for s in came.suggestions] == [s.id for s in other.session.suggestions]
    finally:
        transfer.release(token)
