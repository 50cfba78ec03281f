import pytest

from korrektur.engine.words.calibration import Calibration, load_calibration


def test_interpolates_between_points():
    calibration = Calibration(((0.0, 0.0), (0.5, 0.2), (1.0, 0.9)))
    assert calibration.confidence(0.0) == 0.0
    assert calibration.confidence(0.25) == pytest.approx(0.1)
    assert calibration.confidence(0.75) == pytest.approx(0.55)
    assert calibration.confidence(1.0) == pytest.approx(0.9)
    assert calibration.confidence(2.0) == pytest.approx(0.9)


def test_identity_without_a_file(tmp_path):
    calibration = load_calibration(tmp_path / "missing.yaml")
    assert calibration.confidence(0.42) == pytest.approx(0.42)


def test_shipped_calibration_is_monotone():
    calibration = load_calibration()
    values = [calibration.confidence(p / 100) for p in range(101)]
    assert values == sorted(values)
    assert values[0] >= 0.0
    assert values[-1] <= 1.0
