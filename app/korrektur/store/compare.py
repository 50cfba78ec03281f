"""Compare two states of a review: which decisions changed, and how the text differs."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from korrektur.model import Decision, ReviewSession, Suggestion
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


# -- for people (the window's comparison) ----------------------------------------------------

CONTEXT = 1  # unchanged lines shown around a change
MAX_ROWS = 400  # a longer comparison is cut short (it says how much more there is)
MAX_DECISIONS = 300


@dataclass(frozen=True)
class DecisionLine:
    """A decision that differs between two versions, with what a person needs to read it.

    Attributes:
        proposal: the suggestion (its decision fields mean nothing here).
        before, after: the decision in each version (None: not in that version).
        line: the line of the text it is on (1-based).
    """

    proposal: Suggestion
    before: Decision | None
    after: Decision | None
    line: int


@dataclass(frozen=True)
class TextRow:
    """One row of two texts side by side.

    Attributes:
        left, right: (line number, text) of each side; None where a side has no line.
        changed: the two sides differ (they are the same lines otherwise).
        hidden: for a row standing for unchanged lines left out, how many (sides None).
    """

    left: tuple[int, str] | None
    right: tuple[int, str] | None
    changed: bool = False
    hidden: int = 0


@dataclass(frozen=True)
class VersionComparison:
    """Two versions compared for people.

    Attributes:
        decisions: the first ``MAX_DECISIONS`` decisions that differ, in id order.
        decisions_total: how many differ in all.
        rows: the texts side by side where they differ, with a line of context (cut after
            ``MAX_ROWS`` rows).
        changed: how many lines differ in all.
    """

    decisions: list[DecisionLine]
    decisions_total: int
    rows: list[TextRow]
    changed: int


def _same(a: list[str], b: list[str], a1: int, b1: int, count: int) -> list[TextRow]:
    return [TextRow((a1 + k + 1, a[a1 + k]), (b1 + k + 1, b[b1 + k])) for k in range(count)]


def text_rows(old: str, new: str, limit: int = MAX_ROWS) -> tuple[list[TextRow], int]:
    """Rows of the two texts where they differ, with ``CONTEXT`` lines around; changed lines.

    Rows stop after ``limit``; the changed lines are all counted.
    """
    a, b = old.split("\n"), new.split("\n")
    rows: list[TextRow] = []
    changed = 0
    # lines repeated all over (blank ones) are junk to the matcher, as in a unified diff:
    # without that a long report takes many seconds
    opcodes = difflib.SequenceMatcher(None, a, b).get_opcodes()
    for index, (op, a1, a2, b1, b2) in enumerate(opcodes):
        if len(rows) >= limit:
            if op != "equal":
                changed += max(a2 - a1, b2 - b1)
            continue
        if op == "equal":
            head = CONTEXT if index > 0 else 0
            tail = CONTEXT if index < len(opcodes) - 1 else 0
            if a2 - a1 > head + tail + 1:
                rows += _same(a, b, a1, b1, head)
                rows.append(TextRow(None, None, hidden=a2 - a1 - head - tail))
                rows += _same(a, b, a2 - tail, b2 - tail, tail)
            else:
                rows += _same(a, b, a1, b1, a2 - a1)
            continue
        for k in range(max(a2 - a1, b2 - b1)):
            changed += 1
            i, j = a1 + k, b1 + k
            left = (i + 1, a[i]) if i < a2 else None
            right = (j + 1, b[j]) if j < b2 else None
            rows.append(TextRow(left, right, changed=True))
    return rows, changed


def compare_for_people(
    review: Review, first: int, second: int, proposals: bool = False
) -> VersionComparison:
    """Versions ``first`` and ``second`` (0: the current work) compared for a person.

    Texts are compared as an export writes them by default (undecided suggestions keep the
    OCR text) unless ``proposals``.

    Raises:
        KeyError: a version does not exist.
    """
    view = TextView(proposals=proposals)
    sessions = [review.session if n == 0 else review.version_session(n) for n in (first, second)]
    old_text, new_text = (session.text_with(view) for session in sessions)
    document = review.session.document
    decisions = []
    changes = decision_changes(review, first, second)
    for change in changes:
        proposal = review.proposal(change.id)
        if proposal is None:
            continue
        line = document.lines[document.line_index_at(min(proposal.start, len(document.text)))]
        decisions.append(DecisionLine(proposal, change.before, change.after, line.number))
    rows, changed = text_rows(old_text, new_text)
    return VersionComparison(decisions[:MAX_DECISIONS], len(decisions), rows, changed)
