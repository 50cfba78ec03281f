"""How suggestions read in lists, popups and the status bar (whitespace made visible)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from korrektur.model import Document, Kind, Status, Suggestion
from korrektur.ui.describe import describe
from korrektur.ui.reason_text import reason_text

_VISIBLE = str.maketrans({"\n": "⏎", "\t": "⇥", "\f": "␌", "\u00a0": "⍽"})
_EDITABLE = str.maketrans({"\n": "⏎"})
_FROM_EDITABLE = str.maketrans({"⏎": "\n"})

# The names of the kinds are the words the exports use (HTML report, CSV, JSON, review file):
# one name per kind everywhere; the Swedish interface translates them.
KIND_NAMES: dict[Kind, str] = {
    Kind.DIACRITIC: str(QT_TRANSLATE_NOOP("Kind", "diacritic")),
    Kind.OCR: str(QT_TRANSLATE_NOOP("Kind", "ocr")),
    Kind.HYPHENATION: str(QT_TRANSLATE_NOOP("Kind", "hyphenation")),
    Kind.PAGE_FURNITURE: str(QT_TRANSLATE_NOOP("Kind", "page-furniture")),
    Kind.BULLET: str(QT_TRANSLATE_NOOP("Kind", "bullet")),
    Kind.REFLOW: str(QT_TRANSLATE_NOOP("Kind", "reflow")),
    Kind.WHITESPACE: str(QT_TRANSLATE_NOOP("Kind", "whitespace")),
    Kind.MANUAL: str(QT_TRANSLATE_NOOP("Kind", "manual")),
}

STATUS_NAMES: dict[Status, str] = {
    Status.PENDING: str(QT_TRANSLATE_NOOP("Status", "pending")),
    Status.ACCEPTED: str(QT_TRANSLATE_NOOP("Status", "accepted")),
    Status.REJECTED: str(QT_TRANSLATE_NOOP("Status", "rejected")),
    Status.EDITED: str(QT_TRANSLATE_NOOP("Status", "edited")),
}

STATUS_MARKS: dict[Status, str] = {
    Status.PENDING: "•",
    Status.ACCEPTED: "✓",
    Status.REJECTED: "✗",
    Status.EDITED: "✎",
}


def kind_name(kind: Kind) -> str:
    """The translated name of a kind."""
    return QCoreApplication.translate("Kind", KIND_NAMES[kind])


def kinds_text(suggestion: Suggestion) -> str:
    """All kinds of a suggestion, translated, in ``Kind`` order."""
    return " + ".join(kind_name(k) for k in Kind if k in suggestion.kinds)


def status_name(status: Status) -> str:
    """The translated name of a status."""
    return QCoreApplication.translate("Status", STATUS_NAMES[status])


def visible(text: str) -> str:
    """``text`` with newlines, tabs and form feeds shown as symbols; empty as "∅".

    Text that is only whitespace shows its spaces as "␣" too (a line break becoming a space).
    """
    if not text:
        return "∅"
    shown = text.translate(_VISIBLE)
    return shown.replace(" ", "␣") if text.isspace() else shown


def for_editing(text: str) -> str:
    """A replacement as the one-line editor shows it (newlines as ⏎)."""
    return text.translate(_EDITABLE)


def from_editing(text: str) -> str:
    """The reviewer's one-line text back as replacement text."""
    return text.translate(_FROM_EDITABLE)


def change_text(suggestion: Suggestion) -> str:
    """``original → replacement`` for lists and titles (the reviewer's text once edited).

    A structure change is said in words instead ("join lines", "new paragraph").
    """
    shown = suggestion.replacement
    if suggestion.status is Status.EDITED and suggestion.edited_text is not None:
        shown = suggestion.edited_text
    described = describe(suggestion, shown)
    if described:
        return described
    return plain_change(suggestion.original, shown)


def proposal_text(suggestion: Suggestion) -> str:
    """What the suggestion proposes, whatever was decided: ``for → för``, "join lines"."""
    return describe(suggestion, suggestion.replacement) or plain_change(
        suggestion.original, suggestion.replacement
    )


def plain_change(original: str, shown: str) -> str:
    """``original → shown`` with whitespace made visible."""
    if not shown:
        shown_text = QCoreApplication.translate("Formatting", "(delete)")
    else:
        shown_text = visible(shown)
    return f"{visible(original)} → {shown_text}"


def position_text(document: Document, offset: int) -> str:
    """``page 2/5 · line 13`` for an offset."""
    page = document.page_index_at(offset) + 1
    line = document.lines[document.line_index_at(offset)].number
    return QCoreApplication.translate("Formatting", "page {page}/{pages} · line {line}").format(
        page=page, pages=len(document.pages), line=line
    )


def details_html(suggestion: Suggestion, document: Document) -> str:
    """The details pane: change, kinds, confidence, status, reason, alternatives as links."""
    deleted = QCoreApplication.translate("Formatting", "(delete)")
    confidence = QCoreApplication.translate("Formatting", "confidence")
    yours = QCoreApplication.translate("Formatting", "Your text:")
    alternatives = QCoreApplication.translate("Formatting", "Other corrections:")
    keeps = QCoreApplication.translate("Formatting", "R keeps the OCR text %1.")
    replacement = visible(suggestion.replacement) if suggestion.replacement else deleted
    described = describe(suggestion)
    if described:  # a structure change: in words, the characters below
        title = f"<p style='font-size:large'><b>{escape(described)}</b></p>"
        title += (
            f"<p style='color:gray'>{escape(visible(suggestion.original))} → "
            f"{escape(replacement)}</p>"
        )
    else:
        title = (
            f"<p style='font-size:large'><b>{escape(visible(suggestion.original))}</b> → "
            f"<b>{escape(replacement)}</b></p>"
        )
    parts = [
        title,
        f"<p>{escape(kinds_text(suggestion))} · {escape(confidence)} "
        f"{suggestion.confidence:.2f} · {STATUS_MARKS[suggestion.status]} "
        f"{escape(status_name(suggestion.status))}"
        f"<br>{escape(position_text(document, suggestion.start))}</p>",
    ]
    if suggestion.status is Status.EDITED and suggestion.edited_text is not None:
        parts.append(f"<p>{escape(yours)} <b>{escape(visible(suggestion.edited_text))}</b></p>")
    if suggestion.reason:
        parts.append(f"<p>{escape(reason_text(suggestion.reason))}</p>")
    if suggestion.alternatives:
        links = " · ".join(
            f"<a href='alt:{n}'>{n}&nbsp;{escape(visible(a))}</a>"
            for n, a in enumerate(suggestion.alternatives[:9], start=1)
        )
        parts.append(f"<p>{escape(alternatives)} {links}</p>")
    original = f"<b>{escape(visible(suggestion.original))}</b>"
    parts.append(f"<p>{escape(keeps).replace('%1', original)}</p>")
    if suggestion.decided_by or suggestion.decided_at:
        who = " · ".join(x for x in (suggestion.decided_by, suggestion.decided_at) if x)
        parts.append(f"<p style='color:gray'>{escape(who)}</p>")
    return "".join(parts)
