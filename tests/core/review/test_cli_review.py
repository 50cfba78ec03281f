import json

import pytest
from review_samples import RAW, by_original, decide_most, fresh_session

from korrektur import cli
from korrektur.store.review import Review
from korrektur.store.reviewfile import review_path_for, save_review
from korrektur.store.reviewread import load_review


@pytest.fixture
def saved(tmp_path):
    """A review with two versions: one decision, then most decisions."""
    source = tmp_path / "rapport.txt"
    source.write_text(RAW, encoding="utf-8")
    session = fresh_session()
    review = Review(session, source_path=source)
    path = review_path_for(source)
    session.accept(by_original(session, "Uppfoljning"))
    save_review(review, path, message="första", time="2026-03-01T10:00:00+00:00")
    decide_most(session)
    save_review(review, path, message="andra", time="2026-03-02T11:30:00+00:00")
    return path


def run(capsys, *args):
    code = cli.main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_versions_lists_every_save(saved, capsys):
    code, out, err = run(capsys, "versions", saved)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split()[:3] == ["#", "saved", "(UTC)"]
    assert lines[1].split() == [
        "1",
        "2026-03-01",
        "10:00",
        "Anna",
        "Berg",
        "16",
        "1",
        "0",
        "0",
        "första",
    ]
    assert lines[2].split()[-1] == "andra"


def test_versions_restore_writes_the_text_of_a_version(saved, tmp_path, capsys):
    out_file = tmp_path / "v1.txt"
    assert run(capsys, "versions", saved, "--restore", 1, "-o", out_file)[0] == 0
    assert out_file.read_text(encoding="utf-8") == RAW.replace("Uppfoljning", "Uppföljning")
    code, out, _ = run(capsys, "versions", saved, "--restore", 2)
    assert code == 0
    assert out == load_review(saved).session.decided_text()


def test_versions_compare_lists_decisions_and_text_diff(saved, capsys):
    code, out, _ = run(capsys, "versions", saved, "--compare", 1, 2)
    assert code == 0
    assert out.startswith("15 decisions differ\n")
    assert "  s6 'stodet': pending → rejected\n" in out
    assert "  s8 'aret': pending → edited 'åren'\n" in out
    assert "--- version 1\n+++ version 2\n" in out
    assert "+Förvaltningen har ökat stodet till skolorna under åren. Resultaten är goda." in out


def test_versions_revert_adds_a_version(saved, capsys):
    code, out, _ = run(capsys, "versions", saved, "--revert", 1, "--reviewer", "Bo")
    assert code == 0
    assert "version 3 saved: restored from version 1" in out
    review = load_review(saved)
    assert review.session.decided_text() == review.version_session(1).decided_text()
    assert review.history.get(3).reviewer == "Bo"


def test_versions_errors_are_one_line(saved, tmp_path, capsys):
    code, _, err = run(capsys, "versions", saved, "--restore", 9)
    assert code == 1
    assert err == "korrektur: error: there is no version 9 (versions: 1 to 2)\n"
    broken = tmp_path / "x.review.yaml"
    broken.write_text("format: other\n", encoding="utf-8")
    code, _, err = run(capsys, "versions", broken)
    assert code == 1
    assert "not a Korrektur review file" in err
    assert err.count("\n") == 1
    assert run(capsys, "versions")[0] == 2


@pytest.mark.parametrize("name", ["txt", "tei", "json", "csv", "html", "docx"])
def test_export_every_format(saved, tmp_path, capsys, name):
    out_file = tmp_path / f"export.{name}"
    code, _, err = run(capsys, "export", saved, "--format", name, "-o", out_file)
    assert (code, err) == (0, "")
    assert out_file.stat().st_size > 0


def test_export_format_from_suffix_and_source_path(saved, tmp_path, capsys):
    source = saved.with_name("rapport.txt")
    out_file = tmp_path / "out.json"
    assert run(capsys, "export", source, "-o", out_file)[0] == 0
    assert json.loads(out_file.read_text(encoding="utf-8"))["export"]["pending"] == "raw"


def test_export_txt_to_stdout_with_options(saved, capsys):
    code, out, _ = run(capsys, "export", saved, "--format", "txt", "--keep-lines")
    assert code == 0
    assert out.count("\n") == RAW.count("\n")
    code, proposed, _ = run(capsys, "export", saved, "--format", "txt", "--pending", "proposed")
    assert "för lärare" in proposed
    code, first, _ = run(capsys, "export", saved, "--format", "txt", "--version", 1)
    assert first == RAW.replace("Uppfoljning", "Uppföljning")


def test_export_errors(saved, tmp_path, capsys):
    code, _, err = run(capsys, "export", saved, "--format", "docx")
    assert code == 1
    assert "binary" in err
    code, _, err = run(capsys, "export", saved, "-o", saved.with_name("rapport.txt"))
    assert code == 1
    assert "refusing to overwrite the source" in err
    assert saved.with_name("rapport.txt").read_text(encoding="utf-8") == RAW
    code, _, err = run(capsys, "export", saved)
    assert code == 1
    assert "--format" in err
    lonely = tmp_path / "annan.txt"
    lonely.write_text("text\n", encoding="utf-8")
    code, _, err = run(capsys, "export", lonely, "--format", "txt")
    assert code == 1
    assert "no review file yet" in err
    assert run(capsys, "export", saved, "--format", "odt")[0] == 2
    code, _, err = run(capsys, "export", saved, "--format", "hocr", "-o", tmp_path / "x.hocr")
    assert code == 1
    assert "plain text, not a scan" in err
