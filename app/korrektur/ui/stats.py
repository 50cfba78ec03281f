"""Decided and total counts, overall and per kind, kept up to date without recounting."""

from __future__ import annotations

from collections import Counter

from korrektur.model import Change, Kind, ReviewSession, Status


class ReviewStats:
    """Counts for the status bar; ``apply`` adjusts them for one change in O(changed).

    Attributes:
        total, decided: counts over all suggestions.
        kind_total, kind_decided: counts per kind (a suggestion counts for each of its kinds).
    """

    def __init__(self, session: ReviewSession) -> None:
        self._session = session
        self.recount()

    def recount(self) -> None:
        """Count everything again (after the list itself changed)."""
        suggestions = self._session.suggestions
        self._status: dict[str, Status] = {s.id: s.status for s in suggestions}
        self.total = len(suggestions)
        self.decided = sum(1 for s in suggestions if s.status is not Status.PENDING)
        self.kind_total: Counter[Kind] = Counter()
        self.kind_decided: Counter[Kind] = Counter()
        by_kinds = Counter(s.kinds for s in suggestions)
        decided_by_kinds = Counter(s.kinds for s in suggestions if s.status is not Status.PENDING)
        for kinds, count in by_kinds.items():
            for kind in kinds:
                self.kind_total[kind] += count
        for kinds, count in decided_by_kinds.items():
            for kind in kinds:
                self.kind_decided[kind] += count

    def apply(self, change: Change) -> None:
        """Follow one change of the session."""
        if change.structural:
            self.recount()
            return
        for suggestion_id in change.ids:
            suggestion = self._session.get(suggestion_id)
            was_decided = self._status[suggestion_id] is not Status.PENDING
            self._status[suggestion_id] = suggestion.status
            if was_decided == suggestion.decided:
                continue
            step = 1 if suggestion.decided else -1
            self.decided += step
            for kind in suggestion.kinds:
                self.kind_decided[kind] += step

    def kinds(self) -> list[Kind]:
        """Kinds present in the document, in ``Kind`` order."""
        return [kind for kind in Kind if self.kind_total[kind]]
