from korrektur.engine import AnalysisCancelled, Engine, NoProgress
from korrektur.model import KIND_GROUPS, Document, Kind, Suggestion


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
