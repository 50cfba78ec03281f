import os

import pytest
import yaml
from review_samples import RAW, by_original, decide_most, fresh_session, session_equal

from korrektur.model import Status
from korrektur.store.atomic import WriteError
from korrektur.store.history import state_of
from korrektur.store.review import Review
from korrektur.store.reviewfile import review_path_for, save_review
from korrektur.store.reviewread import load_review
from korrektur.store.validate import ReviewFileError


@pytest.fixture
def source(tmp_path):
    path = tmp_path / "rapport.txt"
    path.write_text(RAW, encoding="utf-8")
    return path


def new_review(source):
    return Review(fresh_session(), source_path=source)


def test_decide_save_reopen_gives_identical_session(source):
    review = new_review(source)
    decide_most(review.session)
    review.session.apply_manual_edit(0, 0, "Rubrik: ")
    path = review_path_for(source)
    assert path.name == "rapport.review.yaml"
    save_review(review, path, message="första genomgången", time="2026-03-01T10:00:00+00:00")
    assert not review.dirty

    again = load_review(path)
    assert session_equal(again.session, review.session)
    assert again.session.corrected_text() == review.session.corrected_text()
    assert again.source_path.resolve() == source.resolve()
    assert [v.message for v in again.history.versions] == ["första genomgången"]
    assert again.history.versions[0].counts == review.history.versions[0].counts
    assert not again.dirty


def test_file_is_readable_yaml_with_one_block_per_suggestion(source):
    review = new_review(source)
    decide_most(review.session)
    path = source.with_name("r.review.yaml")
    save_review(review, path, reviewer="Anna Berg")
    text = path.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert data["format"] == "korrektur-review"
    assert data["source"]["sha256"] == review.session.document.sha256
    assert data["source"]["path"] == "rapport.txt"
    assert "\n- id: s2\n  start: " in text
    assert '  original: "Uppfoljning"\n  replacement: "Uppföljning"\n' in text
    assert data["versions"][0]["reviewer"] == "Anna Berg"
    assert data["versions"][0]["added"] == ["s1..s17"]
    assert "\n".join(data["source_text"]) == RAW
    # saving twice without changes gives the same text apart from the new version
    save_review(review, path, time="2026-01-01T00:00:00+00:00")
    second = path.read_text(encoding="utf-8")
    assert second.startswith(text.split("versions:")[0])


def test_versions_restore_exactly(source):
    review = new_review(source)
    path = review_path_for(source)
    saved = []
    session = review.session
    session.accept(by_original(session, "Uppfoljning"))
    saved.append(save_review(review, path, message="ett"))
    expected = [(session.corrected_text(), session.decided_text(), dict(state_of(session)))]
    decide_most(session)
    edit = session.apply_manual_edit(5, 9, "XYZ")
    save_review(review, path, message="två")
    expected.append((session.corrected_text(), session.decided_text(), dict(state_of(session))))
    session.undo_manual_edit(edit)
    session.reject(*[s.id for s in session.suggestions])
    save_review(review, path, message="tre")
    expected.append((session.corrected_text(), session.decided_text(), dict(state_of(session))))

    again = load_review(path)
    for number, (corrected, decided, state) in enumerate(expected, start=1):
        restored = again.version_session(number)
        assert restored.corrected_text() == corrected
        assert restored.decided_text() == decided
        assert state_of(restored) == state
    # version 2's manual edit is kept although the session no longer has it
    assert any(s.id == edit.added.id for s in again.retired())
    # a new manual edit does not reuse the id of the retired one
    assert again.session.apply_manual_edit(0, 0, "x").added.id != edit.added.id

    again.restore_version(2)
    assert again.dirty
    assert again.session.decided_text() == expected[1][1]
    version = save_review(again, path)
    assert version.number == 4
    assert version.note == "restored from version 2"
    assert load_review(path).version_session(4).decided_text() == expected[1][1]


def test_interrupted_write_leaves_old_file_intact(source, monkeypatch):
    review = new_review(source)
    path = review_path_for(source)
    save_review(review, path)
    before = path.read_bytes()
    review.session.accept("s1")

    def crash(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(WriteError, match="No space left"):
        save_review(review, path)
    assert path.read_bytes() == before
    assert sorted(os.listdir(source.parent)) == ["rapport.review.yaml", "rapport.txt"]
    assert len(review.history) == 1
    assert review.dirty
    assert review.session.get("s1").status is Status.ACCEPTED
    monkeypatch.undo()
    save_review(review, path)
    assert len(load_review(path).history) == 2


def test_source_is_never_written(source):
    review = new_review(source)
    decide_most(review.session)
    stat = source.stat()
    save_review(review, review_path_for(source))
    assert source.read_text(encoding="utf-8") == RAW
    assert source.stat().st_mtime_ns == stat.st_mtime_ns


@pytest.fixture
def saved(source):
    review = new_review(source)
    decide_most(review.session)
    path = review_path_for(source)
    save_review(review, path)
    return path


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda t: t.replace("format: korrektur-review", "format: x"), "not a Korrektur review"),
        (lambda t: "- just\n- a list\n", "not a Korrektur review"),
        (lambda t: t.replace("format_version: 1", "format_version: 7"), "newer Korrektur"),
        (lambda t: t.replace("status: accepted", "status: maybe", 1), "unknown status 'maybe'"),
        (lambda t: t.replace("kinds: [diacritic]", "kinds: [spelling]", 1), "unknown kind"),
        (lambda t: t.replace("start: 0\n", "start: zero\n", 1), "'start' must be a whole number"),
        (lambda t: t.replace('original: "Uppfoljning"', "original: Uppfljning"), "does not match"),
        (lambda t: t.replace("added: [s1..s17]", "added: [s1..s18]"), "refers to suggestion s18"),
        (lambda t: t.replace("  sha256:", "  sha:"), "'sha256' is missing"),
        (lambda t: t.replace("suggestions:\n", "suggestions: [\n"), "not valid YAML at line"),
        (lambda t: t + "\n\0", "not valid YAML"),
    ],
)
def test_broken_or_foreign_files_give_clear_messages(saved, change, message):
    saved.write_text(change(saved.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(ReviewFileError, match=message) as info:
        load_review(saved)
    assert str(info.value).startswith("rapport.review.yaml")


def test_unreadable_files(tmp_path):
    with pytest.raises(ReviewFileError, match="does not exist"):
        load_review(tmp_path / "none.review.yaml")
    binary = tmp_path / "b.review.yaml"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(ReviewFileError, match="not UTF-8"):
        load_review(binary)


def test_retired_suggestions_follow_edits_undos_and_saves(source):
    """What only earlier versions hold is kept between snapshots, and follows every change."""
    review = new_review(source)
    path = review_path_for(source)
    session = review.session
    assert review.retired() == []
    save_review(review, path)  # version 1 holds every suggestion
    edit = session.apply_manual_edit(0, session.suggestions[0].end + 1, "X")
    absorbed = [s.id for s in edit.removed]
    assert absorbed
    assert [s.id for s in review.retired()] == absorbed
    session.undo_manual_edit(edit)
    assert review.retired() == []
    session.redo_manual_edit(edit)
    assert [s.id for s in review.retired()] == absorbed
    save_review(review, path)  # version 2 holds the manual edit
    session.undo_manual_edit(edit)
    assert [s.id for s in review.retired()] == [edit.added.id]
    review.retired().clear()  # a copy: the kept list stays as it is
    assert [s.id for s in review.retired()] == [edit.added.id]
    known = {s.id for s in review.known()}  # every suggestion it has known, the edit's too
    assert known == set(session.ids) | {edit.added.id}
