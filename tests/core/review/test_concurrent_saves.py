"""Two programs saving one review: no version is lost, and no save overwrites another's.

The window and ``korrektur versions --revert`` on one review file is the everyday case; two
commands at once once both reported "version N saved" and one version was lost.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from review_samples import RAW, by_original, fresh_session

from korrektur.store.lock import ChangedOnDisk, lock_path
from korrektur.store.review import Review
from korrektur.store.reviewfile import review_path_for, save_review
from korrektur.store.reviewread import load_review

ROUNDS = 6
PARALLEL = 3


@pytest.fixture
def saved(tmp_path):
    source = tmp_path / "rapport.txt"
    source.write_text(RAW, encoding="utf-8")
    session = fresh_session()
    review = Review(session, source_path=source)
    path = review_path_for(source)
    save_review(review, path)
    session.accept(by_original(session, "Uppfoljning"))
    save_review(review, path)
    return path


def _revert_at_once(path, count):
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "korrektur", "versions", str(path), "--revert", "1"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(count)
    ]
    return [p.communicate(timeout=120) + (p.returncode,) for p in processes]


def test_parallel_reverts_each_add_a_version(saved):
    reported = []
    for _ in range(ROUNDS):
        for out, err, code in _revert_at_once(saved, PARALLEL):
            assert code == 0, err
            reported.append(int(out.split()[1]))
    versions = load_review(saved).history.versions
    assert len(versions) == 2 + ROUNDS * PARALLEL
    assert sorted(reported) == list(range(3, 3 + ROUNDS * PARALLEL))


def test_a_save_over_another_programs_version_is_refused(saved):
    window = load_review(saved)  # the window has the review open …
    window.session.accept(by_original(window.session, "Forvaltningen"))
    out, err, code = _revert_at_once(saved, 1)[0]  # … when a command saves a version
    assert code == 0, err
    with pytest.raises(ChangedOnDisk, match="changed by another program"):
        save_review(window)
    assert len(load_review(saved).history.versions) == 3  # the command's version is kept
    assert window.session.get(by_original(window.session, "Forvaltningen")).decided
    assert len(window.history.versions) == 2  # the window's work is unsaved, not lost
    other = saved.with_name("rapport-2.review.yaml")
    save_review(window, other)  # … and can be saved under another name
    assert len(load_review(other).history.versions) == 3


def test_saving_again_after_an_own_save_is_no_conflict(saved):
    review = load_review(saved)
    review.session.accept(by_original(review.session, "Forvaltningen"))
    save_review(review)
    review.session.accept(by_original(review.session, "6kat"))
    save_review(review)
    assert len(load_review(saved).history.versions) == 4
    assert not lock_path(saved).exists()  # the lock is there only while it is held


def test_a_review_resumed_from_its_source_refuses_too(saved):
    from korrektur.workspace.opening import open_source

    window, _ = open_source(saved.with_name("rapport.txt"), lambda document: [])
    out, err, code = _revert_at_once(saved, 1)[0]
    assert code == 0, err
    with pytest.raises(ChangedOnDisk):
        save_review(window)
