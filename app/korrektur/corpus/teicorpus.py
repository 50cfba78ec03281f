"""One TEI ``teiCorpus`` file: a corpus header, then every document's own TEI.

Written as a stream (lxml's incremental writer): each document's TEI is parsed and written
in turn, so the corpus file can be far larger than memory. The documents keep their own
headers (source, reviewers, policy, versions), numbered in ``n`` and with their ids made
unique in the file; the corpus header says what the collection is and how it was made.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from lxml import etree

from korrektur import __version__
from korrektur.formats.export_tei import TEI_NS, XML_NS
from korrektur.formats.reading import Pending

_XML_ID = f"{{{XML_NS}}}id"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)


def _el(parent: etree._Element, name: str, text: str | None = None, **attrs: str) -> etree._Element:
    element = etree.SubElement(parent, f"{{{TEI_NS}}}{name}", attrs)
    if text is not None:
        element.text = text
    return element


def corpus_header(
    title: str, documents: int, sources: str, pending: Pending, exported_at: str
) -> etree._Element:
    """The ``teiHeader`` of the corpus."""
    header = etree.Element(f"{{{TEI_NS}}}teiHeader", nsmap={None: TEI_NS})
    file_desc = _el(header, "fileDesc")
    title_stmt = _el(file_desc, "titleStmt")
    _el(title_stmt, "title", title)
    resp = _el(title_stmt, "respStmt")
    _el(resp, "resp", "automatic correction suggestions and their review")
    _el(resp, "name", f"Korrektur {__version__}")
    _el(file_desc, "extent", f"{documents} documents")
    _el(
        _el(file_desc, "publicationStmt"),
        "p",
        f"Exported by Korrektur {__version__} on {exported_at}.",
    )
    _el(
        _el(file_desc, "sourceDesc"),
        "p",
        f"OCR texts of {documents} documents from {sources}; each document's own header "
        "names its source file and SHA-256.",
    )
    encoding = _el(header, "encodingDesc")
    application = _el(
        _el(encoding, "appInfo"), "application", ident="Korrektur", version=__version__
    )
    _el(application, "label", "Korrektur")
    policy = (
        "Undecided suggestions are not applied: the OCR text stands there."
        if pending is Pending.RAW
        else "Undecided suggestions are applied as proposed and marked as unreviewed."
    )
    _el(
        _el(_el(encoding, "editorialDecl"), "correction"),
        "p",
        "Corrections decided by reviewers are marked with choice/sic/corr in each document. "
        + policy,
    )
    _el(_el(header, "revisionDesc"), "change", "Corpus exported.", when=exported_at)
    return header


class Writable(Protocol):
    """Where the corpus is written: anything with a binary ``write``."""

    def write(self, data: bytes, /) -> int:
        """Write ``data``."""
        ...


def own_ids(tei: etree._Element, prefix: str) -> None:
    """Prefix every ``xml:id`` of one document, and the ``#id`` references to them.

    Each document names its reviewers ``r1``, ``r2``, … and the tool ``korrektur``; in one
    corpus file an id may occur only once.
    """
    ids = set()
    for element in tei.iter():
        value = element.get(_XML_ID)
        if value is not None:
            ids.add(value)
            element.set(_XML_ID, prefix + value)
    for element in tei.iter():
        for name, value in element.attrib.items():
            if "#" in value:
                tokens = [
                    f"#{prefix}{t[1:]}" if t.startswith("#") and t[1:] in ids else t
                    for t in value.split()
                ]
                element.set(name, " ".join(tokens))


def write_tei_corpus(handle: Writable, header: etree._Element, documents: Iterable[bytes]) -> int:
    """Write the corpus to ``handle``: the header, then each TEI document. Returns how many."""
    count = 0
    with etree.xmlfile(handle, encoding="UTF-8") as xf:
        xf.write_declaration()
        with xf.element(f"{{{TEI_NS}}}teiCorpus", nsmap={None: TEI_NS}):
            xf.write(header, pretty_print=True)
            for number, data in enumerate(documents, start=1):
                tei = etree.fromstring(data, _PARSER)
                own_ids(tei, f"d{number}-")
                tei.set("n", str(number))
                xf.write(tei, pretty_print=True)
                count += 1
    return count
