import csv
import io
import json
import zipfile

import docx
import pytest
from lxml import etree
from lxml import html as lxml_html
from review_samples import RAW, by_original, decide_most, fresh_session, reading_text_all_accepted

from korrektur.formats.exporters import EXPORTERS, export_to, format_for
from korrektur.formats.reading import ExportOptions, Pending, export_text
from korrektur.model import Document, Kind, ReviewSession, Status, Suggestion
from korrektur.store.review import Review
from korrektur.store.reviewfile import save_review
from korrektur.store.tool import ToolInfo

TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
WHEN = "2026-04-01T12:00:00+00:00"


def export(review, name, **options):
    return EXPORTERS[name].write(review, ExportOptions(exported_at=WHEN, **options))


@pytest.fixture
def accepted():
    session = fresh_session()
    session.accept(*[s.id for s in session.suggestions])
    return Review(session)


@pytest.fixture
def mixed():
    session = fresh_session()
    decide_most(session)
    return Review(session)


# -- txt -------------------------------------------------------------------------------------


def test_txt_is_the_reading_text(accepted):
    assert export(accepted, "txt").decode("utf-8") == reading_text_all_accepted()


def test_txt_pending_policy(mixed):
    raw_policy = export(mixed, "txt").decode()
    proposed = export(mixed, "txt", pending=Pending.PROPOSED).decode()
    assert "fortbildning for lärare" in raw_policy  # undecided 'for' keeps the OCR text
    assert "fortbildning för lärare" in proposed
    assert "stodet" in raw_policy  # rejected
    assert "under åren." in raw_policy  # edited


def test_txt_keep_lines_keeps_every_line(mixed):
    text = export(mixed, "txt", keep_lines=True).decode()
    lines, raw_lines = text.split("\n"), RAW.split("\n")
    assert len(lines) == len(raw_lines)
    assert lines[0] == raw_lines[0]  # page furniture stays
    assert lines[3] == "Förvaltningen har ökat stodet till skolorna under"
    assert lines[8] == "e fortbildning for lärare,"  # bullets as OCR'd, word fixes applied
    assert lines[14] == "Det fortsatta arbetet kräver uppfolj-"


def test_txt_keeps_the_source_newline_style():
    session = fresh_session(RAW.replace("\n", "\r\n"))
    session.accept(by_original(session, "Uppfoljning"))
    text = export(Review(session), "txt").decode()
    assert "Uppföljning av lasprojektet\r\n" in text
    assert "\n" not in text.replace("\r\n", "")


# -- TEI -------------------------------------------------------------------------------------


def block_text(element):
    """The reading text of a TEI block: corrections as corrected, sic and fw left out."""
    parts = [element.text or ""]
    for child in element:
        if child.tag == TEI + "choice":
            parts.append("".join(child.find(TEI + "corr").itertext()))
        elif child.tag == TEI + "lb":
            parts.append("\n")
        parts.append(child.tail or "")
    return "".join(parts)


def test_tei_is_namespace_correct_and_holds_every_correction(mixed):
    root = etree.fromstring(export(mixed, "tei"))
    assert root.tag == TEI + "TEI"
    assert all(el.tag.startswith(TEI) for el in root.iter(etree.Element))
    ids = {el.get(XML_ID) for el in root.iter() if el.get(XML_ID)}
    assert {"korrektur", "r1"} <= ids
    choices = root.findall(f".//{TEI}choice")
    applied = export_text(mixed.session, ExportOptions())
    expected = [a for a in applied.applied if a.is_correction]
    assert len(choices) == len(expected) == 10  # rejected and undecided are not changed
    for choice, want in zip(choices, expected, strict=True):
        sic, corr = choice.find(TEI + "sic"), choice.find(TEI + "corr")
        assert "".join(corr.itertext()) == want.text
        assert corr.get("resp").lstrip("#") in ids
        assert corr.get("cert") == "high"
        assert sic is not None
    edited = [c for c in choices if c.find(TEI + "corr").get("type") == "edited"]
    assert [c.find(TEI + "corr").text for c in edited] == ["åren"]
    hyphen = choices[-1].find(TEI + "sic")
    assert hyphen.text == "uppfolj-"
    assert hyphen[0].tag == TEI + "lb"


