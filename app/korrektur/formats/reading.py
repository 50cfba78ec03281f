"""The text an export contains and where each suggestion stands in it (blocks: ``blocks.py``)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

from korrektur.model import STRUCTURE_KINDS, Kind, ReviewSession, Status, Suggestion
from korrektur.model.offsets import OffsetMap
from korrektur.model.session import apply_texts

if TYPE_CHECKING:
    from korrektur.store.review import Review


class Pending(StrEnum):
    """What an export does with suggestions nobody has decided yet.

    ``raw`` (the default) keeps the OCR text there: an export never presents an unreviewed
    machine guess as a correction. ``proposed`` applies the engine's proposal, and formats
    that can say so (TEI, CSV, HTML, JSON) mark it as unreviewed.
    """

    RAW = "raw"
    PROPOSED = "proposed"


@dataclass(frozen=True)
class ExportOptions:
    """How to export.

    Attributes:
        pending: the policy for undecided suggestions.
        keep_lines: keep the raw file's lines exactly (only word fixes are applied).
        version: export this saved version instead of the current work (0: current).
        exported_at: the time stamped into the export ("" for now).
        exact: CSV cells exactly as they are (by default a cell a spreadsheet would read as
            a formula is defused with a leading ``'``).
    """

    pending: Pending = Pending.RAW
    keep_lines: bool = False
    version: int = 0
    exported_at: str = ""
    exact: bool = False


def session_for(review: Review, options: ExportOptions) -> ReviewSession:
    """The session to export: the current work, or a saved version."""
    return review.version_session(options.version) if options.version else review.session


@dataclass(frozen=True)
class Applied:
    """One suggestion as it stands in the export text.

    Attributes:
        suggestion: the suggestion.
        start, end: its span in the export text.
        text: what stands there (the original when it was rejected or not applied).
        reviewed: a person decided it (False: an undecided proposal applied by policy).
    """

    suggestion: Suggestion
    start: int
    end: int
    text: str
    reviewed: bool

    @property
    def changed(self) -> bool:
        """True when the export differs from the OCR text here."""
        return self.text != self.suggestion.original

    @property
    def is_correction(self) -> bool:
        """A change of words (not of layout): what TEI marks with ``<choice>``."""
        kinds = self.suggestion.kinds
        return self.changed and bool(kinds - STRUCTURE_KINDS)

    @property
    def is_furniture(self) -> bool:
        """Removed page furniture (running heads, page numbers)."""
        return self.changed and Kind.PAGE_FURNITURE in self.suggestion.kinds and not self.text


def chosen_text(suggestion: Suggestion, options: ExportOptions) -> str:
    """The text ``suggestion`` puts into the export under ``options``."""
    if suggestion.status is Status.PENDING:
        text = suggestion.original if options.pending is Pending.RAW else suggestion.replacement
    else:
        text = suggestion.current_text
    if options.keep_lines and (
        suggestion.kinds & STRUCTURE_KINDS or text.count("\n") != suggestion.original.count("\n")
    ):
        return suggestion.original
    return text


@dataclass
class ExportText:
    """The exported text of a session.

    Attributes:
        session: where it comes from.
        text: the text, newlines as ``\\n``.
        applied: every suggestion, in order, with its place in ``text``.
        offsets: raw ↔ export offsets.
    """

    session: ReviewSession
    text: str
    applied: list[Applied]
    offsets: OffsetMap = field(repr=False)

    def page_starts(self) -> list[tuple[int, int]]:
        """``(page number, offset in the export text)`` of every page, the first at 0."""
        return [
            (page.number, 0 if page.number == 1 else self.offsets.to_corrected(page.start))
            for page in self.session.document.pages
        ]


def export_text(session: ReviewSession, options: ExportOptions) -> ExportText:
    """Apply the decisions (and the pending policy) to the raw text."""
    texts = [chosen_text(s, options) for s in session.suggestions]
    spans = [(s.start, s.end, t) for s, t in zip(session.suggestions, texts, strict=True)]
    offsets = OffsetMap([(start, end, len(text)) for start, end, text in spans])
    applied = [
        Applied(s, *offsets.corrected_span(i), texts[i], s.status is not Status.PENDING)
        for i, s in enumerate(session.suggestions)
    ]
    return ExportText(session, apply_texts(session.document.text, spans), applied, offsets)


# -- text for XML ------------------------------------------------------------------------------

_XML_ILLEGAL = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    """Text that XML (and so DOCX) can hold.

    Form feeds are dropped (page breaks are marked otherwise); other control characters
    become U+FFFD.
    """
    return _XML_ILLEGAL.sub(lambda m: "" if m.group() == "\f" else "\ufffd", text)


def xml_legal(text: str) -> str:
    """``text`` without the characters XML cannot hold (for metadata, where no mark is due)."""
    return _XML_ILLEGAL.sub("", text)
