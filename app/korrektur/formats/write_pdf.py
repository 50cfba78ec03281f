"""Write a searchable PDF: the page images with the corrected text as an invisible layer.

The text layer is made with fpdf2 (the library OCRmyPDF renders its own text layers with):
each corrected word is written in text render mode 3 (invisible) into its box, scaled to
the box's width, so selecting, searching and copying find the corrected words where they
are printed. The font is a glyphless TrueType font made for the document's characters with
fontTools (every glyph empty, one per character, so text extraction maps each one back to
its character); nothing of it is drawn.

* hOCR, ALTO and PAGE sources: each page is its image (the file the source names) with the
  text layer over it.
* PDF sources: the original pages are kept as they are (images, vector content); their
  invisible OCR text is taken out and the corrected layer put in, with pypdfium2. A PDF
  whose text is visible (born digital) is refused: its text is not an OCR layer.
"""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fpdf import FPDF
from fpdf.enums import TextMode

from korrektur import __version__
from korrektur.formats.pdfium_lock import PDFIUM
from korrektur.formats.reading import ExportOptions
from korrektur.formats.writeback import CorrectedScan, WriteBackError, corrected_scan
from korrektur.formats.writeback import provenance_note as _note
from korrektur.model.geometry import PageImage
from korrektur.store.review import Review

FONT_FAMILY = "KorrekturGlyphless"
_EM = 1000
_ASCENT, _DESCENT = 800, 200
_ADVANCE = 500
DEFAULT_DPI = 300.0


def glyphless_font(characters: set[str]) -> bytes:
    """A TrueType font with one (box-shaped, never drawn) glyph for each of ``characters``."""
    chars = sorted(c for c in characters if ord(c) >= 0x20 and not 0xD800 <= ord(c) <= 0xDFFF)
    names = [
        ".notdef",
        *(f"uni{ord(c):04X}" if ord(c) <= 0xFFFF else f"u{ord(c):X}" for c in chars),
    ]
    builder = FontBuilder(_EM, isTTF=True)
    builder.setupGlyphOrder(names)
    builder.setupCharacterMap({ord(c): name for c, name in zip(chars, names[1:], strict=True)})
    # each glyph is the em box: never drawn (the text is invisible), but it gives every
    # character a box, which is what viewers highlight and text extractors report
    pen = TTGlyphPen(None)
    pen.moveTo((0, -_DESCENT))
    pen.lineTo((0, _ASCENT))
    pen.lineTo((_ADVANCE, _ASCENT))
    pen.lineTo((_ADVANCE, -_DESCENT))
    pen.closePath()
    box = pen.glyph()
    builder.setupGlyf({name: box for name in names})
    builder.setupHorizontalMetrics({name: (_ADVANCE, 0) for name in names})
    builder.setupHorizontalHeader(ascent=_ASCENT, descent=-_DESCENT)
    builder.setupNameTable({"familyName": FONT_FAMILY, "styleName": "Regular"})
    builder.setupOS2(
        sTypoAscender=_ASCENT,
        sTypoDescender=-_DESCENT,
        usWinAscent=_ASCENT,
        usWinDescent=_DESCENT,
    )
    builder.setupPost()
    buffer = io.BytesIO()
    builder.save(buffer)
    return buffer.getvalue()


def export_pdf(review: Review, options: ExportOptions) -> bytes:
    """A searchable PDF of the review's scan with the corrected text layer."""
    scan = corrected_scan(review, options)
    if scan.layout.format == "pdf":
        return _graft(scan)
    return _with_images(scan)


def _page_scale(page: PageImage) -> float:
    """Points per box unit of a page (PDF boxes are points already)."""
    if page.pdf_page is not None:
        return 1.0
    return 72.0 / (page.dpi or DEFAULT_DPI)


def _text_layer(scan: CorrectedScan, images: bool) -> FPDF:
    pdf = FPDF(unit="pt")
    pdf.set_auto_page_break(False)
    pdf.c_margin = 0
    pdf.set_creator(f"Korrektur {__version__}")
    pdf.set_producer(f"Korrektur {__version__} (fpdf2)")
    pdf.set_subject(_note(scan))
    pdf.set_title(scan.source.name)
    characters = {c for line in scan.lines for w in line.words for c in w.text} | {" "}
    with tempfile.TemporaryDirectory() as folder:
        font = Path(folder) / "glyphless.ttf"
        font.write_bytes(glyphless_font(characters))
        pdf.add_font(FONT_FAMILY, fname=str(font))
    by_page: dict[int, list[tuple[str, float, float, float, float]]] = {}
    for line in scan.lines:
        # words stand on their line's full height (as OCR engines write their layers), so
        # the layer's lines and paragraphs read back as the source's
        line_box = scan.layout.line_box(line.line)
        for word in line.words:
            box = word.box
            top, bottom = (
                (line_box.box.top, line_box.box.bottom) if line_box else (box.top, box.bottom)
            )
            by_page.setdefault(line.page, []).append((word.text, box.left, top, box.right, bottom))
    for page in scan.layout.pages:
        scale = _page_scale(page)
        width, height = page.width * scale, page.height * scale
        pdf.add_page(format=(width, height))
        if images:
            _draw_image(pdf, page, width, height)
        pdf.text_mode = TextMode.INVISIBLE
        for text, left, top, right, bottom in by_page.get(page.index, []):
            size = max((bottom - top) * scale, 1.0)
            pdf.set_font(FONT_FAMILY, size=size)
            pdf.set_stretching(100.0)
            natural = pdf.get_string_width(text)
            if natural > 0:
                pdf.set_stretching(100.0 * (right - left) * scale / natural)
            baseline = bottom * scale - size * _DESCENT / _EM
            pdf.text(left * scale, baseline, text + " ")
        pdf.text_mode = TextMode.FILL
    return pdf


