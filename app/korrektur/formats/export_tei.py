"""TEI P5 export: the reading text with every correction as ``<choice><sic/><corr/></choice>``."""

from __future__ import annotations

import bisect
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass

from lxml import etree

from korrektur.formats.blocks import placed_blocks, removed_lines
from korrektur.formats.provenance import Provenance
from korrektur.formats.reading import Applied, ExportOptions, export_text, session_for, xml_text
from korrektur.model import Kind, Status
from korrektur.model.structure import BlockKind
from korrektur.store.review import Review

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
TOOL_ID = "korrektur"
KINDS_ID = "kinds"


def _el(parent: etree._Element, name: str, text: str | None = None, **attrs: str) -> etree._Element:
    element = etree.SubElement(parent, f"{{{TEI_NS}}}{name}")
    for key, value in attrs.items():
        element.set(f"{{{XML_NS}}}id" if key == "xml_id" else key, xml_text(value))
    if text is not None:
        element.text = xml_text(text)
    return element


def _append(parent: etree._Element, text: str) -> None:
    """Add ``text`` at the end of ``parent``'s content; line breaks become ``<lb/>``."""
    for number, piece in enumerate(text.split("\n")):
        if number:
            _el(parent, "lb")
        piece = xml_text(piece)
        if not piece:
            continue
        if len(parent):
            parent[-1].tail = (parent[-1].tail or "") + piece
        else:
            parent.text = (parent.text or "") + piece


def _kinds(kinds: Iterable[Kind]) -> str:
    """``ana`` pointing at the kinds' categories, in ``Kind`` order (``#diacritic #ocr``)."""
    return " ".join(f"#{kind.value}" for kind in Kind if kind in kinds)


def _certainty(confidence: float) -> str:
    return "high" if confidence >= 0.9 else "medium" if confidence >= 0.6 else "low"


@dataclass(frozen=True)
class _Milestone:
    position: int
    name: str  # "pb" or "fw"
    value: str  # page number or the furniture text


