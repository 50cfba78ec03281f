"""A private copy of a review, made from a snapshot, for slow read-only work on another thread."""

from __future__ import annotations

from pathlib import Path

from korrektur.model import ReviewSession
from korrektur.store.history import History
from korrektur.store.review import Review
from korrektur.store.reviewfile import Snapshot


def detached_review(snap: Snapshot, path: Path | None = None, reviewer: str = "") -> Review:
    """A review holding what ``snap`` fixed, sharing nothing that the live review changes.

    Exports and version comparisons read the whole review for seconds; on a copy they may
    run in the worker process while the reviewer goes on deciding. The suggestions' proposals
    never change, so the copies only carry the snapshot's decisions. ``path`` is where the
    review file is (exports refuse to overwrite it).
    """
    pairs = zip(snap.suggestions, snap.decisions, strict=True)
    suggestions = [decision.apply(s) for s, decision in pairs]
    retired = [decision.apply(s) for s, decision in snap.retired]
    session = ReviewSession(snap.document, suggestions, reviewer=reviewer, structure=snap.structure)
    return Review(
        session,
        History(snap.versions),
        path=path,
        source_path=snap.source_path,
        tool=snap.tool,
        retired=retired,
        unanchored=snap.unanchored,
        source_trusted=snap.source_trusted,
    )
