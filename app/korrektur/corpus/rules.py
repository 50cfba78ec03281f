"""Corpus rules: one decision on a correction pair, applied to every document, withdrawable.

A rule is kept in ``PROJECT/rules.yaml`` (the index only mirrors it). Applying it to a
document decides that document's pending suggestions of the pair and saves a version of its
review whose note names the rule (``corpus rule r3: accept 'pa' → 'på'``); that version is
how the review file records which decisions came from which rule, in the ordinary review
format. Withdrawing a rule puts back to pending exactly the decisions whose latest change
is still the rule's; whatever a reviewer decided since is left alone.

A rule decides every pending suggestion of its pair, in the documents analysed later too; a
rule of ``scope: selected`` (made in the corpus window for the occurrences the archivist
chose) decided only the suggestions it was given and is never applied again.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path

import yaml

from korrektur.corpus.project import CorpusError
from korrektur.model import UNDECIDED, Decision, Status
from korrektur.store.atomic import WriteError, atomic_write_text
from korrektur.store.history import History
from korrektur.store.review import Review

FORMAT = "korrektur-corpus-rules"
ACTIONS = {"accept": Status.ACCEPTED, "reject": Status.REJECTED}
SELECTED = "selected"
"""The scope of a rule that decided only the suggestions it was given."""
_APPLIED = re.compile(r"corpus rule (r\d+): (?:accept|reject) ")


@dataclass(frozen=True)
class Rule:
    """A corpus-wide decision on a correction pair.

    Attributes:
        id: ``r1``, ``r2``, … in order of making.
        original, replacement: the pair (exactly, case included).
        action: ``accept`` or ``reject``.
        reviewer: who decided it.
        created: when (ISO 8601, UTC).
        withdrawn, withdrawn_by: when and by whom it was withdrawn ("" while in force).
        scope: "" (every pending suggestion of the pair, now and later) or ``selected``.
    """

    id: str
    original: str
    replacement: str
    action: str
    reviewer: str
    created: str
    withdrawn: str = ""
    withdrawn_by: str = ""
    scope: str = ""

    @property
    def everywhere(self) -> bool:
        """True for a rule on every suggestion of its pair (not only on chosen ones)."""
        return not self.scope

    @property
    def status(self) -> Status:
        """The status the rule gives."""
        return ACTIONS[self.action]

    @property
    def active(self) -> bool:
        """True while the rule is in force."""
        return not self.withdrawn

    def describe(self) -> str:
        """``accept 'pa' → 'på'``."""
        return f"{self.action} {self.original!r} → {self.replacement!r}"

    def note(self) -> str:
        """The note of the version that records the rule's decisions in a review."""
        return f"corpus rule {self.id}: {self.describe()}"

    def matches(self, original: str, replacement: str) -> bool:
        """True when the rule is about this pair."""
        return self.original == original and self.replacement == replacement


# -- the rules file ---------------------------------------------------------------------------


def load_rules(path: Path) -> list[Rule]:
    """The rules in ``path`` (none when there is no file).

    Raises:
        CorpusError: the file is damaged.
    """
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise CorpusError(f"{path} cannot be read: {exc}") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise CorpusError(f"{path} is not a Korrektur rules file (no 'format: {FORMAT}')")
    rules = []
    for number, item in enumerate(data.get("rules") or [], start=1):
        try:
            rule = Rule(**{k: str(v or "") for k, v in item.items()})
        except (TypeError, AttributeError):
            raise CorpusError(f"{path}: rule {number} is damaged") from None
        if rule.action not in ACTIONS:
            raise CorpusError(f"{path}: rule {number} has an unknown action {rule.action!r}")
        if rule.scope not in ("", SELECTED):
            raise CorpusError(f"{path}: rule {number} has an unknown scope {rule.scope!r}")
        rules.append(rule)
    return rules


def save_rules(path: Path, rules: Sequence[Rule]) -> None:
    """Write the rules atomically.

    Raises:
        CorpusError: the file could not be written (the old one is intact).
    """
    records = []
    for rule in rules:
        record = asdict(rule)
        if rule.active:
            del record["withdrawn"], record["withdrawn_by"]
        if rule.everywhere:
            del record["scope"]
        records.append(record)
    text = "# Korrektur corpus rules: decisions on correction pairs, applied to every document.\n"
    text += yaml.safe_dump(
        {"format": FORMAT, "format_version": 1, "rules": records},
        allow_unicode=True,
        sort_keys=False,
    )
    try:
        atomic_write_text(path, text)
    except WriteError as exc:
        raise CorpusError(str(exc)) from exc


