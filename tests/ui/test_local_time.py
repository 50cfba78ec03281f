"""Times are stored in UTC and shown in the reviewer's local time."""

import time

import pytest

from korrektur.ui.local_time import local_clock, local_time


@pytest.fixture
def stockholm(monkeypatch):
    monkeypatch.setenv("TZ", "Europe/Stockholm")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.usefixtures("stockholm")
def test_utc_is_shown_in_local_time():
    assert local_time("2025-03-04T13:05:00+00:00") == "2025-03-04 14:05"  # CET
    assert local_time("2025-07-01T13:05:00+00:00") == "2025-07-01 15:05"  # CEST
    assert local_clock("2025-07-01T13:05:00+00:00") == "15:05"
    assert local_time("2025-07-01T13:05:00") == "2025-07-01 15:05"  # naive: UTC


def test_text_that_is_no_time_is_shown_as_it_is():
    assert local_time("yesterday") == "yesterday"
    assert local_time(None) == ""
