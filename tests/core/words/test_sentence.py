"""Real-word choices decided by the sentence model, as the analyser applies them."""

import json

from korrektur.cli import main
from korrektur.engine.words.realword import around, chunk_tokens
from korrektur.engine.words.realword_features import context_tokens, features
from korrektur.engine.words.sentence import CHUNKS, in_sentence


def test_the_sentence_decides_between_real_words(corrected):
    assert corrected("Det ar viktigt att alla elever far stod.\n") == (
        "Det är viktigt att alla elever får stöd.\n"
    )
    assert corrected("Skolan startade for tre ar sedan.\n") == (
        "Skolan startade för tre år sedan.\n"
    )


def test_a_valid_word_stays_unless_the_sentence_is_sure(corrected):
    text = "Han har bott i staden länge.\n"
    assert corrected(text) == text


def test_the_reason_names_the_context_that_decided(tmp_path, capsys):
    source = tmp_path / "rapport.txt"
    source.write_text("Skolan startade for tre ar sedan.\n", encoding="utf-8")
    assert main(["suggest", str(source), "--json", "--kinds", "word"]) == 0
    found = {s["original"]: s for s in json.loads(capsys.readouterr().out)["suggestions"]}
    assert "context (" in found["ar"]["reason"]
    assert "prefers 'år'" in found["ar"]["reason"]


def test_a_few_chunks_give_the_model_the_same_features_as_the_whole_window():
    text = (
        "Inledning\n\nSkolan har, enligt rapporten (2021), fått mer stöd. Det ar viktigt att "
        "alla elever - även de yngsta - far det stöd de behöver; ar det så?\n\nSlut.\n"
    )
    for start in range(len(text)):
        if text[start].isalpha() and (start == 0 or not text[start - 1].isalnum()):
            end = start
            while end < len(text) and text[end].isalnum():
                end += 1
            expected = around(text, start, end)
            found = around(text, start, end, CHUNKS)
            assert features(*found, False, False) == features(*expected, False, False)


def test_tokens_of_chunks_collapse_marks_like_the_model_does():
    chunks = ["slut.", "(se", "bilaga)", "-", "och,", ";", "mer"]
    assert chunk_tokens(chunks) == context_tokens(chunks)


def test_no_confusion_set_means_no_change(analyzer):
    from korrektur.model import Document

    words, decisions = analyzer.decisions(Document.from_text("Förvaltningen växer.\n"))
    model = analyzer.realword
    assert model is not None
    for word, decision in zip(words, decisions, strict=True):
        assert in_sentence(decision, model, word, "Förvaltningen växer.\n") is None


def test_a_document_that_repeats_a_word_decides_it_consistently(suggest):
    # Each sentence alone hesitates between "tag" and "tåg"; together they are a report on
    # trains.
    text = (
        "Resenärerna väntade länge på stationen. Ett tag från Malmö var försenat. "
        "Nästa tag gick först på kvällen, och ett tag till ställdes in. "
        "Operatören lovar fler tag nästa år.\n"
    )
    assert [(s.original, s.replacement) for s in suggest(text)] == [("tag", "tåg")] * 4


def test_a_document_that_uses_the_word_as_written_keeps_it(suggest):
    text = (
        "Vi får vänta ett tag till. Om ett tag kommer svaret. "
        "Det tar ett tag att lära sig. Vänta ett tag, sa hon.\n"
    )
    assert suggest(text) == []


def test_plain_chunks_take_a_quick_path_to_the_same_tokens():
    from korrektur.engine.words.realword import _word_tokens

    text = (
        "Skolan har, enligt rapporten: fått mer stöd. Varför? Nej! Lärare; elever t.ex. "
        "bl.a. (se bilaga) a. Å: ökat, 2021. EU:s ab1 -och- ”citat” slut."
    )
    quick = 0
    for chunk in text.split():
        found = _word_tokens(chunk)
        if found is not None:
            quick += 1
            assert found == context_tokens([chunk]), chunk
    assert quick >= 12
