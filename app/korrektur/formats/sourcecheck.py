"""Compare a review with its source on disk: changed since, or a wrong recorded hash.

A review file keeps the text it was made on, so it can be exported and its versions restored
without the source; but a reviewer who exports after the source changed must be told that
the export is of the old text, and a hand-edited hash that no longer names the source must
not pass silently. A source the review names outside its folder tree is not read at all
(``Review.readable_source``).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from korrektur.formats.sources import read_document
from korrektur.model import DocumentError
from korrektur.store.review import Review


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
