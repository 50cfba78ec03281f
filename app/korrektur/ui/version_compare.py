"""Two versions compared for people: decisions in words, texts side by side with word changes.

The worker compares (``korrektur.store.compare.compare_for_people``); here the comparison
is written as HTML in the reviewer's language and laid out as a document, on the window's
own thread, so only the finished document reaches the GUI thread.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from html import escape

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QTextDocument

from korrektur.model import Decision, Status, Suggestion
from korrektur.store.compare import (
    MAX_DECISIONS,
    MAX_ROWS,
    DecisionLine,
    TextRow,
    VersionComparison,
)
from korrektur.store.history import History
from korrektur.ui.describe import describe
from korrektur.ui.formatting import plain_change
from korrektur.ui.local_time import local_time

CURRENT = 0  # the current, unsaved work
_TOKENS = re.compile(r"\s+|\w+|[^\w\s]", re.UNICODE)

# Removed text struck through on red, added text underlined on green: shape and colour.
# The text colour is set too, so the marks read on a dark palette as well.
CSS = (
    "table.text { width: 100%; } td { vertical-align: top; padding: 1px 4px; }"
    " td.n { color: gray; text-align: right; }"
    " td.t { white-space: pre-wrap; font-family: monospace; }"
    " span.del { background-color: #F9C9C4; color: #5A0000; text-decoration: line-through; }"
    " span.ins { background-color: #BFE8CB; color: #003B14; text-decoration: underline; }"
    " td.gap { color: gray; text-align: center; }"
)


def version_name(history: History, number: int) -> str:
    """``version 2 (Anna Berg, 2025-03-04 14:05)`` or ``the current work``."""
    if number == CURRENT:
        return QCoreApplication.translate("VersionCompare", "the current work")
    version = history.get(number)
    details = ", ".join(x for x in (version.reviewer, local_time(version.time)) if x)
    name = QCoreApplication.translate("VersionCompare", "version %1").replace("%1", str(number))
    return f"{name} ({details})" if details else name


def _change(proposal: Suggestion, text: str | None = None) -> str:
    shown = text if text is not None else proposal.replacement
    return describe(proposal, shown) or plain_change(proposal.original, shown)


def decision_words(decision: Decision | None, proposal: Suggestion) -> str:
    """A decision as a reviewer says it: ``accepted for → för``."""
    if decision is None:
        return QCoreApplication.translate("VersionCompare", "not there")
    if decision.status is Status.PENDING:
        return QCoreApplication.translate("VersionCompare", "undecided")
    if decision.status is Status.ACCEPTED:
        return QCoreApplication.translate("VersionCompare", "accepted %1").replace(
            "%1", _change(proposal)
        )
    if decision.status is Status.REJECTED:
        return QCoreApplication.translate("VersionCompare", "rejected %1").replace(
            "%1", _change(proposal)
        )
    return QCoreApplication.translate("VersionCompare", "edited %1").replace(
        "%1", _change(proposal, decision.edited_text)
    )


def decision_lines(decisions: list[DecisionLine]) -> list[str]:
    """Each decision that differs, in words and with its line: no internal ids."""
    return [
        QCoreApplication.translate("VersionCompare", "%1, line %2 (before: %3)")
        .replace("%1", decision_words(d.after, d.proposal))
        .replace("%2", str(d.line))
        .replace("%3", decision_words(d.before, d.proposal))
        for d in decisions
    ]


def _marked(tokens: list[str], spans: list[tuple[int, int]], kind: str) -> str:
    """``tokens`` escaped, the token ranges ``spans`` wrapped in a ``del``/``ins`` span."""
    parts = []
    position = 0
    for start, end in spans:
        parts.append(escape("".join(tokens[position:start])))
        parts.append(f"<span class='{kind}'>{escape(''.join(tokens[start:end]))}</span>")
        position = end
    parts.append(escape("".join(tokens[position:])))
    return "".join(parts)


def word_diff(old: str, new: str) -> tuple[str, str]:
    """Two lines as HTML with the words that differ marked (removed left, added right)."""
    a, b = _TOKENS.findall(old), _TOKENS.findall(new)
    removed, added = [], []
    for op, a1, a2, b1, b2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op in ("replace", "delete"):
            removed.append((a1, a2))
        if op in ("replace", "insert"):
            added.append((b1, b2))
    return _marked(a, removed, "del"), _marked(b, added, "ins")


def _cells(side: tuple[int, str] | None, kind: str | None) -> str:
    number, text = side if side is not None else ("", "")
    shown = f"<span class='{kind}'>{escape(text)}</span>" if kind and side else escape(text)
    return f"<td class='n' width='3%'>{number}</td><td class='t' width='47%'>{shown}</td>"


def _row(row: TextRow) -> str:
    """One row of the side-by-side table: word changes marked where both sides have a line."""
    if row.hidden:
        note = QCoreApplication.translate("VersionCompare", "%n unchanged line(s)").replace(
            "%n", str(row.hidden)
        )
        return f"<tr><td></td><td class='gap' colspan='3'>⋯ {escape(note)} ⋯</td></tr>"
    if row.changed and row.left is not None and row.right is not None:
        left, right = word_diff(row.left[1], row.right[1])
        return (
            f"<tr><td class='n' width='3%'>{row.left[0]}</td><td class='t' width='47%'>{left}</td>"
            f"<td class='n' width='3%'>{row.right[0]}</td>"
            f"<td class='t' width='47%'>{right}</td></tr>"
        )
    kinds = ("del", "ins") if row.changed else (None, None)
    return f"<tr>{_cells(row.left, kinds[0])}{_cells(row.right, kinds[1])}</tr>"


def comparison_html(comparison: VersionComparison, names: tuple[str, str]) -> str:
    """The whole comparison as HTML; ``names`` name the two sides."""
    parts = [f"<html><head><style>{CSS}</style></head><body>"]
    differ = QCoreApplication.translate("VersionCompare", "%n decision(s) differ").replace(
        "%n", str(comparison.decisions_total)
    )
    parts.append(f"<h3>{escape(differ)}</h3>")
    if comparison.decisions:
        lines = decision_lines(comparison.decisions)
        parts.append("<ul>" + "".join(f"<li>{escape(line)}</li>" for line in lines) + "</ul>")
        if comparison.decisions_total > MAX_DECISIONS:
            more_decisions = QCoreApplication.translate(
                "VersionCompare", "… and %n more decision(s)"
            ).replace("%n", str(comparison.decisions_total - MAX_DECISIONS))
            parts.append(f"<p>{escape(more_decisions)}</p>")
    if not comparison.changed:
        same = QCoreApplication.translate("VersionCompare", "The texts are the same.")
        parts.append(f"<p>{escape(same)}</p>")
    else:
        heading = QCoreApplication.translate("VersionCompare", "%n line(s) of text differ").replace(
            "%n", str(comparison.changed)
        )
        parts.append(f"<h3>{escape(heading)}</h3>")
        left, right = (escape(name) for name in names)
        parts.append(
            "<table class='text' width='100%' cellspacing='0'>"
            f"<tr><th width='3%'></th><th width='47%'>{left}</th>"
            f"<th width='3%'></th><th width='47%'>{right}</th></tr>"
            + "".join(_row(row) for row in comparison.rows)
            + "</table>"
        )
        if len(comparison.rows) >= MAX_ROWS:
            cut = QCoreApplication.translate(
                "VersionCompare", "… and more: %n changed line(s) in all"
            ).replace("%n", str(comparison.changed))
            parts.append(f"<p>{escape(cut)}</p>")
    parts.append("</body></html>")
    return "".join(parts)


@dataclass(frozen=True)
class Laid:
    """A document laid out off the GUI thread (wrapped: a bare QObject would not outlive the job).

    Attributes:
        document: the comparison, owned by the GUI thread.
    """

    document: QTextDocument


def comparison_document(comparison: VersionComparison, names: tuple[str, str]) -> Laid:
    """``comparison_html`` laid out as a document here (the window's own thread)."""
    document = QTextDocument()
    document.setHtml(comparison_html(comparison, names))
    app = QCoreApplication.instance()
    if app is not None:
        document.moveToThread(app.thread())
    return Laid(document)