def test_tei_names_each_kind_as_the_csv_does(mixed):
    root = etree.fromstring(export(mixed, "tei"))
    categories = {
        c.get(XML_ID): c.find(TEI + "catDesc").text
        for c in root.iterfind(f".//{TEI}taxonomy/{TEI}category")
    }
    assert categories == {kind.value: kind.value for kind in Kind}
    rows = list(csv.DictReader(io.StringIO(export(mixed, "csv").decode("utf-8-sig"))))
    corrected = [
        r["kinds"]
        for r in rows
        if r["result"] != r["original"] and {Kind(k) for k in r["kinds"].split("+")} - STRUCTURE
    ]
    choices = root.findall(f".//{TEI}choice")
    assert len(choices) == len(corrected) > 0
    for choice, kinds in zip(choices, corrected, strict=True):
        named = [categories[ref.removeprefix("#")] for ref in choice.get("ana").split()]
        assert "+".join(named) == kinds
    furniture = root.findall(f".//{TEI}fw")
    assert furniture
    assert all(fw.get("ana") == "#page-furniture" for fw in furniture)


STRUCTURE = {Kind.HYPHENATION, Kind.PAGE_FURNITURE, Kind.BULLET, Kind.REFLOW, Kind.WHITESPACE}


def test_tei_structure_and_reading_text(accepted):
    root = etree.fromstring(export(accepted, "tei"))
    div = root.find(f"{TEI}text/{TEI}body/{TEI}div")
    tags = [el.tag.removeprefix(TEI) for el in div]
    assert tags == ["pb", "fw", "head", "p", "p", "list", "p", "pb", "fw", "p"]
    assert [pb.get("n") for pb in div.iter(TEI + "pb")] == ["1", "2"]
    assert div.find(TEI + "fw").text.startswith("Ekby kommun")
    items = div.findall(f"{TEI}list/{TEI}item")
    assert [block_text(i) for i in items] == ["fortbildning för lärare,", "ett bättre samarbete."]
    blocks = [el for el in div if el.tag in {TEI + "head", TEI + "p"}]
    text = reading_text_all_accepted()
    expected = [block for block in text.split("\n\n") if not block.startswith("•")]
    assert [block_text(b) for b in blocks] == [block.strip() for block in expected]
    assert '<script>alert("x")</script> & "citat"' in expected
    assert not list(root.iter("script"))
    header = root.find(TEI + "teiHeader")
    assert header.find(f".//{TEI}idno[@type='sha256']").text == accepted.session.document.sha256
    assert header.find(f".//{TEI}application").get("ident") == "Korrektur"


def test_tei_marks_unreviewed_proposals_and_revisions(tmp_path):
    session = fresh_session()
    review = Review(session, source_path=tmp_path / "rapport.txt")
    session.accept(by_original(session, "Uppfoljning"))
    save_review(review, tmp_path / "r.review.yaml", message="första", time=WHEN)
    root = etree.fromstring(export(review, "tei", pending=Pending.PROPOSED))
    corrs = root.findall(f".//{TEI}corr")
    unreviewed = [c for c in corrs if c.get("type") == "unreviewed"]
    assert len(unreviewed) == len(corrs) - 1
    assert all(c.get("resp") == "#korrektur" for c in unreviewed)
    assert {c.get("cert") for c in unreviewed} <= {"high", "medium", "low"}
    changes = root.findall(f".//{TEI}revisionDesc/{TEI}change")
    assert changes[0].text.startswith("Exported")
    assert changes[1].get("n") == "1"
    assert "första" in changes[1].text
    assert changes[1].get("who") == "#r1"


def test_tei_survives_control_characters():
    text = "Rad med \x0b tecken\n\x0cNy sida pa rad\n"
    document = Document.from_text(text)
    start = text.index("pa")
    suggestion = Suggestion("s1", start, start + 2, "pa", "på", frozenset({Kind.DIACRITIC}))
    review = Review(ReviewSession(document, [suggestion]))
    review.session.accept("s1")
    root = etree.fromstring(export(review, "tei"))
    assert "\ufffd" in "".join(root.itertext())
    assert len(root.findall(f".//{TEI}pb")) == 2


# -- JSON, CSV -------------------------------------------------------------------------------


def test_json_has_the_full_annotation(mixed):
    data = json.loads(export(mixed, "json"))
    assert data["format"] == "korrektur-review"
    assert len(data["suggestions"]) == 17
    assert data["source_text"] == RAW
    assert data["export"]["text"] == export(mixed, "txt").decode()
    assert data["export"]["pending"] == "raw"
    statuses = {s["id"]: s["status"] for s in data["suggestions"]}
    assert list(statuses.values()).count("pending") == 1


def test_csv_one_row_per_suggestion(mixed):
    text = export(mixed, "csv").decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert len(rows) == len(mixed.session.suggestions)
    by_id = {r["id"]: r for r in rows}
    hyphen = next(r for r in rows if r["kinds"] == "diacritic+hyphenation")
    assert hyphen["original"] == "uppfolj-\nning"
    assert hyphen["page"] == "2"
    assert hyphen["line"] == "15"
    assert hyphen["status"] == "accepted"
    assert hyphen["reviewer"] == "Anna Berg"
    edited = by_id[by_original(mixed.session, "aret")]
    assert edited["result"] == "åren"
    assert edited["edited_text"] == "åren"
    assert by_id[by_original(mixed.session, "stodet")]["result"] == "stodet"
    assert float(rows[0]["confidence"]) == pytest.approx(0.97)


