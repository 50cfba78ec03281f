"""Load a scan's page as a picture for the page view (Qt-free; the window converts it).

A page is its image file (PNG, TIFF, JPEG … through Pillow) or, for a PDF, the page rendered
by pypdfium2. Pictures are reduced to at most ``max_side`` pixels on their longer side while
they are decoded (JPEG draft mode, PDF render scale), so paging through a 300-page scan keeps
memory bounded; boxes are mapped onto the picture with :func:`box_scale`.
"""

from __future__ import annotations

from PIL import Image

from korrektur.formats.pdfium_lock import PDFIUM
from korrektur.model.errors import DocumentError
from korrektur.model.geometry import Box, ScanLayout

MAX_SIDE = 2400
Image.MAX_IMAGE_PIXELS = 200_000_000  # a decompression bomb is refused, not decoded


def load_page_image(layout: ScanLayout, index: int, max_side: int = MAX_SIDE) -> Image.Image:
    """The picture of page ``index`` (RGB or greyscale), its longer side at most ``max_side``.

    Raises:
        DocumentError: the image is missing or cannot be decoded (the message names it).
    """
    page = layout.pages[index]
    if page.pdf_page is not None:
        return _render_pdf_page(layout, page.pdf_page, max_side)
    if page.image_missing:
        raise DocumentError(page.describe_missing())
    assert page.image_path is not None
    try:
        with Image.open(page.image_path) as image:
            image.draft("RGB", (max_side, max_side))  # JPEG: decode at a reduced size
            picture = image.convert("L" if image.mode in ("1", "L", "I;16") else "RGB")
    except (OSError, Image.DecompressionBombError, ValueError) as exc:
        raise DocumentError(
            f"page {index + 1}: image {page.image_path} cannot be read ({exc})"
        ) from exc
    picture.thumbnail((max_side, max_side))
    return picture


def _render_pdf_page(layout: ScanLayout, number: int, max_side: int) -> Image.Image:
    import pypdfium2 as pdfium

    if layout.source is None:
        raise DocumentError("the PDF of this scan is not known")
    try:
        with PDFIUM:
            document = pdfium.PdfDocument(str(layout.source))
            try:
                page = document[number]
                try:
                    scale = max_side / max(*page.get_size(), 1.0)
                    bitmap = page.render(scale=scale)
                    try:
                        picture: Image.Image = bitmap.to_pil().convert("RGB")
                    finally:
                        bitmap.close()
                    return picture
                finally:
                    page.close()
            finally:
                document.close()
    except pdfium.PdfiumError as exc:
        raise DocumentError(
            f"page {number + 1} of {layout.source.name} cannot be shown ({exc})"
        ) from exc


def box_scale(layout: ScanLayout, index: int, picture: Image.Image) -> tuple[float, float]:
    """Factors that map page ``index``'s box units onto ``picture``'s pixels (x, y)."""
    page = layout.pages[index]
    return picture.width / (page.width or picture.width), picture.height / (
        page.height or picture.height
    )


def box_on_picture(box: Box, factors: tuple[float, float]) -> Box:
    """``box`` in the picture's pixels."""
    fx, fy = factors
    return Box(box.left * fx, box.top * fy, box.right * fx, box.bottom * fy)
