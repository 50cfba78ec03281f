"""Word export: the exported reading text with headings, paragraphs and bulleted lists."""

from __future__ import annotations

import contextlib
import io
import zipfile
from datetime import datetime

from korrektur.formats.blocks import placed_blocks
from korrektur.formats.provenance import Provenance
from korrektur.formats.reading import ExportOptions, export_text, session_for, xml_legal, xml_text
from korrektur.model.structure import BlockKind
from korrektur.store.review import Review

PROPERTY_LIMIT = 255  # characters in one of Word's document properties (python-docx checks)


def fitted(text: str, limit: int = PROPERTY_LIMIT) -> str:
    """``text`` as a document property: one line of XML-legal text, at most ``limit`` long.

    Every field of a review file can hold anything a person typed (or a hostile file put
    there); an export must not fail on it.
    """
    text = " ".join(xml_legal(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def names_fitted(names: list[str], limit: int = PROPERTY_LIMIT) -> str:
    """The reviewers' names joined, as many as fit, then how many more there were."""
    names = [fitted(name, limit) for name in names]
    for shown in range(len(names), 0, -1):
        more = len(names) - shown
        text = ", ".join(names[:shown]) + (f" and {more} more" if more else "")
        if len(text) <= limit:
            return text
    return fitted(names[0], limit - 16) + f" and {len(names) - 1} more" if names else ""


def export_docx(review: Review, options: ExportOptions) -> bytes:
    """A .docx of the exported text; provenance goes into the document properties.

    Page breaks of the paper are not reproduced: Word lays the text out anew.
    """
    import docx  # python-docx and lxml: a tenth of a second at start, needed only here

    session = session_for(review, options)
    exported = export_text(session, options)
    provenance = Provenance.of(review, session, options)
    document = docx.Document()
    properties = document.core_properties
    properties.title = fitted(provenance.source_name)
    properties.author = names_fitted(provenance.reviewers)
    properties.comments = fitted(provenance.short_policy())
    properties.subject = fitted(f"OCR text reviewed with {provenance.tool_label}")
    properties.keywords = fitted(f"sha256:{provenance.sha256}")
    with contextlib.suppress(ValueError):
        properties.created = datetime.fromisoformat(provenance.exported_at)
    text = exported.text
    for block in placed_blocks(exported):
        content = text[block.start : block.end]
        if block.kind is BlockKind.HEADING:
            paragraph = document.add_heading(level=2)
        elif block.kind is BlockKind.ITEM:
            paragraph = document.add_paragraph(style="List Bullet")
        else:
            paragraph = document.add_paragraph()
        lines = content.split("\n")
        for number, line in enumerate(lines):
            run = paragraph.add_run(xml_text(line))
            if number < len(lines) - 1:
                run.add_break()
    out = io.BytesIO()
    document.save(out)
    return stamped(out.getvalue(), provenance.exported_at)


def stamped(package: bytes, exported_at: str) -> bytes:
    """The package with every member dated ``exported_at`` (the export's own time).

    python-docx dates each zip member with the clock at saving, so two exports of one
    review made a second apart differed byte for byte; an archive checks exports by
    their checksums and needs the same bytes for the same review and export time.
    """
    try:
        when = datetime.fromisoformat(exported_at).timetuple()[:6]
    except ValueError:
        when = (1980, 1, 1, 0, 0, 0)
    when = max(when, (1980, 1, 1, 0, 0, 0))  # the earliest date a zip member can carry
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as source, zipfile.ZipFile(out, "w") as target:
        for member in source.infolist():
            copy = zipfile.ZipInfo(member.filename, date_time=when)
            copy.compress_type = member.compress_type
            copy.external_attr = member.external_attr
            target.writestr(copy, source.read(member))
    return out.getvalue()
