import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from review_samples import RAW, fresh_session, suggestions_for

from korrektur.model import Status
from korrektur.store import atomic
from korrektur.store.autosave import Autosaver, find_recoveries
from korrektur.store.history import state_of
from korrektur.store.review import Review
from korrektur.store.reviewfile import review_path_for, save_review
from korrektur.workspace.opening import open_source

HERE = Path(__file__).parent


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


@pytest.fixture
def review(tmp_path):
    source = tmp_path / "rapport.txt"
    source.write_text(RAW, encoding="utf-8")
    review = Review(fresh_session(), source_path=source)
    review.path = review_path_for(source)
    return review


def test_every_twenty_decisions_are_written(review, tmp_path):
    folder = tmp_path / "recovery"
    saver = Autosaver(review, folder)
    ids = [s.id for s in review.session.suggestions]
    for suggestion_id in ids[:17]:
        review.session.accept(suggestion_id)
    assert not saver.path.exists()
    review.session.reject(ids[0], ids[1])
    review.session.reject(ids[2])  # the 20th changed decision
    assert saver.path.exists()
    [found] = find_recoveries(folder)
    assert found.review_path == review.path
    assert found.decided == 17
    assert "17 of 17 suggestions decided" in found.describe()
    recovered = found.load()
    assert recovered.dirty
    assert recovered.path == review.path
    assert state_of(recovered.session) == state_of(review.session)
    assert recovered.source_path == review.source_path


def test_timer_writes_after_thirty_seconds_of_unsaved_work(review, tmp_path):
    clock = Clock()
    saver = Autosaver(review, tmp_path / "rec", clock=clock)
    assert not saver.tick()  # nothing to save
    review.session.accept("s1")
    clock.now = 29.0
    assert not saver.tick()
    clock.now = 30.0
    assert saver.tick()
    assert saver.path.exists()
    clock.now = 90.0
    assert not saver.tick()  # nothing new since
    review.session.accept("s2")
    assert saver.tick()


def test_saving_removes_the_recovery_file(review, tmp_path):
    saver = Autosaver(review, tmp_path / "rec", every_decisions=1)
    review.session.accept("s1")
    assert saver.path.exists()
    save_review(review)
    saver.saved()
    assert not saver.path.exists()
    assert find_recoveries(tmp_path / "rec") == []
    review.session.accept("s2")
    saver.close()  # unsaved work: the file stays for the next start
    assert saver.path.exists()


def test_a_failed_autosave_keeps_the_work_and_says_why(review, tmp_path, monkeypatch):
    saver = Autosaver(review, tmp_path / "rec", every_decisions=1)

    def full(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", full)
    review.session.accept("s1")
    assert "No space left" in saver.last_error
    assert review.session.get("s1").status is Status.ACCEPTED
    assert list((tmp_path / "rec").iterdir()) == []
    monkeypatch.undo()
    assert saver.save_now()
    assert saver.last_error == ""


def test_damaged_recovery_files_are_skipped(tmp_path):
    folder = tmp_path / "rec"
    folder.mkdir()
    (folder / "x-1.recovery.yaml").write_text("recovery: [\n", encoding="utf-8")
    (folder / "y-2.recovery.yaml").write_text("format: korrektur-review\n", encoding="utf-8")
    assert find_recoveries(folder) == []


CHILD = """
import sys, time
from pathlib import Path
sys.path.insert(0, {tests!r})
from review_samples import suggestions_for
from korrektur.store.autosave import Autosaver
from korrektur.workspace.opening import open_source

review, _ = open_source(Path({source!r}), lambda d: suggestions_for(d.text), reviewer="Anna")
Autosaver(review, Path({folder!r}))
ids = [s.id for s in review.session.suggestions]
for suggestion_id in ids:
    review.session.accept(suggestion_id)
review.session.reject(ids[0])
review.session.reject(ids[1])
review.session.edit(ids[2], "egen text")   # 20th change: autosaved here
review.session.reject(ids[3])              # not yet autosaved when the process dies
print("ready", flush=True)
time.sleep(60)
"""


def test_work_survives_a_killed_process(tmp_path):
    source = tmp_path / "rapport.txt"
    source.write_text(RAW, encoding="utf-8")
    folder = tmp_path / "recovery"
    script = textwrap.dedent(CHILD).format(tests=str(HERE), source=str(source), folder=str(folder))
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "ready"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL

    [found] = find_recoveries(folder)
    recovered = found.load()
    statuses = [s.status for s in recovered.session.suggestions]
    assert statuses[:3] == [Status.REJECTED, Status.REJECTED, Status.EDITED]
    assert statuses[3:] == [Status.ACCEPTED] * 14
    assert recovered.session.suggestions[2].edited_text == "egen text"
    assert recovered.session.suggestions[0].decided_by == "Anna"
    assert recovered.path == review_path_for(source)
    # the recovered work is saved like any other and the source is untouched
    save_review(recovered, message="återställd")
    found.discard()
    assert find_recoveries(folder) == []
    again, _ = open_source(source, lambda d: suggestions_for(d.text))
    assert [s.status for s in again.session.suggestions] == statuses
    assert source.read_text(encoding="utf-8") == RAW
