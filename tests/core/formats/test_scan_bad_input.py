"""Bad scan input: one clear line on stderr, exit 1, nothing crashes, memory stays bounded."""

from __future__ import annotations

import resource
from pathlib import Path

import pytest
from scan_samples import PAGES, hocr, write_images

from korrektur import cli
from korrektur.formats import pdf as pdf_reader
from korrektur.formats.sources import read_document
from korrektur.model import DocumentError


def run(capsys, *args):
    code = cli.main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def refused(capsys, path: Path, *needles: str) -> str:
    code, out, err = run(capsys, "info", path)
    assert code == 1, err
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith("korrektur: error: ")
    for needle in needles:
        assert needle in err
    return err


BOMB = """<?xml version="1.0"?>
<!DOCTYPE alto [
 <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
 <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
 <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
 <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
 <!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
]>
<alto><Layout><Page><TextBlock><TextLine><String CONTENT="&g;" HPOS="0" VPOS="0" WIDTH="1"
 HEIGHT="1"/></TextLine></TextBlock></Page></Layout></alto>
"""


def test_billion_laughs_is_refused_without_expanding(tmp_path, capsys):
    path = tmp_path / "bomb.alto.xml"
    path.write_text(BOMB, encoding="utf-8")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    refused(capsys, path, "bomb.alto.xml", "entities")
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 50_000  # KiB


@pytest.mark.parametrize(
    "doctype",
    [
        '<!DOCTYPE PcGts [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
        '<!DOCTYPE PcGts [<!ENTITY % x SYSTEM "http://127.0.0.1:9/x.dtd"> %x;]>',
    ],
)
def test_external_entities_are_refused(tmp_path, capsys, doctype):
    path = tmp_path / "ext.xml"
    path.write_text(
        f'<?xml version="1.0"?>{doctype}<PcGts><Page><TextRegion><TextLine>'
        "<TextEquiv><Unicode>&x;</Unicode></TextEquiv></TextLine></TextRegion></Page></PcGts>",
        encoding="utf-8",
    )
    refused(capsys, path, "external references")


def test_malformed_xml_says_where(tmp_path, capsys):
    path = tmp_path / "broken.hocr"
    path.write_text(
        '<?xml version="1.0"?><html><body><div class="ocr_page">\n<span>', encoding="utf-8"
    )
    refused(capsys, path, "broken.hocr", "not well-formed XML", "line 2")


def test_hocr_without_boxes(tmp_path, capsys):
    path = tmp_path / "nobox.hocr"
    path.write_text(hocr(write_images(tmp_path), boxes=False), encoding="utf-8")
    refused(capsys, path, "no word or line boxes")


def test_unknown_xml_and_empty_folder(tmp_path, capsys):
    path = tmp_path / "tei.xml"
    path.write_text('<?xml version="1.0"?><TEI><text/></TEI>', encoding="utf-8")
    refused(capsys, path, "neither hOCR, ALTO nor PAGE")
    folder = tmp_path / "empty"
    folder.mkdir()
    refused(capsys, folder, "folder without ALTO or PAGE")


def test_alto_with_a_missing_image_warns_and_the_text_works(scans, capsys):
    (scans["alto"].parent / "img" / "page-001.png").unlink()
    code, out, err = run(capsys, "info", scans["alto"])
    assert code == 0
    assert err.count("\n") == 1
    assert "warning" in err
    assert "page-001.png not found" in err
    assert "images:" in out
    assert "1 of 2 found" in out


def test_pdf_without_text_layer(tmp_path, capsys):
    from PIL import Image

    path = tmp_path / "image-only.pdf"
    Image.new("L", (200, 300), 255).save(path, resolution=72)
    refused(capsys, path, "no text layer: run OCR first (e.g. OCRmyPDF)")


def test_encrypted_pdf(tmp_path, capsys):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_encryption(owner_password="owner", user_password="secret")
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.text(20, 20, "Hemligt")
    path = tmp_path / "locked.pdf"
    pdf.output(str(path))
    refused(capsys, path, "encrypted")


def test_truncated_and_fake_pdf(scans, tmp_path, capsys):
    data = scans["pdf"].read_bytes()
    truncated = tmp_path / "truncated.pdf"
    truncated.write_bytes(data[: len(data) // 3])
    code, _, err = run(capsys, "info", truncated)
    # pdfium may rebuild a cut file; whatever it can read, the answer is one line
    assert err.count("\n") <= 1
    assert code in (0, 1)
    fake = tmp_path / "fake.pdf"
    fake.write_bytes(b"%PDF-1.4\n" + b"\x00garbage" * 100)
    refused(capsys, fake, "fake.pdf", "damaged")


def test_too_many_pages_is_refused_and_500_pages_read_page_by_page(tmp_path, monkeypatch):
    from fpdf import FPDF
    from fpdf.enums import TextMode

    pdf = FPDF(unit="pt", format=(300, 400))
    pdf.set_font("helvetica", size=12)
    for number in range(500):
        pdf.add_page()
        pdf.text_mode = TextMode.INVISIBLE
        pdf.text(20, 40, f"Sida {number + 1} av rapporten ")
    path = tmp_path / "long.pdf"
    pdf.output(str(path))
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    document = read_document(path)
    assert len(document.pages) == 500
    assert document.text.count("av rapporten") == 500
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 300_000  # KiB
    monkeypatch.setattr(pdf_reader, "MAX_PAGES", 499)
    with pytest.raises(DocumentError, match="500 pages"):
        read_document(path)


def test_export_pdf_of_a_scan_with_a_missing_image_is_one_line(scans, tmp_path, capsys):
    from korrektur.store.resume import new_review
    from korrektur.store.reviewfile import review_path_for, save_review

    review = new_review(read_document(scans["hocr"]), lambda document: [])
    save_review(review, review_path_for(scans["hocr"]))
    (scans["hocr"].parent / "img" / "page-002.png").unlink()
    code, _, err = run(capsys, "export", scans["hocr"], "-o", tmp_path / "out.pdf")
    assert code == 1
    assert err.count("\n") == 1
    assert "page-002.png not found; a searchable PDF needs every page image" in err
    assert not (tmp_path / "out.pdf").exists()


def test_pages_sample_covers_two_pages():
    assert len(PAGES) == 2
