"""Fixtures for the scan format tests: the sample report in every format, in a temporary folder."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from scan_samples import make_all  # noqa: E402


@pytest.fixture
def scans(tmp_path: Path) -> dict[str, Path]:
    return make_all(tmp_path)
