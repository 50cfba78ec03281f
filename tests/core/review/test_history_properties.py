"""Any sequence of decisions, manual edits and saves: every version restores exactly."""

from hypothesis import given, settings
from hypothesis import strategies as st
from review_samples import fresh_session

from korrektur.model import Status
from korrektur.store.history import state_of
from korrektur.store.review import Review
from korrektur.store.reviewfile import save_review
from korrektur.store.reviewread import load_review

STEPS = st.lists(
    st.one_of(
        st.tuples(st.just("decide"), st.integers(0, 30), st.sampled_from(list(Status))),
        st.tuples(st.just("edit"), st.integers(0, 300), st.integers(0, 8)),
        st.tuples(st.just("undo"), st.just(0), st.just(0)),
        st.tuples(st.just("save"), st.just(0), st.just(0)),
        st.tuples(st.just("restore"), st.integers(1, 5), st.just(0)),
    ),
    max_size=25,
)


@settings(max_examples=40, deadline=None)
@given(STEPS)
def test_every_version_restores_exactly(tmp_path_factory, steps):
    path = tmp_path_factory.mktemp("h") / "r.review.yaml"
    review = Review(fresh_session())
    edits = []
    expected = []
    for op, a, b in steps + [("save", 0, 0)]:
        session = review.session
        if op == "decide" and session.suggestions:
            target = session.suggestions[a % len(session.suggestions)]
            text = "egen" if b is Status.EDITED else None
            session.decide([target.id], b, text)
        elif op == "edit":
            corrected = session.corrected_text()
            start = min(a, len(corrected))
            edits.append(
                (session, session.apply_manual_edit(start, min(start + b, len(corrected)), "X"))
            )
        elif op == "undo" and edits:
            owner, edit = edits.pop()
            if owner is session:
                session.undo_manual_edit(edit)
        elif op == "restore" and a <= len(review.history):
            review.restore_version(a)
            edits.clear()
        elif op == "save":
            save_review(review, path)
            expected.append((dict(state_of(review.session)), review.session.corrected_text()))
        # every suggestion of the session is known to the review (a restore relies on it)
        assert {s.id for s in review.known()} >= set(review.session.ids)
    again = load_review(path)
    for number, (state, corrected) in enumerate(expected, start=1):
        restored = again.version_session(number)
        assert state_of(restored) == state
        assert restored.corrected_text() == corrected


def test_the_ids_the_versions_hold_follow_every_change_of_the_versions():
    from korrektur.store.history import History

    state = state_of(fresh_session())
    history = History()
    assert history.referenced_ids() == frozenset()
    history.commit(state, time="2024-01-01T10:00:00Z", reviewer="A", message="", note="")
    assert history.referenced_ids() == set(state)
    assert history.referenced_ids() is history.referenced_ids()  # kept while nothing changes
    added = {**state, "m1": next(iter(state.values()))}
    history.commit(added, time="2024-01-01T11:00:00Z", reviewer="A", message="", note="")
    assert "m1" in history.referenced_ids()
    history.drop_last()
    assert "m1" not in history.referenced_ids()
    history.versions = []  # (a reader sets the list it read)
    assert history.referenced_ids() == frozenset()
