"""Saving in two halves (snapshot here, write elsewhere) and detached copies for exports."""

import pytest
from review_samples import RAW, by_original, decide_most, fresh_session, session_equal

from korrektur.formats.exporters import EXPORTERS
from korrektur.formats.reading import ExportOptions, Pending
from korrektur.model import Status
from korrektur.store.atomic import WriteError
from korrektur.store.detached import detached_review
from korrektur.store.history import History, state_of
from korrektur.store.review import Review
from korrektur.store.reviewfile import (
    finish_save,
    prepare_save,
    review_path_for,
    save_review,
    snapshot,
    write_save,
)
from korrektur.store.reviewread import load_review


@pytest.fixture
def review(tmp_path):
    source = tmp_path / "rapport.txt"
    source.write_text(RAW, encoding="utf-8")
    return Review(fresh_session(), source_path=source)


def test_work_done_during_the_write_stays_unsaved(review, tmp_path):
    session = review.session
    session.accept(by_original(session, "6kat"))
    review.notes.append("restored from version 1")
    path = review_path_for(review.source_path)
    request = prepare_save(review, path, reviewer="Anna Berg")
    saved_text = session.decided_text()
    # the reviewer goes on while the file is written
    session.reject(by_original(session, "stodet"))
    review.notes.append("source changed")
    written = write_save(request)
    assert len(review.history) == 0  # nothing recorded before the write is finished
    version = finish_save(review, request, written)

    assert version.number == 1
    assert version.note == "restored from version 1"
    assert review.notes == ["source changed"]
    assert review.path == path
    assert review.dirty  # the rejection is not in the file
    again = load_review(path)
    assert again.session.decided_text() == saved_text
    assert again.session.get(by_original(session, "stodet")).status is Status.PENDING
    assert again.history.versions == review.history.versions


def test_the_version_written_is_the_one_the_history_would_commit(review, tmp_path):
    time = "2026-03-01T10:00:00+00:00"
    expected = History()
    for step in (decide_most, lambda session: session.apply_manual_edit(0, 0, "Rubrik: ")):
        step(review.session)
        commit = expected.commit(state_of(review.session), time, "Bo", "", "")
        request = prepare_save(review, tmp_path / "r.review.yaml", reviewer="Bo", time=time)
        assert finish_save(review, request, write_save(request)) == commit
    assert load_review(tmp_path / "r.review.yaml").history.versions == expected.versions


def test_a_failed_write_changes_nothing(review, tmp_path, monkeypatch):
    import korrektur.store.reviewfile as reviewfile

    review.session.accept(review.session.suggestions[0].id)
    request = prepare_save(review, tmp_path / "r.review.yaml")

    def full_disk(path, chunks):
        raise WriteError(f"cannot write {path}: No space left on device")

    monkeypatch.setattr(reviewfile, "atomic_write_chunks", full_disk)
    with pytest.raises(WriteError, match="No space left"):
        write_save(request)
    assert len(review.history) == 0
    assert review.path is None
    assert review.dirty
    assert not (tmp_path / "r.review.yaml").exists()


def test_saves_must_be_finished_in_order(review, tmp_path):
    first = prepare_save(review, tmp_path / "r.review.yaml")
    second = prepare_save(review, tmp_path / "r.review.yaml")
    written = write_save(second)
    finish_save(review, first, write_save(first))
    with pytest.raises(ValueError, match="cannot follow"):
        finish_save(review, second, written)


def test_a_detached_copy_exports_what_the_snapshot_holds(review):
    decide_most(review.session)
    save_review(review, review_path_for(review.source_path))
    review.session.apply_manual_edit(0, 0, "Rubrik: ")
    copy = detached_review(snapshot(review), review.path, reviewer="Anna Berg")
    assert session_equal(copy.session, review.session)
    assert copy.history.versions == review.history.versions
    options = ExportOptions(pending=Pending.PROPOSED, exported_at="2026-03-01T10:00:00+00:00")
    for name in ("txt", "csv", "tei"):
        assert EXPORTERS[name].write(copy, options) == EXPORTERS[name].write(review, options)
    review.session.reject(*(s.id for s in review.session.suggestions))  # the live work goes on
    assert copy.session.get(by_original(copy.session, "6kat")).status is Status.ACCEPTED
    version = ExportOptions(version=1, exported_at="2026-03-01T10:00:00+00:00")
    assert EXPORTERS["txt"].write(copy, version) == EXPORTERS["txt"].write(review, version)


def test_a_released_copy_is_freed_without_the_collector(review):
    import gc
    import weakref

    copy = detached_review(snapshot(review))
    alive = weakref.ref(copy)
    copy.release()
    collecting = gc.isenabled()
    gc.disable()
    try:
        del copy
        assert alive() is None  # no reference cycle left: freed at once
    finally:
        if collecting:
            gc.enable()
