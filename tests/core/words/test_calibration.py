import pytest
import yaml

from korrektur.engine.words.calibration import (
    NEAR,
    PLAIN,
    VALID_CEILING,
    Calibration,
    Written,
    capped,
    fit,
    fit_kinds,
    isotonic,
    load_calibration,
    to_yaml,
)

NO_WORD, RARE_WORD, WORD = Written.NO_WORD, Written.RARE_WORD, Written.WORD


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


def test_isotonic_fit_is_monotone_and_cautious():
    pairs = [(0.5, False), (0.6, True), (0.7, False), (0.9, True), (0.95, True), (0.99, True)]
    blocks = isotonic(pairs)
    accuracies = [accuracy for _, accuracy, _ in blocks]
    assert accuracies == sorted(accuracies)
    assert all(accuracy < 1.0 for accuracy in accuracies)  # never certain from few samples
    points = fit(pairs).points
    assert points[0] == (0.0, 0.0)
    assert [x for x, _ in points] == sorted(x for x, _ in points)


def test_fit_pools_a_dip_and_follows_the_shares():
    # 0.6 is wrong more often than 0.5: the two are pooled into one block.
    pairs = [(0.5, True)] * 6 + [(0.5, False)] * 4 + [(0.6, True)] * 2 + [(0.6, False)] * 8
    pairs += [(0.99, True)] * 98 + [(0.99, False)] * 2
    blocks = isotonic(pairs)
    assert [size for _, _, size in blocks] == [20, 100]
    assert blocks[0][1] == pytest.approx((8 + 1) / (20 + 2))
    calibration = fit(pairs)
    assert calibration.confidence(0.99) == pytest.approx((98 + 1) / (100 + 2))
    assert calibration.confidence(1.0) == pytest.approx((98 + 1) / (100 + 2))
    assert calibration.confidence(0.2) < calibration.confidence(0.55)


def test_fit_of_nothing_is_cautious():
    assert fit([]).confidence(0.99) == 0.0


def test_each_kind_of_evidence_gets_its_own_map(tmp_path):
    # The sentence-decided suggestions are right more often than the plain ones at the same
    # model probability: each kind with enough samples is fitted on its own.
    samples = [(0.99, True, "context", NO_WORD)] * 300
    samples += [(0.99, True, "plain", NO_WORD)] * 270 + [(0.99, False, "plain", NO_WORD)] * 30
    samples += [(0.99, True, "other", NO_WORD)] * 5
    calibration = fit_kinds(samples)
    assert dict(calibration.kinds).keys() == {"context", "plain"}
    assert calibration.confidence(0.99, "context") == pytest.approx(301 / 302)
    assert calibration.confidence(0.99, "plain") == pytest.approx(271 / 302)
    # a kind without a map of its own gets the map of all samples
    assert calibration.confidence(0.99, "other") == pytest.approx((575 + 1) / (605 + 2))
    path = tmp_path / "calibration.yaml"
    path.write_text(yaml.safe_dump(to_yaml(calibration)), encoding="utf-8")
    again = load_calibration(path)
    assert again.confidence(0.99, "plain") == pytest.approx(calibration.confidence(0.99, "plain"))
    assert again.confidence(0.99, "context") == pytest.approx(301 / 302)


def test_a_rare_kind_may_not_claim_more_than_it_has_earned():
    # 20 near misses, 16 right: too few for a curve; the pooled map is capped at their share.
    samples = [(p / 100, True, PLAIN, NO_WORD) for p in range(50, 100)] * 10
    samples += [(0.999, True, NEAR, NO_WORD)] * 16 + [(0.999, False, NEAR, NO_WORD)] * 4
    calibration = fit_kinds(samples)
    share = (16 + 1) / (20 + 2)
    assert calibration.confidence(0.999, NEAR) == pytest.approx(share)
    assert calibration.confidence(0.999, PLAIN) > 0.95
    assert calibration.confidence(0.6, NEAR) <= calibration.confidence(0.6, PLAIN)


def test_capping_keeps_the_map_monotone_and_below_the_ceiling():
    points = ((0.0, 0.0), (0.5, 0.4), (0.9, 0.95), (1.0, 0.99))
    low = capped(points, 0.8)
    assert max(y for _, y in low) == pytest.approx(0.8)
    assert [y for _, y in low] == sorted(y for _, y in low)
    below = Calibration(points).confidence(0.7)
    assert Calibration(low).confidence(0.7) == pytest.approx(min(below, 0.8))


def test_a_valid_word_is_bulk_safe_only_above_every_wrong_change_of_one(tmp_path):
    # Changes of known words were wrong at probabilities up to 0.97 (a rare word's change
    # counts too); other changes never.
    samples = [(0.95, True, PLAIN, WORD)] * 200 + [(0.97, False, PLAIN, RARE_WORD)] * 2
    samples += [(0.95, True, PLAIN, NO_WORD)] * 200 + [(0.999, True, PLAIN, WORD)] * 300
    calibration = fit_kinds(samples)
    assert 0.97 < calibration.valid_floor < 0.971
    assert calibration.confidence(0.96, PLAIN, WORD) == VALID_CEILING
    assert calibration.confidence(0.96, PLAIN, NO_WORD) > 0.95
    assert calibration.confidence(0.96, PLAIN, RARE_WORD) > 0.95  # a misreading: not held
    assert calibration.confidence(0.999, PLAIN, WORD) > 0.99
    path = tmp_path / "calibration.yaml"
    path.write_text(yaml.safe_dump(to_yaml(calibration)), encoding="utf-8")
    assert load_calibration(path).valid_floor == calibration.valid_floor
