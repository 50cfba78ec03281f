"""A small two-page report with every kind of suggestion, for store and export tests."""

import re

from korrektur.engine.structure import make_plan
from korrektur.model import Document, Kind, ReviewSession, Status, Suggestion

FURNITURE_1 = " Ekby kommun                              Sida 1 (2)\n"
FURNITURE_2 = " Ekby kommun                              Sida 2 (2)\n"
RAW = (
    FURNITURE_1 + "Uppfoljning av lasprojektet\n"
    "\n"
    "Forvaltningen har 6kat stodet till skolorna under\n"
    "aret. Resultaten &r goda.\n"
    "\n"
    "Satsningen omfattar:\n"
    "\n"
    "e fortbildning for larare,\n"
    "e ett battre samarbete.\n"
    "\n"
    '<script>alert("x")</script> & "citat"\n'
    "\n" + FURNITURE_2 + "Det fortsatta arbetet kraver uppfolj-\n"
    "ning av alla skolor.\n"
)

D, OCR, H = Kind.DIACRITIC, Kind.OCR, Kind.HYPHENATION

# (pattern whose group 1 is the span, replacement, kinds, confidence, alternatives)
PLAN = [
    (r"(?m)^( Ekby.*Sida 1 \(2\)\n)", "", {Kind.PAGE_FURNITURE}, 0.97, ()),
    (r"(Uppfoljning)", "Uppföljning", {D}, 0.99, ()),
    (r"(lasprojektet)", "läsprojektet", {D}, 0.95, ()),
    (r"(Forvaltningen)", "Förvaltningen", {D}, 0.99, ()),
    (r"(6kat)", "ökat", {OCR}, 0.98, ()),
    (r"(stodet)", "stödet", {D}, 0.9, ("stadet",)),
    (r"under(\n)aret", " ", {Kind.REFLOW}, 0.9, ()),
    (r"(aret)", "året", {D}, 0.8, ("aret",)),
    (r"(&r)", "är", {OCR}, 0.97, ()),
    (r"(?m)^(e )fortbildning", "• ", {Kind.BULLET}, 0.9, ()),
    (r"(for) larare", "för", {D}, 0.7, ("for",)),
    (r"(larare)", "lärare", {D}, 0.99, ()),
    (r"(?m)^(e )ett", "• ", {Kind.BULLET}, 0.9, ()),
    (r"(battre)", "bättre", {D}, 0.99, ()),
    (r"(?m)^( Ekby.*Sida 2 \(2\)\n)", "", {Kind.PAGE_FURNITURE}, 0.97, ()),
    (r"(kraver)", "kräver", {D}, 0.99, ()),
    (r"(uppfolj-\nning)", "uppföljning", {H, D}, 0.93, ()),
]


def suggestions_for(text: str) -> list[Suggestion]:
    result = []
    for pattern, replacement, kinds, confidence, alternatives in PLAN:
        match = re.search(pattern, text)
        assert match, pattern
        start, end = match.span(1)
        result.append(
            Suggestion(
                "",
                start,
                end,
                text[start:end],
                replacement,
                frozenset(kinds),
                confidence=confidence,
                reason=f"test reason for {text[start:end].strip()!r}",
                alternatives=alternatives,
            )
        )
    result.sort(key=lambda s: s.start)
    for number, suggestion in enumerate(result, start=1):
        suggestion.id = f"s{number}"
    return result


class NoWords:
    """A word oracle that knows no word (the structure does not depend on it)."""

    def known(self, word: str) -> bool:
        return False

    def correct(self, word: str) -> str:
        return word


def fresh_session(text: str = RAW, reviewer: str = "Anna Berg") -> ReviewSession:
    """The sample with the suggestions of ``PLAN`` and the structure the analysis finds."""
    document = Document.from_text(text, name="rapport.txt")
    structure = make_plan(document, NoWords()).reading
    return ReviewSession(
        document, suggestions_for(document.text), reviewer=reviewer, structure=structure
    )


def by_original(session: ReviewSession, original: str) -> str:
    return next(s.id for s in session.suggestions if s.original == original)


def decide_most(session: ReviewSession) -> None:
    """Accept every pending suggestion but: reject 'stodet', edit 'aret', leave 'for' pending.

    Suggestions decided before keep their decision and its time: accepting one again
    would stamp it anew, and a version comparison would then count it as changed or not
    depending on whether the clock passed a second in between.
    """
    keep_pending = next(x.id for x in session.suggestions if x.original == "for")
    rejected = by_original(session, "stodet")
    edited = by_original(session, "aret")
    others = [
        s.id
        for s in session.suggestions
        if s.status is Status.PENDING and s.id not in {keep_pending, rejected, edited}
    ]
    session.accept(*others)
    session.reject(rejected)
    session.edit(edited, "åren")


def reading_text_all_accepted() -> str:
    return (
        "Uppföljning av läsprojektet\n"
        "\n"
        "Förvaltningen har ökat stödet till skolorna under året. Resultaten är goda.\n"
        "\n"
        "Satsningen omfattar:\n"
        "\n"
        "• fortbildning för lärare,\n"
        "• ett bättre samarbete.\n"
        "\n"
        '<script>alert("x")</script> & "citat"\n'
        "\n"
        "Det fortsatta arbetet kräver uppföljning av alla skolor.\n"
    )


def session_equal(a: ReviewSession, b: ReviewSession) -> bool:
    from korrektur.store.records import suggestion_record

    return (
        a.document.text == b.document.text
        and a.document.sha256 == b.document.sha256
        and a.document.newline == b.document.newline
        and a.document.encoding == b.document.encoding
        and [suggestion_record(s) for s in a.suggestions]
        == [suggestion_record(s) for s in b.suggestions]
    )
