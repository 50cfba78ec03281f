"""The suggestion table model and its filter proxy, checked with qtmodeltester."""

from fakes import TEXT, fake_engine

from korrektur.model import Document, Kind, ReviewSession, Status
from korrektur.ui.filters import SuggestionFilter
from korrektur.ui.suggestion_model import (
    ID_ROLE,
    Column,
    SuggestionFilterProxy,
    SuggestionTableModel,
)


def make_session():
    document = Document.from_text(TEXT, "rapport.txt")
    return ReviewSession(document, fake_engine().analyse(document))


def test_model_and_proxy_pass_the_model_tester(qtmodeltester):
    session = make_session()
    model = SuggestionTableModel()
    model.set_session(session)
    qtmodeltester.check(model)
    proxy = SuggestionFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_criteria(SuggestionFilter(kinds=frozenset({Kind.OCR})))
    qtmodeltester.check(proxy)


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