def _formula_review():
    text = "=SUM(A1) och +46 8 123\n-pa rad\n@fel\n"
    document = Document.from_text(text)
    spans = [("=SUM(A1)", "=SUMMA"), ("-pa", "-på"), ("@fel", "@fël")]
    suggestions = []
    for number, (original, replacement) in enumerate(spans, start=1):
        start = text.index(original)
        suggestions.append(
            Suggestion(
                f"s{number}",
                start,
                start + len(original),
                original,
                replacement,
                frozenset({Kind.DIACRITIC}),
                reason="+ a reason",
            )
        )
    session = ReviewSession(document, suggestions, reviewer="=HYPERLINK(x)")
    session.accept("s1", "s2", "s3")
    return Review(session)


def test_csv_defuses_cells_a_spreadsheet_would_read_as_formulas():
    rows = list(csv.DictReader(io.StringIO(export(_formula_review(), "csv").decode("utf-8-sig"))))
    for row in rows:
        for column in ("original", "replacement", "result", "reviewer", "reason"):
            assert row[column][:1] == "'", (column, row[column])
    assert rows[1]["original"] == "'-pa"


def test_csv_exact_keeps_every_value_as_it_is():
    data = export(_formula_review(), "csv", exact=True).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(data)))
    assert [r["original"] for r in rows] == ["=SUM(A1)", "-pa", "@fel"]
    assert rows[0]["reviewer"] == "=HYPERLINK(x)"


# -- HTML ------------------------------------------------------------------------------------


def test_html_escapes_everything_from_the_document():
    session = fresh_session(reviewer='"><img src=x onerror=alert(1)>')
    session.accept(*[s.id for s in session.suggestions])
    session.get("s2").decided_by = "<b>Anna</b>"
    page = export(Review(session), "html").decode()
    assert "<script" not in page.lower()
    assert "<img" not in page.lower()
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    tree = lxml_html.fromstring(page)
    assert not tree.xpath("//script | //img | //b")
    assert '<script>alert("x")</script>' in tree.text_content()
    assert tree.xpath("//meta[@http-equiv='Content-Security-Policy']")


def test_html_report_has_side_by_side_pages_and_statistics(mixed):
    tree = lxml_html.fromstring(export(mixed, "html").decode())
    pages = tree.xpath("//table[@class='pages']//tr[td]")
    assert len(pages) == 2
    left, right = pages[0].xpath("./td")
    assert "Forvaltningen" in left.text_content()
    assert "Förvaltningen" in right.text_content()
    assert right.xpath(".//ins[contains(@class, 'accepted')]")
    stats = {
        row.xpath("./th")[0].text_content(): [c.text_content() for c in row.xpath("./td")]
        for row in tree.xpath(
            "//h2[starts-with(., 'Suggestions')]/following-sibling::table[1]//tr[td]"
        )
    }
    # pending, accepted, rejected, edited, total
    assert stats["diacritic"] == ["1", "7", "1", "1", "10"]
    assert stats["all suggestions"] == ["1", "14", "1", "1", "17"]


# -- DOCX ------------------------------------------------------------------------------------


def test_docx_has_headings_paragraphs_and_lists(accepted):
    document = docx.Document(io.BytesIO(export(accepted, "docx")))
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    assert paragraphs == [
        ("Heading 2", "Uppföljning av läsprojektet"),
        ("Normal", "Förvaltningen har ökat stödet till skolorna under året. Resultaten är goda."),
        ("Normal", "Satsningen omfattar:"),
        ("List Bullet", "fortbildning för lärare,"),
        ("List Bullet", "ett bättre samarbete."),
        ("Normal", '<script>alert("x")</script> & "citat"'),
        ("Normal", "Det fortsatta arbetet kräver uppföljning av alla skolor."),
    ]
    assert document.core_properties.title == "rapport.txt"
    assert document.core_properties.author == "Anna Berg"
    assert accepted.session.document.sha256 in document.core_properties.keywords


def test_docx_keeps_printed_lines_as_line_breaks(mixed):
    document = docx.Document(io.BytesIO(export(mixed, "docx", keep_lines=True)))
    assert document.paragraphs[1].text == (
        "Förvaltningen har ökat stodet till skolorna under\nåren. Resultaten är goda."
    )


