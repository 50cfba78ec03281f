"""Small scans we make ourselves: a two-page report as page images, hOCR, ALTO, PAGE and PDF.

Every writer lays out the same words in the same boxes, so all formats read to one text.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from PIL import Image, ImageDraw

DPI = 150
PAGE_SIZE = (1240, 1754)  # A4 at 150 dpi


@dataclass(frozen=True)
class Word:
    text: str
    box: tuple[int, int, int, int]
    conf: int = 90


# pages → paragraphs → lines → words; x positions are laid out by `line()`
def line(y: int, *texts: str, x: int = 120, conf: int = 90) -> list[Word]:
    words = []
    for text in texts:
        width = 18 * len(text)
        words.append(Word(text, (x, y, x + width, y + 30), conf))
        x += width + 16
    return words


PAGES: list[list[list[list[Word]]]] = [
    [
        [line(100, "Stockholms", "stad"), line(140, "Utbildningsforvaltningen")],
        [
            line(260, "Forvaltningen", "har", "isamband", "med", "detta", conf=70),
            line(300, "be", "slutat", "att", "satsa", "pa", "skolan."),
        ],
        [line(1650, "Sida", "1", "(2)")],
    ],
    [
        [line(100, "Stockholms", "stad")],
        [line(260, "Resultatet", "ar", "battre", "an", "vantat.")],
        [line(1650, "Sida", "2", "(2)")],
    ],
]

EXPECTED_TEXT = (
    " Stockholms stad\nUtbildningsforvaltningen\n\n"
    "Forvaltningen har isamband med detta\nbe slutat att satsa pa skolan.\n\n"
    "Sida 1 (2)\n"
    " Stockholms stad\n\nResultatet ar battre an vantat.\n\nSida 2 (2)\n"
)


def words_of(pages=PAGES) -> list[Word]:
    return [w for page in pages for para in page for ln in para for w in ln]


def line_box(words: list[Word]) -> tuple[int, int, int, int]:
    return (
        min(w.box[0] for w in words),
        min(w.box[1] for w in words),
        max(w.box[2] for w in words),
        max(w.box[3] for w in words),
    )


def write_images(folder: Path, pages=PAGES) -> list[str]:
    """Render each page with Pillow (black bars where the words are); relative names."""
    (folder / "img").mkdir(parents=True, exist_ok=True)
    names = []
    for number, page in enumerate(pages, start=1):
        image = Image.new("L", PAGE_SIZE, 255)
        draw = ImageDraw.Draw(image)
        for para in page:
            for ln in para:
                for word in ln:
                    draw.text((word.box[0], word.box[1]), word.text, fill=0)
        name = f"img/page-{number:03d}.png"
        image.save(folder / name, dpi=(DPI, DPI))
        names.append(name)
    return names


# -- hOCR ------------------------------------------------------------------------------------


def hocr(images: list[str], pages=PAGES, boxes: bool = True) -> str:
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"',
        '    "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">',
        '<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en">',
        "<head><title></title>",
        "<meta name='ocr-system' content='handmade 1.0' />",
        "</head><body>",
    ]
    word_id = line_id = 0
    for number, page in enumerate(pages):
        w, h = PAGE_SIZE
        out.append(
            f"<div class='ocr_page' id='page_{number + 1}' title='image \"{images[number]}\"; "
            f"bbox 0 0 {w} {h}; ppageno {number}; scan_res {DPI} {DPI}'>"
        )
        for p_number, para in enumerate(page):
            out.append(f"<div class='ocr_carea' id='block_{number}_{p_number}'>")
            out.append(f"<p class='ocr_par' id='par_{number}_{p_number}'>")
            for ln in para:
                line_id += 1
                title = "bbox {} {} {} {}".format(*line_box(ln)) if boxes else "baseline 0 0"
                out.append(f"<span class='ocr_line' id='line_{line_id}' title='{title}'>")
                for word in ln:
                    word_id += 1
                    box = "bbox {} {} {} {}; ".format(*word.box) if boxes else ""
                    out.append(
                        f"<span class='ocrx_word' id='word_{word_id}' "
                        f"title='{box}x_wconf {word.conf}'>{escape(word.text)}</span>"
                    )
                out.append("</span>")
            out.append("</p></div>")
        out.append("</div>")
    out.append("</body></html>")
    return "\n".join(out)


# -- ALTO ------------------------------------------------------------------------------------

ALTO_NS = {
    "v2": "http://www.loc.gov/standards/alto/ns-v2#",
    "v3": "http://www.loc.gov/standards/alto/ns-v3#",
    "v4": "http://www.loc.gov/standards/alto/ns-v4#",
}


def _alto_page(page, number: int, hyphenate: bool = False) -> str:
    w, h = PAGE_SIZE
    out = [f'<Page ID="page_{number}" PHYSICAL_IMG_NR="{number}" WIDTH="{w}" HEIGHT="{h}">']
    out.append(f'<PrintSpace HPOS="0" VPOS="0" WIDTH="{w}" HEIGHT="{h}">')
    for p_number, para in enumerate(page):
        out.append(f'<TextBlock ID="block_{number}_{p_number}">')
        for l_number, ln in enumerate(para):
            x0, y0, x1, y1 = line_box(ln)
            out.append(
                f'<TextLine ID="line_{number}_{p_number}_{l_number}" HPOS="{x0}" VPOS="{y0}" '
                f'WIDTH="{x1 - x0}" HEIGHT="{y1 - y0}">'
            )
            for index, word in enumerate(ln):
                x0, y0, x1, y1 = word.box
                text = word.text
                last = index == len(ln) - 1
                hyp = hyphenate and last and text.endswith("-")
                if hyp:
                    text = text[:-1]
                out.append(
                    f'<String ID="s_{number}_{p_number}_{l_number}_{index}" HPOS="{x0}" '
                    f'VPOS="{y0}" WIDTH="{x1 - x0}" HEIGHT="{y1 - y0}" '
                    f'WC="{word.conf / 100:.2f}" CONTENT={quoteattr(text)}/>'
                )
                if hyp:
                    out.append('<HYP CONTENT="-"/>')
                elif not last:
                    out.append(f'<SP WIDTH="16" VPOS="{y0}" HPOS="{x1}"/>')
            out.append("</TextLine>")
        out.append("</TextBlock>")
    out.append("</PrintSpace></Page>")
    return "\n".join(out)


def alto(image: str, pages=PAGES, version: str = "v3", unit: str = "pixel", hyphenate=False) -> str:
    ns = ALTO_NS.get(version)
    root = f'<alto xmlns="{ns}">' if ns else "<alto>"
    processing = (
        "<Processing ID='p1'><processingCategory>contentGeneration</processingCategory>"
        "<processingSoftware><softwareName>handmade</softwareName></processingSoftware>"
        "</Processing>"
        if version == "v4"
        else "<OCRProcessing ID='OCR_0'><ocrProcessingStep><processingSoftware><softwareName>"
        "handmade</softwareName></processingSoftware></ocrProcessingStep></OCRProcessing>"
    )
    return "\n".join(
        [
            '<?xml version="1.0" encoding="UTF-8"?>',
            root,
            f"<Description><MeasurementUnit>{unit}</MeasurementUnit>",
            f"<sourceImageInformation><fileName>{escape(image)}</fileName>"
            "</sourceImageInformation>",
            processing,
            "</Description><Layout>",
            *(_alto_page(page, number, hyphenate) for number, page in enumerate(pages)),
            "</Layout></alto>",
        ]
    )


# -- PAGE ------------------------------------------------------------------------------------

PAGE_NS = {
    "2013": "http://schema.primaresearch.org/PAGE/gts/pagecontent/2013-07-15",
    "2019": "http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15",
}


def _points(box, as_elements: bool) -> str:
    x0, y0, x1, y1 = box
    corners = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
    if as_elements:
        return "<Coords>" + "".join(f'<Point x="{x}" y="{y}"/>' for x, y in corners) + "</Coords>"
    return '<Coords points="' + " ".join(f"{x},{y}" for x, y in corners) + '"/>'


def page_xml(
    image: str, page, version: str = "2019", words: bool = True, reverse_order: bool = False
) -> str:
    """One PAGE file for one page. ``reverse_order`` writes the regions in reverse file
    order and gives the true order in ReadingOrder."""
    old = version == "2013"
    meta = (
        "<Metadata><Creator>handmade</Creator><Created>2026-01-01T00:00:00</Created>"
        "<LastChange>2026-01-01T00:00:00</LastChange></Metadata>"
    )
    regions = []
    for p_number, para in enumerate(page):
        lines = []
        for l_number, ln in enumerate(para):
            words_xml = ""
            if words:
                words_xml = "".join(
                    f'<Word id="w_{p_number}_{l_number}_{i}">{_points(w.box, old)}'
                    f'<TextEquiv conf="{w.conf / 100:.2f}"><Unicode>{escape(w.text)}</Unicode>'
                    "</TextEquiv></Word>"
                    for i, w in enumerate(ln)
                )
            text = " ".join(w.text for w in ln)
            lines.append(
                f'<TextLine id="l_{p_number}_{l_number}">{_points(line_box(ln), old)}'
                f"{words_xml}<TextEquiv><Unicode>{escape(text)}</Unicode></TextEquiv></TextLine>"
            )
        all_words = [w for ln in para for w in ln]
        regions.append(
            f'<TextRegion id="r_{p_number}">{_points(line_box(all_words), old)}'
            + "".join(lines)
            + "<TextEquiv><Unicode>"
            + escape("\n".join(" ".join(w.text for w in ln) for ln in para))
            + "</Unicode></TextEquiv></TextRegion>"
        )
    order = "".join(f'<RegionRefIndexed index="{i}" regionRef="r_{i}"/>' for i in range(len(page)))
    body = list(reversed(regions)) if reverse_order else regions
    w, h = PAGE_SIZE
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<PcGts xmlns="{PAGE_NS[version]}">{meta}'
        f'<Page imageFilename="{escape(image)}" imageWidth="{w}" imageHeight="{h}">'
        f'<ReadingOrder><OrderedGroup id="ro">{order}</OrderedGroup></ReadingOrder>'
        + "".join(body)
        + "</Page></PcGts>"
    )


# -- PDF -------------------------------------------------------------------------------------


def searchable_pdf(folder: Path, images: list[str], pages=PAGES, visible: bool = False) -> Path:
    """A PDF like an OCR pipeline's: the page image, each word as invisible text in its box.

    Made with fpdf2 and its core Helvetica font (Latin-1), one text call per word followed by
    a space, as Tesseract's PDF renderer writes them.
    """
    from fpdf import FPDF
    from fpdf.enums import TextMode

    scale = 72 / DPI
    pdf = FPDF(unit="pt")
    pdf.set_auto_page_break(False)
    for number, page in enumerate(pages):
        width, height = PAGE_SIZE[0] * scale, PAGE_SIZE[1] * scale
        pdf.add_page(format=(width, height))
        pdf.image(str(folder / images[number]), x=0, y=0, w=width, h=height)
        pdf.text_mode = TextMode.FILL if visible else TextMode.INVISIBLE
        for para in page:
            for ln in para:
                _, top, _, bottom = line_box(ln)
                for word in ln:
                    size = (bottom - top) * scale
                    pdf.set_font("helvetica", size=size)
                    natural = pdf.get_string_width(word.text)
                    pdf.set_stretching(100 * (word.box[2] - word.box[0]) * scale / natural)
                    pdf.text(word.box[0] * scale, bottom * scale - 0.2 * size, word.text + " ")
    path = folder / ("born-digital.pdf" if visible else "scan.pdf")
    pdf.output(str(path))
    return path


def make_all(folder: Path) -> dict[str, Path]:
    """Every format of the sample report in ``folder``."""
    images = write_images(folder)
    paths = {
        "hocr": folder / "scan.hocr",
        "alto": folder / "scan.alto.xml",
        "page": folder / "scan.page.xml",
    }
    paths["hocr"].write_text(hocr(images), encoding="utf-8")
    paths["alto"].write_text(alto(images[0]), encoding="utf-8")
    page_folder = folder / "page"
    page_folder.mkdir()
    for number, (page, image) in enumerate(zip(PAGES, images, strict=True), start=1):
        (page_folder / f"p{number}.xml").write_text(page_xml(f"../{image}", page), "utf-8")
    paths["page"] = page_folder
    paths["pdf"] = searchable_pdf(folder, images)
    return paths
