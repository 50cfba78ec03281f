"""Test set-up shared by every test: Qt offscreen, Qt tests marked ``gui``, Hypothesis profiles,
and tests that leave the machine alone.

``make test`` runs the property tests with the ``ci`` profile: the same examples on every run,
so a clean clone passes or fails for a reason in the code, not in the draw. ``make fuzz`` runs
them with fresh random examples, many times over, to look for new failures.

No test reads or writes the user's folders: the cache (the compiled lexicon) is a temporary
folder of this user's, built at most once and shared by the test runs; data and settings are
a fresh folder for every test. A test that leaves a thread or a process running fails
(``leaks``; the Qt side, pools and timers, is checked in ``tests/ui/conftest.py``).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings

from leaks import Leaks

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Set before anything asks where the cache is (child processes inherit it).
CACHE = Path(tempfile.gettempdir()) / f"korrektur-tests-{os.getuid()}" / "cache"
CACHE.mkdir(parents=True, exist_ok=True, mode=0o700)
os.environ["XDG_CACHE_HOME"] = str(CACHE)

# Property tests run the same examples on every run and have no deadline: a test must fail
# because of the code, never because the machine was busy (a shared CI runner took 392 ms
# over a 200 ms deadline). `--hypothesis-profile=fuzz` explores new examples.
settings.register_profile("ci", derandomize=True, database=None, print_blob=True, deadline=None)
settings.register_profile("fuzz", derandomize=False, print_blob=True, deadline=None)
settings.load_profile("ci")

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


@pytest.fixture(autouse=True)
def _own_folders(tmp_path, monkeypatch):
    """Data (recovery files) and settings of this test only, never the user's."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))


@pytest.fixture(autouse=True)
def _no_leaks(request):
    """Fail a test that leaves a thread or a child process of its own running."""
    before = Leaks.now()
    yield
    left = Leaks.now().since(before)
    if left:
        pytest.fail(f"left running: {left}", pytrace=False)
