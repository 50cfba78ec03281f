"""Decisions on chosen occurrences, rules put back in force, and what each step changed:
what the corpus window's undoable decisions rest on."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import yaml
from corpus_samples import LATER, analyse

from korrektur.corpus.concordance import pair_concordance, word_concordance
from korrektur.corpus.decide import decide_pair, decide_selection, reinstate, withdraw
from korrektur.corpus.index import State
from korrektur.corpus.opening import open_corpus
from korrektur.corpus.rules import SELECTED, load_rules
from korrektur.corpus.sync import Synchroniser
from korrektur.model import Status
from korrektur.store.reviewfile import save_review
from korrektur.store.reviewread import load_review

NAMES = ("a.txt", "b.txt", "sub/c.txt")


def _statuses(project: Path, original: str, replacement: str) -> dict[tuple[str, str], Status]:
    found = {}
    for name in NAMES:
        review = load_review(project / "reviews" / f"{name}.review.yaml")
        for s in review.session.suggestions:
            if (s.original, s.replacement) == (original, replacement):
                found[name, s.id] = s.status
    return found


def test_chosen_occurrences_are_decided_alone_and_recorded_with_their_rule(
    project: Path,
) -> None:
    analyse(project)
    before = _statuses(project, "ar", "är")
    chosen = sorted(before)[:2]
    assert len({name for name, _ in before}) > 1
    with open_corpus(project, "decide") as corpus:
        only = {name: [sid for n, sid in chosen if n == name] for name, _ in chosen}
        report = decide_selection(corpus, "ar", "är", "accept", "Anna", only)
    assert report.suggestions == 2
    assert {n: set(ids) for n, ids in report.changed.items()} == {
        n: set(ids) for n, ids in only.items()
    }
    after = _statuses(project, "ar", "är")
    for key, status in after.items():
        assert status is (Status.ACCEPTED if key in chosen else Status.PENDING)
    rule = load_rules(project / "rules.yaml")[0]
    assert (rule.id, rule.scope, rule.active) == ("r1", SELECTED, True)
    review = load_review(project / "reviews" / f"{chosen[0][0]}.review.yaml")
    assert "corpus rule r1: accept 'ar' → 'är'" in review.history.versions[-1].note
    with open_corpus(project, "decide") as corpus:  # a rule on the whole pair may still be made
        assert decide_pair(corpus, "ar", "är", "reject", "Bo").rule.id == "r2"


def test_a_rule_of_chosen_occurrences_is_never_applied_to_later_documents(
    project: Path, sources: Path
) -> None:
    analyse(project)
    first = next(iter(_statuses(project, "ar", "är")))
    with open_corpus(project, "decide") as corpus:
        decide_selection(corpus, "ar", "är", "accept", "Anna", {first[0]: [first[1]]})
    (sources / "later.txt").write_text(LATER, encoding="utf-8")
    analyse(project)
    later = load_review(project / "reviews" / "later.txt.review.yaml")
    pairs = [s for s in later.session.suggestions if (s.original, s.replacement) == ("ar", "är")]
    assert pairs
    assert all(s.status is Status.PENDING for s in pairs)


def test_withdraw_then_reinstate_restores_exactly_the_same_decisions(project: Path) -> None:
    analyse(project)
    with open_corpus(project, "decide") as corpus:
        made = decide_pair(corpus, "ar", "är", "accept", "Anna")
    decided = _statuses(project, "ar", "är")
    with open_corpus(project, "decide") as corpus:
        back = withdraw(corpus, "r1", "Anna")
    assert back.changed == made.changed
    assert set(_statuses(project, "ar", "är").values()) == {Status.PENDING}
    with open_corpus(project, "decide") as corpus:
        again = reinstate(corpus, "r1", "Anna")
        held = corpus.index.db.execute("SELECT count(*) FROM suggestions WHERE rule = 'r1'")
        assert held.fetchone()[0] == made.suggestions
    assert again.changed == made.changed
    assert _statuses(project, "ar", "är") == decided
    rule = load_rules(project / "rules.yaml")[0]
    assert rule.active
    assert not rule.withdrawn_by


def test_reinstating_a_chosen_rule_decides_only_what_it_is_given(project: Path) -> None:
    analyse(project)
    chosen = sorted(_statuses(project, "ar", "är"))[:1]
    only = {chosen[0][0]: [chosen[0][1]]}
    with open_corpus(project, "decide") as corpus:
        decide_selection(corpus, "ar", "är", "reject", "Anna", only)
        withdraw(corpus, "r1", "Anna")
        report = reinstate(corpus, "r1", "Anna", only)
    assert report.changed == only
    statuses = _statuses(project, "ar", "är")
    assert [k for k, v in statuses.items() if v is Status.REJECTED] == chosen


def test_an_interrupted_decision_on_chosen_occurrences_completes_only_those(
    project: Path,
) -> None:
    analyse(project)
    chosen = sorted(_statuses(project, "ar", "är"))[:1]
    with open_corpus(project, "decide") as corpus:
        decide_selection(corpus, "for", "för", "accept", "Anna", {})  # r1: nothing chosen
    rules = (project / "rules.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(rules)
    data["rules"].append(
        {
            "id": "r2",
            "original": "ar",
            "replacement": "är",
            "action": "accept",
            "reviewer": "Anna",
            "created": "2026-01-01T00:00:00+00:00",
            "scope": SELECTED,
        }
    )
    (project / "rules.yaml").write_text(yaml.safe_dump(data, allow_unicode=True))
    journal = {
        "operation": "apply",
        "rule": "r2",
        "reviewer": "Anna",
        "only": {chosen[0][0]: [chosen[0][1]]},
    }
    (project / "operation.yaml").write_text(yaml.safe_dump(journal, allow_unicode=True))
    with open_corpus(project, "status") as corpus:
        assert any("was completed: 1 more" in m for m in corpus.messages)
    statuses = _statuses(project, "ar", "är")
    assert [k for k, v in statuses.items() if v is Status.ACCEPTED] == chosen


def test_occurrences_from_any_place_in_the_list_have_the_same_lines(project: Path) -> None:
    analyse(project)
    with open_corpus(project, "status") as corpus:
        found = word_concordance(corpus.index, "ar")
        everything = found.occurrences()
        assert len(everything) > 3
        for first in range(len(everything)):
            assert found.occurrences(2, first) == everything[first : first + 2]
        pair = pair_concordance(corpus.index, "ar", "är")
        assert pair.occurrences(1, 1) == pair.occurrences()[1:2]


def test_refreshing_one_document_reads_its_saved_review(project: Path) -> None:
    analyse(project)
    path = project / "reviews" / "a.txt.review.yaml"
    review = load_review(path)
    ids = [s.id for s in review.session.suggestions]
    review.session.decide(ids, Status.ACCEPTED, by="Bo")
    save_review(review, reviewer="Bo")
    with open_corpus(project, "status") as corpus:
        pass  # the check on opening reads it: make the index stale again by hand
    with open_corpus(project, "status") as corpus:
        db = corpus.index.db
        db.execute("UPDATE documents SET review_size = 1, counts = '{}' WHERE name = 'a.txt'")
        Synchroniser(corpus.project, corpus.index).refresh("a.txt")
        row = corpus.index.document("a.txt")
        assert row is not None
        assert row.state is State.ANALYSED
        assert sum(row.counts[k].get("accepted", 0) for k in row.counts) == len(ids)
        assert "Bo" in row.reviewers


def test_the_pending_suggestions_of_a_search_are_grouped_by_pair_and_document(
    project: Path,
) -> None:
    analyse(project)
    statuses = _statuses(project, "ar", "är")
    with open_corpus(project, "status") as corpus:
        found = word_concordance(corpus.index, "ar")
        every = found.pending()
        assert every["ar", "är"] == {
            name: [sid for n, sid in sorted(statuses, key=_place(project)) if n == name]
            for name in sorted({n for n, _ in statuses})
        }
        others = _statuses(project, "ar", "år")  # the same word, another correction
        assert others
        assert {(n, i) for n, ids in every["ar", "år"].items() for i in ids} == set(others)
        first = next(o for o in found.occurrences() if o.replacement == "är")
        number = found.occurrences().index(first)
        assert found.pending([number]) == {("ar", "är"): {first.document: [first.suggestion]}}
        decide_selection(corpus, "ar", "är", "accept", "Anna", {first.document: [first.suggestion]})
        again = word_concordance(corpus.index, "ar")
        assert first.suggestion not in again.pending()["ar", "är"][first.document]
        assert again.pending([number]) == {}


def _place(project: Path) -> Callable[[tuple[str, str]], int]:
    starts = {}
    for name in NAMES:
        review = load_review(project / "reviews" / f"{name}.review.yaml")
        starts.update({(name, s.id): s.start for s in review.session.suggestions})
    return lambda key: starts[key]
