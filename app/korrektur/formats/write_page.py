"""Write a PAGE XML source back with the corrected words (``export --format page``).

The source is parsed again; a corrected ``Word`` gets the new text in its primary
``TextEquiv/Unicode`` (its ``conf`` and any ``Glyph`` children, which belong to the old
reading, are dropped), a split word gets sibling ``Word`` elements with rectangles shared out
from the original, joined words are removed after the first. The ``TextEquiv`` of every
changed line, and of its region, is set to the corrected text, so readers that take the
line level (as most do) see the correction too. ``Metadata`` records the processing step
(``MetadataItem`` in PAGE 2019 and later, ``Comments`` before) and ``LastChange``.
"""

from __future__ import annotations

import copy
from pathlib import Path

from lxml import etree

from korrektur import __version__
from korrektur.formats.pagexml import (
    child,
    line_elements,
    page_files,
    page_version,
    primary_equiv,
    word_elements,
)
from korrektur.formats.reading import ExportOptions
from korrektur.formats.writeback import (
    CorrectedScan,
    CorrectedWord,
    box_text,
    export_file,
    export_folder,
    provenance_note,
)
from korrektur.formats.xmlsafe import local, namespace, parse_xml
from korrektur.model.session import now_iso
from korrektur.store.review import Review


def export_page(review: Review, options: ExportOptions) -> bytes:
    """The source PAGE file with the corrected words (a folder: ``write_page_folder``)."""
    return export_file(review, options, "page", write_page)


def write_page_folder(review: Review, options: ExportOptions, folder: Path) -> list[Path]:
    """Write a folder source's files, corrected, into ``folder`` (same file names)."""
    return export_folder(review, options, folder, "page", page_files, write_page)


def write_page(scan: CorrectedScan, sources: list[bytes]) -> list[bytes]:
    """The PAGE files (``sources``, in page order) with ``scan``'s corrections."""
    roots = [parse_xml(data, scan.source.name) for data in sources]
    words = [w for root in roots for w in word_elements(root)]
    lines = [line for root in roots for line in line_elements(root)]
    for ref, replacements in scan.word_edits().items():
        _edit_word(words[ref], replacements)
    changed_regions = []
    for line in scan.lines:
        if line.changed and line.ref >= 0:
            element = lines[line.ref]
            _set_equiv(element, line.text)
            region = element.getparent()
            if region is not None and region not in changed_regions:
                changed_regions.append(region)
    for region in changed_regions:
        if primary_equiv(region) is not None:
            texts = [_equiv_string(line) for line in region if local(line) == "TextLine"]
            _set_equiv(region, "\n".join(texts))
    note = provenance_note(scan)
    result = []
    for root in roots:
        _add_metadata(root, note)
        result.append(
            bytes(etree.tostring(root.getroottree(), xml_declaration=True, encoding="UTF-8"))
        )
    return result


def _equiv_string(element: etree._Element) -> str:
    equiv = primary_equiv(element)
    unicode = child(equiv, "Unicode") if equiv is not None else None
    return (unicode.text or "") if unicode is not None else ""


def _set_equiv(element: etree._Element, text: str) -> None:
    """Put ``text`` into the element's primary TextEquiv (made if missing)."""
    ns = namespace(element)
    equiv = primary_equiv(element)
    if equiv is None:
        equiv = etree.SubElement(element, f"{{{ns}}}TextEquiv" if ns else "TextEquiv")
    if "conf" in equiv.attrib:
        del equiv.attrib["conf"]
    unicode = child(equiv, "Unicode")
    if unicode is None:
        unicode = etree.SubElement(equiv, f"{{{ns}}}Unicode" if ns else "Unicode")
    unicode.text = text
    for plain in [c for c in equiv if local(c) == "PlainText"]:
        equiv.remove(plain)


def _set_coords(element: etree._Element, word: CorrectedWord) -> None:
    coords = child(element, "Coords")
    if coords is None:
        return
    left, top, right, bottom = box_text(word.box)
    for point in list(coords):
        coords.remove(point)
    coords.set("points", f"{left},{top} {right},{top} {right},{bottom} {left},{bottom}")


def _edit_word(element: etree._Element, replacements: list[CorrectedWord]) -> None:
    parent = element.getparent()
    if parent is None:
        return
    if not replacements:
        parent.remove(element)
        return
    template = copy.deepcopy(element)
    anchor = element
    for number, word in enumerate(replacements):
        target = element if number == 0 else copy.deepcopy(template)
        for glyph in [c for c in target if local(c) == "Glyph"]:
            target.remove(glyph)
        _set_equiv(target, word.text)
        if len(replacements) > 1 or len(word.refs) > 1:
            _set_coords(target, word)
        if number:
            if template.get("id"):
                target.set("id", f"{template.get('id')}_{number + 1}")
            target.tail = anchor.tail
            anchor.addnext(target)
            anchor = target


def _add_metadata(root: etree._Element, note: str) -> None:
    ns = namespace(root)
    metadata = child(root, "Metadata")
    if metadata is None:
        return
    last = child(metadata, "LastChange")
    if last is not None:
        last.text = now_iso()
    if page_version(root) >= "2018":
        item = etree.Element(f"{{{ns}}}MetadataItem" if ns else "MetadataItem")
        item.set("type", "processingStep")
        item.set("name", "correction")
        item.set("value", f"Korrektur {__version__}: {note}")
        item.set("date", now_iso())
        existing = [c for c in metadata if local(c) == "MetadataItem"]
        if existing:
            existing[-1].addnext(item)
        else:
            metadata.append(item)
        return
    comments = child(metadata, "Comments")
    if comments is None:
        comments = etree.Element(f"{{{ns}}}Comments" if ns else "Comments")
        anchor = last if last is not None else child(metadata, "Created")
        if anchor is not None:
            anchor.addnext(comments)
        else:
            metadata.append(comments)
    comments.text = ((comments.text or "") + "\n" + note).strip()
