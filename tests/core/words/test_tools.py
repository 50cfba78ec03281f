import collections
import sys
from pathlib import Path

import pytest

from korrektur.engine.words.tally import confusions

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def tools():
    sys.path.insert(0, str(ROOT / "tools"))
    import build_counts
    import learn_confusions

    yield build_counts, learn_confusions
    sys.path.remove(str(ROOT / "tools"))


def test_confusions_are_aligned_letter_by_letter():
    assert confusions("6kat", "ökat") == [("6", "ö")]
    assert confusions("forvaltning", "förvaltning") == [("o", "ö")]
    assert confusions("beddmning", "bedömning") == [("d", "ö")]
    assert confusions("oéka", "öka") == [("oé", "ö")]
    assert confusions("xyzxyzxyz", "abcabcabc") is None


def test_learn_document(tools, tmp_path):
    _, learn = tools
    raw = tmp_path / "a.raw.txt"
    gold = tmp_path / "a.lines.txt"
    raw.write_text("Det ar 6kat.\nEn rad till\n", encoding="utf-8")
    gold.write_text("Det är ökat.\nEn rad\n", encoding="utf-8")
    counts = learn.learn_document(raw, gold)
    assert counts["confusions"] == {"a>ä": 1, "6>ö": 1}
    assert counts["gold_chars"]["ä"] == 1
    assert "n" not in counts["gold_chars"] or counts["gold_chars"]["n"] == 1  # line 2 skipped


def test_compound_parts(tools):
    build, _ = tools
    words = collections.Counter(
        {"skola": 9, "skolbuss": 1, "skolgård": 1, "skolmat": 1, "buss": 5, "gård": 5, "mat": 5}
    )
    assert build.compound_parts(words) == {"skol": 3}


def test_counts_cut_words_as_the_engine_does(tools, tmp_path):
    build, _ = tools
    text = tmp_path / "corpus.txt"
    text.write_text(
        "Enligt EU:s regler, t.ex. från 1990-talet, ska Skolverket och kommunen ta del.\n"
        "Det är 12 § i lagen – och mer & mindre, om P7 och G20.\n",
        encoding="utf-8",
    )
    total, mid, capmid, bigrams = build.count_corpus([text])
    assert total["eu:s"] == total["t.ex"] == 1  # whole, as the engine looks them up
    assert "eu" not in total
    assert "ex" not in total
    assert total["<num>"] == 2
    assert total["talet"] == 1
    assert "&" not in total
    assert "§" not in total
    assert "p7" not in total  # a code is no word (OCR prints p7 for på)
    assert "g20" not in total
    assert mid["skolverket"] == capmid["skolverket"] == 1  # a name inside a sentence
    assert mid["enligt"] == 0
    assert mid["det"] == 0
    assert bigrams["enligt", "eu:s"] == 1
    assert bigrams["skolverket", "och"] == 1
    assert ("regler", "t.ex") not in bigrams  # a comma parts them, as in the engine
    assert ("<num>", "talet") not in bigrams  # the parts of one chunk are not read together
    assert bigrams["lagen", "och"] == 1  # a lone dash does not part words
    assert ("mer", "mindre") not in bigrams  # a lone symbol does