def new_rule(
    rules: Sequence[Rule],
    original: str,
    replacement: str,
    action: str,
    reviewer: str,
    time: str,
    scope: str = "",
) -> Rule:
    """The next rule (``r{n}``); an active rule on the same pair must be withdrawn first.

    Rules of ``scope`` ``selected`` decide only what they are given: any number of them
    may stand beside each other and beside a rule on the whole pair.

    Raises:
        CorpusError: a rule on the whole pair is in force (and this one is one too).
    """
    if not scope:
        check_free(rules, original, replacement)
    return Rule(f"r{len(rules) + 1}", original, replacement, action, reviewer, time, scope=scope)


def check_free(rules: Sequence[Rule], original: str, replacement: str) -> None:
    """Raise ``CorpusError`` when a rule on the whole pair is in force."""
    for rule in rules:
        if rule.active and rule.everywhere and rule.matches(original, replacement):
            raise CorpusError(
                f"rule {rule.id} ({rule.describe()}) is in force for this pair; "
                f"withdraw it first (corpus decide --withdraw {rule.id})"
            )


def withdrawn(rule: Rule, reviewer: str, time: str) -> Rule:
    """The rule, withdrawn."""
    return replace(rule, withdrawn=time, withdrawn_by=reviewer)


def reinstated(rule: Rule) -> Rule:
    """The rule, in force again (a withdrawal undone)."""
    return replace(rule, withdrawn="", withdrawn_by="")


# -- rules and one review ---------------------------------------------------------------------


def attribution(history: History) -> dict[str, str]:
    """For every suggestion whose latest decision came from a rule: the rule's id."""
    owner: dict[str, str | None] = {}
    for version in history.versions:
        found = _APPLIED.search(version.note)
        rule_id = found.group(1) if found else None
        for suggestion_id, _ in version.changes:
            owner[suggestion_id] = rule_id
    return {i: r for i, r in owner.items() if r is not None}


def apply_rules(review: Review, rules: Iterable[Rule], time: str) -> int:
    """Apply the active ``rules`` on whole pairs to the pending suggestions of ``review``.

    Each rule that decides something is saved as a version of its own (reviewer: the
    rule's; note: which rule), so the review file says where every decision came from.
    The caller writes the file. Returns how many suggestions were decided.
    """
    return sum(
        len(apply_rule(review, rule, time)) for rule in rules if rule.active and rule.everywhere
    )


def apply_rule(
    review: Review, rule: Rule, time: str, only: Collection[str] | None = None
) -> list[str]:
    """Decide the pending suggestions of the rule's pair (of ``only``, if given) as a version.

    Returns the ids of the suggestions decided.
    """
    ids = [
        s.id
        for s in review.session.suggestions
        if s.status is Status.PENDING
        and rule.matches(s.original, s.replacement)
        and (only is None or s.id in only)
    ]
    if ids:
        by = rule.reviewer or None
        review.session.restore({i: Decision(rule.status, None, by, time) for i in ids})
        _commit(review, rule.note(), rule.reviewer, time)
    return ids


def withdraw_rule(review: Review, rule: Rule, reviewer: str, time: str) -> list[str]:
    """Put the decisions ``rule`` made in ``review`` back to pending (a new version).

    Only decisions whose latest change is still the rule's are touched. Returns their ids.
    """
    owned = attribution(review.history)
    ids = [
        s.id
        for s in review.session.suggestions
        if owned.get(s.id) == rule.id and s.status is rule.status
    ]
    if ids:
        review.session.restore(dict.fromkeys(ids, UNDECIDED))
        _commit(review, f"corpus rule {rule.id} withdrawn ({rule.describe()})", reviewer, time)
    return ids


def _commit(review: Review, note: str, reviewer: str, time: str) -> None:
    """Save the review's state as a version noting ``note`` (and any notes pending)."""
    review.notes.append(note)
    review.commit(reviewer=reviewer, time=time)
    review.notes.clear()
