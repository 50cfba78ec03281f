import json

import pytest

from korrektur import __version__, cli
from korrektur.engine import Engine
from korrektur.model import Kind, Suggestion
from korrektur.model.reason import Reason, phrase

SAMPLE = "Forvaltningen pa skolan\r\nharr.\r\n"


class WordAnalyzer:
    """A stand-in engine so the CLI contract is tested apart from the real engine."""

    name = "test-words"
    kinds = frozenset({Kind.DIACRITIC})

    def analyse(self, document, progress):
        out = []
        for word, fix, confidence in (("Forvaltningen", "Förvaltningen", 0.99), ("pa", "på", 0.6)):
            start = document.text.index(word)
            out.append(
                Suggestion(
                    "",
                    start,
                    start + len(word),
                    word,
                    fix,
                    frozenset(self.kinds),
                    confidence=confidence,
                    reason=Reason(phrase("lost", letter="ö")),
                    alternatives=(word,),
                )
            )
        return out


class JoinAnalyzer:
    name = "test-structure"
    kinds = frozenset({Kind.REFLOW})

    def analyse(self, document, progress):
        start = document.text.index("\n")
        return [Suggestion("", start, start + 1, "\n", " ", frozenset(self.kinds))]


@pytest.fixture(autouse=True)
def fake_engine(monkeypatch):
    monkeypatch.setattr(
        cli, "default_engine", lambda profile=None: Engine([JoinAnalyzer(), WordAnalyzer()])
    )


@pytest.fixture
def sample(tmp_path):
    path = tmp_path / "rapport.txt"
    path.write_bytes(SAMPLE.encode("cp1252"))
    return path


def test_version(capsys):
    assert cli.main(["--version"]) == 0
    assert __version__ in capsys.readouterr().out


def test_info(sample, capsys):
    assert cli.main(["info", str(sample), "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["encoding"] == "UTF-8"  # plain ASCII decodes as UTF-8
    assert (info["lines"], info["words"], info["pages"]) == (2, 4, 1)
    assert info["newlines"].startswith("CRLF")


def test_suggest_json_follows_the_contract(sample, capsys):
    assert cli.main(["suggest", str(sample), "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["document"]["words"] == 4
    first = payload["suggestions"][0]
    assert set(first) == {
        "id",
        "start",
        "end",
        "original",
        "replacement",
        "kinds",
        "confidence",
        "reason",
        "reason_key",
        "reason_values",
        "alternatives",
    }
    assert first["reason"] == "ö lost"  # English, as the contract says
    assert (first["reason_key"], first["reason_values"]) == (["lost"], [{"letter": "ö"}])
    join = payload["suggestions"][2]  # a reason given as plain text has no data
    assert (join["reason"], join["reason_key"], join["reason_values"]) == ("", [], [])
    assert [s["start"] for s in payload["suggestions"]] == sorted(
        s["start"] for s in payload["suggestions"]
    )
    assert first["replacement"] == "Förvaltningen"


def test_suggest_table(sample, capsys):
    assert cli.main(["suggest", str(sample)]) == 0
    out = capsys.readouterr().out
    assert "1:1\t'Forvaltningen' → 'Förvaltningen'\tdiacritic\t0.99" in out


def test_apply_word_keeps_lines_and_newlines(sample, tmp_path):
    out = tmp_path / "out.txt"
    assert cli.main(["apply", str(sample), "-o", str(out)]) == 0
    assert out.read_bytes().decode() == "Förvaltningen på skolan\r\nharr.\r\n"
    assert sample.read_bytes() == SAMPLE.encode()  # source untouched


def test_apply_all_and_min_confidence(sample, capsys):
    assert cli.main(["apply", str(sample), "--kinds", "all", "--min-confidence", "0.9"]) == 0
    assert capsys.readouterr().out == "Förvaltningen pa skolan harr.\r\n"


def test_apply_refuses_to_overwrite_source(sample, capsys):
    assert cli.main(["apply", str(sample), "-o", str(sample)]) == 1
    assert "refusing" in capsys.readouterr().err
    assert sample.read_bytes() == SAMPLE.encode()


def test_user_errors_are_one_line_with_exit_1(tmp_path, capsys):
    binary = tmp_path / "scan.pdf"
    binary.write_bytes(b"%PDF-1.4\x00\x01\x02")
    assert cli.main(["info", str(binary)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("korrektur: error: scan.pdf:")
    assert err.count("\n") == 1
    assert cli.main(["suggest", str(tmp_path / "missing.txt")]) == 1


def test_unwritable_output_is_a_user_error(sample, tmp_path, capsys):
    assert cli.main(["apply", str(sample), "-o", str(tmp_path / "no" / "such" / "out.txt")]) == 1
    assert "does not exist" in capsys.readouterr().err


@pytest.mark.parametrize(
    "argv",
    [
        ["apply"],
        ["apply", "x.txt", "--kinds", "bogus"],
        ["apply", "x", "--min-confidence", "2"],
        ["--bogus"],
    ],
)
def test_usage_errors_exit_2(argv, capsys):
    assert cli.main(argv) == 2
