"""Every corpus command on the 16 scanned reports of ../shared/corpus/scans (read-only there).

Skipped with a reason when ../shared is not beside the repository.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from korrektur import cli

SCANS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "scans"

pytestmark = pytest.mark.skipif(
    not (SCANS / "scan-1.raw.txt").is_file(),
    reason=f"../shared/corpus/scans is not beside the repository (looked in {SCANS})",
)


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert cli.main(["corpus", *args]) == 0, capsys.readouterr().err
    return capsys.readouterr().out


def test_every_command_on_the_scans(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = {p: p.stat().st_mtime_ns for p in SCANS.iterdir()}
    project = str(tmp_path / "scans")
    _run(capsys, "init", project, "--sources", str(SCANS), "--include", "*.raw.txt")
    out = _run(capsys, "analyse", project, "--jobs", "2", "--quiet")
    assert json.loads(_run(capsys, "status", project, "--json"))["corpus"]["documents"] == {
        "new": 0,
        "analysed": 16,
        "changed": 0,
        "missing": 0,
        "bad": 0,
    }
    assert out == ""
    concordance = json.loads(_run(capsys, "concordance", project, "ar", "--json"))
    assert concordance["total"] > 16
    assert {o["status"] for o in concordance["occurrences"]} >= {"pending"}
    _run(
        capsys,
        "decide",
        project,
        "--pair",
        "ar",
        "är",
        "--accept",
        "--reviewer",
        "T",
        "--jobs",
        "1",
    )
    status = json.loads(_run(capsys, "status", project, "--json", "--summary"))["corpus"]
    assert status["suggestions"]["accepted"] > 16
    assert 0 < status["remaining_errors"] < status["words"]
    _run(capsys, "report", project, "-o", str(tmp_path / "report.html"))
    tei = str(tmp_path / "tei")
    _run(capsys, "export", project, "--format", "tei", "-o", tei, "--zip", "--jobs", "1")
    manifest = tmp_path / "tei.zip"
    assert manifest.is_file()
    assert "16 documents" in _run(capsys, "reindex", project)
    assert {p: p.stat().st_mtime_ns for p in SCANS.iterdir()} == before  # sources untouched