def test_docx_is_the_same_bytes_whatever_the_clock_at_saving(mixed, monkeypatch):
    """An archive checks exports by checksum: one review, one export time, one file."""
    import time

    first = export(mixed, "docx")
    now = time.time()
    monkeypatch.setattr(time, "time", lambda: now + 3600)  # the zip members' clock
    second = export(mixed, "docx")
    assert second == first
    with zipfile.ZipFile(io.BytesIO(second)) as package:
        assert {m.date_time for m in package.infolist()} == {(2026, 4, 1, 12, 0, 0)}


# -- versions and files ----------------------------------------------------------------------


def test_export_a_saved_version(tmp_path):
    session = fresh_session()
    review = Review(session)
    session.accept(by_original(session, "Uppfoljning"))
    save_review(review, tmp_path / "r.review.yaml")
    session.accept(*[s.id for s in session.suggestions])
    assert (
        export(review, "txt", version=1)
        .decode()
        .startswith(
            " Ekby kommun                              Sida 1 (2)\nUppföljning av lasprojektet"
        )
    )
    data = json.loads(export(review, "json", version=1))
    assert sum(s["status"] == "accepted" for s in data["suggestions"]) == 1
    assert data["export"]["version"] == 1
    assert session.get("s2").status is Status.ACCEPTED


def test_every_format_writes_a_file_and_never_the_source(tmp_path, mixed):
    source = tmp_path / "rapport.txt"
    source.write_text(RAW, encoding="utf-8")
    mixed.source_path = source
    for name, exporter in EXPORTERS.items():
        if exporter.needs_scan:
            continue  # tests/core/formats/test_scan_exports.py
        path = tmp_path / f"out{exporter.suffix}"
        export_to(mixed, name, path, ExportOptions())
        assert path.stat().st_size > 0
        assert format_for(path) == name
    with pytest.raises(ValueError, match="source"):
        export_to(mixed, "txt", source, ExportOptions())
    assert source.read_text(encoding="utf-8") == RAW


def test_json_is_joined_in_batches_to_the_same_text():
    import json

    from korrektur.formats.export_plain import json_bytes

    data = {"a": [{"x": i, "ö": "å" * (i % 7)} for i in range(5000)], "b": None, "c": "\n"}
    assert json_bytes(data) == (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode()
    assert json_bytes({}) == b"{}\n"


def test_docx_fits_long_and_hostile_provenance_into_the_document_properties():
    # 16 ordinary names join to more than 255 characters; one name, the source name and the
    # tool's stored version are long or hold control characters
    names = [f"Handläggare Nummer {n:02d} Svensson" for n in range(15)]
    names += ["Anna\x01Berg " + "von Lång" * 40]
    document = Document.from_text(RAW, name="rapport\x0b" + "-del" * 80 + ".txt")
    session = ReviewSession(document, fresh_session().suggestions)
    for name, suggestion in zip(names, session.suggestions, strict=False):
        session.reviewer = name
        session.accept(suggestion.id)
    review = Review(session, tool=ToolInfo(version="0.1\x00" + "9" * 300, lexicon="x\x02y"))
    properties = docx.Document(io.BytesIO(export(review, "docx"))).core_properties
    fields = [
        properties.title,
        properties.author,
        properties.comments,
        properties.subject,
        properties.keywords,
    ]
    for value in fields:
        assert len(value) <= 255
        assert not any(ch < " " for ch in value)
    assert properties.title.startswith("rapport-del-del")
    assert properties.author.startswith("Handläggare Nummer 00 Svensson, Handläggare Nummer 01")
    assert properties.author.endswith("more")
    assert properties.keywords == f"sha256:{document.sha256}"


def test_cli_export_csv_defuses_unless_exact(tmp_path):
    from korrektur import cli

    review = _formula_review()
    path = tmp_path / "f.review.yaml"
    save_review(review, path)
    out = tmp_path / "f.csv"
    assert cli.main(["export", str(path), "-o", str(out)]) == 0
    assert "'=SUM(A1)" in out.read_text(encoding="utf-8-sig")
    assert cli.main(["export", str(path), "-o", str(out), "--exact"]) == 0
    text = out.read_text(encoding="utf-8-sig")
    assert "=SUM(A1)" in text
    assert "'=SUM(A1)" not in text


def test_html_report_wraps_whole_words(mixed):
    page = export(mixed, "html").decode()
    tree = lxml_html.fromstring(page)
    css = tree.findtext(".//style")
    assert "break-all" not in css.replace("dd.hash { word-break: break-all; }", "")
    assert "overflow-wrap: break-word" in css
    policy = [dd for dd in tree.iter("dd") if "suggestion" in (dd.text_content() or "")]
    assert policy
    assert all(dd.get("class") is None for dd in policy)  # words wrap whole here
    assert [dd.get("class") for dd in tree.iter("dd")].count("hash") == 1
