"""Read hOCR (Tesseract, kraken, OCRopus, …): pages, lines and words with boxes and confidences.

hOCR is HTML whose elements carry OCR classes (``ocr_page``, ``ocr_carea``, ``ocr_par``,
``ocr_line`` and its kin, ``ocrx_word``) and a ``title`` of properties (``bbox x0 y0 x1 y1``,
``x_wconf 95``, ``image "page.png"``, ``scan_res 300 300``). Paragraphs are ``ocr_par``
(else ``ocr_carea``); a line without word elements gives its text's words boxes shared out
from the line's box.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from korrektur.formats.scantext import (
    ScanFile,
    ScanLine,
    ScanPage,
    ScanWord,
    build_document,
    hash_bytes,
    resolve_image,
)
from korrektur.formats.xmlsafe import local, parse_xml
from korrektur.model.document import Document
from korrektur.model.errors import DocumentError
from korrektur.model.geometry import Box, PageImage

LINE_CLASSES = frozenset(
    {"ocr_line", "ocrx_line", "ocr_header", "ocr_footer", "ocr_caption", "ocr_textfloat"}
)
WORD_CLASSES = frozenset({"ocrx_word", "ocr_word"})
_NUM = r"(-?\d+(?:\.\d+)?)"
_BBOX = re.compile(rf"\bbbox\s+{_NUM}\s+{_NUM}\s+{_NUM}\s+{_NUM}")
_WCONF = re.compile(r"\bx_wconf\s+(-?\d+(?:\.\d+)?)")
_IMAGE = re.compile(r"\bimage\s+(?:\"([^\"]*)\"|'([^']*)'|(\S+?))\s*(?:;|$)")
_SCAN_RES = re.compile(r"\bscan_res\s+(\d+(?:\.\d+)?)")


def classes(element: etree._Element) -> set[str]:
    """The element's OCR classes."""
    value = element.get("class")
    return set(value.split()) if value else set()


def title_box(element: etree._Element) -> Box | None:
    """The ``bbox`` of an element's title, if it has one."""
    match = _BBOX.search(element.get("title") or "")
    if not match:
        return None
    left, top, right, bottom = (float(v) for v in match.groups())
    return Box(left, top, right, bottom)


def title_confidence(element: etree._Element) -> float | None:
    """``x_wconf`` as 0..1."""
    match = _WCONF.search(element.get("title") or "")
    return max(0.0, min(1.0, float(match.group(1)) / 100.0)) if match else None


def word_elements(root: etree._Element) -> Iterator[etree._Element]:
    """Every word element, in document order (the order writers find them again)."""
    for element in root.iter():
        if isinstance(element.tag, str) and classes(element) & WORD_CLASSES:
            yield element


def line_elements(root: etree._Element) -> Iterator[etree._Element]:
    """Every line element, in document order."""
    for element in root.iter():
        if isinstance(element.tag, str) and classes(element) & LINE_CLASSES:
            yield element


def element_text(element: etree._Element) -> str:
    """All text inside an element (a word's text may sit in a nested ``<strong>``)."""
    return "".join(element.itertext())


def read_hocr(path: Path, data: bytes) -> Document:
    """The Document of an hOCR file.

    Raises:
        DocumentError: malformed or unsafe XML, no pages, no text or no boxes.
    """
    root = parse_xml(data, path.name, allow_html=True)
    # keyed by the element proxies, kept alive by the dicts (lxml reuses live proxies)
    word_refs = {e: n for n, e in enumerate(word_elements(root))}
    line_refs = {e: n for n, e in enumerate(line_elements(root))}
    pages: list[ScanPage] = []
    for element in root.iter():
        if isinstance(element.tag, str) and "ocr_page" in classes(element):
            pages.append(_page(element, len(pages), path.parent, word_refs, line_refs))
    if not pages:
        raise DocumentError(f"{path.name}: this is not hOCR (no element of class ocr_page).")
    data_hash, size = hash_bytes([data])
    system = _meta(root, "ocr-system")
    label = f"hOCR ({system})" if system else "hOCR"
    return build_document(pages, ScanFile(path, data_hash, size, label, "hocr"))


def _meta(root: etree._Element, name: str) -> str:
    for element in root.iter():
        if local(element) == "meta" and element.get("name") == name:
            return (element.get("content") or "").strip()
    return ""


def _page(
    element: etree._Element,
    index: int,
    folder: Path,
    word_refs: dict[etree._Element, int],
    line_refs: dict[etree._Element, int],
) -> ScanPage:
    title = element.get("title") or ""
    box = title_box(element)
    image_match = _IMAGE.search(title)
    reference = next((g for g in image_match.groups() if g), "") if image_match else ""
    dpi_match = _SCAN_RES.search(title)
    page = ScanPage(
        PageImage(
            index,
            box.right if box else 0.0,
            box.bottom if box else 0.0,
            float(dpi_match.group(1)) if dpi_match else None,
            reference,
            resolve_image(reference, folder),
        )
    )
    for block in _paragraphs(element):
        lines = []
        for line in _lines(block):
            words = [
                ScanWord(element_text(w), title_box(w), title_confidence(w), word_refs.get(w, -1))
                for w in line.iter()
                if isinstance(w.tag, str) and classes(w) & WORD_CLASSES
            ]
            if not words:  # a line with its text but no word elements
                words = [ScanWord(t) for t in element_text(line).split()]
            lines.append(ScanLine(words, title_box(line), line_refs.get(line, -1)))
        page.paragraphs.append(lines)
    if not page.image.width:
        boxes = [w.box for p in page.paragraphs for ln in p for w in ln.words if w.box]
        if boxes:
            extent = Box.union(boxes)
            page.image = PageImage(
                index, extent.right, extent.bottom, page.image.dpi, reference, page.image.image_path
            )
    return page


def _paragraphs(page: etree._Element) -> list[etree._Element]:
    """``ocr_par`` elements, else ``ocr_carea``, else the page itself."""
    for name in ("ocr_par", "ocr_carea"):
        found = [e for e in page.iter() if isinstance(e.tag, str) and name in classes(e)]
        if found:
            return found
    return [page]


def _lines(block: etree._Element) -> list[etree._Element]:
    """The block's line elements; a block without any is one line of its words."""
    found = [e for e in block.iter() if isinstance(e.tag, str) and classes(e) & LINE_CLASSES]
    return found or [block]
