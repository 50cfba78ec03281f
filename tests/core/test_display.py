"""The window refuses early, in one line, when it cannot be opened."""

import subprocess
from pathlib import Path

import pytest

from korrektur.cli import main
from korrektur.display import (
    debian_package,
    display_problem,
    missing_platform_libraries,
    unresolved,
)

LDD = """\
\tlinux-vdso.so.1 (0x00007ffd5a1e4000)
\tlibQt6XcbQpa.so.6 => /venv/PySide6/Qt/lib/libQt6XcbQpa.so.6 (0x00007f0c9c1f1000)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\tlibxkbcommon-x11.so.0 => /lib/x86_64-linux-gnu/libxkbcommon-x11.so.0 (0x00007f0c9c1e0000)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
"""


def ldd_saying(output):
    def run(args, **kwargs):
        assert args[0] == "ldd"
        return subprocess.CompletedProcess(args, 0, output, "")

    return run


def no_library(name: str) -> None:
    return None


def found(name: str) -> str:
    return f"lib{name}.so.0"


def none_missing(find_library) -> list[str]:
    return []


def test_every_missing_library_of_the_platform_plugin_is_named_once(tmp_path):
    plugin = tmp_path / "libqxcb.so"
    missing = missing_platform_libraries(found, plugin, ldd_saying(LDD))
    assert missing == ["libxcb-icccm.so.4", "libxcb-keysyms.so.1"]
    with_cursor = missing_platform_libraries(no_library, plugin, ldd_saying(LDD))
    assert with_cursor[-1] == "libxcb-cursor.so.0"  # Qt loads it itself: asked separately


def test_the_message_is_one_line_with_the_apt_command():
    problem = display_problem(
        {"DISPLAY": ":0"},
        "linux",
        found,
        lambda find: missing_platform_libraries(find, Path("libqxcb.so"), ldd_saying(LDD)),
    )
    assert problem == (
        "the window needs system libraries that are missing: libxcb-icccm.so.4, "
        "libxcb-keysyms.so.1 (on Debian and Ubuntu: sudo apt install libxcb-icccm4 "
        "libxcb-keysyms1)"
    )


def test_without_ldd_nothing_is_claimed(tmp_path):
    def no_ldd(args, **kwargs):
        raise FileNotFoundError("ldd")

    assert unresolved(tmp_path / "libqxcb.so", no_ldd) == []


@pytest.mark.parametrize(
    ("soname", "package"),
    [
        ("libxcb-icccm.so.4", "libxcb-icccm4"),
        ("libxcb-cursor.so.0", "libxcb-cursor0"),
        ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
        ("libX11-xcb.so.1", "libx11-xcb1"),
        ("libxcb-render-util.so.0", "libxcb-render-util0"),
    ],
)
def test_debian_package_names(soname, package):
    assert debian_package(soname) == package


def test_linux_without_a_display_says_so_and_points_to_the_commands():
    problem = display_problem({}, "linux", found)
    assert problem is not None
    assert "DISPLAY" in problem
    assert "export" in problem


def test_x11_without_the_cursor_library_names_the_package():
    problem = display_problem(
        {"DISPLAY": ":0"},
        "linux",
        no_library,
        lambda find: missing_platform_libraries(find, Path("libqxcb.so"), ldd_saying("")),
    )
    assert problem is not None
    assert "sudo apt install libxcb-cursor0" in problem


@pytest.mark.parametrize(
    ("environ", "platform", "library"),
    [
        ({"DISPLAY": ":0"}, "linux", none_missing),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", no_library),
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux", no_library),
        ({}, "darwin", no_library),
        ({}, "win32", no_library),
    ],
)
def test_a_usable_display_is_not_questioned(environ, platform, library):
    missing = library if library is none_missing else lambda find: ["libxcb-icccm.so.4"]
    assert display_problem(environ, platform, no_library, missing) is None


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


def test_missing_xcb_libraries_exit_1_with_one_line(tmp_path, capsys, monkeypatch):
    source = tmp_path / "r.txt"
    source.write_text("Hej.\n", encoding="utf-8")
    monkeypatch.setattr("sys.platform", "linux")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.setattr("korrektur.display.xcb_plugin", lambda: tmp_path / "libqxcb.so")
    monkeypatch.setattr("korrektur.display.subprocess.run", ldd_saying(LDD))
    assert main([str(source)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "libxcb-icccm.so.4, libxcb-keysyms.so.1" in err
    assert "sudo apt install libxcb-icccm4 libxcb-keysyms1" in err