def _draw_image(pdf: FPDF, page: PageImage, width: float, height: float) -> None:
    if page.image_missing:
        raise WriteBackError(f"{page.describe_missing()}; a searchable PDF needs every page image")
    assert page.image_path is not None
    try:
        pdf.image(str(page.image_path), x=0, y=0, w=width, h=height)
    except (OSError, ValueError, RuntimeError) as exc:
        raise WriteBackError(
            f"page {page.index + 1}: image {page.image_path} cannot be read ({exc})"
        ) from exc


def _with_images(scan: CorrectedScan) -> bytes:
    """hOCR/ALTO/PAGE: every page image with the corrected layer over it."""
    for page in scan.layout.pages:
        if page.dpi is None and page.image_path is not None and not page.image_missing:
            _dpi_from_image(scan, page)
    return bytes(_text_layer(scan, images=True).output())


def _dpi_from_image(scan: CorrectedScan, page: PageImage) -> None:
    """Take a page's resolution from its image when the source does not say it."""
    from PIL import Image

    assert page.image_path is not None
    try:
        with Image.open(page.image_path) as image:
            dpi = image.info.get("dpi")
            width = image.width
    except OSError:
        return
    resolution = float(dpi[0]) if dpi and dpi[0] else 0.0
    if not resolution and page.width:
        resolution = DEFAULT_DPI * width / page.width  # keep the page at the default size
    if resolution:
        scan.layout.pages[page.index] = PageImage(
            page.index, page.width, page.height, resolution, page.image, page.image_path
        )


def _graft(scan: CorrectedScan) -> bytes:
    """A PDF source: its pages with the OCR layer replaced by the corrected one."""
    assert scan.source.path is not None
    layer_bytes = bytes(_text_layer(scan, images=False).output())
    with PDFIUM:  # the whole graft: PDFium objects cross pages here
        return _graft_locked(scan.source.path, layer_bytes)


def _graft_locked(path: Path, layer_bytes: bytes) -> bytes:
    layer = pdfium.PdfDocument(layer_bytes)
    source = pdfium.PdfDocument(str(path))
    try:
        for index in range(len(source)):
            page = source[index]
            try:
                _remove_ocr_text(page, index)
                xobject = layer.page_as_xobject(index, source)
                page.insert_obj(xobject.as_pageobject())
                page.gen_content()
                xobject.close()
            finally:
                page.close()
        buffer = io.BytesIO()
        source.save(buffer)
        return buffer.getvalue()
    finally:
        source.close()
        layer.close()


def _remove_ocr_text(page: pdfium.PdfPage, index: int) -> None:
    """Take the invisible text (and forms of only invisible text) off a page."""
    doomed = []
    for obj in page.get_objects(max_depth=0):
        if obj.type == pdfium_c.FPDF_PAGEOBJ_TEXT:
            if (
                pdfium_c.FPDFTextObj_GetTextRenderMode(obj.raw)
                != pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE
            ):
                raise WriteBackError(
                    f"page {index + 1} of the PDF has visible text: it is not an OCR text layer "
                    "over a scan, so Korrektur will not replace it (export hocr, alto or txt)"
                )
            doomed.append(obj)
        elif obj.type == pdfium_c.FPDF_PAGEOBJ_FORM and _only_invisible_text(obj.raw):
            doomed.append(obj)
    for obj in doomed:
        page.remove_obj(obj)
        obj.close()


def _only_invisible_text(form: object) -> bool:
    count = pdfium_c.FPDFFormObj_CountObjects(form)
    if count <= 0:
        return False
    for position in range(count):
        child = pdfium_c.FPDFFormObj_GetObject(form, position)
        kind = pdfium_c.FPDFPageObj_GetType(child)
        if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            if not _only_invisible_text(child):
                return False
        elif kind != pdfium_c.FPDF_PAGEOBJ_TEXT or (
            pdfium_c.FPDFTextObj_GetTextRenderMode(child) != pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE
        ):
            return False
    return True
