import pytest

from korrektur.model import Document, Kind, ReviewSession, Status, Suggestion

TEXT = "Forvaltningen har 6kat stodet pa skolan.\nDet &r bra.\n"


def make(start_word: str, replacement: str, kinds=(Kind.DIACRITIC,), alts=(), nth=0) -> Suggestion:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(start_word, start + 1)
    return Suggestion(
        "",
        start,
        start + len(start_word),
        start_word,
        replacement,
        frozenset(kinds),
        confidence=0.9,
        alternatives=alts,
    )


@pytest.fixture
def session() -> ReviewSession:
    suggestions = [
        make("Forvaltningen", "Förvaltningen"),
        make("6kat", "ökat", (Kind.OCR,)),
        make("stodet", "stödet"),
        make("pa", "på", alts=("pa", "pä")),
        make("&r", "är", (Kind.OCR,)),
    ]
    for number, suggestion in enumerate(suggestions, 1):
        suggestion.id = f"s{number}"
    return ReviewSession(Document.from_text(TEXT), suggestions)


def test_pending_shows_proposals_and_decided_text_keeps_raw(session):
    assert session.corrected_text() == "Förvaltningen har ökat stödet på skolan.\nDet är bra.\n"
    assert session.decided_text() == TEXT


def test_decisions_and_undo(session):
    before = session.reject("s4")
    assert session.corrected_text().startswith("Förvaltningen har ökat stödet pa skolan")
    session.edit("s2", "öka")
    assert session.get("s2").status is Status.EDITED
    assert "har öka stödet" in session.corrected_text()
    session.restore(before)
    assert session.get("s4").status is Status.PENDING
    assert session.counts()[Status.EDITED] == 1


def test_choose_alternative_and_edit_to_replacement_is_accept(session):
    assert session.get("s4").alternatives == ("pä",)  # the original is no alternative
    session.choose_alternative("s4", 1)
    assert session.get("s4").status is Status.EDITED
    assert session.get("s4").edited_text == "pä"
    session.edit("s1", "Förvaltningen")
    assert session.get("s1").status is Status.ACCEPTED
    with pytest.raises(IndexError):
        session.choose_alternative("s1", 1)


def test_editing_back_to_the_original_is_a_rejection(session):
    session.edit("s4", "pa")
    assert session.get("s4").status is Status.REJECTED
    assert session.get("s4").edited_text is None


def test_decisions_are_stamped_with_reviewer(session):
    session.reviewer = "Eva"
    session.accept("s1")
    suggestion = session.get("s1")
    assert suggestion.decided_by == "Eva"
    assert suggestion.decided_at is not None
    session.decide(["s1"], Status.PENDING)
    assert suggestion.decided_by is None


def test_listeners_hear_changes(session):
    heard = []
    session.add_listener(heard.append)
    session.accept("s1", "s2")
    assert heard[-1].ids == ("s1", "s2")
    session.remove_listener(heard.append)
    session.accept("s3")
    assert len(heard) == 1


def test_next_pending_skips_decided(session):
    session.accept("s2")
    assert session.next_pending(0) == 2
    assert session.next_pending(2, backwards=True) == 0
    assert session.next_pending(4) is None


def test_corrected_spans_and_lookup(session):
    s3 = session.get("s3")
    start, end = session.corrected_span(s3)
    assert session.corrected_text()[start:end] == "stödet"
    assert session.suggestion_at_corrected(start + 2) is s3
    assert session.suggestion_at_raw(s3.start) is s3
    assert session.suggestion_at_raw(s3.end) is None


def test_render_filters_kinds_and_confidence(session):
    assert session.render([Kind.OCR]) == TEXT.replace("6kat", "ökat").replace("&r", "är")
    assert session.render(min_confidence=0.95) == TEXT


def test_same_correction_finds_identical_pending():
    text = "pa skolan och pa gatan och pa torget"
    spans = [i for i in range(len(text)) if text.startswith("pa ", i)]
    suggestions = [
        Suggestion(f"s{n}", i, i + 2, "pa", "på", frozenset({Kind.DIACRITIC}))
        for n, i in enumerate(spans, 1)
    ]
    session = ReviewSession(Document.from_text(text), suggestions)
    session.reject("s3")
    assert session.same_correction("s1") == ["s1", "s2"]


def test_manual_edit_absorbs_overlapping_and_undoes(session):
    corrected = session.corrected_text()
    start = corrected.index("ökat")
    edit = session.apply_manual_edit(start, start + 4, "höjt")
    assert session.corrected_text() == corrected.replace("ökat", "höjt")
    assert edit.added.kinds == {Kind.MANUAL}
    assert edit.added.original == "6kat"
    assert [s.id for s in edit.removed] == ["s2"]
    with pytest.raises(KeyError):
        session.get("s2")
    session.undo_manual_edit(edit)
    assert session.corrected_text() == corrected
    assert session.get("s2").status is Status.PENDING
    session.redo_manual_edit(edit)
    assert "höjt" in session.corrected_text()


