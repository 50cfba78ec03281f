"""The project folder: settings, source scanning, where review files go."""

from __future__ import annotations

from pathlib import Path

import pytest

from korrektur.corpus.project import CorpusError, init_project, open_project


def test_init_writes_settings_and_reopens(tmp_path: Path, sources: Path) -> None:
    init_project(tmp_path / "p", sources, ["*.txt"])
    assert (tmp_path / "p" / "corpus.yaml").is_file()
    assert (tmp_path / "p" / "reviews").is_dir()
    again = open_project(tmp_path / "p")
    assert again.sources == sources.resolve()
    assert again.include == ("*.txt",)


def test_scan_lists_included_documents_by_relative_name(tmp_path: Path, sources: Path) -> None:
    (sources / ".hidden.txt").write_text("x")
    (sources / "notes.md").write_text("x")
    (sources / "a.review.yaml").write_text("x")
    (sources / ".git").mkdir()
    (sources / ".git" / "x.txt").write_text("x")
    project = init_project(tmp_path / "p", sources)
    assert [s.name for s in project.scan()] == ["a.txt", "b.txt", "sub/c.txt"]
    only_sub = init_project(tmp_path / "q", sources, ["sub/*.txt"])
    assert [s.name for s in only_sub.scan()] == ["sub/c.txt"]


def test_a_project_inside_its_sources_does_not_list_itself(sources: Path) -> None:
    project = init_project(sources / "project", sources)
    (project.reviews / "x.txt").write_text("not a source")
    assert "project/reviews/x.txt" not in [s.name for s in project.scan()]


def test_review_files_mirror_the_source_tree(project: Path) -> None:
    opened = open_project(project)
    path = opened.review_path("sub/c.txt")
    assert path == project / "reviews" / "sub" / "c.txt.review.yaml"
    assert opened.document_of_review(path) == "sub/c.txt"


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        ("missing-sources", "does not exist"),
        ("not-empty", "not an empty folder"),
        ("twice", "already a corpus project"),
    ],
)
def test_init_refuses(tmp_path: Path, sources: Path, setup: str, message: str) -> None:
    target = tmp_path / "p"
    source_folder = sources
    if setup == "missing-sources":
        source_folder = tmp_path / "nowhere"
    elif setup == "not-empty":
        target.mkdir()
        (target / "file").write_text("x")
    else:
        init_project(target, sources)
    with pytest.raises(CorpusError, match=message):
        init_project(target, source_folder)


def test_open_refuses_a_folder_that_is_no_project_or_is_newer(
    tmp_path: Path, project: Path
) -> None:
    with pytest.raises(CorpusError, match="not a corpus project"):
        open_project(tmp_path)
    settings = project / "corpus.yaml"
    settings.write_text(settings.read_text().replace("format_version: 1", "format_version: 9"))
    with pytest.raises(CorpusError, match="newer Korrektur"):
        open_project(project)


def test_a_moved_project_with_its_sources_finds_them(tmp_path: Path, sources: Path) -> None:
    init_project(tmp_path / "p", sources)
    moved = tmp_path / "moved"
    moved.mkdir()
    (tmp_path / "p").rename(moved / "p")
    sources.rename(moved / "sources")
    assert open_project(moved / "p").sources == (moved / "sources").resolve()


def test_folders_are_walked_in_the_order_of_the_names(tmp_path: Path) -> None:
    from korrektur.corpus.walk import sorted_files

    names = ["a.txt", "a-b.txt", "a/b.txt", "a/c/d.txt", "a0.txt", "ä.txt", "B.txt", "a.txt-b"]
    for name in names:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    assert [n for n, _ in sorted_files(tmp_path, lambda n: n)] == sorted(names)
    strip = [n + ".review.yaml" for n in ("a.txt", "a.txt-b")]  # ordered by document name
    for name in strip:
        (tmp_path / "r" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "r" / name).write_text("x")
    found = [n for n, _ in sorted_files(tmp_path / "r", lambda n: n.removesuffix(".review.yaml"))]
    assert found == ["a.txt", "a.txt-b"]
