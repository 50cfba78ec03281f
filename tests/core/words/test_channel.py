import math

import pytest

from korrektur.engine.words.channel import (
    EXCLUDE_ENV,
    Channel,
    Evidence,
    excluded_documents,
    global_channel,
    is_diacritic_op,
    learned_evidence,
)

LEARNED = {
    "doc-a": {
        "gold_chars": {"ä": 100, "ö": 100, "a": 400},
        "confusions": {"a>ä": 90, "6>ö": 20},
        "upper_initial": {"ä": 5},
        "lower_initial": {"ä": 50},
    },
    "doc-b": {
        "gold_chars": {"ä": 100, "ö": 100, "a": 400},
        "confusions": {"a>ä": 10, "é>ö": 1},
    },
}


def test_learned_evidence_sums_documents():
    evidence = learned_evidence(LEARNED)
    assert evidence.confusions[("a", "ä")] == 100
    assert evidence.gold_chars["ä"] == 200
    assert evidence.upper_initial["ä"] == 5


def test_estimate_turns_counts_into_costs():
    channel = Channel.estimate(learned_evidence(LEARNED), {})
    assert channel.probability[("a", "ä")] == pytest.approx(100 / (200 + 200))
    assert channel.cost("a", "ä") > channel.cost("6", "ö")  # ä lost is likelier than 6 for ö
    assert channel.cost("x", "x") == 0.0
    assert channel.cost("q", "ö") < math.log(1e-6)  # never seen: very unlikely
    # once-seen confusions may be chance and are not tried as rewrites
    assert "é" not in channel.rewrites
    assert channel.rewrites["6"][0][0] == "ö"
    assert "a" not in channel.rewrites  # diacritic losses are found by folding instead


def test_seed_weights_act_as_prior():
    evidence = Evidence({}, {"ö": 100.0}, {}, {})
    channel = Channel.estimate(evidence, {("0", "ö"): 0.01})
    assert channel.probability[("0", "ö")] == pytest.approx(0.01 * 200 / 300)


def test_document_adaptation_follows_the_document():
    base = global_channel([], LEARNED)
    clean = base.adapted([], {"ä": 300.0})  # a document that kept all its ä
    lossy = base.adapted([((("a", "ä")), 250.0)], {"ä": 300.0})
    assert clean.cost("a", "ä") < base.cost("a", "ä") < lossy.cost("a", "ä")
    # OCR confusions the document did not show keep their global weight
    assert clean.probability[("6", "ö")] == base.probability[("6", "ö")]


def test_leave_one_out(monkeypatch):
    monkeypatch.setenv(EXCLUDE_ENV, "doc-a,doc-c")
    assert excluded_documents() == {"doc-a", "doc-c"}
    without = global_channel([], LEARNED, excluded_documents())
    assert ("6", "ö") not in without.probability


def test_diacritic_ops():
    assert is_diacritic_op(("a", "ä"))
    assert is_diacritic_op(("é", "e"))
    assert not is_diacritic_op(("6", "ö"))
    assert not is_diacritic_op(("a", "a"))
    assert not is_diacritic_op(("é", "ö"))


def test_capital_rates_of_accented_letters_learn_from_each_other():
    evidence = Evidence(
        {},
        {"a": 1000.0},
        upper_initial={"ä": 20.0, "ö": 10.0},
        lower_initial={"ä": 100.0, "ö": 50.0, "å": 30.0, "k": 500.0, "l": 500.0},
    )
    channel = Channel.estimate(evidence, {})
    # å printed as a capital was never seen, but ä and ö often are: å borrows their rate
    assert channel.upper_cost("å") > channel.upper_cost("k") + 1.0
    assert channel.upper_cost("k") == pytest.approx(channel.upper_cost("l"))
    assert channel.upper_cost("é") > channel.upper_cost("k")  # never seen at all
