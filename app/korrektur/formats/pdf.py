"""Read a PDF's text layer with pypdfium2: words with boxes, lines, paragraphs, page images.

A searchable PDF (OCRmyPDF, Tesseract, ABBYY) carries its OCR text as text objects, usually
invisible, over the page image. The words are taken object by object in the order the page
draws them (Tesseract draws one word per object, each followed by a space), with the boxes
of their characters; lines are runs of objects on one baseline; a paragraph ends where the
gap to the next line is clearly wider than the lines' own spacing. A PDF without text
objects is refused ("run OCR first"), as is an encrypted one.
"""

from __future__ import annotations

import ctypes
import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from korrektur.formats.pdfium_lock import PDFIUM
from korrektur.formats.scantext import ScanFile, ScanLine, ScanPage, ScanWord, build_document
from korrektur.model.document import Document
from korrektur.model.errors import DocumentError
from korrektur.model.geometry import Box, PageImage

MAX_PAGES = 2000
"""Longer PDFs are refused; a 500-page PDF reads in bounded memory, one page at a time."""

PARAGRAPH_GAP = 0.42
"""A gap between lines of at least this share of the line height starts a paragraph.

Chosen on Tesseract's searchable PDFs of ../shared/corpus/scans to agree with the blank lines
of Tesseract's own text (bench/scans.py). Against the clean gold, left one document out
(bench/structure_loo.py), the structure analysis makes the same 3 errors with the value the
other fifteen documents choose (0.5) as with this one: anything from 0.42 to 0.54 does as well.
"""

_HYPHEN_MARKS = str.maketrans({"\x02": "-", "\ufffe": "-"})  # pdfium's marks for a line-end hyphen
NO_TEXT_LAYER = "no text layer: run OCR first (e.g. OCRmyPDF)"


@dataclass
class _Piece:
    """A text object's words: text and boxes in page points (top-down)."""

    text: str
    words: list[tuple[str, Box | None]]
    invisible: bool

    @property
    def box(self) -> Box | None:
        known = [b for _, b in self.words if b is not None]
        return Box.union(known) if known else None


@contextmanager
def open_pdf(path: Path, data: bytes | None = None) -> Iterator[pdfium.PdfDocument]:
    """Open a PDF for reading (from ``data`` when given), with refusals a clerk can act on.

    Raises:
        DocumentError: encrypted, damaged or not a PDF.
    """
    try:
        with PDFIUM:
            document = pdfium.PdfDocument(data if data is not None else str(path))
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == pdfium_c.FPDF_ERR_PASSWORD:
            raise DocumentError(
                f"{path.name}: the PDF is encrypted (password protected); save an unprotected "
                "copy to review it."
            ) from exc
        if code == pdfium_c.FPDF_ERR_SECURITY:
            raise DocumentError(
                f"{path.name}: the PDF uses an encryption Korrektur cannot open."
            ) from exc
        raise DocumentError(f"{path.name}: the PDF is damaged or truncated ({exc}).") from exc
    try:
        yield document
    finally:
        with PDFIUM:
            document.close()


def file_hash(path: Path) -> tuple[str, int]:
    """SHA-256 and size of a file, read in chunks (a PDF may be large)."""
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def read_pdf(path: Path, data: bytes | None = None) -> Document:
    """The Document of a PDF's text layer.

    Read from ``data`` when given (a corpus worker is sent the file's bytes).

    Raises:
        DocumentError: no text layer, encrypted, damaged, or too many pages.
    """
    pages: list[ScanPage] = []
    with open_pdf(path, data) as document:
        with PDFIUM:
            count = len(document)
            version = document.get_version()
        if count > MAX_PAGES:
            raise DocumentError(
                f"{path.name}: the PDF has {count} pages; Korrektur reads up to {MAX_PAGES}. "
                "Split it into parts."
            )
        any_text = False
        for index in range(count):
            with PDFIUM:  # a page at a time: the page view may render in between
                try:
                    page = document[index]
                except pdfium.PdfiumError as exc:
                    raise DocumentError(
                        f"{path.name}: page {index + 1} of the PDF cannot be read ({exc})."
                    ) from exc
                try:
                    scan_page, has_text = _read_page(page, index)
                finally:
                    page.close()
            any_text = any_text or has_text
            pages.append(scan_page)
    if not any_text:
        raise DocumentError(f"{path.name}: {NO_TEXT_LAYER}.")
    if data is not None:
        data_hash, size = hashlib.sha256(data).hexdigest(), len(data)
    else:
        data_hash, size = file_hash(path)
    label = f"PDF {version / 10:.1f}" if version else "PDF"
    return build_document(pages, ScanFile(path, data_hash, size, label, "pdf"))


