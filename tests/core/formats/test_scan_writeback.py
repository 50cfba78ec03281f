"""Corrections written back into hOCR, ALTO and PAGE sources and into a searchable PDF.

Each written file is parsed back (lxml; pypdfium2 for PDF) and read again by Korrektur: the
text must be the corrected text exactly (a PDF: the same words on the same lines).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from lxml import etree
from scan_samples import ALTO_NS, EXPECTED_TEXT, PAGE_NS, PAGES, page_xml, words_of

from korrektur.formats.exporters import EXPORTERS
from korrektur.formats.reading import ExportOptions, export_text
from korrektur.formats.sources import read_document
from korrektur.formats.write_alto import write_alto_folder
from korrektur.formats.write_page import write_page_folder
from korrektur.formats.writeback import WriteBackError
from korrektur.model import Kind, ReviewSession, Suggestion
from korrektur.store.review import Review

XHTML = "{http://www.w3.org/1999/xhtml}"
CORRECTED = (
    EXPECTED_TEXT.replace("Forvaltningen", "Förvaltningen")
    .replace("isamband", "i samband")
    .replace("be slutat", "beslutat")
    .replace("battre", "bättre")
)


def suggestion(number: int, original: str, replacement: str) -> Suggestion:
    start = EXPECTED_TEXT.index(original)
    return Suggestion(
        f"s{number}", start, start + len(original), original, replacement, frozenset({Kind.OCR})
    )


def review_of(path: Path) -> Review:
    """A review of the sample: a word fixed in place, one split, two joined, one edited,
    one rejected, one undecided."""
    document = read_document(path)
    suggestions = [
        suggestion(1, "Forvaltningen", "Förvaltningen"),
        suggestion(2, "isamband", "i samband"),
        suggestion(3, "be slutat", "beslutat"),
        suggestion(4, "pa skolan", "på skolan"),
        suggestion(5, "ar battre", "är bättre"),
        suggestion(6, "Utbildningsforvaltningen", "Utbildningsförvaltningen"),
    ]
    here = [s for s in suggestions if document.text[s.start : s.end] == s.original]
    session = ReviewSession(document, here, reviewer="Tester")
    session.accept("s1", "s2", "s3")
    if "s5" in session.ids:  # a one-page source has no page 2
        session.edit("s5", "ar bättre")
    session.reject("s6")
    return Review(session, source_path=path)


def reread(data: bytes, path: Path) -> str:
    path.write_bytes(data)
    return read_document(path).text


def test_corrected_text_is_what_the_review_says(scans):
    review = review_of(scans["hocr"])
    text = export_text(review.session, ExportOptions(keep_lines=True)).text
    assert text == CORRECTED


def test_hocr_written_back(scans, tmp_path):
    review = review_of(scans["hocr"])
    data = EXPORTERS["hocr"].write(review, ExportOptions())
    root = etree.fromstring(data)
    words = [e for e in root.iter(f"{XHTML}span") if e.get("class") == "ocrx_word"]
    texts = [e.text for e in words]
    assert "Förvaltningen" in texts
    assert "beslutat" in texts
    assert "be" not in texts
    first, second = (e for e in words if e.text in ("i", "samband"))
    original = next(w for w in words_of() if w.text == "isamband").box
    box1 = [int(v) for v in first.get("title").split(";")[0].split()[1:]]
    box2 = [int(v) for v in second.get("title").split(";")[0].split()[1:]]
    assert box1[0] == original[0]
    assert box2[2] == original[2]
    assert box1[2] <= box2[0]
    assert "x_wconf" not in first.get("title")  # the recogniser's confidence was for 'isamband'
    joined = next(e for e in words if e.text == "beslutat")
    assert joined.get("title").startswith("bbox 120 300 ")  # from 'be' to the end of 'slutat'
    meta = [e for e in root.iter(f"{XHTML}meta") if e.get("name") == "korrektur-correction"]
    assert "Tester" in meta[0].get("content")
    assert "SHA-256" in meta[0].get("content")
    assert reread(data, scans["hocr"].with_name("back.hocr")) == CORRECTED


@pytest.mark.parametrize("version", ["v2", "v3", "v4"])
def test_alto_written_back(tmp_path, version):
    from scan_samples import alto, write_images

    images = write_images(tmp_path)
    source = tmp_path / "scan.alto.xml"
    source.write_text(alto(images[0], version=version), encoding="utf-8")
    review = review_of(source)
    data = EXPORTERS["alto"].write(review, ExportOptions())
    ns = {"a": ALTO_NS[version]}
    root = etree.fromstring(data)
    fixed = root.xpath("//a:String[@CONTENT='Förvaltningen']", namespaces=ns)[0]
    (alternative,) = fixed.xpath("a:ALTERNATIVE", namespaces=ns)
    assert alternative.text == "Forvaltningen"
    assert (alternative.get("PURPOSE") == "OCR") is (version != "v2")
    assert fixed.get("WC") is None
    split = root.xpath("//a:String[@CONTENT='i']", namespaces=ns)[0]
    assert split.getnext().tag.endswith("SP")
    assert split.getnext().getnext().get("CONTENT") == "samband"
    assert not root.xpath("//a:String[@CONTENT='be']", namespaces=ns)
    step = "a:Processing" if version == "v4" else "a:OCRProcessing/a:postProcessingStep"
    notes = root.xpath(f"//{step}/a:processingStepDescription", namespaces=ns)
    assert "Korrektur" in notes[-1].text
    assert reread(data, tmp_path / "back.alto.xml") == CORRECTED


@pytest.mark.parametrize("version", ["2013", "2019"])
def test_page_written_back_file_and_folder(scans, tmp_path, version):
    from scan_samples import write_images

    images = write_images(tmp_path)
    source = tmp_path / "one.xml"
    source.write_text(page_xml(images[0], PAGES[0], version), encoding="utf-8")
    review = review_of(source)
    data = EXPORTERS["page"].write(review, ExportOptions())
    ns = {"p": PAGE_NS[version]}
    root = etree.fromstring(data)
    lines = root.xpath("//p:TextLine/p:TextEquiv/p:Unicode/text()", namespaces=ns)
    assert "Förvaltningen har i samband med detta" in lines
    words = root.xpath("//p:Word/p:TextEquiv/p:Unicode/text()", namespaces=ns)
    assert words.count("i") == 1
    assert "samband" in words
    assert "be" not in words
    if version == "2019":
        assert root.xpath("//p:MetadataItem[@type='processingStep']", namespaces=ns)
    else:
        assert "Korrektur" in root.xpath("//p:Comments/text()", namespaces=ns)[0]
    first_page = CORRECTED.split(" Stockholms stad\n\nResultatet")[0]
    assert reread(data, tmp_path / "back.xml") == first_page
    # the sample's folder of PAGE files, written into a folder
    folder_review = review_of(scans["page"])
    written = write_page_folder(folder_review, ExportOptions(), tmp_path / "out")
    assert [p.name for p in written] == ["p1.xml", "p2.xml"]
    with pytest.raises(WriteBackError, match="folder"):
        EXPORTERS["page"].write(folder_review, ExportOptions())


def test_alto_folder_written_into_a_folder(tmp_path):
    from scan_samples import alto, write_images

    images = write_images(tmp_path)
    folder = tmp_path / "alto"
    folder.mkdir()
    for number, page in enumerate(PAGES, start=1):
        (folder / f"p{number}.xml").write_text(alto(images[number - 1], [page]), "utf-8")
    for file in folder.iterdir():  # images are named relative to the ALTO files
        file.write_text(file.read_text("utf-8").replace("img/", "../img/"), "utf-8")
    review = review_of(folder)
    out = tmp_path / "out"
    write_alto_folder(review, ExportOptions(), out)
    assert read_document(out).text == CORRECTED


def pdf_lines(text: str) -> list[str]:
    return [ln.strip() for ln in text.split("\n") if ln.strip()]


@pytest.mark.parametrize("kind", ["hocr", "alto", "page", "pdf"])
def test_searchable_pdf_has_the_corrected_text_over_the_images(scans, tmp_path, kind):
    review = review_of(scans[kind])
    data = EXPORTERS["pdf"].write(review, ExportOptions())
    document = pdfium.PdfDocument(data)
    assert len(document) == 2
    page_text = document[0].get_textpage().get_text_range()
    assert "Förvaltningen" in page_text
    assert "i samband" in page_text
    assert "isamband" not in page_text
    assert "Forvaltningen" not in page_text
    images = [o for o in document[0].get_objects() if o.type == pdfium_c.FPDF_PAGEOBJ_IMAGE]
    assert len(images) == 1
    back = tmp_path / "back.pdf"
    assert pdf_lines(reread(data, back)) == pdf_lines(CORRECTED)


def test_export_refuses_a_changed_or_missing_source(scans):
    review = review_of(scans["hocr"])
    scans["hocr"].write_text(scans["hocr"].read_text("utf-8").replace("stad", "stan"), "utf-8")
    with pytest.raises(WriteBackError, match="changed since"):
        EXPORTERS["hocr"].write(review, ExportOptions())
    scans["hocr"].unlink()
    with pytest.raises(WriteBackError, match="source is needed"):
        EXPORTERS["hocr"].write(review, ExportOptions())


def test_export_in_another_scan_format_is_refused(scans):
    review = review_of(scans["alto"])
    with pytest.raises(WriteBackError, match="own format"):
        EXPORTERS["hocr"].write(review, ExportOptions())


def test_pdf_export_needs_the_page_images(scans):
    review = review_of(scans["hocr"])
    (scans["hocr"].parent / "img" / "page-001.png").unlink()
    with pytest.raises(WriteBackError, match="page 1: image"):
        EXPORTERS["pdf"].write(review, ExportOptions())


def test_pdf_with_visible_text_is_not_overwritten(tmp_path):
    from scan_samples import searchable_pdf, write_images

    path = searchable_pdf(tmp_path, write_images(tmp_path), visible=True)
    review = review_of(path)
    with pytest.raises(WriteBackError, match="visible text"):
        EXPORTERS["pdf"].write(review, replace(ExportOptions()))
