"""``corpus decide``: a rule made or withdrawn, carried into every document's review.

The order on disk makes an interruption harmless. First a journal
(``PROJECT/operation.yaml``) says what is being done; then the rules file records the rule
(or its withdrawal); then each review file that it changes is rewritten (atomically) and
its index rows updated; last the journal goes. The next command that opens the project
finds a journal left behind and finishes the work — applying a rule, or withdrawing it,
twice changes nothing the second time — or, if the rules file never recorded the change,
rolls it back by dropping the journal: nothing had been applied yet.

The corpus window decides the occurrences an archivist chose with a rule of ``selected``
scope (the journal then lists the suggestions), and undoes a withdrawal by reinstating the
rule; the report says which suggestions each step changed, so that it can be taken back
exactly.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from korrektur.corpus.facts import facts_of
from korrektur.corpus.index import Stat, State
from korrektur.corpus.opened import Corpus
from korrektur.corpus.project import JOURNAL, RULES, CorpusError
from korrektur.corpus.rules import (
    SELECTED,
    Rule,
    apply_rule,
    check_free,
    new_rule,
    reinstated,
    save_rules,
    withdraw_rule,
    withdrawn,
)
from korrektur.corpus.runners import InlineRunner, Runner
from korrektur.corpus.worker import Outcome, write_review
from korrektur.model.session import now_iso
from korrektur.store.atomic import WriteError, atomic_write_text
from korrektur.store.lock import ChangedOnDisk, stamp_of
from korrektur.store.reviewfile import review_bytes
from korrektur.store.reviewread import load_review
from korrektur.store.validate import ReviewFileError

APPLY, WITHDRAW = "apply", "withdraw"

Chosen = Mapping[str, Sequence[str]]
"""Suggestion ids by document: the occurrences a decision is limited to."""


@dataclass(frozen=True)
class RuleTask:
    """A rule to carry into one document's review.

    Attributes:
        document: the document.
        review_path: its review file.
        rule: the rule.
        operation: ``apply`` or ``withdraw``.
        reviewer: who withdraws (``apply`` uses the rule's reviewer).
        time: when.
        only: the suggestions of this document to decide (None: every pending one of the
            pair).
    """

    document: str
    review_path: str
    rule: Rule
    operation: str
    reviewer: str
    time: str
    only: tuple[str, ...] | None = None


def rule_task(task: RuleTask) -> Outcome:
    """Apply or withdraw a rule in one review; the review file's new bytes, or why not."""
    path = Path(task.review_path)
    stamp = stamp_of(path)  # before reading: a file replaced meanwhile looks changed
    try:
        review = load_review(path)
    except ReviewFileError as exc:
        return Outcome(task.document, problem=f"its review file is damaged: {exc}")
    try:
        if task.operation == APPLY:
            changed = apply_rule(review, task.rule, task.time, task.only)
        else:
            changed = withdraw_rule(review, task.rule, task.reviewer, task.time)
        if not changed:
            return Outcome(task.document, note="unchanged")
        data = review_bytes(review, path)
        facts = facts_of(review)
        return Outcome(
            task.document, data, facts, note=str(len(changed)), stamp=stamp, ids=tuple(changed)
        )
    finally:
        review.release()


@dataclass
class DecideReport:
    """What a rule did.

    Attributes:
        rule: the rule made or withdrawn.
        operation: ``apply`` or ``withdraw``.
        documents: documents whose review changed.
        suggestions: suggestions decided (or put back to pending).
        problems: documents that could not be changed, with the reason.
        changed: the suggestions decided (or put back) in each document changed.
    """

    rule: Rule
    operation: str
    documents: int = 0
    suggestions: int = 0
    problems: list[tuple[str, str]] = field(default_factory=list)
    changed: dict[str, list[str]] = field(default_factory=dict)


def _write_journal(
    corpus: Corpus, operation: str, rule: Rule, reviewer: str, only: Chosen | None = None
) -> None:
    data: dict[str, object] = {"operation": operation, "rule": rule.id, "reviewer": reviewer}
    if only is not None:
        data["only"] = {name: list(ids) for name, ids in only.items()}
    text = yaml.safe_dump(data, allow_unicode=True)
    try:
        atomic_write_text(corpus.project.path(JOURNAL), text)
    except WriteError as exc:
        raise CorpusError(str(exc)) from exc


def decide_pair(
    corpus: Corpus,
    original: str,
    replacement: str,
    action: str,
    reviewer: str,
    runner: Runner | None = None,
) -> DecideReport:
    """Make a rule on a pair and decide its pending suggestions in every document.

    Raises:
        CorpusError: a rule on the pair is in force, or the project cannot be written.
    """
    corpus.require_writer()
    rule = new_rule(corpus.rules, original, replacement, action, reviewer, now_iso())
    _write_journal(corpus, APPLY, rule, reviewer)
    save_rules(corpus.project.path(RULES), [*corpus.rules, rule])
    corpus.reload_rules()
    return _carry(corpus, rule, APPLY, reviewer, runner)


def decide_selection(
    corpus: Corpus,
    original: str,
    replacement: str,
    action: str,
    reviewer: str,
    chosen: Chosen,
    runner: Runner | None = None,
) -> DecideReport:
    """Decide the chosen pending suggestions of a pair, as a rule of ``selected`` scope.

    The rule is recorded like any other (the rules file, a version per review naming
    it), so it can be withdrawn the same way; it is never applied to other suggestions.

    Raises:
        CorpusError: the project cannot be written.
    """
    corpus.require_writer()
    rule = new_rule(
        corpus.rules, original, replacement, action, reviewer, now_iso(), scope=SELECTED
    )
    _write_journal(corpus, APPLY, rule, reviewer, chosen)
    save_rules(corpus.project.path(RULES), [*corpus.rules, rule])
    corpus.reload_rules()
    return _carry(corpus, rule, APPLY, reviewer, runner, chosen)


def reinstate(
    corpus: Corpus,
    rule_id: str,
    reviewer: str,
    only: Chosen | None = None,
    runner: Runner | None = None,
) -> DecideReport:
    """Put a withdrawn rule in force again (a withdrawal undone) and apply it.

    ``only`` limits it to those suggestions (the ones its withdrawal put back, for a rule
    of ``selected`` scope); without it, every pending suggestion of the pair is decided.

    Raises:
        CorpusError: no such rule, it is in force, or another rule on the pair is.
    """
    corpus.require_writer()
    rule = _find(corpus, rule_id)
    if rule.active:
        raise CorpusError(f"rule {rule.id} is in force already")
    if rule.everywhere:
        check_free(corpus.rules, rule.original, rule.replacement)
    _write_journal(corpus, APPLY, rule, reviewer, only)
    back = reinstated(rule)
    save_rules(corpus.project.path(RULES), [back if r.id == rule.id else r for r in corpus.rules])
    corpus.reload_rules()
    return _carry(corpus, back, APPLY, reviewer, runner, only)


def withdraw(
    corpus: Corpus, rule_id: str, reviewer: str, runner: Runner | None = None
) -> DecideReport:
    """Withdraw rule ``rule_id``: its decisions, where still its own, go back to pending.

    Raises:
        CorpusError: no such rule, or it is withdrawn already.
    """
    corpus.require_writer()
    rule = _find(corpus, rule_id)
    if not rule.active:
        raise CorpusError(f"rule {rule.id} was withdrawn already ({rule.withdrawn})")
    _write_journal(corpus, WITHDRAW, rule, reviewer)
    gone = withdrawn(rule, reviewer, now_iso())
    save_rules(corpus.project.path(RULES), [gone if r.id == rule.id else r for r in corpus.rules])
    corpus.reload_rules()
    return _carry(corpus, gone, WITHDRAW, reviewer, runner)


def _find(corpus: Corpus, rule_id: str) -> Rule:
    for rule in corpus.rules:
        if rule.id == rule_id:
            return rule
    known = ", ".join(r.id for r in corpus.rules) or "none yet"
    raise CorpusError(f"there is no rule {rule_id} (rules: {known})")


def finish_interrupted(corpus: Corpus) -> str:
    """Complete (or roll back) an operation a killed command left; "" when there was none."""
    path = corpus.project.path(JOURNAL)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return ""
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise CorpusError(f"{path} cannot be read: {exc}") from None
    if not isinstance(data, dict) or data.get("operation") not in (APPLY, WITHDRAW):
        raise CorpusError(f"{path} is damaged; see what it says and delete it")
    operation, rule_id = data["operation"], str(data.get("rule"))
    reviewer = str(data.get("reviewer") or "")
    only = data.get("only")
    if only is not None and not (
        isinstance(only, dict) and all(isinstance(ids, list) for ids in only.values())
    ):
        raise CorpusError(f"{path} is damaged; see what it says and delete it")
    rule = next((r for r in corpus.rules if r.id == rule_id), None)
    recorded = rule is not None and (rule.active == (operation == APPLY))
    if rule is None or not recorded:
        path.unlink()
        return (
            f"an interrupted 'decide' ({operation} rule {rule_id}) was rolled back: "
            "nothing of it had been applied"
        )
    chosen = {str(name): [str(i) for i in ids] for name, ids in only.items()} if only else None
    report = _carry(corpus, rule, operation, reviewer, None, chosen)
    return (
        f"an interrupted 'decide' ({operation} rule {rule_id}) was completed: "
        f"{report.suggestions} more suggestions in {report.documents} documents"
    )


def _carry(
    corpus: Corpus,
    rule: Rule,
    operation: str,
    reviewer: str,
    runner: Runner | None,
    only: Chosen | None = None,
) -> DecideReport:
    """Carry the rule (or its withdrawal) into every document it concerns; drop the journal.

    ``only``: applying, limit it to those suggestions.
    """
    if operation == APPLY and only is not None:
        names = sorted(name for name, ids in only.items() if ids)
    elif operation == APPLY:
        where = "status = 'pending' AND original = ? AND replacement = ?"
        names = corpus.index.documents_with(where, (rule.original, rule.replacement))
    else:
        names = corpus.index.documents_with("rule = ?", (rule.id,))
    bad = set(corpus.index.documents_in(State.BAD))
    names = [n for n in names if n not in bad]
    report = DecideReport(rule, operation)
    time = now_iso()

    def tasks() -> Iterator[RuleTask]:
        for name in names:
            path = corpus.project.review_path(name)
            ids = tuple(only[name]) if only is not None else None
            yield RuleTask(name, str(path), rule, operation, reviewer, time, ids)

    runner = runner or InlineRunner()
    index = corpus.index
    for task, result in runner.map(rule_task, tasks()):
        outcome = (
            result if isinstance(result, Outcome) else Outcome(task.document, problem=str(result))
        )
        path = Path(task.review_path)
        try:
            if outcome.review is not None:
                try:
                    write_review(path, outcome.review, outcome.stamp)
                except ChangedOnDisk:  # saved in the window meanwhile: once more, from it
                    outcome = rule_task(task)
                    if outcome.review is not None:
                        write_review(path, outcome.review, outcome.stamp)
        except (OSError, WriteError) as exc:
            outcome = Outcome(task.document, problem=str(exc))
        if outcome.problem:
            report.problems.append((task.document, outcome.problem))
            continue
        if outcome.review is None or outcome.facts is None:
            continue
        row = corpus.index.document(task.document)
        if row is None:
            continue
        with index.transaction():
            index.record(task.document, outcome.facts, row.state, Stat.of(path), row.source)
        report.documents += 1
        report.suggestions += int(outcome.note)
        report.changed[task.document] = list(outcome.ids)
    if not report.problems:  # else the next command tries those documents again
        corpus.project.path(JOURNAL).unlink(missing_ok=True)
    return report
