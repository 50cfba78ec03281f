"""What the window shows of a text or a session, built off the GUI thread and swapped in."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QTextCursor, QTextDocument

from korrektur.model import ReviewSession
from korrektur.model.view import TextView
from korrektur.store.resume import ResumeReport
from korrektur.store.review import Review
from korrektur.ui import blank_documents
from korrektur.ui.stats import ReviewStats
from korrektur.ui.textmap import Utf16Index
from korrektur.workspace.transfer import Held


@dataclass(frozen=True)
class Prepared:
    """A pane's text, made into a ``QTextDocument`` off the GUI thread.

    Filling a document with a long report takes tens of milliseconds; done here, the GUI
    thread only swaps it in.

    Attributes:
        text: the text (what the core's offsets refer to).
        document: the same text as a document, moved to the GUI thread.
        index: converts the core's offsets to the document's positions.
    """

    text: str
    document: QTextDocument
    index: Utf16Index


# How the window shows the corrected text unless the reviewer chose otherwise: what the
# default export writes (undecided suggestions keep the OCR text), removed lines as ghosts.
DEFAULT_VIEW = TextView(proposals=False, ghosts=True)

# Characters given to the document at a time (whole lines).
CHUNK = 32_768


def prepare(text: str) -> Prepared:
    """Fill a document with ``text`` on this thread and hand it to the GUI thread.

    The text goes in a few thousand lines at a time: one ``setPlainText`` of a 300-page
    report is a single call into Qt that holds the interpreter lock for about 50 ms (more
    on a busy machine), and the window waits for the lock meanwhile.
    """
    document = blank_documents.take()
    moved = document is None  # no GUI-thread document ready: made here, moved after
    if document is None:
        document = QTextDocument()
        document.setUndoRedoEnabled(False)
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    for chunk in _line_chunks(text, CHUNK):
        cursor.insertText(chunk)
    cursor.endEditBlock()
    app = QCoreApplication.instance()
    if moved and app is not None:
        document.moveToThread(app.thread())
    return Prepared(text, document, Utf16Index(text))


def _line_chunks(text: str, size: int) -> list[str]:
    """``text`` cut into pieces of about ``size`` characters, each ending after a newline."""
    chunks, start = [], 0
    while start < len(text):
        cut = text.find("\n", start + size)
        end = len(text) if cut < 0 else cut + 1
        chunks.append(text[start:end])
        start = end
    return chunks


@dataclass(frozen=True)
class Analysed:
    """A finished analysis with what the window needs, all built off the GUI thread.

    Attributes:
        session: the review session.
        corrected: its corrected text, prepared for the corrected pane.
        stats: the decided/total counts for the status bar.
        review: the file's review, resumed from its review file if it has one (None when
            the open document was analysed again).
        report: what resuming found (a changed source, decisions not found again).
        held: what the worker holds of ``review`` (None: nothing, or not noted yet).
    """

    session: ReviewSession
    corrected: Prepared
    stats: ReviewStats
    review: Review | None = None
    report: ResumeReport | None = None
    held: Held | None = None


def session_view(session: ReviewSession, view: TextView = DEFAULT_VIEW) -> Analysed:
    """What the window needs to show ``session`` (a restored version): text and counts.

    ``view``: how the window shows the corrected text (the text is prepared that way).
    """
    session.show(view)
    session.decision_columns()  # kept from now on: a save takes copies (see ReviewSession)
    return Analysed(session, prepare(session.corrected_text()), ReviewStats(session))
