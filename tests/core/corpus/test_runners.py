"""Where the work runs: a process pool that survives a dying worker, and a Dask cluster
whose review files are byte for byte those of a local run."""

from __future__ import annotations

from pathlib import Path

import pytest
from corpus_samples import analyse, die
from distributed import Client, LocalCluster

from korrektur.corpus.cluster import DaskRunner
from korrektur.corpus.project import CorpusError, init_project
from korrektur.corpus.runners import Failed, PoolRunner
from korrektur.corpus.worker import warm_up


def test_a_worker_that_dies_fails_only_its_own_task() -> None:
    runner = PoolRunner(2)
    try:
        results = dict(runner.map(die, [1, 2, 13, 4, 5, 6, 7, 8]))
    finally:
        runner.close()
    assert isinstance(results.pop(13), Failed)
    assert results == {n: 2 * n for n in (1, 2, 4, 5, 6, 7, 8)}


def test_a_local_cluster_writes_the_same_review_files_as_a_local_run(
    tmp_path: Path, sources: Path
) -> None:
    local = init_project(tmp_path / "local", sources).root
    remote = init_project(tmp_path / "remote", sources).root
    analyse(local)
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        runner = DaskRunner(client, warm_up)
        report = analyse(remote, runner)
        runner.close()
    assert sorted(report.analysed) == ["a.txt", "b.txt", "sub/c.txt"]
    assert not report.foreign
    files = sorted(p.relative_to(local) for p in (local / "reviews").rglob("*.yaml"))
    assert files == sorted(p.relative_to(remote) for p in (remote / "reviews").rglob("*.yaml"))
    assert len(files) == 3
    for file in files:
        assert (local / file).read_bytes() == (remote / file).read_bytes()


def test_an_unreachable_scheduler_is_one_clear_error() -> None:
    with pytest.raises(CorpusError, match="cannot reach the Dask scheduler"):
        DaskRunner("tcp://127.0.0.1:9", timeout=1)
