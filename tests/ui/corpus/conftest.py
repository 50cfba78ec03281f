"""Fixtures of the corpus window tests: a small project of our own texts, analysed by the
word-table engine, the corpus window and its review window with a real review file service."""

from __future__ import annotations

from pathlib import Path

import pytest
from corpus_ui import make_corpus_window, write_corpus
from fakes import fake_engine, inline_jobs

from korrektur.corpus.project import init_project
from korrektur.ui.workspace_service import Store, WorkspaceService
from korrektur.workspace import engines


@pytest.fixture(autouse=True)
def word_table_engine(monkeypatch):
    """The corpus analysis uses the word-table engine (no lexicon to load)."""
    monkeypatch.setattr(engines, "PROCESS", engines.EngineHolder(fake_engine))


@pytest.fixture
def project(tmp_path) -> Path:
    """A corpus project on the documents (not analysed yet)."""
    sources = write_corpus(tmp_path / "sources")
    return init_project(tmp_path / "project", sources).root


@pytest.fixture
def files(services, messages, settings, tmp_path):
    """The review window's service with its store (saves and resumes review files)."""
    service = WorkspaceService(
        messages,
        inline_jobs(fake_engine),
        settings,
        Store(reviewer=lambda: "Anna Berg", recovery_folder=tmp_path / "recovery"),
    )
    services.service = service
    yield service
    service.close(keep_unsaved=False)


@pytest.fixture
def corpus_window(qtbot, services, messages, files, project):
    window = make_corpus_window(qtbot, services, messages, project)
    qtbot.waitUntil(lambda: window.figures is not None and not window.service.analysing)
    yield window
    window.close()
