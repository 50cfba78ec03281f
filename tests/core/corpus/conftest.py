"""Fixtures of the corpus tests: sample sources and a project made from them."""

from __future__ import annotations

from pathlib import Path

import pytest
from corpus_samples import write_sources

from korrektur.corpus.project import init_project


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    """A source folder with the sample documents."""
    return write_sources(tmp_path / "sources")


@pytest.fixture
def project(tmp_path: Path, sources: Path) -> Path:
    """A new project on the sample sources (not analysed yet)."""
    return init_project(tmp_path / "project", sources).root
