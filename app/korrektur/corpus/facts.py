"""What the index holds about one document, derived from its review (and nothing else).

The same function serves the batch analysis (a worker derives the facts of the review it
made) and the rebuild of the index (the facts of a review file read back), so the index
after ``reindex`` is the index after ``analyse``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from korrektur.corpus.rules import attribution
from korrektur.model import Status
from korrektur.store.review import Review
from korrektur.store.tool import ToolInfo

SuggestionRow = tuple[str, int, int, str, str, str, float, str, str | None]
"""``(id, start, end, original, replacement, kinds, confidence, status, rule)``: what the
queries of the corpus ask (who decided and when stay in the review file; line and page
follow from the text)."""


def engine_key(tool: ToolInfo) -> str:
    """The engine that made a review's suggestions: Korrektur's version and its lexicon.

    A document analysed by another engine is analysed again (its decisions kept).
    """
    return f"{tool.version} | {tool.lexicon}"


@dataclass
class Facts:
    """One document as the index keeps it.

    Attributes:
        sha256, size: of the source the review was made for.
        pages, lines, words: of that source.
        engine: ``engine_key`` of the review's tool.
        versions: saved versions of the review.
        reviewers: everyone who decided something or saved a version.
        unanchored: decisions lost track of when the source changed.
        pending_weight: the confidences of the pending word suggestions, added up: the
            errors they are expected to hold.
        counts: suggestions by kind (``diacritic+ocr``) and status.
        suggestions: rows for the index.
        text: the document's text (newlines as ``\\n``), for the concordance.
        page_starts: the offset in ``text`` where each page starts.
    """

    sha256: str
    size: int
    pages: int
    lines: int
    words: int
    engine: str
    versions: int
    reviewers: list[str]
    unanchored: int
    pending_weight: float
    counts: dict[str, dict[str, int]]
    suggestions: list[SuggestionRow] = field(repr=False)
    text: str = field(repr=False)
    page_starts: list[int] = field(repr=False)


def facts_of(review: Review) -> Facts:
    """The index's facts about ``review``."""
    session = review.session
    document = session.document
    owner = attribution(review.history)
    counts: dict[str, Counter[str]] = {}
    reviewers: dict[str, None] = {v.reviewer: None for v in review.history.versions if v.reviewer}
    rows: list[SuggestionRow] = []
    weight = 0.0
    for s in session.suggestions:
        label = s.kinds_label
        counts.setdefault(label, Counter())[s.status.value] += 1
        if s.status is Status.PENDING:
            if s.is_word_fix:
                weight += s.confidence
        elif s.decided_by:
            reviewers.setdefault(s.decided_by, None)
        rows.append(
            (
                s.id,
                s.start,
                s.end,
                s.original,
                s.replacement,
                label,
                s.confidence,
                s.status.value,
                owner.get(s.id),
            )
        )
    return Facts(
        sha256=document.sha256,
        size=document.size,
        pages=len(document.pages),
        lines=len(document.lines),
        words=document.word_count,
        engine=engine_key(review.tool),
        versions=len(review.history),
        reviewers=list(reviewers),
        unanchored=len(review.unanchored),
        pending_weight=weight,
        counts={label: dict(sorted(c.items())) for label, c in sorted(counts.items())},
        suggestions=rows,
        text=document.text,
        page_starts=[page.start for page in document.pages],
    )