class TeiWriter:
    """Builds one TEI document from a review."""

    def __init__(self, review: Review, options: ExportOptions) -> None:
        self.options = options
        self.session = session_for(review, options)
        self.exported = export_text(self.session, options)
        self.provenance = Provenance.of(review, self.session, options)
        self.corrections = [a for a in self.exported.applied if a.is_correction]
        self._starts = [a.start for a in self.corrections]
        self.milestones = self._milestones()

    def _milestones(self) -> list[_Milestone]:
        found = [_Milestone(pos, "pb", str(n)) for n, pos in self.exported.page_starts()]
        found += [
            _Milestone(line.at, "fw", line.text)
            for line in removed_lines(self.exported)
            if line.kind is Kind.PAGE_FURNITURE
        ]
        # a page break inside a correction (a word joined across pages) goes after it
        for index, milestone in enumerate(found):
            before = bisect.bisect_left(self._starts, milestone.position) - 1
            if before >= 0:
                correction = self.corrections[before]
                if correction.start < milestone.position < correction.end:
                    found[index] = _Milestone(correction.end, milestone.name, milestone.value)
        return sorted(found, key=lambda m: (m.position, m.name != "pb"))

    # -- header --------------------------------------------------------------------------

    def header(self, root: etree._Element) -> None:
        """The teiHeader: source, tool and reviewers, editorial policy, versions."""
        p = self.provenance
        header = _el(root, "teiHeader")
        file_desc = _el(header, "fileDesc")
        title_stmt = _el(file_desc, "titleStmt")
        _el(title_stmt, "title", f"{p.source_name}: OCR text, reviewed and corrected")
        tool = _el(title_stmt, "respStmt", xml_id=TOOL_ID)
        _el(tool, "resp", "automatic correction suggestions")
        _el(tool, "name", p.tool_label)
        for person_id, name in p.reviewer_ids.items():
            stmt = _el(title_stmt, "respStmt", xml_id=person_id)
            _el(stmt, "resp", "review of the suggestions")
            _el(stmt, "persName", name)
        _el(
            _el(file_desc, "publicationStmt"),
            "p",
            f"Exported by {p.tool_label} on {p.exported_at}.",
        )
        bibl = _el(_el(file_desc, "sourceDesc"), "bibl")
        _el(bibl, "title", p.source_name)
        _el(bibl, "idno", p.sha256, type="sha256")
        _el(bibl, "extent", p.extent)
        _el(bibl, "note", p.source_note)
        encoding = _el(header, "encodingDesc")
        app_info = _el(encoding, "appInfo")
        application = _el(app_info, "application", ident="Korrektur", version=p.tool_version)
        _el(application, "label", "Korrektur")
        _el(application, "desc", f"lexicon {p.lexicon}")
        self.kinds(encoding)
        editorial = _el(encoding, "editorialDecl")
        _el(_el(editorial, "correction"), "p", p.policy_text())
        _el(
            _el(editorial, "hyphenation", eol="none"),
            "p",
            "Words hyphenated at line ends are joined where the reviewer accepted it.",
        )
        revisions = _el(header, "revisionDesc")
        exported = f"version {self.options.version}" if self.options.version else "current work"
        _el(revisions, "change", f"Exported ({exported}).", when=p.exported_at)
        for version in reversed(p.versions):  # TEI lists the newest change first
            change = _el(
                revisions, "change", version.summary, when=version.time, n=str(version.number)
            )
            if version.reviewer_id:
                change.set("who", "#" + version.reviewer_id)

    def kinds(self, encoding: etree._Element) -> None:
        """The kinds of suggestions as a taxonomy; ``ana`` points at them (``#diacritic``).

        The names are the ones the window, the HTML report and CSV use.
        """
        taxonomy = _el(_el(encoding, "classDecl"), "taxonomy", xml_id=KINDS_ID)
        _el(taxonomy, "desc", "Kinds of correction suggestions")
        for kind in Kind:
            _el(_el(taxonomy, "category", xml_id=kind.value), "catDesc", kind.value)

    # -- body ----------------------------------------------------------------------------

    def _inline(
        self, parent: etree._Element, start: int, end: int, milestones: Iterable[_Milestone]
    ) -> None:
        """Fill ``parent`` with the export text ``[start, end)``, its corrections and milestones."""
        text = self.exported.text
        # corrections that cross a block boundary (rare manual edits) stay plain text
        first = bisect.bisect_left(self._starts, start)
        last = bisect.bisect_right(self._starts, end)
        events: list[tuple[int, int, Applied | _Milestone]] = [
            (a.start, 1, a) for a in self.corrections[first:last] if a.end <= end
        ]
        events += [(m.position, 0, m) for m in milestones]
        position = start
        for at, _, event in sorted(events, key=lambda e: (e[0], e[1])):
            _append(parent, text[position:at])
            position = at
            if isinstance(event, _Milestone):
                self._milestone(parent, event)
            else:
                self._choice(parent, event)
                position = event.end
        _append(parent, text[position:end])

    def _choice(self, parent: etree._Element, applied: Applied) -> None:
        choice = _el(parent, "choice", ana=_kinds(applied.suggestion.kinds))
        sic = _el(choice, "sic")
        _append(sic, applied.suggestion.original)
        if applied.reviewed:
            decided_by = applied.suggestion.decided_by
            resp = "#" + self.provenance.person_id(decided_by)
            corr = _el(choice, "corr", resp=resp, cert="high")
            if applied.suggestion.status is Status.EDITED:
                corr.set("type", "edited")  # the reviewer's own text
        else:
            cert = _certainty(applied.suggestion.confidence)
            corr = _el(choice, "corr", resp="#" + TOOL_ID, cert=cert, type="unreviewed")
        _append(corr, applied.text)

    def _milestone(self, parent: etree._Element, milestone: _Milestone) -> None:
        if milestone.name == "pb":
            _el(parent, "pb", n=milestone.value)
        else:
            _el(parent, "fw", milestone.value, ana=_kinds({Kind.PAGE_FURNITURE}))

    def body(self, root: etree._Element) -> None:
        """The text: ``<div>`` of ``<head>``, ``<p>``, ``<list>`` with ``<pb/>`` and ``<fw>``."""
        text = _el(root, "text")
        text.set(f"{{{XML_NS}}}lang", "sv")
        div = _el(_el(text, "body"), "div")
        blocks = placed_blocks(self.exported)
        pending = deque(self.milestones)
        list_element: etree._Element | None = None
        group = 0
        for block in blocks:
            before: list[_Milestone] = []
            while pending and pending[0].position <= block.start:
                before.append(pending.popleft())
            inside: list[_Milestone] = []
            while pending and pending[0].position < block.end:
                inside.append(pending.popleft())
            if block.kind is not BlockKind.ITEM or block.list != group:
                list_element = None
            target = list_element if list_element is not None else div
            for milestone in before:
                self._milestone(target, milestone)
            if block.kind is BlockKind.ITEM:
                if list_element is None:
                    list_element = _el(div, "list", rend="bulleted")
                    group = block.list
                element = _el(list_element, "item")
            else:
                element = _el(div, "head" if block.kind is BlockKind.HEADING else "p")
            self._inline(element, block.start, block.end, inside)
        for milestone in pending:
            self._milestone(div, milestone)

    def document(self) -> bytes:
        """The whole TEI document as UTF-8 bytes."""
        root = etree.Element(f"{{{TEI_NS}}}TEI", nsmap={None: TEI_NS})
        root.set(f"{{{XML_NS}}}lang", "sv")
        self.header(root)
        self.body(root)
        return bytes(
            etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
        )


def export_tei(review: Review, options: ExportOptions) -> bytes:
    """TEI P5 XML of the review (see the README for what it contains)."""
    return TeiWriter(review, options).document()
