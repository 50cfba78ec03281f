"""Open a source file, or a review file with its source: the file read, the review resumed.

The store resumes a review of a document (``store.resume``); these read the document first,
whatever its format (``sources.read_document``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from korrektur.formats.sources import read_document
from korrektur.model import DocumentError
from korrektur.store.resume import Analyse, ResumeReport, resume, resume_document
from korrektur.store.review import Review
from korrektur.store.reviewread import load_review


def open_source(
    source: Path, analyse: Analyse, reviewer: str = "", review_path: Path | None = None
) -> tuple[Review, ResumeReport]:
    """Open a source text: resume its review file if there is one, else start a review.

    Raises:
        DocumentError: the source cannot be read.
        ReviewFileError: the review file is there but damaged or foreign (it is left as is).
    """
    return resume_document(read_document(source), analyse, reviewer, review_path)


def open_review(
    path: Path,
    analyse: Analyse,
    reviewer: str = "",
    follow_outside: Callable[[Path], bool] | None = None,
) -> tuple[Review, ResumeReport]:
    """Open a review file; its source is read from where the file says it is.

    When the source cannot be read, the review continues on the copy of the text that the
    review file keeps, and the report says so. A source recorded outside the review file's
    folder tree is read only if ``follow_outside`` (asking the reviewer) agrees.

    Raises:
        ReviewFileError: the review file is damaged or foreign.
    """
    saved = load_review(path)
    outside = saved.source_path if not saved.source_trusted else None
    if outside is not None and follow_outside is not None and follow_outside(outside):
        saved.source_trusted = True
    if saved.readable_source is None:
        saved.session.reviewer = reviewer
        missing = (
            f"the review names its source as {outside}, outside the review file's folder; "
            "it was not opened"
            if outside is not None
            else "the review names no source"
        )
        return saved, ResumeReport(review_path=path, source_missing=missing)
    try:
        document = read_document(saved.readable_source)
    except DocumentError as exc:
        saved.session.reviewer = reviewer
        return saved, ResumeReport(review_path=path, source_missing=str(exc))
    return resume(saved, document, analyse, reviewer)
