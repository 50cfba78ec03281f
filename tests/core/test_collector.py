import gc

import pytest

from korrektur.gcpause import gc_paused


def test_paused_inside_and_restored_after_nesting_and_errors():
    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer analysis still runs
    assert gc.isenabled()
    with pytest.raises(RuntimeError, match="boom"), gc_paused():
        raise RuntimeError("boom")
    assert gc.isenabled()


def test_stays_off_when_it_was_off():
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_an_analysis_and_a_save_that_overlap_share_one_pause():
    assert gc.isenabled()
    analysis = gc_paused()
    save = gc_paused()
    analysis.__enter__()
    save.__enter__()
    analysis.__exit__(None, None, None)  # the analysis ends while the save still runs
    assert not gc.isenabled()
    save.__exit__(None, None, None)
    assert gc.isenabled()


def test_the_work_of_each_kind_of_process_runs_with_the_collector_paused():
    from korrektur.corpus.runners import InlineRunner
    from korrektur.gcpause import paused
    from korrektur.workspace.runner import Call, Done, Job, run

    def collecting(_request: object, _call: object = None) -> bool:
        return gc.isenabled()

    assert run(Job(1, collecting, None), Call(1, lambda _m: None)) == Done(1, False)
    assert list(InlineRunner().map(collecting, ["task"])) == [("task", False)]
    assert paused(collecting, "task") is False
    assert gc.isenabled()


def test_a_subcommand_of_the_command_line_runs_with_the_collector_paused(monkeypatch):
    from korrektur import cli

    seen = []
    configure = lambda parser: None  # noqa: E731
    monkeypatch.setitem(
        cli.COMMANDS, "probe", ("", configure, lambda _a: seen.append(gc.isenabled()) or 0)
    )
    assert cli.main(["probe"]) == 0
    assert seen == [False]
    assert gc.isenabled()
