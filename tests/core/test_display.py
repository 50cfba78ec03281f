"""The window refuses early, in one line, when it cannot be opened."""

import pytest

from korrektur.cli import main
from korrektur.display import display_problem


def no_library(name: str) -> None:
    return None


def found(name: str) -> str:
    return f"lib{name}.so.0"


def test_linux_without_a_display_says_so_and_points_to_the_commands():
    problem = display_problem({}, "linux", found)
    assert problem is not None
    assert "DISPLAY" in problem
    assert "export" in problem


def test_x11_without_the_cursor_library_names_the_package():
    problem = display_problem({"DISPLAY": ":0"}, "linux", no_library)
    assert problem is not None
    assert "libxcb-cursor0" in problem


@pytest.mark.parametrize(
    ("environ", "platform", "library"),
    [
        ({"DISPLAY": ":0"}, "linux", found),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", no_library),
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux", no_library),
        ({}, "darwin", no_library),
        ({}, "win32", no_library),
    ],
)
def test_a_usable_display_is_not_questioned(environ, platform, library):
    assert display_problem(environ, platform, library) is None


def test_opening_a_missing_file_is_one_line_and_exit_1(tmp_path, capsys):
    assert main([str(tmp_path / "missing.txt")]) == 1
    err = capsys.readouterr().err
    assert err == f"korrektur: error: {tmp_path / 'missing.txt'} does not exist.\n"


def test_opening_a_folder_is_refused(tmp_path, capsys):
    assert main([str(tmp_path)]) == 1
    assert "is a folder" in capsys.readouterr().err


def test_no_display_is_one_line_and_exit_1(tmp_path, capsys, monkeypatch):
    source = tmp_path / "r.txt"
    source.write_text("Hej.\n", encoding="utf-8")
    monkeypatch.setattr("sys.platform", "linux")
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    assert main([str(source)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("korrektur: error: cannot open the window: there is no display")
    assert err.count("\n") == 1
