"""One writer at a time: a second writer is refused with a message naming the first."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from corpus_samples import analyse

from korrektur import cli
from korrektur.corpus.lock import ProjectBusy, WriterLock
from korrektur.corpus.opening import open_corpus

HOLD = """
import sys, time
from pathlib import Path
from korrektur.corpus.lock import WriterLock
lock = WriterLock(Path(sys.argv[1]), "analyse")
lock.acquire()
print("held", flush=True)
sys.stdin.read()
"""


def test_a_second_lock_is_refused_and_free_again_after_release(tmp_path: Path) -> None:
    first = WriterLock(tmp_path / "lock", "analyse")
    first.acquire()
    second = WriterLock(tmp_path / "lock", "decide")
    with pytest.raises(ProjectBusy, match=r"korrektur corpus analyse \(process \d+"):
        second.acquire()
    first.release()
    second.acquire()
    second.release()


def test_another_process_writing_refuses_writers_and_lets_readers_read(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    analyse(project)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(project / "lock")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "held"
        code = cli.main(["corpus", "decide", str(project), "--pair", "ar", "är", "--accept"])
        err = capsys.readouterr().err
        assert code == 1
        assert "busy" in err
        assert "korrektur corpus analyse" in err
        assert "try again" in err
        assert len(err.strip().splitlines()) == 1
        assert cli.main(["corpus", "status", str(project), "--summary"]) == 0
        captured = capsys.readouterr()
        assert "documents: 3 (3 analysed)" in captured.out
        assert "as it last committed it" in captured.err
        with pytest.raises(ProjectBusy):
            open_corpus(project, "analyse")
    finally:
        holder.communicate("")
    with open_corpus(project, "analyse") as corpus:  # free again once the holder is gone
        assert not corpus.readonly


def test_a_killed_writer_leaves_the_project_unlocked(project: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(project / "lock")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "held"
    holder.kill()
    holder.wait()
    with open_corpus(project, "analyse") as corpus:
        assert not corpus.readonly
