"""Read PAGE XML 2010–2019 (Transkribus, eScriptorium, OCR-D): regions, lines, words, polygons.

One PAGE file is one page (``Page/@imageFilename``); a folder of them is a document. Text
regions are paragraphs, taken in the file's ``ReadingOrder`` where it has one; lines are
``TextLine``; words are ``Word`` when the file has them, else the words of the line's text,
with boxes shared out from the line's. Boxes are the bounding boxes of the ``Coords``
polygons. The text is the ``TextEquiv`` with the lowest ``index`` (the primary reading).
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from korrektur.formats.alto import alto_files
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

_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


def page_version(root: etree._Element) -> str:
    """The schema date of the namespace (``2019-07-15``), or "" when unknown."""
    match = re.search(r"pagecontent/(\d{4}-\d{2}-\d{2})", namespace(root))
    return match.group(1) if match else ""


def child(element: etree._Element, name: str) -> etree._Element | None:
    """The first direct child with local name ``name``."""
    return next((c for c in element if local(c) == name), None)


def polygon_box(element: etree._Element) -> Box | None:
    """Bounding box of the element's ``Coords`` (``points`` or ``Point`` children)."""
    coords = child(element, "Coords")
    if coords is None:
        return None
    values: list[float] = []
    if coords.get("points"):
        values = [float(v) for v in _NUMBER.findall(coords.get("points", ""))]
    else:
        for point in coords:
            if local(point) == "Point":
                values.extend((float(point.get("x", "0")), float(point.get("y", "0"))))
    xs, ys = values[0::2], values[1::2]
    if not xs or len(xs) != len(ys):
        return None
    return Box(min(xs), min(ys), max(xs), max(ys))


def primary_equiv(element: etree._Element) -> etree._Element | None:
    """The element's ``TextEquiv`` with the lowest index (the primary reading)."""
    equivs = [c for c in element if local(c) == "TextEquiv"]
    if not equivs:
        return None

    def index(e: etree._Element) -> int:
        try:
            return int(e.get("index", "0"))
        except ValueError:
            return 0

    return min(equivs, key=index)


def equiv_text(element: etree._Element) -> str | None:
    """The primary ``TextEquiv/Unicode`` text, or None when the element has none."""
    equiv = primary_equiv(element)
    if equiv is None:
        return None
    unicode = child(equiv, "Unicode")
    return None if unicode is None else (unicode.text or "")


def equiv_confidence(element: etree._Element) -> float | None:
    """``conf`` of the primary ``TextEquiv`` (0..1)."""
    equiv = primary_equiv(element)
    try:
        return None if equiv is None else max(0.0, min(1.0, float(equiv.get("conf", ""))))
    except ValueError:
        return None


def text_regions(page: etree._Element) -> list[etree._Element]:
    """Text regions in reading order: ``ReadingOrder`` first, then the rest in file order."""
    regions = [e for e in page.iter() if local(e) == "TextRegion"]
    by_id = {r.get("id"): r for r in regions}
    ordered: list[etree._Element] = []
    order = child(page, "ReadingOrder")
    if order is not None:
        for ref in _order_refs(order):
            region = by_id.pop(ref, None)
            if region is not None:
                ordered.append(region)
    return ordered + [r for r in regions if r.get("id") in by_id]


def _order_refs(group: etree._Element) -> list[str]:
    """Region ids of a reading-order group, indexed groups sorted by their index."""
    items = []
    for position, element in enumerate(group):
        name = local(element)
        if not name.startswith(("RegionRef", "OrderedGroup", "UnorderedGroup")):
            continue
        try:
            key = int(element.get("index", str(position)))
        except ValueError:
            key = position
        refs = [element.get("regionRef", "")] if name.startswith("RegionRef") else []
        refs += _order_refs(element)
        items.append((key, refs))
    if local(group) in ("OrderedGroup", "OrderedGroupIndexed"):
        items.sort(key=lambda item: item[0])
    return [ref for _, refs in items for ref in refs if ref]


def word_elements(root: etree._Element) -> list[etree._Element]:
    """Every ``Word`` in the order the reader reads them (writers find them again so)."""
    return [
        w
        for page in _pages_of(root)
        for r in text_regions(page)
        for line in _lines(r)
        for w in line
        if local(w) == "Word"
    ]


def line_elements(root: etree._Element) -> list[etree._Element]:
    """Every ``TextLine`` in reading order."""
    return [line for page in _pages_of(root) for r in text_regions(page) for line in _lines(r)]


def _pages_of(root: etree._Element) -> list[etree._Element]:
    return [e for e in root if local(e) == "Page"]


def _lines(region: etree._Element) -> list[etree._Element]:
    return [c for c in region if local(c) == "TextLine"]


def page_files(path: Path) -> list[Path]:
    """The PAGE files of a folder, in page order."""
    return alto_files(path)


def read_page(path: Path, data: bytes | None = None) -> Document:
    """The Document of a PAGE XML file or a folder of them.

    Raises:
        DocumentError: malformed or unsafe XML, not PAGE, no text or no boxes.
    """
    files = page_files(path) if path.is_dir() else [path]
    if not files:
        raise DocumentError(f"{path.name}: the folder holds no PAGE (.xml) files.")
    chunks = []
    pages: list[ScanPage] = []
    versions = set()
    counters = [0, 0]
    for file in files:
        content = data if data is not None and file == path else file.read_bytes()
        chunks.append(content)
        root = parse_xml(content, file.name)
        if local(root) != "PcGts":
            raise DocumentError(f"{file.name}: this is not PAGE XML (its root is <{local(root)}>).")
        versions.add(page_version(root) or "PAGE")
        for element in _pages_of(root):
            pages.append(_page(element, len(pages), file.parent, counters))
    if not pages:
        raise DocumentError(f"{path.name}: the PAGE XML has no <Page>.")
    data_hash, size = hash_bytes(chunks)
    label = f"PAGE XML {'/'.join(sorted(versions))}"
    return build_document(pages, ScanFile(path, data_hash, size, label, "page"))


def _page(element: etree._Element, index: int, folder: Path, counters: list[int]) -> ScanPage:
    reference = element.get("imageFilename", "")
    try:
        width = float(element.get("imageWidth", "0"))
        height = float(element.get("imageHeight", "0"))
    except ValueError:
        width = height = 0.0
    resolved = resolve_image(reference, folder)
    page = ScanPage(PageImage(index, width, height, None, reference, resolved))
    for region in text_regions(element):
        lines = []
        for line in _lines(region):
            word_nodes = [w for w in line if local(w) == "Word"]
            words = []
            for node in word_nodes:
                text = equiv_text(node) or ""
                box = polygon_box(node)
                words.append(ScanWord(text, box, equiv_confidence(node), counters[0]))
                counters[0] += 1
            if not any(w.text.strip() for w in words):
                words = [ScanWord(t) for t in (equiv_text(line) or "").split()]
            lines.append(ScanLine(words, polygon_box(line), counters[1]))
            counters[1] += 1
        page.paragraphs.append(lines)
    return page
