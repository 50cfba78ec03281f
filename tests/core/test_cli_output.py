"""The command line writes to any console and into any pipe without a traceback.

``suggest`` printed ``→`` to a Windows-1252 console (UnicodeEncodeError) and ended in a
BrokenPipeError when its reader stopped early (``korrektur suggest FILE | head -1``).
"""

from __future__ import annotations

import os
import subprocess
import sys


def _report(tmp_path):
    path = tmp_path / "rapport.txt"
    path.write_text("Forvaltningen pa skolan okar stodet.\n" * 3000, encoding="utf-8")
    return path


def test_suggest_to_a_windows_1252_console(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "korrektur", "suggest", str(_report(tmp_path)), "--kinds", "word"],
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "cp1252"},
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode("cp1252", "replace")[-2000:]
    assert b"Traceback" not in done.stderr
    assert "Förvaltningen".encode("cp1252") in done.stdout


def test_suggest_into_a_reader_that_stops_early(tmp_path):
    process = subprocess.Popen(
        [sys.executable, "-m", "korrektur", "suggest", str(_report(tmp_path)), "--kinds", "word"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None
    first = process.stdout.readline()  # `| head -1`
    process.stdout.close()
    _, err = process.communicate(timeout=300)
    assert b"Forvaltningen" in first
    assert b"Traceback" not in err, err.decode()[-2000:]
    assert b"Error" not in err
