"""The suggestion table model, its filter and its sorting proxy, checked with qtmodeltester."""

from fakes import TEXT, fake_engine

from korrektur.model import Document, Kind, ReviewSession, Status
from korrektur.ui.filters import SuggestionFilter
from korrektur.ui.suggestion_model import (
    ID_ROLE,
    Column,
    SuggestionSortProxy,
    SuggestionTableModel,
)


def make_session():
    document = Document.from_text(TEXT, "rapport.txt")
    return ReviewSession(document, fake_engine().analyse(document))


def ids(model):
    return [model.index(r, 0).data(ID_ROLE) for r in range(model.rowCount())]


def test_model_and_proxy_pass_the_model_tester(qtmodeltester):
    session = make_session()
    model = SuggestionTableModel()
    model.set_session(session)
    qtmodeltester.check(model)
    proxy = SuggestionSortProxy()
    proxy.setSourceModel(model)
    model.set_criteria(SuggestionFilter(kinds=frozenset({Kind.OCR})))
    qtmodeltester.check(proxy)
    assert ids(proxy) == [s.id for s in session.suggestions if Kind.OCR in s.kinds]
    assert model.total == len(session.suggestions)
    proxy.sort(Column.CONFIDENCE)
    confidences = [session.get(i).confidence for i in ids(proxy)]
    assert confidences == sorted(confidences)


def test_a_filtered_model_follows_decisions_and_edits(qtmodeltester):
    session = make_session()
    model = SuggestionTableModel()
    model.set_session(session)
    session.add_listener(model.on_change)
    model.set_criteria(SuggestionFilter(statuses=frozenset({Status.PENDING})))
    qtmodeltester.check(model, force_py=True)
    everything = [s.id for s in session.suggestions]
    assert ids(model) == everything
    before = session.accept("s2", "s4")
    assert ids(model) == [i for i in everything if i not in {"s2", "s4"}]
    session.restore(before)  # undone: pending again, back in their places
    assert ids(model) == everything
    session.reject("s4")
    start, end = session.corrected_span(session.get("s5"))
    edit = session.apply_manual_edit(start, end, "x")  # a manual edit is decided: hidden
    assert "s5" not in ids(model)
    assert not any(i.startswith("m") for i in ids(model))
    session.undo_manual_edit(edit)
    assert "s5" in ids(model)
    model.set_criteria(SuggestionFilter())
    assert ids(model) == [s.id for s in session.suggestions]


def test_rows_follow_decisions_and_manual_edits(qtmodeltester):
    session = make_session()
    model = SuggestionTableModel()
    model.set_session(session)
    session.add_listener(model.on_change)
    qtmodeltester.check(model, force_py=True)
    session.reject("s2")
    status = model.index(1, Column.STATUS).data()
    assert status.endswith("rejected")
    count = model.rowCount()
    start, end = session.corrected_span(session.get("s2"))
    edit = session.apply_manual_edit(start, end + 8, "höjt stöd")  # absorbs s2 and s3
    assert model.rowCount() == count - 1
    assert [model.index(r, 0).data(ID_ROLE) for r in range(model.rowCount())] == [
        s.id for s in session.suggestions
    ]
    session.undo_manual_edit(edit)
    assert model.rowCount() == count
    assert model.index(1, 0).data(ID_ROLE) == "s2"


def test_filter_criteria():
    session = make_session()
    far = session.get("s6")
    assert far.original == "far"
    assert SuggestionFilter().accepts(far)
    assert not SuggestionFilter(min_confidence=0.7).accepts(far)
    assert SuggestionFilter(text="CONTEXT").accepts(far)  # in the reason, any case
    assert not SuggestionFilter(kinds=frozenset({Kind.OCR})).accepts(far)
    assert not SuggestionFilter(statuses=frozenset({Status.ACCEPTED})).accepts(far)


def test_whitespace_is_made_visible():
    from korrektur.ui.formatting import visible

    assert visible("\n") == "⏎"
    assert visible(" ") == "␣"
    assert visible("pa skolan") == "pa skolan"
    assert visible("") == "∅"
