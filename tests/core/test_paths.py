import subprocess
import sys

import pytest

from korrektur.paths import data_path, sample_report


def test_shipped_data_is_found():
    assert sample_report().is_file()
    assert data_path("lexicon").is_dir()


def test_unknown_data_folder_is_an_error():
    with pytest.raises(ValueError, match="unknown"):
        data_path("secrets")


def test_python_dash_m_runs_the_cli():
    done = subprocess.run(
        [sys.executable, "-m", "korrektur", "info", str(sample_report())],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0
    assert "pages:" in done.stdout
