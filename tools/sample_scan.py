"""Make a scan of our own sample report: page images and hOCR, as an OCR pipeline delivers them.

    python tools/sample_scan.py OUT_FOLDER

The pages print the sample (resources/samples/kommunrapport.txt) with the word engine's
corrections, as the paper would read; the hOCR holds the OCR text of the sample, word for
word in the boxes of the printed words. So the window shows the paper beside the OCR text, as
with a real scan (the README's page view screenshot is made from it:
``korrektur OUT_FOLDER/kommunrapport.hocr --screenshot page-view.png``). No development data
is used.
"""

from __future__ import annotations

import re
import sys
from html import escape
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

from korrektur.engine import default_engine
from korrektur.model import KIND_GROUPS, Document, ReviewSession

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "samples" / "kommunrapport.txt"
DPI = 150
PAGE = (1240, 1754)  # A4 at 150 dpi
MARGIN = 130
SIZE = 25
LEADING = 38
COLUMN = 12.5  # pixels per character of the sample's column layout
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")


def font() -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """DejaVu Serif where it is installed, else Pillow's own scalable font."""
    if FONT.is_file():
        return ImageFont.truetype(str(FONT), SIZE)
    return ImageFont.load_default(size=SIZE)


def pages_of(lines: list[str]) -> list[list[str]]:
    """The sample's pages: a page starts with a line that begins with one space."""
    pages: list[list[str]] = [[]]
    for line in lines:
        if line.startswith(" ") and not line.startswith("  ") and pages[-1]:
            pages.append([])
        pages[-1].append(line)
    return pages


def printed(raw: list[str]) -> list[str]:
    """The lines as printed: the word engine's corrections, the lines kept."""
    document = Document.from_text("\n".join(raw) + "\n")
    suggestions = default_engine().analyse(document, KIND_GROUPS["word"])
    text = ReviewSession(document, suggestions).render(KIND_GROUPS["word"])
    return text.split("\n")[: len(raw)]


def page_hocr(number: int, image: str, lines: list[str], paper: list[str], face) -> tuple[str, Image.Image]:  # noqa: ANN001, E501
    """One page: its picture and its hOCR ``ocr_page``."""
    picture = Image.new("L", PAGE, 255)
    draw = ImageDraw.Draw(picture)
    body: list[str] = []
    paragraph: list[str] = []
    y = MARGIN
    word_id = line_id = 0

    def close() -> None:
        if paragraph:
            body.append(f"<p class='ocr_par'>{''.join(paragraph)}</p>")
            paragraph.clear()

    for raw_line, paper_line in zip(lines, paper, strict=True):
        if not raw_line.strip():
            close()
            y += LEADING
            continue
        words = [(m.start(), m.group()) for m in re.finditer(r"\S+", raw_line)]
        shown = paper_line.split()
        if len(shown) != len(words):
            shown = [w for _, w in words]
        spans = []
        x = MARGIN
        for (column, word), ink in zip(words, shown, strict=True):
            x = max(x, int(MARGIN + column * COLUMN))
            left, top, right, bottom = draw.textbbox((x, y), ink, font=face)
            draw.text((x, y), ink, font=face, fill=20)
            word_id += 1
            conf = 95 if ink == word else 58
            spans.append(
                f"<span class='ocrx_word' id='word_{number}_{word_id}' "
                f"title='bbox {left} {top} {right} {bottom}; x_wconf {conf}'>{escape(word)}</span> "
            )
            x = right + int(SIZE * 0.3)
        line_id += 1
        box = f"{MARGIN} {y} {x} {y + LEADING - 8}"
        paragraph.append(
            f"<span class='ocr_line' id='line_{number}_{line_id}' title='bbox {box}'>"
            + "".join(spans)
            + "</span>"
        )
        y += LEADING
    close()
    picture = picture.filter(ImageFilter.GaussianBlur(0.5))
    page = (
        f"<div class='ocr_page' id='page_{number}' title='image \"{image}\"; "
        f"bbox 0 0 {PAGE[0]} {PAGE[1]}; ppageno {number - 1}; scan_res {DPI} {DPI}'>"
        + "".join(body)
        + "</div>"
    )
    return page, picture


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 1
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    raw = SAMPLE.read_text(encoding="utf-8").rstrip("\n").split("\n")
    paper = printed(raw)
    face = font()
    pages: list[str] = []
    position = 0
    for number, lines in enumerate(pages_of(raw), start=1):
        image = f"kommunrapport-{number:03d}.png"
        page, picture = page_hocr(
            number, image, lines, paper[position : position + len(lines)], face
        )
        position += len(lines)
        picture.save(out / image, dpi=(DPI, DPI))
        pages.append(page)
    (out / "kommunrapport.hocr").write_text(
        "<?xml version='1.0' encoding='UTF-8'?>\n"
        "<html xmlns='http://www.w3.org/1999/xhtml'><head><title>kommunrapport</title>"
        "<meta name='ocr-system' content='korrektur sample'/></head><body>"
        + "".join(pages)
        + "</body></html>\n",
        encoding="utf-8",
    )
    print(f"{out / 'kommunrapport.hocr'}: {len(pages)} pages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
