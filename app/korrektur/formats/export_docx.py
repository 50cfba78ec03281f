"""Word export: the exported reading text with headings, paragraphs and bulleted lists."""

from __future__ import annotations

import contextlib
import io
from datetime import datetime

from korrektur.formats.provenance import Provenance
from korrektur.formats.reading import (
    ExportOptions,
    export_text,
    reading_blocks,
    session_for,
    xml_text,
)
from korrektur.store.review import Review


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
    properties.title = xml_text(provenance.source_name)
    properties.author = xml_text(", ".join(provenance.reviewers))
    properties.comments = provenance.short_policy()
    properties.subject = f"OCR text reviewed with {provenance.tool_label}"
    properties.keywords = f"sha256:{provenance.sha256}"
    with contextlib.suppress(ValueError):
        properties.created = datetime.fromisoformat(provenance.exported_at)
    text = exported.text
    for block in reading_blocks(text):
        content = text[block.start : block.end]
        if block.kind == "head":
            paragraph = document.add_heading(level=2)
        elif block.kind == "item":
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
    return out.getvalue()
