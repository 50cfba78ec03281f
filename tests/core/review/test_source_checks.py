"""A review's source: changes noticed, a wrong hash reported, paths outside never followed.

``export REPORT.txt`` used to export the old stored text silently after the source changed;
a review file naming ``/etc/passwd`` or ``../../..`` as its source was followed.
"""

from __future__ import annotations

import pytest
from review_samples import RAW, decide_most, fresh_session

from korrektur import cli
from korrektur.store.review import Review
from korrektur.store.reviewfile import review_path_for, save_review
from korrektur.store.reviewread import load_review
from korrektur.store.validate import ReviewFileError
from korrektur.workspace.opening import open_review


@pytest.fixture
def saved(tmp_path):
    folder = tmp_path / "reviews"
    folder.mkdir()
    source = folder / "rapport.txt"
    source.write_text(RAW, encoding="utf-8")
    review = Review(fresh_session(), source_path=source)
    decide_most(review.session)
    path = review_path_for(source)
    save_review(review, path)
    return path


def export(capsys, *args):
    code = cli.main(["export", *map(str, args)])
    out, err = capsys.readouterr()
    assert code == 0, err
    return err


def _edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_an_unchanged_source_gives_no_warning(saved, capsys):
    assert export(capsys, saved.with_name("rapport.txt"), "-o", saved.parent / "a.txt") == ""
    assert export(capsys, saved, "-o", saved.parent / "b.txt") == ""


def test_a_changed_source_is_noticed_by_export(saved, capsys):
    source = saved.with_name("rapport.txt")
    source.write_text(RAW.replace("Resultaten", "Resultatet"), encoding="utf-8")
    out = saved.parent / "out.txt"
    err = export(capsys, source, "-o", out)
    assert err.count("\n") == 1
    assert "rapport.txt has changed since the review was saved" in err
    assert "Resultaten" in out.read_text(encoding="utf-8")  # the review's own text


def test_a_wrong_recorded_hash_is_reported(saved, capsys):
    recorded = load_review(saved).session.document.sha256
    _edit(saved, recorded, "f" * 64)
    err = export(capsys, saved, "-o", saved.parent / "out.txt")
    assert "wrong sha256" in err
    assert "changed" not in err


def test_a_malformed_hash_is_refused(saved):
    recorded = load_review(saved).session.document.sha256
    _edit(saved, recorded, "abc")
    with pytest.raises(ReviewFileError, match="sha256"):
        load_review(saved)


@pytest.mark.parametrize("recorded", ["../outside.txt", "/etc/passwd", "../../../../etc/passwd"])
def test_a_source_outside_the_reviews_folder_is_not_followed(saved, capsys, recorded):
    outside = saved.parent.parent / "outside.txt"
    outside.write_text("Annan text helt och hållet.\n", encoding="utf-8")
    _edit(saved, 'path: "rapport.txt"', f'path: "{recorded}"')
    review = load_review(saved)
    assert review.readable_source is None
    err = export(capsys, saved, "-o", saved.parent / "out.txt")
    assert "outside" in err
    assert "changed" not in err  # (it was not read)
    opened, report = open_review(saved, lambda document: [])
    assert "outside" in report.source_missing
    assert opened.session.document.text == RAW


def test_a_source_outside_is_followed_when_the_reviewer_agrees(saved):
    outside = saved.parent.parent / "elsewhere.txt"
    outside.write_text(RAW, encoding="utf-8")
    _edit(saved, 'path: "rapport.txt"', 'path: "../elsewhere.txt"')
    asked = []
    review, report = open_review(
        saved, lambda document: [], follow_outside=lambda path: asked.append(path) or True
    )
    assert asked == [outside]
    assert report.source_missing == ""
    assert review.readable_source == outside


def test_a_copy_for_an_export_in_the_background_does_not_trust_it_either(saved):
    from korrektur.store.detached import detached_review
    from korrektur.store.reviewfile import snapshot

    _edit(saved, 'path: "rapport.txt"', 'path: "/etc/passwd"')
    copy = detached_review(snapshot(load_review(saved)))
    assert copy.readable_source is None
