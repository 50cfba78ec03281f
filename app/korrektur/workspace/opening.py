"""Open a source or a review file from disk, and check a review against its source.

Here because they read documents (``formats``) and reviews (``store``): the layer that
uses both. ``commands.open_file`` is the window's way in, these are the command line's.
"""

from __future__ import annotations

import hashlib
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


def source_warnings(review: Review, given: Path | None = None) -> list[str]:
    """What a reviewer should know about ``review``'s source (empty: all is well).

    ``given``: the source the user named (``korrektur export rapport.txt``); otherwise the one
    the review records, if it may be read.
    """
    document = review.session.document
    source = given or review.readable_source
    if source is None:
        if review.source_path is not None:
            return [
                f"the review names its source as {review.source_path}, outside the review "
                "file's folder; it was not read (the text saved in the review is used)"
            ]
        return []
    unreadable = [f"the source {source.name} cannot be read; the text saved in the review is used"]
    try:
        digest = _file_sha256(source) if source.is_file() else read_document(source).sha256
    except (OSError, DocumentError):
        return unreadable
    if not document.sha256 or digest == document.sha256:
        return []
    try:
        same_text = read_document(source).text == document.text
    except DocumentError:
        same_text = False
    if same_text:
        return [
            f"the review records a wrong sha256 for {source.name} ({document.sha256[:12]}…; "
            f"the file's is {digest[:12]}…), though its text is the same"
        ]
    return [
        f"{source.name} has changed since the review was saved; this uses the text saved in "
        "the review (open the source in Korrektur to find the decisions again in the new text)"
    ]


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
