"""The patched text cache equals a full rebuild after any sequence of decisions and undos."""

from hypothesis import given, settings
from hypothesis import strategies as st
from test_session_properties import sessions

from korrektur.model import Status
from korrektur.model.offsets import OffsetMap
from korrektur.model.session import apply_texts


def rebuilt(session):
    spans = [(s.start, s.end, s.current_text) for s in session.suggestions]
    return apply_texts(session.document.text, spans), OffsetMap(
        [(a, b, len(t)) for a, b, t in spans]
    )


@given(sessions(), st.data())
@settings(max_examples=150)
def test_incremental_cache_matches_rebuild(case, data):
    session, _ = case
    if not session.suggestions:
        return
    session.corrected_text()  # fill the cache so that decisions patch it
    undo = []
    ids = [s.id for s in session.suggestions]
    for _ in range(data.draw(st.integers(1, 8))):
        action = data.draw(st.sampled_from(["decide", "undo"]))
        if action == "undo" and undo:
            session.restore(undo.pop())
        else:
            chosen = data.draw(st.lists(st.sampled_from(ids), min_size=1, max_size=3))
            status = data.draw(st.sampled_from(list(Status)))
            text = data.draw(st.text(alphabet="xyå\n", max_size=3))
            undo.append(session.decide(chosen, status, text if status is Status.EDITED else None))
        text, offsets = rebuilt(session)
        assert session.corrected_text() == text
        current = session.offsets
        assert (current.cor_starts, current.cor_ends) == (offsets.cor_starts, offsets.cor_ends)


def test_resized_leaves_the_old_map_alone():
    old = OffsetMap([(0, 2, 2), (5, 6, 1)])
    new = old.resized(0, 4)
    assert old.corrected_span(1) == (5, 6)
    assert new.corrected_span(0) == (0, 4)
    assert new.corrected_span(1) == (7, 8)
    assert new.to_raw(8) == 6


@given(sessions(), st.data())
@settings(max_examples=200)
def test_manual_edits_patch_the_cache_like_a_rebuild(case, data):
    session, _ = case
    done = []
    undone = []
    for _ in range(data.draw(st.integers(1, 6))):
        action = data.draw(st.sampled_from(["edit", "edit", "undo", "redo"]))
        before = session.corrected_text()
        if action == "undo" and done:
            edit, previous = done.pop()
            session.undo_manual_edit(edit)
            undone.append((edit, previous))
            assert session.corrected_text() == previous
        elif action == "redo" and undone:
            edit, previous = undone.pop()
            session.redo_manual_edit(edit)
            done.append((edit, previous))
        else:
            start = data.draw(st.integers(0, len(before)))
            end = data.draw(st.integers(start, len(before)))
            text = data.draw(st.text(alphabet="xå\n", max_size=3))
            try:
                edit = session.apply_manual_edit(start, end, text)
            except ValueError:
                continue  # an edit the model refuses (it would overlap a kept insertion)
            undone.clear()
            done.append((edit, before))
            assert session.corrected_text() == before[:start] + text + before[end:]
        keys = [(s.start, s.end) for s in session.suggestions]
        assert keys == sorted(keys)
        text_now, offsets = rebuilt(session)
        assert session.corrected_text() == text_now
        current = session.offsets
        assert (current.raw_starts, current.raw_ends) == (offsets.raw_starts, offsets.raw_ends)
        assert (current.cor_starts, current.cor_ends) == (offsets.cor_starts, offsets.cor_ends)
