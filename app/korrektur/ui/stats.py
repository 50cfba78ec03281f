"""Decided and total counts, overall and per kind, kept up to date without recounting."""

from __future__ import annotations

from collections import Counter

from korrektur.model import Change, Kind, ReviewSession, Status


class ReviewStats:
    """Counts for the status bar; ``apply`` adjusts them for one change in O(changed).

    Attributes:
        total, decided: counts over all suggestions.
        kind_total, kind_decided: counts per kind (a suggestion counts for each of its kinds).
        pending_on_page: undecided suggestions per page index (what is left there).
    """

    def __init__(self, session: ReviewSession) -> None:
        self._session = session
        self.recount()

    def recount(self) -> None:
        """Count everything again (after the list itself changed)."""
        suggestions = self._session.suggestions
        page_of = self._session.document.page_index_at
        self._known: dict[str, tuple[Status, frozenset[Kind], int]] = {
            s.id: (s.status, s.kinds, page_of(s.start)) for s in suggestions
        }
        self.pending_on_page: Counter[int] = Counter(
            page for status, _, page in self._known.values() if status is Status.PENDING
        )
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
        """Follow one change of the session (suggestions decided, added or removed)."""
        for suggestion_id in dict.fromkeys(change.ids):
            known = self._known.pop(suggestion_id, None)
            if known is not None:
                self._count(*known, -1)
            try:
                suggestion = self._session.get(suggestion_id)
            except KeyError:
                continue
            page = self._session.document.page_index_at(suggestion.start)
            self._known[suggestion_id] = (suggestion.status, suggestion.kinds, page)
            self._count(suggestion.status, suggestion.kinds, page, 1)

    def _count(self, status: Status, kinds: frozenset[Kind], page: int, step: int) -> None:
        self.total += step
        if status is Status.PENDING:
            self.pending_on_page[page] += step
        self.kind_total.update(dict.fromkeys(kinds, step))
        if status is not Status.PENDING:
            self.decided += step
            self.kind_decided.update(dict.fromkeys(kinds, step))

    def kinds(self) -> list[Kind]:
        """Kinds present in the document, in ``Kind`` order."""
        return [kind for kind in Kind if self.kind_total[kind]]
