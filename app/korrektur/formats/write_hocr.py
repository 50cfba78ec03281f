"""Write an hOCR source back with the corrected words (``export --format hocr``).

The source file is parsed again and only its word elements change: a corrected word gets its
new text (its ``x_wconf``, the recogniser's confidence in the old text, is dropped); a split
word gets a sibling element per part with the part's share of the box; words a correction
joined are removed after the first, which takes the union box. Everything else — other
elements, attributes, page and line boxes — stays as it was, and a ``<meta>`` in the head
records who corrected what.
"""

from __future__ import annotations

import copy
import re

from lxml import etree

from korrektur.formats.hocr import line_elements, word_elements
from korrektur.formats.reading import ExportOptions
from korrektur.formats.writeback import (
    CorrectedScan,
    CorrectedWord,
    box_text,
    check_format,
    corrected_scan,
    provenance_note,
)
from korrektur.formats.xmlsafe import local, parse_xml
from korrektur.store.review import Review

_BBOX = re.compile(r"\bbbox\s+[-\d.]+\s+[-\d.]+\s+[-\d.]+\s+[-\d.]+")
_WCONF = re.compile(r"\s*;?\s*\bx_wconf\s+[-\d.]+")


def export_hocr(review: Review, options: ExportOptions) -> bytes:
    """The source hOCR with the corrected words."""
    scan = corrected_scan(review, options)
    return write_hocr(scan, _source_bytes(scan))


def _source_bytes(scan: CorrectedScan) -> bytes:
    assert scan.source.path is not None
    return scan.source.path.read_bytes()


def write_hocr(scan: CorrectedScan, data: bytes) -> bytes:
    """``data`` (the source hOCR) with ``scan``'s corrections."""
    check_format(scan, "hocr")
    root = parse_xml(data, scan.source.name, allow_html=True)
    words = list(word_elements(root))
    for ref, replacements in scan.word_edits().items():
        _edit_word(words[ref], replacements)
    lines = list(line_elements(root))
    for line in scan.lines:
        if line.changed and line.ref >= 0 and not line.words:  # a line without word elements
            element = lines[line.ref]
            for child in list(element):
                element.remove(child)
            element.text = line.text
    _add_meta(root, provenance_note(scan))
    return bytes(etree.tostring(root.getroottree(), xml_declaration=True, encoding="UTF-8"))


def _set_text(element: etree._Element, text: str) -> None:
    for child in list(element):
        element.remove(child)
    element.text = text


def _edit_word(element: etree._Element, replacements: list[CorrectedWord]) -> None:
    parent = element.getparent()
    if parent is None:
        return
    if not replacements:  # joined into an earlier word
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") if element.tail is None else element.tail
        parent.remove(element)
        return
    old_text = "".join(element.itertext())
    lead = old_text[: len(old_text) - len(old_text.lstrip(" "))]
    template = copy.deepcopy(element)
    first = replacements[0]
    _set_text(element, lead + first.text)
    element.set("title", _retitle(element.get("title", ""), first))
    anchor = element
    base_id = element.get("id", "")
    for number, word in enumerate(replacements[1:], start=2):
        clone = copy.deepcopy(template)
        _set_text(clone, word.text)
        clone.set("title", _retitle(template.get("title", ""), word))
        if base_id:
            clone.set("id", f"{base_id}_{number}")
        clone.tail = anchor.tail
        anchor.tail = " "
        anchor.addnext(clone)
        anchor = clone


def _retitle(title: str, word: CorrectedWord) -> str:
    """The title with the word's box and without the recogniser's confidence."""
    bbox = "bbox {} {} {} {}".format(*box_text(word.box))
    title = _WCONF.sub("", title)
    return _BBOX.sub(bbox, title) if _BBOX.search(title) else f"{bbox}; {title}".rstrip("; ")


def _add_meta(root: etree._Element, note: str) -> None:
    head = next((e for e in root.iter() if local(e) == "head"), None)
    if head is None:
        return
    namespace = root.tag[1:].split("}", 1)[0] if root.tag.startswith("{") else ""
    tag = f"{{{namespace}}}meta" if namespace else "meta"
    meta = etree.SubElement(head, tag)
    meta.set("name", "korrektur-correction")
    meta.set("content", note)
    meta.tail = "\n "
