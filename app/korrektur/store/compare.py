"""Compare two states of a review: which decisions changed, and how the text differs."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from korrektur.model import Decision, ReviewSession
from korrektur.model.view import TextView
from korrektur.store.history import State, delta, id_order
from korrektur.store.review import Review


@dataclass(frozen=True)
class DecisionChange:
    """One suggestion whose decision differs between two versions.

    Attributes:
        id: the suggestion.
        original: its OCR text (for people).
        before, after: the decision in each version (None: not in that version).
    """

    id: str
    original: str
    before: Decision | None
    after: Decision | None

    def describe(self) -> str:
        """``s3 'pa': accepted → rejected``."""

        def word(decision: Decision | None) -> str:
            if decision is None:
                return "(absent)"
            if decision.edited_text is not None:
                return f"{decision.status.value} {decision.edited_text!r}"
            return decision.status.value

        return f"{self.id} {self.original!r}: {word(self.before)} → {word(self.after)}"


@dataclass(frozen=True)
class Comparison:
    """The difference between two versions.

    Attributes:
        changes: decisions that differ, in id order.
        diff: a unified diff of the two texts (lines without newlines).
    """

    changes: list[DecisionChange]
    diff: list[str]


def _text(session: ReviewSession, proposed: bool) -> str:
    # as a view of its own: the session may be shown otherwise in a window
    return session.text_with(TextView(proposals=proposed, ghosts=False))


def _state(review: Review, number: int) -> State:
    return review.history.state_at(number)


def decision_changes(review: Review, a: int, b: int) -> list[DecisionChange]:
    """The decisions that differ between versions ``a`` and ``b`` (0: the current work).

    Raises:
        KeyError: a version does not exist.
    """
    states = [
        _state(review, n) if n else {s.id: Decision.of(s) for s in review.session.suggestions}
        for n in (a, b)
    ]
    added, removed, changed = delta(states[0], states[1])
    ids = sorted({*added, *removed, *(i for i, _ in changed)}, key=id_order)
    changes = []
    for suggestion_id in ids:
        proposal = review.proposal(suggestion_id)
        original = proposal.original if proposal is not None else "?"
        changes.append(
            DecisionChange(
                suggestion_id, original, states[0].get(suggestion_id), states[1].get(suggestion_id)
            )
        )
    return changes


def compare_versions(review: Review, a: int, b: int, proposed: bool = False) -> Comparison:
    """Compare versions ``a`` and ``b`` (0 is the current, unsaved work).

    ``proposed`` compares texts with undecided suggestions applied; by default only
    decisions count, as in exports.

    Raises:
        KeyError: a version does not exist.
    """
    sessions = [review.session if n == 0 else review.version_session(n) for n in (a, b)]
    changes = decision_changes(review, a, b)
    names = [f"version {n}" if n else "current work" for n in (a, b)]
    diff = difflib.unified_diff(
        _text(sessions[0], proposed).split("\n"),
        _text(sessions[1], proposed).split("\n"),
        fromfile=names[0],
        tofile=names[1],
        lineterm="",
    )
    return Comparison(changes, list(diff))
