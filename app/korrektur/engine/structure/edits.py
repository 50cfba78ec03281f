"""One planned structure change, before it becomes a ``Suggestion``."""

from __future__ import annotations

from dataclasses import dataclass

from korrektur.model.suggestion import Kind, Suggestion


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` by ``replacement``; one kind, a confidence and a reason."""

    start: int
    end: int
    replacement: str
    kind: Kind
    confidence: float
    reason: str

    def suggestion(self, text: str) -> Suggestion:
        """The reviewable suggestion for this edit of ``text`` (the pipeline numbers it)."""
        return Suggestion(
            id="",
            start=self.start,
            end=self.end,
            original=text[self.start : self.end],
            replacement=self.replacement,
            kinds=frozenset({self.kind}),
            confidence=round(self.confidence, 3),
            reason=self.reason,
        )
