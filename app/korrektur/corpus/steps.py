"""Corpus-wide decisions as steps that can be taken back exactly, and made again.

The corpus window keeps an undo stack of these. A step decides through ``decide`` (the
rules file, a version per review naming the rule), and remembers the rules it made and the
suggestions each changed: undoing withdraws those rules, which puts back to pending exactly
the decisions still theirs; doing it again puts the same rules back in force. A withdrawal
is a step too, undone by reinstating the rule on the suggestions it had put back.

Steps hold plain data and run wherever the corpus is open (the window's worker thread).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from korrektur.corpus.decide import (
    Chosen,
    DecideReport,
    decide_pair,
    decide_selection,
    reinstate,
    withdraw,
)
from korrektur.corpus.opened import Corpus
from korrektur.corpus.project import CorpusError
from korrektur.corpus.runners import Runner


@dataclass(frozen=True)
class Part:
    """One correction pair decided by a step.

    Attributes:
        original, replacement: the pair.
        action: ``accept`` or ``reject``.
        chosen: the suggestions to decide, by document; None for every pending suggestion
            of the pair, now and in documents analysed later (a rule on the pair).
    """

    original: str
    replacement: str
    action: str
    chosen: Mapping[str, Sequence[str]] | None = None

    @property
    def count(self) -> int:
        """How many suggestions were chosen (0 for a rule on the whole pair)."""
        return sum(len(ids) for ids in self.chosen.values()) if self.chosen is not None else 0


@dataclass(frozen=True)
class Outcome:
    """What one run of a step did.

    Attributes:
        reports: one per rule made, withdrawn or reinstated.
    """

    reports: list[DecideReport]

    @property
    def suggestions(self) -> int:
        """Suggestions decided or put back, in all."""
        return sum(report.suggestions for report in self.reports)

    @property
    def documents(self) -> int:
        """Documents changed (each counted once)."""
        return len({name for report in self.reports for name in report.changed})

    @property
    def problems(self) -> list[tuple[str, str]]:
        """Documents that could not be changed, with the reason."""
        return [problem for report in self.reports for problem in report.problems]

    @property
    def changed(self) -> set[str]:
        """The documents changed."""
        return {name for report in self.reports for name in report.changed}


@dataclass
class Decision:
    """Accept or reject one or more pairs across the corpus, as one step.

    Attributes:
        parts: the pairs and what to decide.
        rules: the rules the first run made, one per part that decided something.
        made: for each of ``rules``, the suggestions it decided (by document).
    """

    parts: list[Part]
    rules: list[str] = field(default_factory=list)
    made: list[dict[str, list[str]]] = field(default_factory=list)

    def do(self, corpus: Corpus, reviewer: str, runner: Runner | None = None) -> Outcome:
        """Decide (the first time), or put the step's rules back in force (redo)."""
        if self.rules:
            rules = {rule.id: rule for rule in corpus.rules}
            return Outcome(
                [
                    reinstate(
                        corpus,
                        rule_id,
                        reviewer,
                        None if rules[rule_id].everywhere else made,
                        runner,
                    )
                    for rule_id, made in zip(self.rules, self.made, strict=True)
                ]
            )
        reports = []
        for part in self.parts:
            if part.chosen is None:
                report = decide_pair(
                    corpus, part.original, part.replacement, part.action, reviewer, runner
                )
            else:
                report = decide_selection(
                    corpus,
                    part.original,
                    part.replacement,
                    part.action,
                    reviewer,
                    _only(part.chosen),
                    runner,
                )
            reports.append(report)
            self.rules.append(report.rule.id)
            self.made.append(report.changed)
        return Outcome(reports)

    def undo(self, corpus: Corpus, reviewer: str, runner: Runner | None = None) -> Outcome:
        """Withdraw the step's rules: exactly the decisions still theirs go back to pending."""
        reports = []
        for rule_id in reversed(self.rules):
            try:
                reports.append(withdraw(corpus, rule_id, reviewer, runner))
            except CorpusError:  # withdrawn meanwhile in the rules list: nothing left to do
                continue
        return Outcome(reports)


@dataclass
class Withdrawal:
    """Withdraw one rule, as one step; undone by putting it back in force.

    Attributes:
        rule: the rule's id.
        changed: the suggestions the withdrawal put back to pending (by document).
    """

    rule: str
    changed: dict[str, list[str]] = field(default_factory=dict)

    def do(self, corpus: Corpus, reviewer: str, runner: Runner | None = None) -> Outcome:
        """Withdraw the rule."""
        report = withdraw(corpus, self.rule, reviewer, runner)
        self.changed = report.changed
        return Outcome([report])

    def undo(self, corpus: Corpus, reviewer: str, runner: Runner | None = None) -> Outcome:
        """Put the rule back in force on what its withdrawal put back."""
        rule = next(r for r in corpus.rules if r.id == self.rule)
        only = None if rule.everywhere else self.changed
        return Outcome([reinstate(corpus, self.rule, reviewer, only, runner)])


def _only(chosen: Mapping[str, Sequence[str]]) -> Chosen:
    return {name: list(ids) for name, ids in chosen.items() if ids}
