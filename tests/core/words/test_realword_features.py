import collections
import sys
from pathlib import Path

import pytest

from korrektur.engine.words.realword import RealWordModel, around
from korrektur.engine.words.realword_features import (
    BOUNDARY,
    BREAK,
    COMMA,
    context_tokens,
    describe,
    features,
)
from korrektur.engine.words.realword_weights import (
    FORMAT,
    SetWeights,
    WeightsError,
    read,
    write,
)
from korrektur.engine.words.text import NUMBER

ROOT = Path(__file__).resolve().parents[3]


def test_context_tokens_mark_sentences_pauses_and_brackets():
    chunks = [
        "Vi",
        "läser",
        "(mycket)",
        "nu,",
        "sa",
        "hon.",
        "Sedan:",
        "lärare/elever",
        "–",
        "bl.a.",
        "i",
        "F-9",
    ]
    assert context_tokens(chunks) == [
        "Vi", "läser", BREAK, "mycket", BREAK, "nu", COMMA, "sa", "hon", BOUNDARY,
        "Sedan", BOUNDARY, "lärare", "elever", BREAK, "bl.a", "i", "F", "9",
    ]  # fmt: skip


def test_context_tokens_collapse_marks_and_read_bullets():
    assert context_tokens(["•", "Ett", "ord", ",", "(", "två"]) == [
        BOUNDARY, "Ett", "ord", COMMA, "två",
    ]  # fmt: skip


def test_features_fold_the_neighbours_and_stop_at_a_sentence_boundary():
    names = features(["Förra", "året", ".", "Sedan", "gick"], ["på", "Möte", "2024"], False, False)
    assert "L1=gick" in names
    assert "L2=sedan" in names
    assert "L3=." in names  # the boundary as the tokenizer wrote it is read as a mark
    names = features([BOUNDARY, "Sedan", "gick"], ["på", "Möte", "2024"], False, False)
    assert {"L1=gick", "L2=sedan", f"L3={BOUNDARY}", "R1=pa", "R2=mote", f"R3={NUMBER}"} <= set(
        names
    )
    assert "LL=sedan gick" in names
    assert "RR=pa mote" in names
    assert "LR=gick pa" in names
    assert "L1-ick" not in names  # too short for an ending
    assert not any(n.startswith("L4") for n in names)


def test_features_know_capitals_only_inside_a_sentence():
    assert "C=title" in features(["vi"], ["inte"], True, False)
    assert "C=title" not in features([BOUNDARY], ["inte"], True, False)
    assert "C=upper" in features([BOUNDARY], ["inte"], False, True)


def test_no_context_no_features():
    assert features([], [], False, False) == []


def test_describe_names_features_for_a_reviewer():
    assert describe("L1=det") == "'det' just before"
    assert describe("RR=viktigt att") == "'viktigt' and 'att' just after"
    assert describe(f"LL={BOUNDARY} det") == "a sentence boundary and 'det' just before"
    assert describe("R1-igt") == "a word ending in -igt just after"


def test_around_reads_within_the_paragraph():
    text = "Förra stycket.\n\nDet ar (viktigt), sa hon.\nNästa rad"
    start = text.index("ar")
    left, right = around(text, start, start + 2)
    assert left == [BOUNDARY, "Det"]
    assert right[:4] == [BREAK, "viktigt", COMMA, "sa"]
    end = text.index("rad")
    left, right = around(text, end, end + 3)
    assert left[-1] == "Nästa"
    assert right == [BOUNDARY]


def test_around_drops_a_word_cut_by_its_reach():
    text = "x" * 200 + "abc def ghi jkl mno " + "ord " + "y" * 300
    start = text.index("ord")
    left, right = around(text, start, start + 3)
    assert left[-1] == "mno"
    assert BOUNDARY not in left
    assert not right or not right[-1].startswith("y" * 10) or len(right[-1]) == 300


