"""Texts encoded a batch at a time give what encoding them at once gives."""

from korrektur.store import pieces
from korrektur.store.pieces import encode_all, encoded


def test_encoded_in_batches_is_the_whole_text_encoded():
    parts = [f"rad {i} åäö → ”\n" for i in range(10)]
    chunks = list(encoded(parts, batch=4))
    assert len(chunks) == 3
    assert len(list(encoded(parts))) == 1
    whole = "".join(parts).encode("utf-8")
    assert b"".join(chunks) == encode_all(parts) == encode_all(parts, batch=3) == whole
    assert encode_all([]) == b""
    assert b"".join(encoded(iter(parts), "utf-16-le", 4)) == "".join(parts).encode("utf-16-le")


def test_writing_a_review_in_batches_changes_nothing_it_was_given(tmp_path, monkeypatch):
    from review_samples import decide_most, fresh_session

    from korrektur.store.review import Review
    from korrektur.store.reviewfile import save_review, snapshot, write_snapshot
    from korrektur.store.reviewread import load_review

    monkeypatch.setattr(pieces, "BATCH", 2)  # every list is "long"
    session = fresh_session()
    decide_most(session)
    review = Review(session, source_path=tmp_path / "r.txt")
    save_review(review, tmp_path / "r.review.yaml", reviewer="Bo")
    before = [(s.id, s.status, dict(s.meta), s.alternatives) for s in session.suggestions]
    extra = {"recovery": {"pid": 1, "hosts": ["a", "b", "c"]}}
    write_snapshot(snapshot(review), tmp_path / "copy.review.yaml", extra)
    assert extra == {"recovery": {"pid": 1, "hosts": ["a", "b", "c"]}}
    assert [(s.id, s.status, dict(s.meta), s.alternatives) for s in session.suggestions] == before
    assert review.history.versions[0].added  # the version's ids are the review's, untouched
    again = load_review(tmp_path / "copy.review.yaml")
    assert [s.id for s in again.session.suggestions] == [s.id for s in session.suggestions]
    assert again.history.versions == review.history.versions


def test_utf8_is_checked_in_chunks_that_may_split_a_character():
    import pytest

    from korrektur.store.reviewread import check_utf8

    check_utf8("åäö → ”".encode() * 7, chunk=3)  # every chunk boundary inside a character
    check_utf8(b"")
    with pytest.raises(UnicodeDecodeError):
        check_utf8("åäö".encode() + b"\xff" + b"abc", chunk=2)
    with pytest.raises(UnicodeDecodeError):
        check_utf8("å".encode()[:1], chunk=4)  # cut off at the end
    with pytest.raises(UnicodeDecodeError):
        check_utf8("text".encode("utf-16"))
