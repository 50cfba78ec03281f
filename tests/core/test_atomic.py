import os

import pytest

from korrektur.store.atomic import WriteError, atomic_write_text


def test_writes_and_replaces(tmp_path):
    path = tmp_path / "out.txt"
    atomic_write_text(path, "ett")
    atomic_write_text(path, "två")
    assert path.read_text() == "två"
    assert os.listdir(tmp_path) == ["out.txt"]


def test_failed_write_leaves_old_file_intact(tmp_path, monkeypatch):
    path = tmp_path / "out.txt"
    atomic_write_text(path, "gammal")

    def broken_fsync(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(WriteError, match="No space left"):
        atomic_write_text(path, "ny text")
    assert path.read_text() == "gammal"
    assert os.listdir(tmp_path) == ["out.txt"]


def test_read_only_folder(tmp_path, monkeypatch):
    import tempfile

    def denied(**kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", denied)
    with pytest.raises(WriteError, match="read-only"):
        atomic_write_text(tmp_path / "x.txt", "text")


def test_chunks_are_written_in_order(tmp_path):
    from korrektur.store.atomic import atomic_write_chunks

    path = tmp_path / "out.txt"
    atomic_write_chunks(path, (part.encode() for part in ["en ", "två ", "tre"]))
    assert path.read_text() == "en två tre"


def test_chunks_that_fail_to_be_made_leave_the_old_file_and_no_temporary(tmp_path):
    from korrektur.store.atomic import atomic_write_chunks

    path = tmp_path / "out.txt"
    atomic_write_text(path, "gammal")

    def chunks():
        yield b"halv"
        raise UnicodeEncodeError("utf-8", "\ud800", 0, 1, "surrogates not allowed")

    with pytest.raises(UnicodeEncodeError):
        atomic_write_chunks(path, chunks())
    assert path.read_text() == "gammal"
    assert os.listdir(tmp_path) == ["out.txt"]
