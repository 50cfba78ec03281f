import pytest

from korrektur.engine.words import word_oracle


@pytest.fixture(scope="module")
def oracle(lexicon):
    return word_oracle(lexicon)


def test_known_after_correction(oracle):
    assert oracle.known("Uppfoljningen")
    assert oracle.known("förvaltning")
    assert oracle.known("lararfortbildning")  # a compound of known parts
    assert not oracle.known("Uppfolj")
    assert not oracle.known("")
    assert not oracle.known("2024")


def test_correct(oracle):
    assert oracle.correct("forvaltning") == "förvaltning"
    assert oracle.correct("Forvaltningen") == "Förvaltningen"
    assert oracle.correct("6kat") == "ökat"
    assert oracle.correct("och") == "och"
    assert oracle.correct("xqzv") == "xqzv"
