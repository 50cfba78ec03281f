import codecs
from pathlib import Path

import pytest

from korrektur.model import Document, DocumentError
from korrektur.model.document import MAX_BYTES
from korrektur.model.pages import FormFeedSplitter, LeadingSpaceSplitter

TEXT = " Rapport om skolan\nFörvaltningen har ökat stödet.\n\nSida 1\n Andra sidan\när här.\n"


def write(tmp_path: Path, data: bytes, name: str = "doc.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("data", "label"),
    [
        (TEXT.encode("utf-8"), "UTF-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "UTF-8 with BOM"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "UTF-16 LE"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "UTF-16 BE"),
        (TEXT.encode("cp1252"), "Windows-1252"),
    ],
)
def test_encodings_are_detected_and_decoded(tmp_path, data, label):
    document = Document.from_path(write(tmp_path, data))
    assert document.encoding_label == label
    assert document.text == TEXT
    assert data.decode(document.encoding) == TEXT


def test_newline_style_is_normalised_and_remembered(tmp_path):
    document = Document.from_path(write(tmp_path, TEXT.replace("\n", "\r\n").encode()))
    assert "\r" not in document.text
    assert document.newline == "\r\n"
    assert document.text == TEXT


def test_lines_tokens_and_offsets():
    document = Document.from_text("Det är bra.\n  pa  skolan\n")
    assert [document.line_text(i) for i in range(len(document.lines))] == [
        "Det är bra.",
        "  pa  skolan",
    ]
    words = [document.text[t.start : t.end] for t in document.tokens]
    assert words == ["Det", "är", "bra.", "pa", "skolan"]
    assert [t.line for t in document.tokens] == [0, 0, 0, 1, 1]
    assert document.word_count == 5
    offset = document.text.index("skolan")
    assert document.line_index_at(offset) == 1


def test_leading_space_pages():
    document = Document.from_text(TEXT)
    assert isinstance(document.splitter.page_starts(TEXT, document.lines), list)
    assert [(p.number, p.first_line, p.last_line) for p in document.pages] == [(1, 0, 3), (2, 4, 5)]
    assert document.page_index_at(TEXT.index("Andra")) == 1
    assert LeadingSpaceSplitter().page_starts(TEXT, document.lines) == [0, 4]


def test_form_feed_pages_win_over_leading_spaces():
    text = "Sida ett\n Inte ny sida\n\fSida två\nmer\n"
    document = Document.from_text(text)
    assert [p.first_line for p in document.pages] == [0, 2]
    assert FormFeedSplitter().page_starts(text, document.lines) == [0, 2]


def test_word_count_ignores_pure_punctuation():
    assert Document.from_text("– • ... ord 12 §").word_count == 2


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"  \n\n \r\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a text file"),
        (codecs.BOM_UTF8 + b"abc \xff\xfe", "damaged"),
    ],
)
def test_bad_input_is_explained(tmp_path, data, message):
    with pytest.raises(DocumentError, match=message):
        Document.from_path(write(tmp_path, data))


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(DocumentError, match="does not exist"):
        Document.from_path(tmp_path / "nope.txt")
    with pytest.raises(DocumentError, match="folder"):
        Document.from_path(tmp_path)


def test_oversized_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)
    with pytest.raises(DocumentError, match=f"up to {MAX_BYTES // 1024 // 1024} MB"):
        Document.from_path(path)


def test_source_hash_and_size(tmp_path):
    data = TEXT.encode()
    document = Document.from_path(write(tmp_path, data))
    import hashlib

    assert document.sha256 == hashlib.sha256(data).hexdigest()
    assert document.size == len(data)


# -- the encoding is decided on the evidence of the whole file --------------------------------

UTF8_TEXT = "Förvaltningen har ökat stödet.\nSkolan får mer.\nÅret gick bra för eleverna.\n"


def test_a_stray_byte_in_utf8_is_replaced_and_reported(tmp_path):
    data = UTF8_TEXT.encode("utf-8").replace(b"mer.", b"mer\xe9.")
    document = Document.from_path(write(tmp_path, data))
    assert document.encoding == "utf-8"
    assert document.text == UTF8_TEXT.replace("mer.", "mer\ufffd.")
    assert document.replaced_lines == (2,)
    assert "line 2" in " ".join(document.reading_notes)
    assert "replaced" in document.encoding_label


def test_windows_1252_is_still_windows_1252(tmp_path):
    document = Document.from_path(write(tmp_path, UTF8_TEXT.encode("cp1252")))
    assert document.encoding_label == "Windows-1252"
    assert document.text == UTF8_TEXT
    assert document.replaced_lines == ()
    one = "Det gick bra.\nEn rad till.\nOch en sista rad med ö.\n"
    assert Document.from_path(write(tmp_path, one.encode("cp1252"), "one.txt")).text == one


def test_utf8_with_many_bad_bytes_is_read_as_windows_1252(tmp_path):
    # more bytes that are not UTF-8 than letters that are: the file is not UTF-8
    text = "ö " * 20 + "på\n"
    data = text.encode("cp1252").replace(b"p\xe5", "på".encode())
    document = Document.from_path(write(tmp_path, data))
    assert document.encoding_label == "Windows-1252"


def test_cli_tells_which_lines_had_bytes_replaced(tmp_path, capsys):
    from korrektur import cli

    data = UTF8_TEXT.encode("utf-8").replace(b"mer.", b"mer\xe9.")
    assert cli.main(["info", str(write(tmp_path, data))]) == 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "warning" in err
    assert "line 2" in err


def test_a_file_one_byte_over_the_limit_says_by_how_much(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)
    with pytest.raises(DocumentError) as info:
        Document.from_path(path)
    message = str(info.value)
    assert f"{MAX_BYTES + 1:,} bytes" in message
    assert f"{MAX_BYTES:,} bytes" in message


def test_the_input_limit_is_the_measured_one():
    # bench/large.py: an 8 MB report (about 1.1 million words) is analysed by every command
    # and the window in about a minute of CPU and under 1.6 GB; 16 MB took 2.7 GB
    assert MAX_BYTES == 8 * 1024 * 1024


def test_the_limit_applies_to_the_text_of_a_scan(tmp_path, monkeypatch):
    from korrektur.formats import scantext
    from korrektur.formats.sources import read_document

    monkeypatch.setattr(scantext, "MAX_BYTES", 10)
    path = tmp_path / "s.hocr"
    path.write_text(
        "<html><body><div class=ocr_page title='bbox 0 0 100 100'><span class=ocr_line "
        "title='bbox 1 1 80 9'><span class=ocrx_word title='bbox 1 1 80 9'>Förvaltningen"
        "</span></span></div></body></html>",
        encoding="utf-8",
    )
    with pytest.raises(DocumentError, match="up to"):
        read_document(path)
