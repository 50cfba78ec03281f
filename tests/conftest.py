"""Test set-up shared by every test: Qt offscreen, Qt tests marked ``gui``, Hypothesis profiles.

``make test`` runs the property tests with the ``ci`` profile: the same examples on every run,
so a clean clone passes or fails for a reason in the code, not in the draw. ``make fuzz`` runs
them with fresh random examples, many times over, to look for new failures.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
settings.register_profile("fuzz", derandomize=False, print_blob=True)

TESTS = Path(__file__).parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "ui" in Path(str(item.fspath)).relative_to(TESTS).parts[:1]:
            item.add_marker(pytest.mark.gui)


class CancelAfterFirstReport:
    """A progress sink that records reports and asks to stop once it has one."""

    def __init__(self) -> None:
        self.reports: list[tuple[int, int]] = []

    def report(self, done: int, total: int) -> None:
        self.reports.append((done, total))

    def cancelled(self) -> bool:
        return bool(self.reports)


@pytest.fixture
def cancel_after_first_report() -> CancelAfterFirstReport:
    """Progress that cancels an analysis at its first report."""
    return CancelAfterFirstReport()
