import time

from hypothesis import given
from hypothesis import strategies as st

from korrektur.engine import AnalysisCancelled, Engine, NoProgress
from korrektur.engine.pipeline import resolve_overlaps
from korrektur.model import KIND_GROUPS, Document, Kind, Suggestion
from korrektur.model.layout import Span


class FixedAnalyzer:
    def __init__(self, name, kinds, spans):
        self.name = name
        self.kinds = frozenset(kinds)
        self.spans = spans

    def analyse(self, document, progress):
        kind = next(iter(self.kinds))
        return [
            Suggestion("", a, b, document.text[a:b], text, frozenset({kind}), confidence=0.8)
            for a, b, text in self.spans
        ]


DOC = Document.from_text("Sida 2\nForvaltningen pa skolan\n")


def test_earlier_analyzer_wins_overlaps_and_ids_follow_document_order():
    furniture = FixedAnalyzer("furniture", {Kind.PAGE_FURNITURE}, [(0, 7, "")])
    words = FixedAnalyzer(
        "words", {Kind.DIACRITIC}, [(0, 4, "Sida"), (7, 20, "Förvaltningen"), (21, 23, "på")]
    )
    suggestions = Engine([furniture, words]).analyse(DOC)
    assert [(s.id, s.start, s.replacement) for s in suggestions] == [
        ("s1", 0, ""),
        ("s2", 7, "Förvaltningen"),
        ("s3", 21, "på"),
    ]


def test_kinds_select_analyzers_and_suggestions():
    furniture = FixedAnalyzer("furniture", {Kind.PAGE_FURNITURE}, [(0, 7, "")])
    words = FixedAnalyzer("words", {Kind.DIACRITIC}, [(0, 4, "SIDA")])
    suggestions = Engine([furniture, words]).analyse(DOC, KIND_GROUPS["word"])
    assert [s.replacement for s in suggestions] == ["SIDA"]


def test_insertions_at_one_place_do_not_both_survive():
    a = FixedAnalyzer("a", {Kind.REFLOW}, [(7, 7, "\n")])
    b = FixedAnalyzer("b", {Kind.WHITESPACE}, [(7, 7, " "), (0, 0, "x")])
    suggestions = Engine([a, b]).analyse(DOC)
    assert [(s.start, s.replacement) for s in suggestions] == [(0, "x"), (7, "\n")]


def test_cancel_stops_the_analysis():
    class Cancelled(NoProgress):
        def cancelled(self):
            return True

    words = FixedAnalyzer("words", {Kind.DIACRITIC}, [])
    try:
        Engine([words]).analyse(DOC, progress=Cancelled())
    except AnalysisCancelled:
        pass
    else:
        raise AssertionError("the analysis did not stop")


def _suggestions(spans, kind=Kind.DIACRITIC):
    return [Suggestion("", a, b, "x" * (b - a), "y", frozenset({kind})) for a, b in spans]


def test_merging_many_suggestions_takes_linear_time():
    # 300,000 words on one line (the quadratic merge took about a minute; this takes well
    # under a second on a quiet machine), behind a first analyser whose suggestions
    # interleave with them
    words = _suggestions((6 * i, 6 * i + 5) for i in range(300_000))
    spaces = _suggestions(((12 * i + 5, 12 * i + 6) for i in range(150_000)), Kind.WHITESPACE)
    started = time.process_time()
    merged = resolve_overlaps([spaces, words])
    assert time.process_time() - started < 3.0
    assert len(merged) == 450_000
    assert [s.start for s in merged] == sorted(s.start for s in merged)


def _naive(groups):
    """The merge as specified: spans in group order, each group left to right (start, end);
    a span is kept when it overlaps nothing kept before it."""
    kept = []
    for group in groups:
        for s in sorted(group, key=lambda s: (s.start, s.end)):
            span = Span(s.start, s.end)
            if not any(span.overlaps(Span(k.start, k.end)) for k in kept):
                kept.append(s)
    return sorted(kept, key=lambda s: (s.start, s.end))


_SPAN = st.tuples(st.integers(0, 30), st.integers(0, 4)).map(lambda p: (p[0], p[0] + p[1]))


@given(st.lists(st.lists(_SPAN, max_size=12), max_size=4))
def test_merge_keeps_what_overlaps_nothing_kept_before(groups):
    built = [_suggestions(spans) for spans in groups]
    assert [id(s) for s in resolve_overlaps(built)] == [id(s) for s in _naive(built)]
