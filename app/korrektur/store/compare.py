"""Compare two states of a review: which decisions changed, and how the text differs."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from korrektur.model import ReviewSession
from korrektur.store.history import State, delta, id_order
from korrektur.store.records import Mark
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
    before: Mark | None
    after: Mark | None

    def describe(self) -> str:
        """``s3 'pa': accepted → rejected``."""

        def word(mark: Mark | None) -> str:
            if mark is None:
                return "(absent)"
            if mark.edited_text is not None:
                return f"{mark.status.value} {mark.edited_text!r}"
            return mark.status.value

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
    return session.corrected_text() if proposed else session.decided_text()


def _state(review: Review, number: int) -> State:
    return review.history.state_at(number)


def compare_versions(review: Review, a: int, b: int, proposed: bool = False) -> Comparison:
    """Compare versions ``a`` and ``b`` (0 is the current, unsaved work).

    ``proposed`` compares texts with undecided suggestions applied; by default only
    decisions count, as in exports.

    Raises:
        KeyError: a version does not exist.
    """
    states = []
    sessions = []
    for number in (a, b):
        if number:
            states.append(_state(review, number))
            sessions.append(review.version_session(number))
        else:
            sessions.append(review.session)
            states.append({s.id: Mark.of(s) for s in review.session.suggestions})
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
    names = [f"version {n}" if n else "current work" for n in (a, b)]
    diff = difflib.unified_diff(
        _text(sessions[0], proposed).split("\n"),
        _text(sessions[1], proposed).split("\n"),
        fromfile=names[0],
        tofile=names[1],
        lineterm="",
    )
    return Comparison(changes, list(diff))
