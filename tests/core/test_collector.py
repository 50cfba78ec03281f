import gc

import pytest

from korrektur.engine.collector import paused_collector


def test_paused_inside_and_restored_after_nesting_and_errors():
    assert gc.isenabled()
    with paused_collector():
        assert not gc.isenabled()
        with paused_collector():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer analysis still runs
    assert gc.isenabled()
    with pytest.raises(RuntimeError, match="boom"), paused_collector():
        raise RuntimeError("boom")
    assert gc.isenabled()


def test_stays_off_when_it_was_off():
    gc.disable()
    try:
        with paused_collector():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
