"""Temporary files that interrupted writes left behind are removed the next time.

170 ``kill -9``s during saves left 45 temporary files (311 MB) that nothing ever removed.
Only files of Korrektur's own naming (``.NAME.XXXXXXXX.tmp``) are touched; outside a review's
lock only those no one has written to for a while (another program may be writing one).
"""

from __future__ import annotations

import os
import time

from review_samples import RAW, fresh_session

from korrektur.store.atomic import atomic_write_text
from korrektur.store.review import Review
from korrektur.store.reviewfile import review_path_for, save_review
from korrektur.store.reviewread import load_review


def _leftovers(folder, name, age):
    """Temporary files of our own naming for ``name``, ``age`` seconds old."""
    made = []
    for suffix in ("k3j_9xq2", "a0b1c2d3"):
        path = folder / f".{name}.{suffix}.tmp"
        path.write_bytes(b"half a file")
        os.utime(path, (time.time() - age, time.time() - age))
        made.append(path)
    return made


def _not_ours(folder, name):
    paths = [folder / f".{name}.notours", folder / f"{name}.abcdefgh.tmp", folder / "x.tmp"]
    for path in paths:
        path.write_bytes(b"someone else's")
        os.utime(path, (time.time() - 86400, time.time() - 86400))
    return paths


def test_the_next_write_removes_stale_temporaries_of_its_file(tmp_path):
    stale = _leftovers(tmp_path, "out.txt", age=3600)
    being_written = tmp_path / ".out.txt.zzzzzzzz.tmp"  # (another program may write it now)
    being_written.write_bytes(b"the first half")
    others = _not_ours(tmp_path, "out.txt")
    atomic_write_text(tmp_path / "out.txt", "ny")
    assert not any(p.exists() for p in stale)
    assert being_written.exists()
    assert all(p.exists() for p in others)


def test_opening_or_saving_a_review_removes_its_stale_temporaries(tmp_path):
    source = tmp_path / "rapport.txt"
    source.write_text(RAW, encoding="utf-8")
    path = review_path_for(source)
    save_review(Review(fresh_session(), source_path=source), path)
    stale = _leftovers(tmp_path, path.name, age=3600)
    load_review(path)
    assert not any(p.exists() for p in stale)
    just_now = _leftovers(tmp_path, path.name, age=0)  # a save killed a moment ago
    others = _not_ours(tmp_path, path.name)
    save_review(load_review(path))  # (under the review's lock: no one else writes it)
    assert not any(p.exists() for p in just_now)
    assert all(p.exists() for p in others)
