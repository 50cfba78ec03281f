"""Which suggestions the list shows and the review keys visit: kinds, statuses, confidence, text."""

from __future__ import annotations

from dataclasses import dataclass

from korrektur.model import Kind, Status, Suggestion

DECIDED = frozenset({Status.ACCEPTED, Status.REJECTED, Status.EDITED})


@dataclass(frozen=True)
class SuggestionFilter:
    """A filter over suggestions; the default lets everything through.

    Attributes:
        kinds: kinds to show (a suggestion shows if it has any of them); None for all.
        statuses: statuses to show; None for all.
        min_confidence: hide suggestions below this confidence.
        text: case-insensitive search in original, replacement, reason and kinds.
    """

    kinds: frozenset[Kind] | None = None
    statuses: frozenset[Status] | None = None
    min_confidence: float = 0.0
    text: str = ""

    @property
    def accepts_all(self) -> bool:
        """True when nothing is filtered out."""
        return self == SuggestionFilter()

    def accepts(self, suggestion: Suggestion) -> bool:
        """True when ``suggestion`` passes every criterion."""
        if self.kinds is not None and not suggestion.kinds & self.kinds:
            return False
        if self.statuses is not None and suggestion.status not in self.statuses:
            return False
        if suggestion.confidence < self.min_confidence:
            return False
        if self.text:
            haystack = "\n".join(
                (
                    suggestion.original,
                    suggestion.replacement,
                    suggestion.reason,
                    suggestion.kinds_label,
                )
            )
            return self.text.casefold() in haystack.casefold()
        return True
