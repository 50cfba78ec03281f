"""Corpus export: every format with manifest.csv and manifest.json, parsed back."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import zipfile
from pathlib import Path

import pytest
from corpus_samples import HOCR, analyse
from lxml import etree

from korrektur import cli
from korrektur.corpus.decide import decide_pair
from korrektur.corpus.export import export_corpus
from korrektur.corpus.opening import open_corpus
from korrektur.corpus.project import CorpusError, init_project
from korrektur.formats.exporters import EXPORTERS
from korrektur.formats.reading import ExportOptions, Pending
from korrektur.store.reviewread import load_review

TEI = "{http://www.tei-c.org/ns/1.0}"


@pytest.fixture
def decided(project: Path, sources: Path) -> Path:
    """The sample project analysed, one pair decided, one bad document."""
    (sources / "empty.txt").write_bytes(b"")
    analyse(project)
    with open_corpus(project, "decide") as corpus:
        decide_pair(corpus, "ar", "är", "accept", "Anna")
    return project


def _check_manifests(files: dict[str, bytes]) -> dict[str, object]:
    manifest = json.loads(files["manifest.json"])
    rows = list(csv.DictReader(io.StringIO(files["manifest.csv"].decode("utf-8"))))
    documents = manifest["documents"]
    assert [d["document"] for d in documents] == ["a.txt", "b.txt", "sub/c.txt"]
    assert [s["document"] for s in manifest["skipped"]] == ["empty.txt"]
    assert "empty" in manifest["skipped"][0]["reason"]
    listed = [*documents, *manifest["corpus_files"]]
    assert [r["file"] for r in rows] == [d["file"] for d in listed]
    for entry, row in zip(listed, rows, strict=True):
        data = files[entry["file"]]
        assert entry["sha256"] == row["sha256"] == hashlib.sha256(data).hexdigest()
        assert int(row["bytes"]) == entry["bytes"] == len(data)
    for entry, row in zip(documents, rows[: len(documents)], strict=True):
        assert row["reviewers"] == "; ".join(entry["reviewers"]) == "Anna"
        assert int(row["accepted"]) == entry["accepted"] > 0
        assert row["review_version"] == str(entry["review_version"]) == "1"
        assert len(row["source_sha256"]) == 64
        assert row["pending_policy"] == "raw"
    return manifest


TEXT_FORMATS = [name for name, exporter in EXPORTERS.items() if not exporter.needs_scan]


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_every_format_with_its_manifests(decided: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / "out"
    with open_corpus(decided, "export") as corpus:
        report = export_corpus(corpus, out, fmt)
        exported_at = json.loads((out / "manifest.json").read_text())["exported_at"]
    files = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    manifest = _check_manifests(files)
    assert manifest["export_format"] == fmt
    assert len(report.files) == 3
    suffix = EXPORTERS[fmt].suffix
    assert f"sub/c{suffix}" in files
    # a document's export is what the single-document exporter makes of its review
    review = load_review(decided / "reviews" / "b.txt.review.yaml")
    single = EXPORTERS[fmt].write(review, ExportOptions(exported_at=exported_at))
    assert files[f"b{suffix}"] == single
    if fmt == "tei":
        corpus_file = etree.fromstring(files["corpus.tei.xml"])
        assert corpus_file.tag == f"{TEI}teiCorpus"
        assert corpus_file[0].tag == f"{TEI}teiHeader"
        documents = corpus_file.findall(f"{TEI}TEI")
        assert len(documents) == 3
        titles = [d.findtext(f".//{TEI}titleStmt/{TEI}title") for d in documents]
        assert titles[0].startswith("a.txt")
        assert titles[2].startswith("c.txt")
        assert "3 documents" in corpus_file[0].findtext(f".//{TEI}extent")
        ids = [v for v in corpus_file.xpath("//@xml:id")]
        assert len(ids) == len(set(ids)) > 3
        second = documents[1]
        corr = second.find(f".//{TEI}corr")
        assert corr.get("resp", "").startswith("#d2-")
        assert second.xpath(f"//*[@xml:id='{corr.get('resp')[1:]}']")


def test_a_zip_holds_the_same_files(decided: Path, tmp_path: Path) -> None:
    with open_corpus(decided, "export") as corpus:
        report = export_corpus(corpus, tmp_path / "corpus", "tei", Pending.PROPOSED, as_zip=True)
    assert report.target == tmp_path / "corpus.zip"
    with zipfile.ZipFile(report.target) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    assert {"manifest.json", "manifest.csv", "corpus.tei.xml", "a.xml"} <= set(files)
    manifest = json.loads(files["manifest.json"])
    assert manifest["pending_policy"] == "proposed"
    assert not list(tmp_path.glob(".corpus.zip.*"))  # no temporary file left


def test_a_folder_with_other_files_is_refused_an_earlier_export_replaced(
    decided: Path, tmp_path: Path
) -> None:
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    (foreign / "thesis.docx").write_bytes(b"mine")
    with open_corpus(decided, "export") as corpus:
        with pytest.raises(CorpusError, match="not empty"):
            export_corpus(corpus, foreign, "txt")
        assert (foreign / "thesis.docx").read_bytes() == b"mine"
        export_corpus(corpus, tmp_path / "out", "html")
        export_corpus(corpus, tmp_path / "out", "txt")
    names = sorted(p.name for p in (tmp_path / "out").rglob("*") if p.is_file())
    assert names == ["a.txt", "b.txt", "c.txt", "manifest.csv", "manifest.json"]


def test_export_on_the_command_line(decided: Path, tmp_path: Path) -> None:
    out = tmp_path / "cli"
    args = ["corpus", "export", str(decided), "--format", "csv", "-o", str(out)]
    assert cli.main([*args, "--pending", "proposed"]) == 0
    assert json.loads((out / "manifest.json").read_text())["pending_policy"] == "proposed"


def test_scan_formats_write_scans_back_and_list_the_rest(tmp_path: Path, sources: Path) -> None:
    (sources / "scan.hocr").write_text(HOCR, encoding="utf-8")
    project = init_project(tmp_path / "mixed", sources).root
    analyse(project)
    with open_corpus(project, "decide") as corpus:
        decide_pair(corpus, "ar", "är", "accept", "Anna")
        report = export_corpus(corpus, tmp_path / "out", "hocr")
    assert [f["file"] for f in report.files] == ["scan.hocr"]
    skipped = dict(report.skipped)
    assert set(skipped) == {"a.txt", "b.txt", "sub/c.txt"}
    assert "not a scan" in skipped["a.txt"]
    written = (tmp_path / "out" / "scan.hocr").read_text(encoding="utf-8")
    assert ">är<" in written
    assert "ocrx_word" in written
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert manifest["documents"][0]["sha256"] == hashlib.sha256(written.encode()).hexdigest()
    assert {s["document"] for s in manifest["skipped"]} == set(skipped)
