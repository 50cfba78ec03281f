"""Two versions compared for people: decisions in words, texts side by side with word changes.

Everything here is plain Python (and thread-safe translation): the comparison of a long
report is built on a worker thread and only the finished HTML reaches the GUI thread.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from html import escape

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QTextDocument

from korrektur.model import Decision, ReviewSession, Status, Suggestion
from korrektur.model.view import TextView
from korrektur.store.compare import DecisionChange, decision_changes
from korrektur.store.review import Review
from korrektur.ui.describe import describe
from korrektur.ui.formatting import plain_change
from korrektur.ui.local_time import local_time

CURRENT = 0  # the current, unsaved work
CONTEXT = 1  # unchanged lines shown around a change
# A comparison longer than this is cut short (it says how much more there is): a rich text
# document is laid out on the GUI thread, and thousands of rows would hold it up for seconds.
MAX_ROWS = 400
MAX_DECISIONS = 300
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


def version_name(review: Review, number: int) -> str:
    """``version 2 (Anna Berg, 2025-03-04 14:05)`` or ``the current work``."""
    if number == CURRENT:
        return QCoreApplication.translate("VersionCompare", "the current work")
    version = review.history.get(number)
    details = ", ".join(x for x in (version.reviewer, local_time(version.time)) if x)
    name = QCoreApplication.translate("VersionCompare", "version %1").replace("%1", str(number))
    return f"{name} ({details})" if details else name


def _session(review: Review, number: int) -> ReviewSession:
    return review.session if number == CURRENT else review.version_session(number)


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


def decision_lines(review: Review, changes: list[DecisionChange]) -> list[str]:
    """Each decision that differs, in words and with its line: no internal ids."""
    document = review.session.document
    lines = []
    for change in changes:
        proposal = review.proposal(change.id)
        if proposal is None:
            continue
        line = document.lines[document.line_index_at(min(proposal.start, len(document.text)))]
        now = decision_words(change.after, proposal)
        before = decision_words(change.before, proposal)
        lines.append(
            QCoreApplication.translate("VersionCompare", "%1, line %2 (before: %3)")
            .replace("%1", now)
            .replace("%2", str(line.number))
            .replace("%3", before)
        )
    return lines


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


def _row(left: tuple[int, str] | None, right: tuple[int, str] | None) -> str:
    cells = []
    for side in (left, right):
        number, text = side if side is not None else ("", "")
        cells.append(f"<td class='n' width='3%'>{number}</td><td class='t' width='47%'>{text}</td>")
    return f"<tr>{''.join(cells)}</tr>"


def side_by_side(old: str, new: str, limit: int = MAX_ROWS) -> tuple[list[str], int]:
    """Table rows of the two texts where they differ (with a line of context); and changes.

    Rows stop after ``limit``; the changed lines are all counted.
    """
    a, b = old.split("\n"), new.split("\n")
    rows: list[str] = []
    changed = 0
    # lines repeated all over (blank ones) are junk to the matcher, as in a unified diff:
    # without that a long report takes many seconds
    opcodes = SequenceMatcher(None, a, b).get_opcodes()
    for index, (op, a1, a2, b1, b2) in enumerate(opcodes):
        if len(rows) >= limit:
            if op != "equal":
                changed += max(a2 - a1, b2 - b1)
            continue
        if op == "equal":
            keep_head = CONTEXT if index > 0 else 0
            keep_tail = CONTEXT if index < len(opcodes) - 1 else 0
            if a2 - a1 > keep_head + keep_tail + 1:
                for k in range(keep_head):
                    rows.append(
                        _row((a1 + k + 1, escape(a[a1 + k])), (b1 + k + 1, escape(b[b1 + k])))
                    )
                hidden = a2 - a1 - keep_head - keep_tail
                note = QCoreApplication.translate("VersionCompare", "%n unchanged line(s)").replace(
                    "%n", str(hidden)
                )
                rows.append(
                    f"<tr><td></td><td class='gap' colspan='3'>⋯ {escape(note)} ⋯</td></tr>"
                )
                for k in range(keep_tail, 0, -1):
                    rows.append(
                        _row((a2 - k + 1, escape(a[a2 - k])), (b2 - k + 1, escape(b[b2 - k])))
                    )
            else:
                for k in range(a2 - a1):
                    rows.append(
                        _row((a1 + k + 1, escape(a[a1 + k])), (b1 + k + 1, escape(b[b1 + k])))
                    )
            continue
        for k in range(max(a2 - a1, b2 - b1)):
            changed += 1
            i, j = a1 + k, b1 + k
            if i < a2 and j < b2:
                left, right = word_diff(a[i], b[j])
                rows.append(_row((i + 1, left), (j + 1, right)))
            elif i < a2:
                rows.append(_row((i + 1, f"<span class='del'>{escape(a[i])}</span>"), None))
            else:
                rows.append(_row(None, (j + 1, f"<span class='ins'>{escape(b[j])}</span>")))
    return rows, changed


def comparison_html(review: Review, first: int, second: int, proposals: bool = False) -> str:
    """The whole comparison of versions ``first`` and ``second`` (0: the current work).

    Texts are compared as an export writes them by default (undecided suggestions keep the
    OCR text) unless ``proposals``.
    """
    view = TextView(proposals=proposals)
    old_text, new_text = (_session(review, n).text_with(view) for n in (first, second))
    names = [escape(version_name(review, n)) for n in (first, second)]
    decisions = decision_lines(review, decision_changes(review, first, second))
    parts = [f"<html><head><style>{CSS}</style></head><body>"]
    differ = QCoreApplication.translate("VersionCompare", "%n decision(s) differ").replace(
        "%n", str(len(decisions))
    )
    parts.append(f"<h3>{escape(differ)}</h3>")
    if decisions:
        items = "".join(f"<li>{escape(line)}</li>" for line in decisions[:MAX_DECISIONS])
        parts.append(f"<ul>{items}</ul>")
        if len(decisions) > MAX_DECISIONS:
            more_decisions = QCoreApplication.translate(
                "VersionCompare", "… and %n more decision(s)"
            ).replace("%n", str(len(decisions) - MAX_DECISIONS))
            parts.append(f"<p>{escape(more_decisions)}</p>")
    rows, changed = side_by_side(old_text, new_text)
    if not changed:
        same = QCoreApplication.translate("VersionCompare", "The texts are the same.")
        parts.append(f"<p>{escape(same)}</p>")
    else:
        heading = QCoreApplication.translate("VersionCompare", "%n line(s) of text differ").replace(
            "%n", str(changed)
        )
        parts.append(f"<h3>{escape(heading)}</h3>")
        parts.append(
            "<table class='text' width='100%' cellspacing='0'>"
            f"<tr><th width='3%'></th><th width='47%'>{names[0]}</th>"
            f"<th width='3%'></th><th width='47%'>{names[1]}</th></tr>" + "".join(rows) + "</table>"
        )
        if len(rows) >= MAX_ROWS:
            cut = QCoreApplication.translate(
                "VersionCompare", "… and more: %n changed line(s) in all"
            ).replace("%n", str(changed))
            parts.append(f"<p>{escape(cut)}</p>")
    parts.append("</body></html>")
    return "".join(parts)


@dataclass(frozen=True)
class Laid:
    """A document laid out on a worker (wrapped: a bare QObject would not outlive the job).

    Attributes:
        document: the comparison, owned by the GUI thread.
    """

    document: QTextDocument


def comparison_document(review: Review, first: int, second: int, proposals: bool = False) -> Laid:
    """``comparison_html`` laid out as a document here (a worker), for the GUI thread."""
    document = QTextDocument()
    document.setHtml(comparison_html(review, first, second, proposals))
    app = QCoreApplication.instance()
    if app is not None:
        document.moveToThread(app.thread())
    return Laid(document)
