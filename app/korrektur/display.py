"""Whether a window can be opened here, asked before Qt is loaded.

Qt aborts the whole process with a page of plugin diagnostics when it finds no display or
lacks a system library; a clerk should get one line that says what to do instead.
"""

from __future__ import annotations

import ctypes.util
import os
import sys
from collections.abc import Callable, Mapping

# Qt 6.5 and later need this library for its X11 (xcb) platform plugin.
XCB_CURSOR = "xcb-cursor"


def display_problem(
    environ: Mapping[str, str] | None = None,
    platform: str | None = None,
    find_library: Callable[[str], str | None] = ctypes.util.find_library,
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
    if not env.get("WAYLAND_DISPLAY") and find_library(XCB_CURSOR) is None:
        return (
            "the window needs the system library libxcb-cursor0 (on Debian and Ubuntu: "
            "sudo apt install libxcb-cursor0)"
        )
    return None