def _read_page(page: pdfium.PdfPage, index: int) -> tuple[ScanPage, bool]:
    width, height = page.get_size()
    image = PageImage(index, width, height, 72.0, "", None, pdf_page=index)
    textpage = page.get_textpage()
    try:
        pieces = _pieces(page, textpage, height)
    finally:
        textpage.close()
    scan_page = ScanPage(image)
    lines = _lines(pieces)
    paragraph: list[ScanLine] = []
    for line, starts in zip(lines, paragraph_starts([line.box for line in lines]), strict=True):
        if starts and paragraph:
            scan_page.paragraphs.append(paragraph)
            paragraph = []
        paragraph.append(line)
    if paragraph:
        scan_page.paragraphs.append(paragraph)
    return scan_page, bool(pieces)


def paragraph_starts(boxes: list[Box | None]) -> list[bool]:
    """For each line of a page (top to bottom), whether a paragraph starts there."""
    starts = []
    previous: Box | None = None
    for box in boxes:
        start = False
        if previous is not None and box is not None:
            gap = box.top - previous.bottom
            start = gap >= PARAGRAPH_GAP * box.height or gap < -box.height
        starts.append(start)
        previous = box if box is not None else previous
    return starts


def _range_box(textpage: pdfium.PdfTextPage, start: int, count: int, height: float) -> Box | None:
    """The box of characters ``start`` … ``start + count - 1``.

    Horizontally the characters' own extent (pdfium merges them per line); vertically the
    font's full height at the first character (its loose box), as OCR word boxes are: glyph
    boxes would make a line of small letters look lower than one with capitals.
    """
    loose = pdfium_c.FS_RECTF()
    if pdfium_c.FPDFText_GetLooseCharBox(textpage.raw, start, ctypes.byref(loose)):
        top_y, bottom_y = max(loose.top, loose.bottom), min(loose.top, loose.bottom)
    else:
        top_y = bottom_y = None
    rects = pdfium_c.FPDFText_CountRects(textpage.raw, start, count)
    boxes = []
    left, top, right, bottom = (ctypes.c_double() for _ in range(4))
    for index in range(rects):
        if (
            pdfium_c.FPDFText_GetRect(
                textpage.raw,
                index,
                ctypes.byref(left),
                ctypes.byref(top),
                ctypes.byref(right),
                ctypes.byref(bottom),
            )
            and right.value > left.value
        ):
            boxes.append(Box(left.value, height - top.value, right.value, height - bottom.value))
    if not boxes:
        return None
    box = Box.union(boxes)
    if top_y is not None and bottom_y is not None and top_y > bottom_y:
        box = Box(box.left, height - top_y, box.right, height - bottom_y)
    return box


def _owner_runs(textpage: pdfium.PdfTextPage, count: int) -> dict[int, list[tuple[int, int]]]:
    """For each text object (by address), the runs of text-page characters it drew."""
    runs: dict[int, list[tuple[int, int]]] = {}
    current, start = 0, 0
    for char in range(count + 1):
        owner = pdfium_c.FPDFText_GetTextObject(textpage.raw, char) if char < count else None
        address = ctypes.addressof(owner.contents) if owner else 0
        if address != current:
            if current:
                runs.setdefault(current, []).append((start, char))
            current, start = address, char
    return runs


