"""Resume a document's saved review: restore every decision, re-anchoring if the text changed."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from korrektur.model import Document, ReviewSession, Suggestion
from korrektur.model.layout import Span
from korrektur.model.structure import structure_of
from korrektur.store.anchor import Anchorer
from korrektur.store.records import Unanchored
from korrektur.store.review import Review
from korrektur.store.reviewfile import SUFFIX, review_path_for
from korrektur.store.reviewread import load_review

Analyse = Callable[[Document], list[Suggestion]]
"""Runs the engine on a document (the store does not choose the engine)."""

_ENGINE_ID = re.compile(r"s(\d+)")


@dataclass
class ResumeReport:
    """What happened when a review was resumed, for the reviewer to read.

    Attributes:
        review_path: the review file that was found, or None for a fresh review.
        source_changed: the source's hash differs from the one the review was made for.
        old_sha256: that hash.
        reanchored: decisions found again in the changed source.
        searched: of those, how many were found by searching rather than in unchanged text.
        unanchored: decisions that could not be found again (kept in the review file).
        added: new suggestions for the changed source.
        source_missing: the source file could not be read; the review's own copy is shown.
    """

    review_path: Path | None = None
    source_changed: bool = False
    old_sha256: str = ""
    reanchored: int = 0
    searched: int = 0
    unanchored: list[Unanchored] = field(default_factory=list)
    added: int = 0
    source_missing: str = ""

    def messages(self) -> list[str]:
        """Lines a reviewer should see (empty when the review resumed exactly)."""
        lines = []
        if self.source_missing:
            lines.append(
                f"The source could not be read ({self.source_missing}); "
                "showing the text saved in the review file."
            )
        if self.source_changed:
            lines.append(
                f"The source file has changed since the review was saved. {self.reanchored} "
                f"suggestions were found again in the new text, {len(self.unanchored)} could "
                f"not be, and {self.added} new suggestions were added."
            )
            lines.extend(f"  not found: {u.describe()}" for u in self.unanchored)
        return lines

    def note(self) -> str:
        """The line recorded in the next version."""
        lost = ", ".join(u.suggestion.id for u in self.unanchored) or "none"
        return (
            f"source changed (sha256 {self.old_sha256[:12]}…): {self.reanchored} suggestions "
            f"re-anchored, not found: {lost}; {self.added} new suggestions"
        )


def _fresh_ids(suggestions: Iterable[Suggestion], taken: Iterable[str]) -> list[Suggestion]:
    numbers = [int(m.group(1)) for i in taken if (m := _ENGINE_ID.fullmatch(i))]
    start = max(numbers, default=0) + 1
    return [replace(s, id=f"s{n}") for n, s in enumerate(suggestions, start=start)]


def _taken(review: Review) -> list[str]:
    """Every id the review has used; new suggestions must not reuse one."""
    return [
        *(s.id for s in review.session.suggestions),
        *(s.id for s in review.retired()),
        *(u.suggestion.id for u in review.unanchored),
        *review.history.referenced_ids(),
    ]


def add_fresh(review: Review, fresh: Iterable[Suggestion]) -> int:
    """Add new engine suggestions where the review has none; every decision stays.

    This is "analyse again" on a review: the new suggestions get ids of their own, the
    session is replaced by one holding old and new, and the next version notes it.
    Returns how many were added.
    """
    session = review.session
    structure = structure_of(fresh) or session.structure  # (the text is the same: the newer)
    added = addable(review, session.suggestions, fresh)
    if added:
        merged = ReviewSession(
            session.document,
            [*session.suggestions, *added],
            reviewer=session.reviewer,
            structure=structure,
        )
        review.replace_session(merged)
        review.notes.append(f"analysed again: {len(added)} new suggestions")
    else:
        session.structure = structure
    return len(added)


def addable(
    review: Review, kept: list[Suggestion], fresh: Iterable[Suggestion]
) -> list[Suggestion]:
    """The ``fresh`` suggestions that overlap none of ``kept``, with ids ``review`` never used.

    ``kept``: the suggestions that stay (sorted, not overlapping).
    """
    return _fresh_ids(_merge_fresh(kept, fresh), _taken(review))


def _merge_fresh(kept: list[Suggestion], fresh: Iterable[Suggestion]) -> list[Suggestion]:
    """Fresh suggestions that do not overlap a kept one, in document order."""
    spans = [Span(s.start, s.end) for s in kept]
    starts = [span.start for span in spans]
    result = []
    for suggestion in sorted(fresh, key=lambda s: (s.start, s.end)):
        span = Span(suggestion.start, suggestion.end)
        # kept spans are sorted and disjoint: only the neighbours of the place can overlap
        index = bisect.bisect_left(starts, span.start)
        near = spans[max(0, index - 1) : index + 2]
        if not any(span.overlaps(other) for other in near):
            result.append(suggestion)
    return result


def resume(
    saved: Review, document: Document, analyse: Analyse, reviewer: str = ""
) -> tuple[Review, ResumeReport]:
    """Continue ``saved`` on ``document``, the source as it is now on disk."""
    report = ResumeReport(review_path=saved.path)
    old = saved.session
    source_path = document.path or saved.source_path
    if document.sha256 == old.document.sha256 and document.text == old.document.text:
        session = ReviewSession(
            document, list(old.suggestions), reviewer=reviewer, structure=old.structure
        )
        review = Review(
            session,
            saved.history,
            path=saved.path,
            source_path=source_path,
            tool=saved.tool,
            retired=saved.retired(),
            unanchored=saved.unanchored,
        )
        review.disk_stamp = saved.disk_stamp  # (a save refuses if another program wrote it)
        return review, report

    anchorer = Anchorer(old.document.text, document.text, old.document.sha256)
    current = anchorer.reanchor(old.suggestions)
    retired = anchorer.reanchor(saved.retired(), exclusive=False)
    analysed = analyse(document)  # (the structure of the text as it is now)
    fresh = _fresh_ids(_merge_fresh(current.anchored, analysed), _taken(saved))
    session = ReviewSession(
        document,
        [*current.anchored, *fresh],
        reviewer=reviewer,
        structure=structure_of(analysed),
    )
    report.source_changed = True
    report.old_sha256 = old.document.sha256
    report.reanchored = len(current.anchored)
    report.searched = current.searched
    report.unanchored = current.lost
    report.added = len(fresh)
    review = Review(
        session,
        saved.history,
        path=saved.path,
        source_path=source_path,
        tool=saved.tool,
        retired=retired.anchored,
        unanchored=[*saved.unanchored, *current.lost, *retired.lost],
    )
    review.disk_stamp = saved.disk_stamp
    review.notes.append(report.note())
    review.mark_unsaved()
    return review, report


def new_review(document: Document, analyse: Analyse, reviewer: str = "") -> Review:
    """A review of a source that has none yet."""
    session = ReviewSession(document, analyse(document), reviewer=reviewer)
    return Review(session, source_path=document.path)


def resume_document(
    document: Document, analyse: Analyse, reviewer: str = "", review_path: Path | None = None
) -> tuple[Review, ResumeReport]:
    """Open a document already read: resume its review file if it has one, else start one.

    ``analyse`` runs only when there is no review file or the source changed.

    Raises:
        ReviewFileError: the review file is there but damaged or foreign.
    """
    if review_path is not None:
        saved = load_review(review_path) if review_path.is_file() else None
        path: Path | None = review_path
    elif document.path is not None:
        path, saved = find_review(document.path)
    else:
        path, saved = None, None
    if saved is None:
        review = new_review(document, analyse, reviewer)
        review.path = path
        return review, ResumeReport()
    return resume(saved, document, analyse, reviewer)


def find_review(source: Path) -> tuple[Path, Review | None]:
    """The review file of ``source`` and its content (None when there is none yet).

    Normally ``report.review.yaml``; when that belongs to another file of the same stem
    (``report.md`` beside ``report.txt``), ``report.txt.review.yaml``.

    Raises:
        ReviewFileError: the review file is damaged or foreign.
    """
    path = review_path_for(source)
    if path.is_file():
        saved = load_review(path)
        if saved.session.document.name == source.name:
            return path, saved
        path = source.with_name(source.name + SUFFIX)
    return path, load_review(path) if path.is_file() else None
