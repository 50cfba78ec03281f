"""Page pictures: decoded on another thread, kept within the budget, stale requests dropped."""

from __future__ import annotations

import threading
import time

import pytest
from PIL import Image

from korrektur.model.geometry import PageImage, ScanLayout
from korrektur.ui import page_images
from korrektur.ui.page_images import PageImages, page_key, to_qimage


def layout_of(folder, count, size=(400, 300), missing=()):
    pages = []
    for index in range(count):
        path = folder / f"page-{index + 1:03d}.png"
        if index not in missing:
            Image.new("L", size, 200 + index % 50).save(path)
        pages.append(PageImage(index, size[0], size[1], 150.0, path.name, path))
    return ScanLayout("hocr", folder / "scan.hocr", pages, [])


@pytest.fixture
def images(qtbot):
    store = PageImages(budget=3 * 400 * 300)  # three greyscale pages
    yield store
    store.wait()


def test_a_picture_is_decoded_off_the_gui_thread_and_kept(images, qtbot, tmp_path, monkeypatch):
    layout = layout_of(tmp_path, 2)
    threads = []
    real = page_images.load_page_image

    def recording(layout, index, max_side):
        threads.append(threading.current_thread())
        return real(layout, index, max_side)

    monkeypatch.setattr(page_images, "load_page_image", recording)
    with qtbot.waitSignal(images.ready, timeout=5000) as ready:
        images.request(layout, 0)
    key, image = ready.args
    assert key == page_key(layout, 0)
    assert (image.width(), image.height()) == (400, 300)
    assert threads
    assert threading.main_thread() not in threads
    decoded = len(threads)
    with qtbot.waitSignal(images.ready, timeout=1000):  # kept: answered without decoding
        images.request(layout, 0)
    assert len(threads) == decoded


def test_pictures_stay_within_the_budget(images, qtbot, tmp_path):
    layout = layout_of(tmp_path, 6)
    for index in range(6):
        with qtbot.waitSignal(images.ready, timeout=5000):
            images.request(layout, index)
        assert images.used <= images.budget
    assert images.cached(page_key(layout, 5)) is not None
    assert images.cached(page_key(layout, 0)) is None  # the least recently used went first


def test_a_request_no_longer_wanted_is_not_decoded(images, qtbot, tmp_path, monkeypatch):
    layout = layout_of(tmp_path, 5)
    gate = threading.Event()
    decoded = []
    real = page_images.load_page_image

    def slow(layout, index, max_side):
        gate.wait(5)
        decoded.append(index)
        return real(layout, index, max_side)

    monkeypatch.setattr(page_images, "load_page_image", slow)
    for index in range(4):  # J, J, J, J faster than pages decode
        images.request(layout, index)
    with qtbot.waitSignal(images.ready, timeout=5000) as ready:
        gate.set()
    assert ready.args[0] == page_key(layout, 3)
    # 1 and 2 are skipped: nobody looks at them any more (0 may have begun before)
    assert decoded in ([3], [0, 3])


def test_a_missing_file_is_reported_with_its_name_once(images, qtbot, tmp_path):
    layout = layout_of(tmp_path, 2, missing=(1,))
    with qtbot.waitSignal(images.failed, timeout=5000) as failed:
        images.request(layout, 1)
    key, message = failed.args
    assert key == page_key(layout, 1)
    assert "page-002.png" in message
    assert "not found" in message
    assert images.failure(key) == message
    with qtbot.waitSignal(images.failed, timeout=1000):  # answered from what is known
        images.request(layout, 1)


def test_colour_and_greyscale_pictures_keep_their_pixels():
    grey = to_qimage(Image.new("L", (3, 2), 77))
    colour = to_qimage(Image.new("RGB", (5, 1), (10, 20, 30)))
    assert grey.pixelColor(2, 1).red() == 77
    assert colour.pixelColor(4, 0).getRgb()[:3] == (10, 20, 30)


def test_a_page_skipped_and_wanted_again_is_still_decoded(images, qtbot, tmp_path, monkeypatch):
    layout = layout_of(tmp_path, 3)
    gate = threading.Event()
    ran = []
    real_run, real_load = page_images._Decode.run, page_images.load_page_image

    def run(job):
        real_run(job)
        ran.append(job._key.index)

    def load(layout, index, max_side):
        if index == 2:
            gate.wait(5)
        return real_load(layout, index, max_side)

    monkeypatch.setattr(page_images._Decode, "run", run)
    monkeypatch.setattr(page_images, "load_page_image", load)
    images.request(layout, 2)  # holds the thread
    images.request(layout, 0)
    images.request(layout, 1)  # page 0 is no longer wanted: its turn will skip it
    gate.set()
    deadline = time.monotonic() + 5
    while 0 not in ran and time.monotonic() < deadline:  # no Qt events: the skip is on its way
        time.sleep(0.005)
    assert 0 in ran
    with qtbot.waitSignal(
        images.ready, timeout=5000, check_params_cb=lambda key, _image: key.index == 0
    ):
        images.request(layout, 0)  # wanted again before the skip was heard of
