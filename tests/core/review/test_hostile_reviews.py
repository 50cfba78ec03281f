"""Hostile review files are refused in one line, in bounded time and memory, with nothing run.

The commands run in a child process whose address space is limited, so a file that would
exhaust memory fails the test with a ``MemoryError`` instead of taking the machine down.
"""

from __future__ import annotations

import resource
import subprocess
import sys

import pytest
from review_samples import RAW, decide_most, fresh_session

from korrektur.store.review import Review
from korrektur.store.reviewfile import review_path_for, save_review
from korrektur.store.reviewread import load_review
from korrektur.store.validate import ReviewFileError

MEMORY_LIMIT = 1 << 30  # 1 GB of address space for the child


@pytest.fixture
def saved(tmp_path):
    source = tmp_path / "rapport.txt"
    source.write_text(RAW, encoding="utf-8")
    review = Review(fresh_session(), source_path=source)
    decide_most(review.session)
    path = review_path_for(source)
    save_review(review, path)
    return path


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def korrektur(*args: object, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """Run the command line in a child process with at most ``MEMORY_LIMIT`` of memory."""
    return subprocess.run(
        [sys.executable, "-m", "korrektur", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
        preexec_fn=_limit_memory,  # noqa: PLW1509 - no threads in the test process to fork
        check=False,
    )


def refused(done: subprocess.CompletedProcess[str], *words: str) -> str:
    """The one line of a refusal (exit 1, no traceback), checked to contain ``words``."""
    assert done.returncode == 1, done.stderr[-2000:]
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr[-2000:]
    for word in words:
        assert word in lines[0]
    return lines[0]


def _edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_huge_id_range_is_checked_before_it_is_expanded(saved):
    _edit(saved, "added: [s1..s17]", "added: [s1..s2000000000]")
    assert saved.stat().st_size < 10_000
    line = refused(korrektur("versions", saved), "rapport.review.yaml", "s18")
    assert "versions[0]" in line


def test_a_removed_range_of_unknown_ids_is_refused(saved):
    _edit(saved, "added: [s1..s17]", "added: [s1..s17]\n  removed: [s1..s900000000]")
    refused(korrektur("versions", saved), "removed", "s18")


def _alias_bomb(saved, lines: int, width: int) -> None:
    """A review whose source text is ``lines`` aliases of one line of ``width`` characters."""
    text = saved.read_text(encoding="utf-8")
    head = text[: text.index("source_text:")]
    body = "source_text:\n- &line " + '"' + "x" * width + '"\n' + "- *line\n" * lines
    saved.write_text(head + body, encoding="utf-8")


def test_aliases_that_multiply_the_text_are_refused(saved):
    _alias_bomb(saved, 20_000, 64_000)  # a 200 kB file that held 1.3 GB of text
    refused(korrektur("versions", saved), "rapport.review.yaml", "alias")


def test_nested_aliases_are_refused(saved):
    text = saved.read_text(encoding="utf-8")
    levels = ['a0: &a0 ["' + "x" * 100 + '"]']
    levels += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 10)}]" for n in range(1, 9)]
    saved.write_text(text + "\n".join(levels) + "\n", encoding="utf-8")
    refused(korrektur("versions", saved), "alias")


def test_a_few_aliases_are_still_read(saved):
    # YAML a person wrote by hand may share a value; that is not an attack
    _edit(saved, 'reviewer: "Anna Berg"', 'reviewer: &who "Anna Berg"')
    _edit(saved, 'decided_by: "Anna Berg"', "decided_by: *who")
    assert load_review(saved).session.suggestions


def test_the_source_size_limit_applies_to_the_stored_text(saved, monkeypatch):
    monkeypatch.setattr("korrektur.store.reviewread.MAX_BYTES", 2000)
    text = saved.read_text(encoding="utf-8")
    saved.write_text(text + '- "' + "x" * 2000 + '"\n', encoding="utf-8")
    with pytest.raises(ReviewFileError, match="source_text.*up to") as info:
        load_review(saved)
    assert "\n" not in str(info.value)


def test_a_nul_byte_is_reported_in_one_line(saved):
    saved.write_bytes(saved.read_bytes() + b"\n\0")
    line = refused(korrektur("versions", saved), "rapport.review.yaml", "not valid YAML")
    assert "line" in line


def test_an_error_in_a_top_level_field_names_the_field(saved):
    _edit(saved, "versions:\n", "versions: 3\nwas_versions:\n")
    line = refused(korrektur("versions", saved))
    assert ": :" not in line
    assert line.endswith("rapport.review.yaml: 'versions' must be a list, found the number 3")


def test_a_review_file_past_the_size_limit_is_refused_before_it_is_read(saved, monkeypatch):
    monkeypatch.setattr("korrektur.store.reviewread.MAX_REVIEW_BYTES", 1000)
    monkeypatch.setattr("korrektur.store.reviewread.check_utf8", pytest.fail)  # (not read)
    with pytest.raises(ReviewFileError, match="up to") as info:
        load_review(saved)
    assert f"{saved.stat().st_size:,} bytes" in str(info.value)
