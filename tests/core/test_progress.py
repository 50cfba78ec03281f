import io

from korrektur import progress as progress_module
from korrektur.progress import TerminalProgress


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def test_progress_line_is_rewritten_in_place_and_cleared(monkeypatch):
    clock = Clock()
    monkeypatch.setattr(progress_module.time, "monotonic", clock)
    out = io.StringIO()
    progress = TerminalProgress("analysing r.txt", out, force=True)
    progress.report(1, 100)
    assert out.getvalue() == ""  # the first second shows nothing
    clock.now += 1.5
    progress.report(42, 100)
    clock.now += 0.1
    progress.report(43, 100)  # (too soon)
    clock.now += 1
    progress.report(99, 100)
    progress.done()
    assert out.getvalue().split("\r") == [
        "",
        "korrektur: analysing r.txt … 42%",
        "korrektur: analysing r.txt … 99%",
        " " * len("korrektur: analysing r.txt … 99%"),
        "",
    ]


def test_no_progress_into_a_pipe():
    out = io.StringIO()  # (not a terminal)
    progress = TerminalProgress("analysing r.txt", out)
    progress.report(1, 2)
    progress.done()
    assert out.getvalue() == ""
