"""Readers of hOCR, ALTO, PAGE XML and searchable PDF on samples made in the test."""

from __future__ import annotations

from pathlib import Path

import pytest
from scan_samples import (
    DPI,
    EXPECTED_TEXT,
    PAGE_SIZE,
    PAGES,
    alto,
    hocr,
    line,
    page_xml,
    words_of,
    write_images,
)

from korrektur.formats.sources import detect_format, read_document
from korrektur.model.layout import is_word


@pytest.mark.parametrize("kind", ["hocr", "alto", "page", "pdf"])
def test_every_format_reads_to_the_same_text_with_a_box_for_every_word(scans, kind):
    document = read_document(scans[kind])
    assert document.text == EXPECTED_TEXT
    assert document.scan is not None
    assert document.scan.format == kind
    assert [p.number for p in document.pages] == [1, 2]
    assert document.pages[1].first_line == document.line_index_at(
        EXPECTED_TEXT.index(" Stockholms", 5)
    )
    spans = [(t.start, t.end) for t in document.tokens if is_word(document.text[t.start : t.end])]
    assert document.scan.box_coverage(spans) == 1.0
    assert not document.scan.missing_images()
    assert len(document.scan.words) == len(words_of())


@pytest.mark.parametrize("kind", ["hocr", "alto", "page"])
def test_boxes_and_confidences_are_the_sources(scans, kind):
    document = read_document(scans[kind])
    start = EXPECTED_TEXT.index("isamband")
    (word,) = document.scan.words_in(start, start + len("isamband"))
    expected = next(w for w in words_of() if w.text == "isamband")
    box = word.box
    assert (box.left, box.top, box.right, box.bottom) == expected.box
    assert word.page == 0
    assert word.confidence == pytest.approx(0.70)
    assert document.scan.pages[0].width == PAGE_SIZE[0]


def test_pdf_boxes_are_in_points_where_the_words_stand(scans):
    document = read_document(scans["pdf"])
    start = EXPECTED_TEXT.index("Resultatet")
    (word,) = document.scan.words_in(start, start + 3)
    expected = next(w for w in words_of() if w.text == "Resultatet")
    scale = 72 / DPI
    assert word.page == 1
    assert word.box.left == pytest.approx(expected.box[0] * scale, abs=2.5)
    assert word.box.right == pytest.approx(expected.box[2] * scale, abs=2.5)
    assert document.scan.pages[1].pdf_page == 1
    assert document.scan.pages[1].width == pytest.approx(PAGE_SIZE[0] * scale)


def test_hocr_keeps_a_words_own_leading_space_and_reads_html(tmp_path):
    pages = [[[line(100, "Tesseract", " marks", "gaps")]]]
    path = tmp_path / "x.hocr"
    path.write_text(hocr(write_images(tmp_path, pages), pages), encoding="utf-8")
    assert read_document(path).text == " Tesseract  marks gaps\n"
    html = (
        "<html><head><meta name=ocr-system content=x></head><body>"
        "<div class=ocr_page title='bbox 0 0 100 100'><span class=ocr_line title='bbox 1 1 50 9'>"
        "<span class=ocrx_word title='bbox 1 1 20 9'>Hej</span>"
        "<span class=ocrx_word title='bbox 25 1 50 9'>p&aring;</span></span><br></div>"
        "</body></html>"
    )
    path.write_text(html, encoding="utf-8")
    document = read_document(path)
    assert document.text == " Hej på\n"
    assert document.scan.pages[0].image_missing


def test_hocr_line_without_word_elements_gets_boxes_shared_out(tmp_path):
    path = tmp_path / "lines.hocr"
    path.write_text(
        "<html xmlns='http://www.w3.org/1999/xhtml'><body><div class='ocr_page' "
        "title='bbox 0 0 1000 100'><span class='ocr_line' title='bbox 0 10 300 40'>ab cd"
        "</span></div></body></html>",
        encoding="utf-8",
    )
    document = read_document(path)
    assert document.text == " ab cd\n"
    first, second = document.scan.words
    assert first.derived
    assert second.derived
    assert first.box.left == 0
    assert second.box.right == 300
    assert first.box.right == second.box.left


@pytest.mark.parametrize("version", ["v2", "v3", "v4", "v1"])
def test_alto_versions_and_units(tmp_path, version):
    images = write_images(tmp_path)
    path = tmp_path / "a.xml"
    path.write_text(alto(images[0], version=version, unit="mm10"), encoding="utf-8")
    document = read_document(path)
    assert document.text == EXPECTED_TEXT
    assert document.scan.pages[0].dpi == 254.0
    assert [p.image for p in document.scan.pages] == images  # page 2 found by its number


def test_alto_hyphen_is_printed_and_folder_of_pages_reads_in_order(tmp_path):
    pages = [[[line(100, "organi-"), line(140, "sationer", "och")]]]
    images = write_images(tmp_path, pages)
    single = tmp_path / "h.alto.xml"
    single.write_text(alto(images[0], pages, hyphenate=True), encoding="utf-8")
    assert read_document(single).text == " organi-\nsationer och\n"
    folder = tmp_path / "alto"
    folder.mkdir()
    for number in (10, 2, 1):  # natural order: 1, 2, 10
        page = [[line(100, f"sida{number}")]]
        (folder / f"p{number}.xml").write_text(alto(images[0], [page]), encoding="utf-8")
    assert detect_format(folder) == "alto"
    assert read_document(folder).text == " sida1\n sida2\n sida10\n"


@pytest.mark.parametrize("version", ["2013", "2019"])
def test_page_xml_reading_order_and_line_level_text(tmp_path, version):
    images = write_images(tmp_path)
    path = tmp_path / "p.xml"
    path.write_text(page_xml(images[0], PAGES[0], version, reverse_order=True), "utf-8")
    document = read_document(path)
    first_page = EXPECTED_TEXT.split(" Stockholms stad\n\nResultatet")[0]
    assert document.text == first_page
    assert document.scan.pages[0].image == images[0]
    path.write_text(page_xml(images[0], PAGES[0], version, words=False), "utf-8")
    document = read_document(path)
    assert document.text == first_page
    assert all(w.derived for w in document.scan.words)


def test_format_is_told_by_content_not_suffix(scans, tmp_path):
    disguised = tmp_path / "really-hocr.txt"
    disguised.write_bytes(scans["hocr"].read_bytes())
    assert detect_format(disguised) == "hocr"
    text = tmp_path / "plain.hocr.txt"
    text.write_text("Vanlig text\n", encoding="utf-8")
    assert detect_format(text) == "text"
    assert read_document(text).scan is None


def test_missing_image_is_reported_and_the_text_still_reads(scans, tmp_path):
    (Path(scans["hocr"]).parent / "img" / "page-002.png").unlink()
    document = read_document(scans["hocr"])
    (missing,) = document.scan.missing_images()
    assert missing.index == 1
    assert "page-002.png" in missing.describe_missing()
    assert document.text == EXPECTED_TEXT


def test_html_hocr_without_a_charset_is_read_as_utf8(tmp_path):
    html = (
        "<html><head><title>x</title></head><body>"
        "<div class=ocr_page title='bbox 0 0 100 100'><span class=ocr_line title='bbox 1 1 50 9'>"
        "<span class=ocrx_word title='bbox 1 1 20 9'>Förslag</span>"
        "<span class=ocrx_word title='bbox 25 1 50 9'>på</span></span><br></div>"
        "</body></html>"
    )
    path = tmp_path / "x.hocr"
    path.write_bytes(html.encode("utf-8"))
    assert read_document(path).text == " Förslag på\n"