def _pieces(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage, height: float) -> list[_Piece]:
    """The page's text objects in drawing order, each with its words and their boxes."""
    count = textpage.count_chars()
    if count <= 0:
        return []
    text = textpage.get_text_range(0, count)
    if len(text) != count:  # one character per index is what the runs below rely on
        text = "".join(chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, i)) for i in range(count))
    text = text.translate(_HYPHEN_MARKS)
    runs = _owner_runs(textpage, count)
    pieces: list[_Piece] = []
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_TEXT]):
        invisible = (
            pdfium_c.FPDFTextObj_GetTextRenderMode(obj.raw)
            == pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE
        )
        spans = runs.get(ctypes.addressof(obj.raw.contents), [])
        if not spans:
            recovered = _recover_duplicate(obj, pieces)
            if recovered is not None:
                pieces.append(recovered)
            continue
        words: list[tuple[str, Box | None]] = []
        piece_text = ""
        for first, last in spans:
            chunk = text[first:last]
            piece_text += chunk
            for word_start, word_end in _word_ranges(chunk):
                box = _range_box(textpage, first + word_start, word_end - word_start, height)
                words.append((chunk[word_start:word_end], box))
        pieces.append(_Piece(piece_text, words, invisible))
    return pieces


def _word_ranges(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the whitespace-separated words of ``text``."""
    ranges = []
    start = None
    for index, char in enumerate(text + " "):
        if char.isspace():
            if start is not None:
                ranges.append((start, index))
                start = None
        elif start is None:
            start = index
    return ranges


def _recover_duplicate(obj: pdfium.PdfObject, pieces: list[_Piece]) -> _Piece | None:
    """The text of an object pdfium left out of its text page as a duplicate.

    pdfium drops a text object that repeats one of the few before it at nearly the same
    place (fake bold); OCR layers can hold two such words side by side (``i i``). The
    dropped object's text is that earlier object's, its box its own.
    """
    try:
        left, bottom, right, top = obj.get_bounds()
    except pdfium.PdfiumError:
        return None
    width = right - left
    best: _Piece | None = None
    for piece in pieces[-7:]:
        box = piece.box
        if box is not None and abs(box.width - width) <= max(1.0, 0.5 * width):
            best = piece
    if best is None or best.box is None:
        return None
    shift = left - best.box.left
    words = [
        (word, None if b is None else Box(b.left + shift, b.top, b.right + shift, b.bottom))
        for word, b in best.words
    ]
    return _Piece(best.text, words, best.invisible)


def _same_line(box: Box, last: Box) -> bool:
    """True when ``box`` continues the line whose last object is ``last``."""
    overlap = min(box.bottom, last.bottom) - max(box.top, last.top)
    if overlap < 0.5 * min(box.height, last.height):
        return False
    return box.left >= last.left - box.height


def _lines(pieces: list[_Piece]) -> list[ScanLine]:
    lines: list[ScanLine] = []
    current: list[ScanWord] = []
    last: Box | None = None
    glued = False  # the last word may continue in the next object
    for piece in pieces:
        box = piece.box
        if box is None:
            continue
        if last is not None and not _same_line(box, last):
            lines.append(_line(current))
            current, glued = [], False
        near = last is not None and box.left - last.right < 0.15 * box.height
        for position, (text, word_box) in enumerate(piece.words):
            if position == 0 and glued and near and current and not piece.text[:1].isspace():
                joined = current[-1]
                joined.text += text
                known = [b for b in (joined.box, word_box) if b is not None]
                joined.box = Box.union(known) if known else None
            else:
                current.append(ScanWord(text, word_box))
        glued = not piece.text[-1:].isspace()
        last = box
    if current:
        lines.append(_line(current))
    return lines


def _line(words: list[ScanWord]) -> ScanLine:
    boxes = [w.box for w in words if w.box is not None]
    return ScanLine(words, Box.union(boxes) if boxes else None)
