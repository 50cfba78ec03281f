"""The structure analysers through the real CLI and default engine (wordfreq stand-in oracle)."""

import json

import pytest

from korrektur import cli
from korrektur.engine.registry import default_analyzers

REPORT = (
    " Sundby kommun\r\nUtbildningsförvaltningen\r\n\r\n"
    "Uppföljning av insatser\r\n\r\n"
    "Förvaltningens satsning har följts upp. Uppfölj-\r\n"
    "ningen omfattar  F-9-skolorna och gäller grund-\r\n"
    "och gymnasieskola.\r\n\r\n"
    "Under året har arbetet omfattat:\r\n\r\n"
    "* Stöd till skolorna.\r\n"
    "e Utbildning av lärare och\r\n\r\nSida 1 (2)\r\n"
    " Sundby kommun\r\nUtbildningsförvaltningen\r\n\r\n"
    "rektorer.\r\n\r\n"
    "Arbetet fortsätter 2024-2026.\r\n\r\nSida 2 (2)\r\n"
)
CLEAN = (
    "Uppföljning av insatser\r\n\r\n"
    "Förvaltningens satsning har följts upp. Uppföljningen omfattar F-9-skolorna och gäller "
    "grund- och gymnasieskola.\r\n\r\n"
    "Under året har arbetet omfattat:\r\n\r\n"
    "• Stöd till skolorna.\r\n"
    "• Utbildning av lärare och rektorer.\r\n\r\n"
    "Arbetet fortsätter 2024-2026.\r\n"
)


@pytest.fixture
def report(tmp_path):
    path = tmp_path / "rapport.txt"
    path.write_bytes(REPORT.encode("utf-8"))
    return path


def test_structure_analysers_come_first_in_the_registry():
    names = [a.name for a in default_analyzers()]
    assert names[:5] == ["page-furniture", "hyphenation", "bullet", "reflow", "whitespace"]


@pytest.mark.parametrize("kinds", ["structure", "all"])
def test_apply_structure_writes_the_reading_text(report, tmp_path, kinds):
    out = tmp_path / "out.txt"
    assert cli.main(["apply", str(report), "-o", str(out), "--kinds", kinds]) == 0
    assert out.read_bytes().decode("utf-8") == CLEAN
    assert report.read_bytes() == REPORT.encode("utf-8")


def test_apply_word_keeps_every_line(report, capsys):
    assert cli.main(["apply", str(report), "--kinds", "word"]) == 0
    assert capsys.readouterr().out == REPORT


def test_suggest_lists_structure_kinds_with_reasons(report, capsys):
    assert cli.main(["suggest", str(report), "--json", "--kinds", "structure"]) == 0
    suggestions = json.loads(capsys.readouterr().out)["suggestions"]
    kinds = {kind for s in suggestions for kind in s["kinds"]}
    assert kinds == {"page-furniture", "hyphenation", "bullet", "reflow", "whitespace"}
    assert all(s["reason"] and 0 < s["confidence"] <= 1 for s in suggestions)
    spans = [(s["start"], s["end"]) for s in suggestions]
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))
    furniture = [s for s in suggestions if s["kinds"] == ["page-furniture"]]
    assert {s["original"].strip() for s in furniture} == {
        "Sundby kommun",
        "Utbildningsförvaltningen",
        "Sida 1 (2)",
        "Sida 2 (2)",
    }