def test_typing_next_to_a_manual_edit_extends_it(session):
    corrected = session.corrected_text()
    position = corrected.index("skolan") + len("skolan")
    session.apply_manual_edit(position, position, " i")
    session.apply_manual_edit(position + 2, position + 2, "går")
    manual = [s for s in session.suggestions if Kind.MANUAL in s.kinds]
    assert len(manual) == 1
    assert session.corrected_text() == corrected.replace("skolan", "skolan igår")


def test_rejects_bad_suggestions():
    document = Document.from_text("abc def")
    with pytest.raises(ValueError, match="span length"):
        Suggestion("s1", 0, 3, "ab", "x", frozenset({Kind.OCR}))
    with pytest.raises(ValueError, match="confidence"):
        Suggestion("s1", 0, 3, "abc", "x", frozenset({Kind.OCR}), confidence=1.5)
    overlapping = [
        Suggestion("s1", 0, 3, "abc", "x", frozenset({Kind.OCR})),
        Suggestion("s2", 2, 5, "c d", "x", frozenset({Kind.OCR})),
    ]
    with pytest.raises(ValueError, match="overlap"):
        ReviewSession(document, overlapping)
    with pytest.raises(ValueError, match="does not match"):
        ReviewSession(document, [Suggestion("s1", 0, 3, "xyz", "x", frozenset({Kind.OCR}))])


def test_alternatives_never_repeat_the_replacement_or_the_original():
    suggestion = Suggestion(
        "s1",
        0,
        3,
        "har",
        "här",
        frozenset({Kind.DIACRITIC}),
        alternatives=("här", "har", "hår", "har", "hår"),
    )
    assert suggestion.alternatives == ("hår",)


def test_reserved_ids_are_not_reused_by_manual_edits(session):
    session.reserve_ids(["m4", "s9", "mx"])
    edit = session.apply_manual_edit(0, 0, "X")
    assert edit.added.id == "m5"
    session.reserve_ids(["m1"])  # lower numbers never move the counter back
    assert session.apply_manual_edit(0, 0, "Y").added.id == "m6"


def test_kinds_given_as_strings_or_a_set_become_a_frozenset_of_kinds():
    from_file = Suggestion("s1", 0, 3, "har", "här", {"diacritic", "ocr"})  # type: ignore[arg-type]
    assert from_file.kinds == frozenset({Kind.DIACRITIC, Kind.OCR})
    assert all(type(k) is Kind for k in from_file.kinds)
    as_set = Suggestion("s1", 0, 3, "har", "här", {Kind.OCR})  # type: ignore[arg-type]
    assert type(as_set.kinds) is frozenset
    with pytest.raises(ValueError, match="spelling"):
        Suggestion("s1", 0, 3, "har", "här", frozenset({"spelling"}))  # type: ignore[arg-type]


def test_an_edit_ending_at_a_deleted_header_leaves_the_deletion_alone():
    text = "abc\nHEADER\ndef\n"
    header = Suggestion("s1", 4, 11, "HEADER\n", "", frozenset({Kind.PAGE_FURNITURE}))
    session = ReviewSession(Document.from_text(text), [header])
    assert session.corrected_text() == "abc\ndef\n"
    edit = session.apply_manual_edit(0, 4, "X")  # "abc\n", just before the removed header
    assert (edit.added.start, edit.added.end) == (0, 4)
    assert [s.id for s in session.suggestions] == ["m1", "s1"]
    assert session.corrected_text() == "Xdef\n"
    session.apply_manual_edit(1, 1, "Y")  # typing on extends the edit
    assert session.corrected_text() == "XYdef\n"
    edit = session.apply_manual_edit(2, 3, "Z")  # an edit after the header reaches back
    assert session.corrected_text() == "XYZef\n"
    assert [s.id for s in session.suggestions] == ["m3"]  # one edit, the header inside it
    assert edit.added.original == "abc\nHEADER\nd"
    session.undo_manual_edit(edit)
    assert session.corrected_text() == "XYdef\n"
    assert [s.id for s in session.suggestions] == ["m2", "s1"]


def test_counts_name_every_status_and_ids_follow_manual_edits(session):
    view = session.ids
    assert set(view) == {s.id for s in session.suggestions}
    corrected = session.corrected_text()
    start = corrected.index("ökat")
    edit = session.apply_manual_edit(start, start + 4, "höjt")
    assert set(view) == {s.id for s in session.suggestions}  # a live view
    assert edit.added.id in view
    assert "s2" not in view
    ids = [s.id for s in session.suggestions if s.id != edit.added.id]
    session.accept(ids[0])
    session.reject(ids[1])
    assert session.counts() == {
        status: sum(1 for s in session.suggestions if s.status is status) for status in Status
    }
    assert list(session.counts()) == list(Status)
    assert session.counts()[Status.REJECTED] == 1
    assert sum(session.counts().values()) == len(session.suggestions)
