"""Invariants of decisions and offsets, for arbitrary texts and suggestions."""

from hypothesis import given, settings
from hypothesis import strategies as st

from korrektur.model import Document, Kind, ReviewSession, Status, Suggestion

ALPHABET = "aäöå ébc\n-6&"


@st.composite
def sessions(draw: st.DrawFn) -> tuple[ReviewSession, str]:
    text = draw(st.text(alphabet=ALPHABET, min_size=1, max_size=60))
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=12)))
    suggestions = []
    previous_end = 0
    for number, (a, b) in enumerate(zip(cuts[::2], cuts[1::2], strict=False), 1):
        a = max(a, previous_end)
        if a > b or (a == b and a == previous_end and suggestions):
            continue
        replacement = draw(st.text(alphabet=ALPHABET, max_size=5))
        kind = draw(st.sampled_from(list(Kind)))
        suggestions.append(
            Suggestion(f"s{number}", a, b, text[a:b], replacement, frozenset({kind}))
        )
        previous_end = b
    expected = text
    for suggestion in reversed(suggestions):
        expected = (
            expected[: suggestion.start] + suggestion.replacement + expected[suggestion.end :]
        )
    return ReviewSession(Document(text), suggestions), expected


@given(sessions())
def test_all_rejected_gives_raw_text_exactly(case):
    session, _ = case
    session.decide([s.id for s in session.suggestions], Status.REJECTED)
    assert session.corrected_text() == session.document.text
    assert session.decided_text() == session.document.text


@given(sessions())
def test_all_accepted_gives_the_suggested_text(case):
    session, expected = case
    assert session.render() == expected
    session.decide([s.id for s in session.suggestions], Status.ACCEPTED)
    assert session.corrected_text() == expected
    assert session.decided_text() == expected


@given(sessions(), st.data())
@settings(max_examples=200)
def test_offsets_round_trip_outside_changed_spans(case, data):
    session, _ = case
    decisions = data.draw(
        st.lists(
            st.sampled_from(list(Status)),
            min_size=len(session.suggestions),
            max_size=len(session.suggestions),
        )
    )
    for suggestion, status in zip(session.suggestions, decisions, strict=True):
        if status is Status.EDITED:
            session.decide([suggestion.id], status, text="X")
        else:
            session.decide([suggestion.id], status)
    raw, corrected = session.document.text, session.corrected_text()
    # Offsets strictly inside a span have no exact image; a deleted span's start and end
    # collapse to one corrected offset, which maps back to the end.
    inside = {p for s in session.suggestions for p in range(s.start + 1, s.end)}
    inside |= {s.start for s in session.suggestions if s.end > s.start and not s.current_text}
    for position in range(len(raw) + 1):
        if position in inside:
            continue
        mapped = session.raw_to_corrected(position)
        assert 0 <= mapped <= len(corrected)
        assert session.corrected_to_raw(mapped) == position
        if position < len(raw) and session.suggestion_at_raw(position) is None:
            assert corrected[mapped] == raw[position]
    for suggestion in session.suggestions:
        start, end = session.corrected_span(suggestion)
        assert corrected[start:end] == suggestion.current_text
        assert session.raw_to_corrected(suggestion.end) == end
