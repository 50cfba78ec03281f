"""Read ALTO v1–v4: one multi-page file or a folder of per-page files.

Words are ``String`` elements (``CONTENT``, ``HPOS``/``VPOS``/``WIDTH``/``HEIGHT``, ``WC``),
lines ``TextLine``, paragraphs ``TextBlock``; a ``HYP`` at a line's end is the printed
hyphen of a word continued on the next line (its whole form is in ``SUBS_CONTENT``). The
page image is ``sourceImageInformation/fileName``; Tesseract names only the first image of
a multi-page file, so further pages look for the same name with the page number counted on
(``page-001.png`` → ``page-002.png``) and use it if that file is there.
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
from korrektur.formats.xmlsafe import local, namespace, parse_xml
from korrektur.model.document import Document
from korrektur.model.errors import DocumentError
from korrektur.model.geometry import Box, PageImage

UNITS_PER_INCH = {"mm10": 254.0, "inch1200": 1200.0}
_LAST_NUMBER = re.compile(r"(\d+)(?!.*\d)")


def alto_version(root: etree._Element) -> str:
    """``v2``, ``v3``, ``v4`` from the namespace (``v1`` when there is none)."""
    match = re.search(r"alto/ns-v(\d)", namespace(root))
    return f"v{match.group(1)}" if match else "v1"


def children(element: etree._Element, name: str) -> Iterator[etree._Element]:
    """Direct children with local name ``name``."""
    return (c for c in element if local(c) == name)


def descendants(element: etree._Element, name: str) -> Iterator[etree._Element]:
    """Descendants (and the element) with local name ``name``, in document order."""
    return (e for e in element.iter() if local(e) == name)


def string_box(element: etree._Element) -> Box | None:
    """The box of an element with ``HPOS``/``VPOS``/``WIDTH``/``HEIGHT``."""
    try:
        left = float(element.get("HPOS", ""))
        top = float(element.get("VPOS", ""))
        width = float(element.get("WIDTH", ""))
        height = float(element.get("HEIGHT", ""))
    except ValueError:
        return None
    return Box(left, top, left + width, top + height)


def _confidence(element: etree._Element) -> float | None:
    try:
        value = float(element.get("WC", ""))
    except ValueError:
        return None
    return max(0.0, min(1.0, value))


def sibling_image(first: str, offset: int) -> str:
    """``first`` with its last number counted on by ``offset`` (keeping its width)."""
    match = _LAST_NUMBER.search(first)
    if not match or offset == 0:
        return first if offset == 0 else ""
    number = str(int(match.group(1)) + offset).zfill(len(match.group(1)))
    return first[: match.start()] + number + first[match.end() :]


def alto_files(path: Path) -> list[Path]:
    """The ALTO files of a folder, in page order (natural order of their names)."""

    def key(p: Path) -> list[object]:
        return [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", p.name)]

    return sorted(
        (p for p in path.iterdir() if p.is_file() and p.suffix.lower() == ".xml"), key=key
    )


def read_alto(path: Path, data: bytes | None = None) -> Document:
    """The Document of an ALTO file, or of a folder of per-page ALTO files.

    Raises:
        DocumentError: malformed or unsafe XML, not ALTO, no text or no boxes.
    """
    files = alto_files(path) if path.is_dir() else [path]
    if not files:
        raise DocumentError(f"{path.name}: the folder holds no ALTO (.xml) files.")
    chunks = []
    pages: list[ScanPage] = []
    versions = set()
    counters = [0, 0]  # words, lines read so far: refs run on across the files of a folder
    for file in files:
        content = data if data is not None and file == path else file.read_bytes()
        chunks.append(content)
        root = parse_xml(content, file.name)
        if local(root) != "alto":
            raise DocumentError(f"{file.name}: this is not ALTO (its root is <{local(root)}>).")
        versions.add(alto_version(root))
        pages.extend(_pages(root, file.parent, len(pages), counters))
    if not pages:
        raise DocumentError(f"{path.name}: the ALTO has no <Page>.")
    data_hash, size = hash_bytes(chunks)
    label = f"ALTO {'/'.join(sorted(versions))}"
    return build_document(pages, ScanFile(path, data_hash, size, label, "alto"))


def _pages(
    root: etree._Element, folder: Path, first_index: int, counters: list[int]
) -> list[ScanPage]:
    unit = next((e.text or "" for e in descendants(root, "MeasurementUnit")), "pixel").strip()
    dpi = UNITS_PER_INCH.get(unit)
    image = next((e.text or "" for e in descendants(root, "fileName")), "").strip()
    pages = []
    for offset, element in enumerate(descendants(root, "Page")):
        reference = sibling_image(image, offset) if image else ""
        resolved = resolve_image(reference, folder)
        if offset and (resolved is None or not resolved.is_file()):
            reference, resolved = "", None  # no image named for this page
        try:
            width = float(element.get("WIDTH", "0"))
            height = float(element.get("HEIGHT", "0"))
        except ValueError:
            width = height = 0.0
        page = ScanPage(PageImage(first_index + offset, width, height, dpi, reference, resolved))
        for block in descendants(element, "TextBlock"):
            lines = []
            for line in children(block, "TextLine"):
                lines.append(ScanLine(_words(line, counters), string_box(line), counters[1]))
                counters[1] += 1
            page.paragraphs.append(lines)
        pages.append(page)
    return pages


def _words(line: etree._Element, counters: list[int]) -> list[ScanWord]:
    words: list[ScanWord] = []
    for child in line:
        name = local(child)
        if name == "String":
            content = child.get("CONTENT", "")
            words.append(ScanWord(content, string_box(child), _confidence(child), counters[0]))
            counters[0] += 1
        elif name == "HYP" and words:
            words[-1].text += child.get("CONTENT", "-")
    return words


def line_elements(root: etree._Element) -> list[etree._Element]:
    """Every ``TextLine`` in the order the reader numbers them (writers find them again so)."""
    return [
        line
        for page in descendants(root, "Page")
        for block in descendants(page, "TextBlock")
        for line in children(block, "TextLine")
    ]


def string_elements(root: etree._Element) -> list[etree._Element]:
    """Every ``String`` in the order the reader numbers them."""
    return [s for line in line_elements(root) for s in children(line, "String")]
