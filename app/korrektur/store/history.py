"""Saved versions of a review: each one records only what changed since the one before."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from korrektur.model import UNDECIDED, Decision, ReviewSession, Status
from korrektur.model.suggestion import count_statuses

State = dict[str, Decision]
"""The decisions of a review at one moment: every suggestion present, by id."""

_DIGITS = re.compile(r"(\d+)")


def id_order(suggestion_id: str) -> tuple[object, ...]:
    """Natural order of ids: ``s2`` before ``s10``."""
    return tuple(int(p) if p.isdigit() else p for p in _DIGITS.split(suggestion_id))


def state_of(session: ReviewSession) -> State:
    """The decisions of ``session`` as they stand."""
    return {s.id: Decision.of(s) for s in session.suggestions}


def count_decisions(state: State) -> dict[Status, int]:
    """How many suggestions of a state have each status."""
    return count_statuses([decision.status for decision in state.values()])


@dataclass(frozen=True)
class Version:
    """One save of a review.

    Attributes:
        number: 1, 2, … in order of saving.
        time: when it was saved (ISO 8601, UTC).
        reviewer: who saved it.
        message: the reviewer's note ("" when none).
        note: what Korrektur adds, e.g. "restored from version 2" or a changed source.
        counts: suggestions by status in this version.
        added, removed: ids that joined or left the review since the previous version.
        changes: new decisions since the previous version, by id.
    """

    number: int
    time: str
    reviewer: str
    message: str = ""
    note: str = ""
    counts: Mapping[Status, int] = field(default_factory=dict)
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    changes: tuple[tuple[str, Decision], ...] = ()

    def apply_to(self, before: State) -> State:
        """The state this version records, given the state of the version before."""
        gone = set(self.removed)
        state = {i: m for i, m in before.items() if i not in gone}
        for suggestion_id in self.added:
            state[suggestion_id] = UNDECIDED
        state.update(self.changes)
        return state


def delta(before: State, after: State) -> tuple[list[str], list[str], list[tuple[str, Decision]]]:
    """What turns ``before`` into ``after``: added ids, removed ids, changed decisions."""
    added = sorted((i for i in after if i not in before), key=id_order)
    removed = sorted((i for i in before if i not in after), key=id_order)
    changes = [
        (i, after[i]) for i in sorted(after, key=id_order) if after[i] != before.get(i, UNDECIDED)
    ]
    return added, removed, changes


def new_version(
    before: State,
    state: State,
    *,
    number: int,
    time: str,
    reviewer: str,
    message: str = "",
    note: str = "",
) -> Version:
    """The version ``number`` recording ``state``, as a change from ``before``.

    Pure: a save may build it on a worker thread and add it to the history once written.
    """
    added, removed, changes = delta(before, state)
    return Version(
        number=number,
        time=time,
        reviewer=reviewer,
        message=message,
        note=note,
        counts=count_decisions(state),
        added=tuple(added),
        removed=tuple(removed),
        changes=tuple(changes),
    )


class History:
    """The versions of a review, oldest first.

    Attributes:
        versions: every saved version.
    """

    def __init__(self, versions: Iterable[Version] = ()) -> None:
        self.versions = list(versions)
        self._states: dict[int, State] = {0: {}}
        self._referenced: tuple[tuple[int, int], frozenset[str]] | None = None

    def __len__(self) -> int:
        return len(self.versions)

    def get(self, number: int) -> Version:
        """Version ``number`` (1-based).

        Raises:
            KeyError: there is no such version; the message lists the ones there are.
        """
        if not 1 <= number <= len(self.versions):
            have = f"1 to {len(self.versions)}" if self.versions else "none yet"
            raise KeyError(f"there is no version {number} (versions: {have})")
        return self.versions[number - 1]

    def state_at(self, number: int) -> State:
        """The decisions as saved in version ``number`` (0: before the first save)."""
        if number:
            self.get(number)
        if number not in self._states:
            known = max(n for n in self._states if n < number)
            state = self._states[known]
            for version in self.versions[known:number]:
                state = version.apply_to(state)
                self._states[version.number] = state
        return dict(self._states[number])

    def latest(self) -> State:
        """The state of the newest version (empty before the first save)."""
        return self.state_at(len(self.versions))

    def commit(self, state: State, time: str, reviewer: str, message: str, note: str) -> Version:
        """Add a version recording ``state``."""
        version = new_version(
            self.latest(),
            state,
            number=len(self.versions) + 1,
            time=time,
            reviewer=reviewer,
            message=message,
            note=note,
        )
        self.add(version, dict(state))
        return version

    def add(self, version: Version, state: State | None = None) -> None:
        """Append ``version``, made by ``new_version`` from the newest state and ``state``.

        The history keeps ``state`` itself (it must not be changed afterwards); without it,
        the state is made from the versions when it is first asked for.

        Raises:
            ValueError: the version does not follow the newest one.
        """
        if version.number != len(self.versions) + 1:
            raise ValueError(f"version {version.number} cannot follow version {len(self.versions)}")
        self.versions.append(version)
        self._referenced = None
        if state is not None:
            self._states[version.number] = state

    def drop_last(self) -> None:
        """Take back the newest version (its file could not be written)."""
        version = self.versions.pop()
        self._states.pop(version.number, None)
        self._referenced = None

    def referenced_ids(self) -> frozenset[str]:
        """Every id any version contains.

        Kept until the versions change: every save, autosave and export asks for the
        retired suggestions on the window's GUI thread, and joining the ids of all versions
        of a 300-page review takes 5-10 ms.
        """
        key = (id(self.versions), len(self.versions))
        if self._referenced is None or self._referenced[0] != key:
            joined = frozenset().union(*(version.added for version in self.versions))
            self._referenced = (key, joined)
        return self._referenced[1]
