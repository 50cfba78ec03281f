"""The Qt-free page-view API: which page and box a text span falls on, which word a point hits."""

from __future__ import annotations

import pytest
from scan_samples import EXPECTED_TEXT, words_of

from korrektur.formats.sources import read_document
from korrektur.model.geometry import Box


def test_box_split_union_and_distance():
    box = Box(0, 0, 100, 10)
    left, right = box.split([3, 1])
    assert (left.left, left.right, right.left, right.right) == (0, 75, 75, 100)
    assert Box.union([left, Box(90, -5, 120, 5)]) == Box(0, -5, 120, 10)
    assert box.contains(50, 5)
    assert not box.contains(101, 5)
    assert box.distance(103, 14) == 5.0


def test_span_to_page_and_boxes(scans):
    scan = read_document(scans["hocr"]).scan
    start = EXPECTED_TEXT.index("Resultatet")
    assert scan.page_of_span(start, start + 3) == 1
    # a change over two words of one line: one box spanning both
    start = EXPECTED_TEXT.index("be slutat")
    ((page, box),) = scan.boxes_for_span(start, start + len("be slutat"))
    be, slutat = (w for w in words_of() if w.text in ("be", "slutat"))
    assert page == 0
    assert (box.left, box.right) == (be.box[0], slutat.box[2])
    # a change across a line break: one box per line
    start = EXPECTED_TEXT.index("detta\nbe")
    assert len(scan.boxes_for_span(start, start + len("detta\nbe"))) == 2
    # an insertion point finds the word it stands in
    assert scan.words_in(start + 2, start + 2)[0].start == start
    assert scan.confidence_of_span(start, start + 5) == 0.70


def test_point_to_word_and_line_boxes(scans):
    document = read_document(scans["hocr"])
    scan = document.scan
    target = next(w for w in words_of() if w.text == "isamband")
    x, y = (target.box[0] + target.box[2]) / 2, (target.box[1] + target.box[3]) / 2
    word = scan.word_at(0, x, y)
    assert document.text[word.start : word.end] == "isamband"
    assert scan.word_at(0, x, 1000) is None  # blank paper
    assert scan.word_at(0, target.box[2] + 5, y, slack=8) is not None
    line = document.line_index_at(word.start)
    assert scan.line_box(line).box.top == target.box[1]
    assert scan.line_box(2) is None  # the blank line between paragraphs
    assert len(scan.words_on_page(1)) == 10


def test_page_pictures_for_the_page_view(scans):
    from scan_samples import PAGE_SIZE

    from korrektur.formats.pageimage import box_on_picture, box_scale, load_page_image
    from korrektur.model import DocumentError

    for kind in ("hocr", "pdf"):
        scan = read_document(scans[kind]).scan
        picture = load_page_image(scan, 1, max_side=600)
        assert max(picture.size) == 600
        factors = box_scale(scan, 1, picture)
        word = scan.words_on_page(1)[0]
        mapped = box_on_picture(word.box, factors)
        assert mapped.right <= picture.width
        assert mapped.left == word.box.left * factors[0]
        assert abs(picture.width / picture.height - PAGE_SIZE[0] / PAGE_SIZE[1]) < 0.01
    scan = read_document(scans["hocr"]).scan
    (scans["hocr"].parent / "img" / "page-001.png").unlink()
    with pytest.raises(DocumentError, match="page-001.png not found"):
        load_page_image(scan, 0)
