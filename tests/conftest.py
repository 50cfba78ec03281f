"""Test set-up shared by every test: Qt offscreen, Qt tests marked ``gui``."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TESTS = Path(__file__).parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "ui" in Path(str(item.fspath)).relative_to(TESTS).parts[:1]:
            item.add_marker(pytest.mark.gui)
