"""info, suggest, apply and export on scans from the command line."""

from __future__ import annotations

import json

import pytest
from scan_samples import EXPECTED_TEXT

from korrektur import cli
from korrektur.formats.sources import read_document
from korrektur.store.reviewfile import review_path_for, save_review
from korrektur.workspace.opening import open_source


def run(capsys, *args):
    code = cli.main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("kind", ["hocr", "alto", "page", "pdf"])
def test_info_suggest_apply_accept_every_format(scans, capsys, tmp_path, kind):
    code, out, err = run(capsys, "info", scans[kind], "--json")
    assert code == 0, err
    info = json.loads(out)
    assert info["format"] == kind
    assert info["pages"] == 2
    assert info["boxes"] == "100.0% of words"
    code, out, _ = run(capsys, "suggest", scans[kind], "--json", "--kinds", "word")
    assert code == 0
    payload = json.loads(out)
    assert any(s["original"] == "Forvaltningen" for s in payload["suggestions"])
    output = tmp_path / f"{kind}.txt"
    code, _, _ = run(capsys, "apply", scans[kind], "-o", output)
    assert code == 0
    lines = output.read_text("utf-8").split("\n")
    assert len(lines) == len(EXPECTED_TEXT.split("\n"))
    assert "Förvaltningen" in lines[3]


def test_export_alto_from_a_saved_review(scans, capsys, tmp_path):
    source = scans["alto"]
    review, _ = open_source(source, lambda document: [])
    session = review.session
    start = EXPECTED_TEXT.index("isamband")
    session.apply_manual_edit(start, start + len("isamband"), "i samband")
    save_review(review, review_path_for(source), reviewer="Tester")
    out = tmp_path / "fixed.alto.xml"
    code, _, err = run(capsys, "export", source, "-o", out)
    assert code == 0, err
    assert read_document(out).text == EXPECTED_TEXT.replace("isamband", "i samband")
    code, _, err = run(capsys, "export", source, "--format", "pdf")
    assert code == 1
    assert "binary" in err
