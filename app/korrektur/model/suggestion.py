"""A proposed change to the raw text and the reviewer's decision on it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from enum import StrEnum
from operator import countOf
from typing import NamedTuple

from korrektur.model.layout import Span


class Kind(StrEnum):
    """What sort of fix a suggestion is; a suggestion may have several."""

    DIACRITIC = "diacritic"
    OCR = "ocr"
    HYPHENATION = "hyphenation"
    PAGE_FURNITURE = "page-furniture"
    BULLET = "bullet"
    REFLOW = "reflow"
    WHITESPACE = "whitespace"
    MANUAL = "manual"


WORD_KINDS = frozenset({Kind.DIACRITIC, Kind.OCR})
STRUCTURE_KINDS = frozenset(
    {Kind.HYPHENATION, Kind.PAGE_FURNITURE, Kind.BULLET, Kind.REFLOW, Kind.WHITESPACE}
)
_KIND_TYPE = {Kind}  # (``Suggestion`` checks its kinds' types against it)
KIND_GROUPS: dict[str, frozenset[Kind]] = {
    "word": WORD_KINDS,
    "structure": STRUCTURE_KINDS,
    "all": WORD_KINDS | STRUCTURE_KINDS,
}


class Status(StrEnum):
    """Where a suggestion stands in the review."""

    PENDING = "pending"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    EDITED = "edited"


class Decision(NamedTuple):
    """The reviewer's decision on one suggestion: the decision fields of a ``Suggestion``.

    Undo keeps them by suggestion id, and a review file keeps one per suggestion and
    version. A named tuple: autosave copies tens of thousands of them at a time.
    """

    status: Status = Status.PENDING
    edited_text: str | None = None
    decided_by: str | None = None
    decided_at: str | None = None

    @classmethod
    def of(cls, suggestion: Suggestion) -> Decision:
        """The decision ``suggestion`` carries now."""
        return cls(
            suggestion.status, suggestion.edited_text, suggestion.decided_by, suggestion.decided_at
        )

    def apply(self, proposal: Suggestion) -> Suggestion:
        """A copy of ``proposal`` carrying this decision."""
        return replace(
            proposal,
            status=self.status,
            edited_text=self.edited_text,
            decided_by=self.decided_by,
            decided_at=self.decided_at,
            meta=dict(proposal.meta),
        )


UNDECIDED = Decision()


def count_statuses(statuses: Iterable[Status]) -> dict[Status, int]:
    """How many of ``statuses`` are of each status (every status present, zeros too).

    Counted by identity in C (``countOf``): hashing an enum member calls Python code, and
    the dialogs that show these counts open on the GUI thread.
    """
    listed = statuses if isinstance(statuses, list | tuple) else list(statuses)
    return {status: countOf(listed, status) for status in Status}


@dataclass(eq=False)
class Suggestion:
    """A replacement of ``raw[start:end]`` (``original``) by ``replacement``.

    The proposal (span, texts, kinds, confidence, reason, alternatives) never changes after
    the engine makes it; the decision fields (status, edited_text, decided_by, decided_at) are
    changed only through a ``ReviewSession``.

    Attributes:
        id: stable identifier within a document (``s17``).
        start, end: span in the document text.
        original: the raw text of the span.
        replacement: the engine's best correction ("" deletes).
        kinds: what sort of fix it is.
        confidence: probability in 0..1 that the replacement is right.
        reason: why, in words a reviewer understands.
        alternatives: other corrections, best first; never the replacement and never the
            original (keeping the original is what rejecting does).
        status: the decision.
        edited_text: the reviewer's own text when status is ``edited``.
        decided_by, decided_at: who decided and when (ISO 8601), for provenance.
    """

    id: str
    start: int
    end: int
    original: str
    replacement: str
    kinds: frozenset[Kind]
    confidence: float = 1.0
    reason: str = ""
    alternatives: tuple[str, ...] = ()
    status: Status = Status.PENDING
    edited_text: str | None = None
    decided_by: str | None = None
    decided_at: str | None = None
    meta: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}..{self.end}")
        if len(self.original) != self.end - self.start:
            raise ValueError("original text does not match the span length")
        if not 0.0 <= self.confidence <= 1.0:
            raise ValueError(f"confidence {self.confidence} outside 0..1")
        # (Checked in C, without generator frames: the engine makes ~13,000 per 54,000 words.)
        if not set(map(type, self.kinds)) <= _KIND_TYPE:  # strings from files become kinds
            self.kinds = frozenset(map(Kind, self.kinds))
        elif type(self.kinds) is not frozenset:
            self.kinds = frozenset(self.kinds)
        unique = dict.fromkeys(self.alternatives)  # in order, repeats dropped
        unique.pop(self.replacement, None)
        unique.pop(self.original, None)
        self.alternatives = tuple(unique)

    @property
    def decided(self) -> bool:
        """True once the reviewer has accepted, rejected or edited it."""
        return self.status is not Status.PENDING

    @property
    def is_word_fix(self) -> bool:
        """Only word kinds: applying it keeps the line structure."""
        return bool(self.kinds) and self.kinds <= WORD_KINDS

    def text_for(self, status: Status) -> str:
        """The text this suggestion puts in the corrected text under ``status``."""
        if status is Status.ACCEPTED:
            return self.replacement
        if status is Status.EDITED:
            return self.edited_text if self.edited_text is not None else self.replacement
        if status is Status.REJECTED:
            return self.original
        return self.replacement

    @property
    def current_text(self) -> str:
        """What stands in the corrected text now (pending shows the proposal)."""
        return self.text_for(self.status)

    @property
    def decided_text(self) -> str:
        """What stands in the corrected text when only decisions count (pending keeps raw)."""
        return self.original if self.status is Status.PENDING else self.current_text

    @property
    def kinds_label(self) -> str:
        """Kinds in a fixed order, e.g. ``"diacritic+ocr"``."""
        return "+".join(k.value for k in Kind if k in self.kinds)


def check_no_overlap(suggestions: Iterable[Suggestion]) -> None:
    """Raise ``ValueError`` if two suggestions overlap (they must be sorted by start)."""
    previous: Suggestion | None = None
    for suggestion in suggestions:
        if previous is not None and Span(previous.start, previous.end).overlaps(
            Span(suggestion.start, suggestion.end)
        ):
            raise ValueError(f"suggestions {previous.id} and {suggestion.id} overlap")
        previous = suggestion
