"""Parse untrusted XML (hOCR, ALTO, PAGE) safely: no entities, no DTDs fetched, no network.

Every XML file is first read by defusedxml's expat reader, which refuses entity declarations
(the "billion laughs" expansion) and external entities and DTDs; only a file that passes is
parsed again by lxml (with entity resolution, DTD loading and network access switched off)
into the tree the readers and writers use. The first pass streams, so a refused file never
takes more memory than its own bytes.
"""

from __future__ import annotations

import io
import xml.sax
from xml.parsers import expat
from xml.sax.handler import ContentHandler

from defusedxml import DefusedXmlException
from defusedxml.expatreader import DefusedExpatParser
from lxml import etree

from korrektur.model.errors import DocumentError

MAX_XML_BYTES = 200 * 1024 * 1024
"""Larger XML files are refused (a 500-page ALTO volume is about 40 MB)."""


class _NoExternalDtdParser(DefusedExpatParser):  # type: ignore[misc]
    """defusedxml's reader that also never reads an external DTD.

    A DOCTYPE naming one (XHTML hOCR does) is then just a name; entity declarations and
    external entities stay forbidden.
    """

    def reset(self) -> None:
        super().reset()
        self._parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)


def _check_safe(data: bytes) -> None:
    """Raise DefusedXmlException or SAXParseException for unsafe or malformed XML."""
    parser = _NoExternalDtdParser()
    parser.setContentHandler(ContentHandler())
    source = xml.sax.xmlreader.InputSource()
    source.setByteStream(io.BytesIO(data))
    parser.parse(source)


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_blank_text=False,
    )


def parse_xml(data: bytes, name: str, allow_html: bool = False) -> etree._Element:
    """The root element of ``data``.

    Args:
        data: the file's bytes.
        name: the file name, for messages.
        allow_html: if the bytes are not well-formed XML, read them as HTML (hOCR from
            tools that write HTML rather than XHTML).

    Raises:
        DocumentError: too large, malformed, or declaring entities or external references.
    """
    if len(data) > MAX_XML_BYTES:
        raise DocumentError(
            f"{name}: the file is {len(data) / 1024 / 1024:.0f} MB; Korrektur reads XML "
            f"files up to {MAX_XML_BYTES // 1024 // 1024} MB. Split it into parts."
        )
    try:
        _check_safe(data)
    except DefusedXmlException as exc:
        raise DocumentError(
            f"{name}: the XML declares entities or external references ({type(exc).__name__}); "
            "Korrektur refuses them because they can exhaust memory or read other files."
        ) from exc
    except xml.sax.SAXParseException as exc:
        if allow_html and _looks_like_html(data):
            return _parse_html(data, name)
        raise DocumentError(
            f"{name}: this is not well-formed XML (line {exc.getLineNumber()}, column "
            f"{exc.getColumnNumber()}: {exc.getMessage()})."
        ) from exc
    try:
        return etree.fromstring(data, parser=_parser())
    except etree.XMLSyntaxError as exc:  # expat accepted what libxml2 does not
        raise DocumentError(f"{name}: this is not well-formed XML ({exc.msg}).") from exc


def _looks_like_html(data: bytes) -> bool:
    """HTML rather than broken XHTML: no XML declaration, an html element or doctype."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return not head.startswith(b"<?xml") and (b"<html" in head or b"<!doctype html" in head)


def _html_encoding(data: bytes) -> str | None:
    """UTF-8 when the bytes are UTF-8, else None (libxml2 then follows a ``<meta charset>``).

    libxml2's HTML parser falls back to Latin-1 when no charset is declared, which turns every
    å/ä/ö of a Tesseract hOCR without ``<meta charset>`` into two letters.
    """
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return "utf-8"


def _parse_html(data: bytes, name: str) -> etree._Element:
    parser = etree.HTMLParser(
        no_network=True,
        remove_blank_text=False,
        huge_tree=False,
        encoding=_html_encoding(data),
    )
    try:
        root = etree.fromstring(data, parser=parser)
    except etree.ParserError as exc:
        raise DocumentError(f"{name}: this HTML cannot be read ({exc}).") from exc
    if root is None:
        raise DocumentError(f"{name}: this HTML file is empty.")
    return root


def local(element: etree._Element) -> str:
    """The element's name without its namespace ("" for comments and processing instructions)."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def namespace(element: etree._Element) -> str:
    """The element's namespace URI ("" for none)."""
    tag = element.tag
    return tag[1:].split("}", 1)[0] if isinstance(tag, str) and tag.startswith("{") else ""
