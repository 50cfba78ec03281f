"""How the corrected text is shown: undecided suggestions proposed or not, removed lines or not."""

from __future__ import annotations

from dataclasses import dataclass

from korrektur.model.suggestion import Kind, Suggestion

# Removals that take whole lines away: shown as ghost lines when asked for.
_LINE_REMOVALS = frozenset({Kind.PAGE_FURNITURE, Kind.WHITESPACE})


def is_line_removal(suggestion: Suggestion) -> bool:
    """True for a suggestion that deletes whole lines of text (page furniture, symbol lines)."""
    original = suggestion.original
    return (
        not suggestion.replacement
        and original.endswith("\n")
        and bool(original.strip())
        and bool(suggestion.kinds & _LINE_REMOVALS)
    )


@dataclass(frozen=True)
class TextView:
    """What the corrected text shows; a reader's setting, not a decision.

    Attributes:
        proposals: undecided suggestions show their proposal (else the OCR text, as an
            export keeps it by default).
        ghosts: lines a removal takes away stay in the text, to be drawn struck through
            (else they are gone, as in an export).
    """

    proposals: bool = True
    ghosts: bool = False

    def text_of(self, suggestion: Suggestion) -> str:
        """The text ``suggestion`` puts in the corrected text in this view."""
        text = suggestion.current_text if self.proposals else suggestion.decided_text
        if self.ghosts and not text and is_line_removal(suggestion):
            return suggestion.original
        return text

    def is_ghost(self, suggestion: Suggestion) -> bool:
        """True when ``suggestion`` shows removed lines as a ghost in this view."""
        text = suggestion.current_text if self.proposals else suggestion.decided_text
        return self.ghosts and not text and is_line_removal(suggestion)
