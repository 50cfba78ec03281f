"""Open any source Korrektur reviews: plain text, hOCR, ALTO, PAGE XML or a searchable PDF.

``read_document(path)`` is the one entry point (the command line, the window, the store and
the corpus use it). The format is told by the content first (``%PDF-``, an ``<alto>`` or
``<PcGts>`` root, hOCR classes) and by the suffix where the content is not decisive, so a
``.txt`` that is really hOCR is read as hOCR and a ``.pdf`` that is not a PDF is refused.
A folder is a document of per-page ALTO or PAGE files.
"""

from __future__ import annotations

import re
from pathlib import Path

from korrektur.formats.alto import alto_files, read_alto
from korrektur.formats.hocr import read_hocr
from korrektur.formats.pagexml import read_page
from korrektur.formats.pdf import read_pdf
from korrektur.formats.xmlsafe import MAX_XML_BYTES
from korrektur.model.document import Document
from korrektur.model.errors import DocumentError, reading

FORMATS = ("text", "hocr", "alto", "page", "pdf")
SCAN_SUFFIXES = {".hocr": "hocr", ".pdf": "pdf"}
_ROOT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)[\s>/]")


def sniff(head: bytes, suffix: str = "") -> str:
    """The format of a file from its first bytes (and its suffix when they do not say)."""
    if head[:1024].lstrip().startswith(b"%PDF-") or b"%PDF-" in head[:1024]:
        return "pdf"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"<"):
        root = _root_name(stripped)
        if root == b"alto":
            return "alto"
        if root == b"PcGts":
            return "page"
        if b"ocr_page" in head or b"ocrx_word" in head or b"ocr_line" in head:
            return "hocr"
        if root == b"html" and suffix == ".hocr":
            return "hocr"
        if suffix in (".xml", ".hocr") or stripped.startswith(b"<?xml"):
            return "xml"
    return SCAN_SUFFIXES.get(suffix, "text")


def _root_name(data: bytes) -> bytes:
    """The name of the first element (skipping the prolog, comments and the doctype)."""
    position = 0
    while True:
        match = _ROOT.search(data, position)
        if match is None:
            return b""
        before = data[match.start() : match.start() + 2]
        if before in (b"<?", b"<!"):
            position = match.end()
            continue
        return match.group(1)


def detect_format(path: Path) -> str:
    """``text``, ``hocr``, ``alto``, ``page`` or ``pdf`` for a file or folder.

    Raises:
        DocumentError: a folder without ALTO or PAGE files, an unknown XML, unreadable.
    """
    if path.is_dir():
        files = alto_files(path)
        if not files:
            raise DocumentError(f"{path.name}: this is a folder without ALTO or PAGE XML files.")
        kind = sniff(_head(files[0]), ".xml")
        if kind not in ("alto", "page"):
            raise DocumentError(
                f"{path.name}: this folder's first file, {files[0].name}, is neither ALTO "
                "nor PAGE XML."
            )
        return kind
    kind = sniff(_head(path), path.suffix.lower())
    if kind == "xml":
        raise _unknown_xml(path)
    return kind


def _unknown_xml(path: Path) -> DocumentError:
    return DocumentError(
        f"{path.name}: this XML is neither hOCR, ALTO nor PAGE XML, the formats Korrektur reads."
    )


def _check_xml_size(path: Path, size: int) -> None:
    if size > MAX_XML_BYTES:
        raise DocumentError(
            f"{path.name}: the file is {size / 1024 / 1024:.0f} MB; Korrektur reads XML "
            f"files up to {MAX_XML_BYTES // 1024 // 1024} MB. Split it into parts."
        )


def read_bytes(data: bytes, path: Path) -> Document:
    """A source file's document from its bytes, as ``read_document`` would read the file.

    For a process that is sent a file's bytes rather than reading it (a corpus worker on
    another machine); ``path`` names the file (for messages, and the page images of a
    scan, which are not opened). A folder of ALTO or PAGE files is not one file.

    Raises:
        DocumentError: unsafe, malformed, or not usable as a document.
    """
    kind = sniff(data[: 64 * 1024], path.suffix.lower())
    if kind == "xml":
        raise _unknown_xml(path)
    if kind == "text":
        return Document.from_bytes(data, path.name, path)
    if kind == "pdf":
        return read_pdf(path, data)
    _check_xml_size(path, len(data))
    if kind == "hocr":
        return read_hocr(path, data)
    return read_alto(path, data) if kind == "alto" else read_page(path, data)


def _head(path: Path) -> bytes:
    with path.open("rb") as handle:
        return handle.read(64 * 1024)


def read_document(path: str | Path) -> Document:
    """Read a source of any supported format; the file is only read, never written.

    Raises:
        DocumentError: missing, unreadable, unsafe, malformed, or not usable as a document.
    """
    path = Path(path)
    with reading(path):
        kind = detect_format(path)
        if kind == "text":
            return Document.from_path(path)
        if kind == "pdf":
            return read_pdf(path)
        if path.is_dir():
            return read_alto(path) if kind == "alto" else read_page(path)
        _check_xml_size(path, path.stat().st_size)
        data = path.read_bytes()
        if kind == "hocr":
            return read_hocr(path, data)
        return read_alto(path, data) if kind == "alto" else read_page(path, data)
