"""Make a scan of our own sample report: page images and hOCR, as an OCR pipeline delivers them.

    python tools/sample_scan.py OUT_FOLDER [--screenshot PAGE_VIEW.png]

The pages print the sample (resources/samples/kommunrapport.txt) with the word engine's
corrections, as the paper would read; the hOCR holds the OCR text of the sample, word for
word in the boxes of the printed words. So the window shows the paper beside the OCR text, as
with a real scan. ``--screenshot`` then draws the window offscreen on it with an OCR confusion
in the body of page 1 current (the README's page view picture). No development data is used.
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


def page_hocr(
    number: int, image: str, lines: list[str], paper: list[str], face
) -> tuple[str, Image.Image]:  # noqa: ANN001, E501
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


def screenshot(source: Path, target: Path) -> None:
    """The window on ``source`` with a body word of page 1 current, saved as ``target``.

    Set up as ``korrektur --screenshot`` does (a worker process analyses; settings in a
    temporary folder), with a scene of its own: an OCR suggestion below the page's title.
    """
    import os
    import tempfile
    from functools import partial

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSize

    from korrektur.model import Kind
    from korrektur.ui.app import application
    from korrektur.ui.jobs import Jobs
    from korrektur.ui.main_window import MainWindow
    from korrektur.ui.messages import ConsoleMessages
    from korrektur.ui.screenshot import take_screenshot
    from korrektur.ui.screenshot_scenes import SCENE_BUILDERS
    from korrektur.ui.services import Services
    from korrektur.ui.settings import Settings
    from korrektur.ui.theme import ThemeMode, apply_theme
    from korrektur.ui.workspace_service import WorkspaceService
    from korrektur.workspace.engines import default_engine as worker_engine
    from korrektur.workspace.worker import WorkerProcess

    def body_word(window: MainWindow):  # noqa: ANN202
        session = window.controller.session
        if session is not None:
            document = session.document
            chosen = [
                s
                for s in session.suggestions
                if Kind.OCR in s.kinds and document.line_index_at(s.start) > 8
            ]
            if chosen:
                window.controller.set_current(chosen[0].id)
        return window

    app = application()
    messages = ConsoleMessages()
    with tempfile.TemporaryDirectory() as scratch:
        settings = Settings.at(Path(scratch) / "settings.ini")
        service = WorkspaceService(
            messages, Jobs(partial(WorkerProcess, factory=worker_engine)), settings
        )
        window = MainWindow(
            Services(settings, messages, service), apply_theme(app, ThemeMode.LIGHT)
        )
        SCENE_BUILDERS["sample-scan"] = body_word
        try:
            take_screenshot(window, source, target, QSize(1800, 1000), messages, "sample-scan")
        finally:
            window.close()
            service.shut_down()


def main() -> int:
    args = sys.argv[1:]
    shot = None
    if len(args) == 3 and args[1] == "--screenshot":
        shot = Path(args[2])
        args = args[:1]
    if len(args) != 1:
        print(__doc__, file=sys.stderr)
        return 1
    out = Path(args[0])
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
    if shot is not None:
        screenshot(out / "kommunrapport.hocr", shot)
        print(f"{shot}: the page view")
    return 0


if __name__ == "__main__":
    sys.exit(main())
