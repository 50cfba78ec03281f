import json

from korrektur import cli

SAMPLE = (
    "Uppfoljning av skolornas arbete\r\n"
    "\r\n"
    "Forvaltningen har 6kat stodet till skolor med storst behov. Uppfolj-\r\n"
    "ningen visar att larare och elevhalsa samarbetar battre an tidigare.\r\n"
)


def write(tmp_path):
    path = tmp_path / "rapport.txt"
    path.write_bytes(SAMPLE.encode("utf-8"))
    return path


def test_suggest_json(tmp_path, capsys, analyzer):
    assert cli.main(["suggest", str(write(tmp_path)), "--json", "--kinds", "word"]) == 0
    payload = json.loads(capsys.readouterr().out)
    found = {s["original"]: s for s in payload["suggestions"]}
    assert found["6kat"]["replacement"] == "ökat"
    assert found["6kat"]["kinds"] == ["ocr"]
    assert found["Forvaltningen"]["kinds"] == ["diacritic"]
    assert found["Uppfolj"]["replacement"] == "Uppfölj"
    for suggestion in payload["suggestions"]:
        assert suggestion["id"].startswith("s")
        assert 0 <= suggestion["confidence"] <= 1
        assert suggestion["reason"]
        assert suggestion["replacement"] not in suggestion["alternatives"]
        assert suggestion["original"] not in suggestion["alternatives"]  # R keeps that


def test_apply_word_keeps_every_line(tmp_path):
    out = tmp_path / "out.txt"
    assert cli.main(["apply", str(write(tmp_path)), "-o", str(out), "--kinds", "word"]) == 0
    result = out.read_bytes().decode("utf-8")
    assert result.count("\r\n") == SAMPLE.count("\r\n")
    assert result.splitlines()[2] == (
        "Förvaltningen har ökat stödet till skolor med störst behov. Uppfölj-"
    )
    assert result.splitlines()[3] == (
        "ningen visar att lärare och elevhälsa samarbetar bättre än tidigare."
    )
