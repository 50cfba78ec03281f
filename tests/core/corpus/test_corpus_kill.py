"""A batch killed with SIGKILL at any moment: nothing half-written, the next run finishes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from corpus_samples import SAMPLES, analyse

from korrektur.corpus.index import State
from korrektur.corpus.opening import open_corpus
from korrektur.corpus.project import init_project
from korrektur.corpus.status import corpus_status
from korrektur.store.reviewread import load_review

DOCUMENTS = 80


def _many(folder: Path) -> Path:
    """Documents long enough that a run takes a few seconds."""
    texts = list(SAMPLES.values())
    for number in range(DOCUMENTS):
        body = "".join(texts[(number + k) % len(texts)] for k in range(6))
        (folder / f"d{number:03d}.txt").write_text(f"Dokument {number}\n\n{body}", encoding="utf-8")
    return folder


def test_a_killed_analysis_is_finished_by_the_next_run(tmp_path: Path) -> None:
    (tmp_path / "sources").mkdir()
    sources = _many(tmp_path / "sources")
    project = init_project(tmp_path / "project", sources).root
    reviews = project / "reviews"
    command = [sys.executable, "-m", "korrektur", "corpus", "analyse", str(project)]
    run = subprocess.Popen([*command, "--jobs", "2", "--quiet"], start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while len(list(reviews.glob("*.review.yaml"))) < 20:
            assert run.poll() is None, "the run ended before it could be killed"
            assert time.monotonic() < deadline
            time.sleep(0.05)
    finally:
        os.killpg(run.pid, signal.SIGKILL)  # the writer and its workers, at once
        run.wait()
    written = {p: p.read_bytes() for p in reviews.glob("*.review.yaml")}
    assert 20 <= len(written) < DOCUMENTS
    for path in written:
        load_review(path)  # every file there is whole
    report = analyse(project)
    assert len(report.analysed) == DOCUMENTS - len(written)
    assert not report.bad
    for path, data in written.items():  # what was done is not done again
        assert path.read_bytes() == data
    with open_corpus(project, "status") as corpus:
        states = {row.state for row in corpus.index.documents()}
        resumed = corpus_status(corpus).as_json()
    assert states == {State.ANALYSED}
    with open_corpus(project, "reindex", rebuild=True, jobs=2) as corpus:  # read in a pool
        assert corpus_status(corpus).as_json() == resumed
