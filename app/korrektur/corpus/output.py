"""What a ``korrektur corpus`` command gives back: its exit code, and JSON on stdout."""

from __future__ import annotations

import json

EXIT_OK, EXIT_ERROR = 0, 1


def print_json(data: object) -> None:
    """One JSON object on stdout."""
    print(json.dumps(data, ensure_ascii=False, indent=1))
