"""A worker process that ends itself when the process that started it is gone."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable

PARENT_CHECK = 1.0
"""Seconds between a worker's checks that the process that started it still lives."""


def watch_parent(initializer: Callable[[], None] | None = None) -> None:
    """Make this worker process end itself when its parent dies; then run ``initializer``.

    A window (or a corpus writer) killed with ``kill -9`` cannot stop its workers; without
    this they would go on working for nobody.
    """
    parent = os.getppid()

    def watch() -> None:
        while True:
            time.sleep(PARENT_CHECK)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()
    if initializer is not None:
        initializer()
