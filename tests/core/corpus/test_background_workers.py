"""A window's worker processes run below the window, so that it gets a core first."""

from __future__ import annotations

import os
import sys

import pytest

from korrektur.corpus.runners import BACKGROUND_NICE, PoolRunner, in_background


def _niceness(_task: object) -> int:
    return os.nice(0)


@pytest.mark.skipif(sys.platform == "win32", reason="no nice on Windows")
def test_background_workers_run_at_a_lower_priority_than_the_window():
    runner = PoolRunner(1, in_background)
    try:
        [(_, worker)] = list(runner.map(_niceness, [None]))
    finally:
        runner.close()
    assert worker == min(19, os.nice(0) + BACKGROUND_NICE)
