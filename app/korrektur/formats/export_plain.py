"""Plain exports: the text (txt), the full annotation (json), one row per decision (csv)."""

from __future__ import annotations

import csv
import io
import json
from itertools import chain

from korrektur.formats.provenance import Provenance
from korrektur.formats.reading import ExportOptions, export_text, session_for
from korrektur.model.newlines import restore_newlines
from korrektur.store.pieces import encode_all
from korrektur.store.records import suggestion_record
from korrektur.store.review import Review
from korrektur.store.reviewfile import review_data

CSV_COLUMNS = [
    "id",
    "page",
    "line",
    "column",
    "original",
    "replacement",
    "result",
    "kinds",
    "confidence",
    "status",
    "reviewer",
    "decided_at",
    "edited_text",
    "reason",
    "alternatives",
]


def export_txt(review: Review, options: ExportOptions) -> bytes:
    """The exported text as UTF-8, with the source's newline style."""
    session = session_for(review, options)
    text = export_text(session, options).text
    return restore_newlines(text, session.document.newline).encode("utf-8")


def export_json(review: Review, options: ExportOptions) -> bytes:
    """Everything the review file holds, plus the exported text and its policy.

    The keys are those of the review file (see the README); ``source_text`` is one string
    here, and ``export`` says what was exported and how.
    """
    session = session_for(review, options)
    provenance = Provenance.of(review, session, options)
    data = review_data(review, None)
    try:
        if options.version:  # the suggestions as that version had them
            data["suggestions"] = [suggestion_record(s) for s in session.suggestions]
            data["counts"] = {status.value: n for status, n in session.counts().items()}
        data["source_text"] = session.document.text
        data["export"] = {
            "exported_at": provenance.exported_at,
            "version": options.version or None,
            "pending": options.pending.value,
            "keep_lines": options.keep_lines,
            "policy": provenance.policy_text(),
            "text": export_text(session, options).text,
        }
        return json_bytes(data)
    finally:
        data.clear()


def json_bytes(data: object) -> bytes:
    """``json.dumps(data, ensure_ascii=False, indent=1)`` and a newline, as UTF-8.

    The pieces ``json`` makes are joined and encoded a few thousand at a time, so the text
    of a 300-page review never exists whole beside its bytes (see ``store.pieces``).
    """
    pieces = json.JSONEncoder(ensure_ascii=False, indent=1).iterencode(data)
    return encode_all(chain(pieces, ["\n"]))


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # what spreadsheets read as a formula


def defused(cell: str) -> str:
    """``cell`` with a leading ``'`` if a spreadsheet would read it as a formula (OWASP).

    OCR lines often start with a dash; a cell ``-pa rad`` or ``=SUM(A1)`` must not be run.
    """
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def export_csv(review: Review, options: ExportOptions) -> bytes:
    """One row per suggestion and its decision; UTF-8 with BOM so that Excel reads å/ä/ö.

    Text cells that start like a formula are defused (``defused``) unless ``options.exact``.
    """
    session = session_for(review, options)
    cell = str if options.exact else defused
    exported = export_text(session, options)
    document = session.document
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for applied in exported.applied:
        s = applied.suggestion
        line = document.lines[document.line_index_at(s.start)]
        writer.writerow(
            [
                s.id,
                document.page_index_at(s.start) + 1,
                line.number,
                s.start - line.start + 1,
                cell(s.original),
                cell(s.replacement),
                cell(applied.text),
                s.kinds_label,
                f"{s.confidence:.4f}",
                s.status.value,
                cell(s.decided_by or ""),
                cell(s.decided_at or ""),
                cell(s.edited_text or ""),
                cell(s.reason),
                cell(" | ".join(s.alternatives)),
            ]
        )
    return out.getvalue().encode("utf-8-sig")
