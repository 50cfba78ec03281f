"""Write an ALTO source back with the corrected words (``export --format alto``).

The source is parsed again and only its ``String`` elements change: a corrected word gets its
new ``CONTENT``, keeps the OCR reading as ``<ALTERNATIVE PURPOSE="OCR">`` and loses ``WC`` and
``CC`` (confidences of the old reading); a split word becomes several ``String`` elements with
``SP`` between them and boxes shared out from the original; words a correction joined are
removed after the first, which takes the union box. The correction is recorded as a
processing step (``Processing`` in ALTO v4, ``OCRProcessing/postProcessingStep`` before).
A folder of per-page ALTO files is written back as a folder of the same file names.
"""

from __future__ import annotations

import copy
from pathlib import Path

from lxml import etree

from korrektur import __version__
from korrektur.formats.alto import alto_files, alto_version, children, descendants, string_elements
from korrektur.formats.reading import ExportOptions
from korrektur.formats.writeback import (
    CorrectedScan,
    CorrectedWord,
    export_file,
    export_folder,
    provenance_note,
)
from korrektur.formats.xmlsafe import local, namespace, parse_xml
from korrektur.model.session import now_iso
from korrektur.store.review import Review


def export_alto(review: Review, options: ExportOptions) -> bytes:
    """The source ALTO file with the corrected words (a folder: ``write_alto_folder``)."""
    return export_file(review, options, "alto", write_alto)


def write_alto_folder(review: Review, options: ExportOptions, folder: Path) -> list[Path]:
    """Write a folder source's files, corrected, into ``folder`` (same file names)."""
    return export_folder(review, options, folder, "alto", alto_files, write_alto)


def write_alto(scan: CorrectedScan, sources: list[bytes]) -> list[bytes]:
    """The ALTO files (``sources``, in page order) with ``scan``'s corrections."""
    roots = [parse_xml(data, scan.source.name) for data in sources]
    strings = [s for root in roots for s in string_elements(root)]
    edits = scan.word_edits()
    for ref in sorted(edits, reverse=True):  # from the end: earlier refs stay valid
        _edit_string(strings[ref], edits[ref])
    note = provenance_note(scan)
    result = []
    for root in roots:
        _add_processing(root, note)
        result.append(
            bytes(etree.tostring(root.getroottree(), xml_declaration=True, encoding="UTF-8"))
        )
    return result


def _box_attributes(element: etree._Element, word: CorrectedWord) -> None:
    box = word.box
    element.set("HPOS", _number(box.left))
    element.set("VPOS", _number(box.top))
    element.set("WIDTH", _number(box.width))
    element.set("HEIGHT", _number(box.height))


def _number(value: float) -> str:
    return str(round(value)) if abs(value - round(value)) < 1e-6 or value > 50 else f"{value:.2f}"


def _edit_string(element: etree._Element, replacements: list[CorrectedWord]) -> None:
    parent = element.getparent()
    if parent is None:
        return
    if not replacements:
        previous = element.getprevious()
        if previous is not None and local(previous) == "SP":
            parent.remove(previous)
        parent.remove(element)
        return
    hyphen = _hyphen_after(element)
    original = element.get("CONTENT", "")
    template = copy.deepcopy(element)
    ns = namespace(element)
    version = alto_version(element.getroottree().getroot())
    anchor = element
    for number, word in enumerate(replacements):
        text = word.text
        if hyphen and number == len(replacements) - 1 and text.endswith(hyphen):
            text = text[: -len(hyphen)]  # the printed hyphen stays in its HYP element
        target = element if number == 0 else copy.deepcopy(template)
        target.set("CONTENT", text)
        for name in ("WC", "CC", "SUBS_CONTENT", "SUBS_TYPE"):
            if name in target.attrib and (name not in ("SUBS_CONTENT", "SUBS_TYPE") or number):
                del target.attrib[name]
        for child in list(target):
            if local(child) in ("ALTERNATIVE", "Glyph"):
                target.remove(child)
        if len(replacements) > 1 or len(word.refs) > 1:  # split or joined: a new box
            _box_attributes(target, word)
        if number == 0:
            alternative = etree.Element(f"{{{ns}}}ALTERNATIVE" if ns else "ALTERNATIVE")
            if version in ("v3", "v4"):
                alternative.set("PURPOSE", "OCR")
            alternative.text = original
            shape = next(children(target, "Shape"), None)
            if shape is not None:
                shape.addnext(alternative)
            else:
                target.insert(0, alternative)
        else:
            if template.get("ID"):
                target.set("ID", f"{template.get('ID')}_{number + 1}")
            space = etree.Element(f"{{{ns}}}SP" if ns else "SP")
            previous_box = replacements[number - 1].box
            space.set("HPOS", _number(previous_box.right))
            space.set("VPOS", _number(previous_box.top))
            space.set("WIDTH", _number(max(0.0, word.box.left - previous_box.right)))
            space.tail = anchor.tail
            anchor.addnext(space)
            target.tail = space.tail
            space.addnext(target)
            anchor = target


def _hyphen_after(element: etree._Element) -> str:
    following = element.getnext()
    while following is not None and local(following) == "SP":
        following = following.getnext()
    if following is not None and local(following) == "HYP":
        return str(following.get("CONTENT", "-"))
    return ""


def _add_processing(root: etree._Element, note: str) -> None:
    ns = namespace(root)

    def make(name: str, parent: etree._Element, text: str | None = None) -> etree._Element:
        element = etree.SubElement(parent, f"{{{ns}}}{name}" if ns else name)
        if text is not None:
            element.text = text
        return element

    description = next(descendants(root, "Description"), None)
    if description is None:
        description = etree.Element(f"{{{ns}}}Description" if ns else "Description")
        root.insert(0, description)
    if alto_version(root) == "v4":
        step = make("Processing", description)
        step.set("ID", f"KORREKTUR_{len(list(children(description, 'Processing')))}")
        make("processingCategory", step, "contentGeneration")
    else:
        ocr = next(children(description, "OCRProcessing"), None)
        if ocr is None:
            ocr = make("OCRProcessing", description)
            ocr.set("ID", "KORREKTUR")
            step = make("ocrProcessingStep", ocr)
        else:
            step = make("postProcessingStep", ocr)
    make("processingDateTime", step, now_iso())
    make("processingStepDescription", step, note)
    software = make("processingSoftware", step)
    make("softwareName", software, "Korrektur")
    make("softwareVersion", software, __version__)
