"""Whether a window can be opened here, asked before Qt is loaded.

Qt aborts the whole process with a page of plugin diagnostics when it finds no display or
lacks a system library, and its message may blame a library that is installed; a clerk
should get one line that names every missing library and the command that installs them.
"""

from __future__ import annotations

import ctypes.util
import importlib.util
import os
import re
import subprocess
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

# Qt 6.5 and later need this library for its X11 (xcb) platform plugin; Qt loads it itself,
# so the plugin's own dependencies do not show it.
XCB_CURSOR = "xcb-cursor"
XCB_CURSOR_SONAME = "libxcb-cursor.so.0"

_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found", re.MULTILINE)
_SONAME = re.compile(r"^(lib[\w+.-]*?)\.so\.(\d+)")

Finder = Callable[[str], str | None]


def xcb_plugin() -> Path | None:
    """The X11 platform plugin of the installed PySide6, found without importing Qt."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        plugin = Path(folder) / "Qt" / "plugins" / "platforms" / "libqxcb.so"
        if plugin.is_file():
            return plugin
    return None


def unresolved(library: Path, run: Callable[..., subprocess.CompletedProcess[str]]) -> list[str]:
    """The shared libraries ``library`` needs (directly or not) that the loader cannot find.

    Asks ``ldd``; on a system without it nothing is reported (Qt will say what it lacks).
    """
    try:
        result = run(["ldd", str(library)], capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return []
    return list(dict.fromkeys(_NOT_FOUND.findall(result.stdout)))


def missing_platform_libraries(
    find_library: Finder = ctypes.util.find_library,
    plugin: Path | None = None,
    run: Callable[..., subprocess.CompletedProcess[str]] | None = None,
) -> list[str]:
    """Every system library the X11 platform plugin (default: PySide6's) needs and lacks."""
    plugin = plugin if plugin is not None else xcb_plugin()
    missing = unresolved(plugin, run or subprocess.run) if plugin is not None else []
    if find_library(XCB_CURSOR) is None and XCB_CURSOR_SONAME not in missing:
        missing.append(XCB_CURSOR_SONAME)
    return missing


def debian_package(soname: str) -> str:
    """The Debian/Ubuntu package that ships a library (``libxcb-icccm.so.4`` → ``libxcb-icccm4``).

    Debian names library packages after the soname: its name in lower case with the major
    version appended, joined by a hyphen when the name ends in a digit.
    """
    match = _SONAME.match(soname)
    if match is None:
        return soname
    name, major = match[1].lower(), match[2]
    return f"{name}-{major}" if name[-1].isdigit() else f"{name}{major}"


def display_problem(
    environ: Mapping[str, str] | None = None,
    platform: str | None = None,
    find_library: Finder = ctypes.util.find_library,
    missing: Callable[[Finder], list[str]] = missing_platform_libraries,
) -> str | None:
    """Why no window can be opened on this machine, or None when it probably can."""
    env = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if not platform.startswith("linux") or env.get("QT_QPA_PLATFORM"):
        return None  # macOS and Windows always have their platform; a chosen one is respected
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        return (
            "there is no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY "
            "is set); the commands info, suggest, apply, versions and export work without one"
        )
    if env.get("WAYLAND_DISPLAY"):
        return None
    lacking = missing(find_library)
    if not lacking:
        return None
    packages = " ".join(dict.fromkeys(debian_package(name) for name in lacking))
    return (
        f"the window needs system libraries that are missing: {', '.join(lacking)} "
        f"(on Debian and Ubuntu: sudo apt install {packages})"
    )