def _tiny(tmp_path: Path) -> Path:
    path = tmp_path / "w.bin"
    sets = [
        SetWeights(
            "har",
            "fold",
            ("har", "här"),
            (1.0, -1.0),
            {"L1=vi": (1.5, -1.5), "R1=finns": (-2.0, 2.0), "L1=<s>": (-0.5, 0.5)},
            (100, 10),
        ),
        SetWeights("1", "ocr", ("i", "1"), (2.0, 0.0), {"L1=den": (-3.0, 3.0)}, (500, 50)),
        SetWeights(
            "ar", "fold", ("är", "år", "ar"), (2.0, 1.0, -3.0), {"L1=i": (-1, 3, 0)}, (9, 3, 1)
        ),
    ]
    write(path, sets, {"source": "test"})
    return path


def test_weights_round_trip_and_choose(tmp_path):
    model = RealWordModel.load(_tiny(tmp_path))
    assert model.meta["source"] == "test"
    assert model.readings("Har") == ("har", "här")
    assert model.readings("1") == ("i", "1")
    assert model.readings("AR") == ("är", "år", "ar")
    assert model.readings("och") == ()
    choice = model.choose(["vi"], ["finns"], ["har", "här"])
    assert choice.modelled
    # 1.0 + 1.5 - 2.0 against -1.0 - 1.5 + 2.0: log-odds 1.0 for 'har' (quantised weights)
    assert choice.probability("har") == pytest.approx(1 / (1 + 2.718281828**-1.0), abs=0.01)
    assert sum(choice.probabilities) == pytest.approx(1.0)
    assert choice.prior[0] == pytest.approx(1 / (1 + 2.718281828**-2.0), abs=0.01)
    assert [e.feature for e in choice.evidence()] == ["L1=vi"]
    assert choice.reason() == "context ('vi' just before) prefers 'har'"
    # a subset of a set is answered by the set; the order of candidates is the caller's
    three = model.choose(["i"], [], ["år", "är"])
    assert three.best == "år"
    assert three.candidates == ("år", "är")


def test_likelihoods_weigh_in_and_unknown_sets_say_nothing(tmp_path):
    model = RealWordModel.load(_tiny(tmp_path))
    plain = model.choose(["den"], [], ["i", "1"])
    assert plain.best == "1"
    weighed = model.choose(["den"], [], ["i", "1"], likelihoods=[1.0, 0.01])
    assert weighed.best == "i"
    unknown = model.choose(["den"], [], ["och", "ock"])
    assert not unknown.modelled
    assert unknown.probabilities == (0.5, 0.5)
    assert unknown.reason() == ""
    assert not model.choose([], [], ["har", "har"]).modelled


def test_weights_of_another_format_are_refused(tmp_path):
    path = _tiny(tmp_path)
    import zlib

    data = zlib.decompress(path.read_bytes()).replace(
        f'"format": {FORMAT}'.encode(), f'"format": {FORMAT + 1}'.encode(), 1
    )
    path.write_bytes(zlib.compress(data))
    with pytest.raises(WeightsError, match="format"):
        read(path)
    (tmp_path / "bad.bin").write_bytes(b"not zlib")
    with pytest.raises(WeightsError):
        RealWordModel.load(tmp_path / "bad.bin")


@pytest.fixture(scope="module")
def corpus_tools():
    sys.path.insert(0, str(ROOT / "tools"))
    import context_corpus

    yield context_corpus
    sys.path.remove(str(ROOT / "tools"))


def test_sets_are_derived_from_counts_and_confusions(corpus_tools):
    counts = collections.Counter(
        {
            "har": 900,
            "här": 300,
            "hår": 3,
            "i": 5000,
            "1": 400,
            "är": 4000,
            "år": 2000,
            "dr": 40,
            "och": 9000,
            "ock": 50,
        }  # fmt: skip
    )
    folds = corpus_tools.fold_sets(counts, min_member=10)
    assert [(s.key, s.members) for s in folds] == [("ar", ("är", "år")), ("har", ("har", "här"))]
    ocr = corpus_tools.ocr_sets(counts, folds, min_member=10, common=1000)
    found = {s.key: s.members for s in ocr}
    assert found["1"] == ("i", "1")  # 1 printed for i, and a number of its own
    assert set(found["dr"]) == {"är", "år", "dr"}  # d printed for ä or å
    assert "&r" not in found  # är/år: the diacritic set answers it
    assert "ock" not in found  # no rewrite of confusions.yaml makes ock of och
