from hypothesis import given
from hypothesis import strategies as st

from korrektur.engine.words.lines import STEP, SortedLines


def test_values_of_a_key_and_missing_keys():
    lines = sorted(f"k{i:04d}\tv{i}" for i in range(3 * STEP))
    lines += ["zz\ta", "zz\tb"]
    index = SortedLines.build(sorted(lines))
    assert index.values("k0000") == ["v0"]
    assert index.values(f"k{STEP:04d}") == [f"v{STEP}"]
    assert index.values("zz") == ["a", "b"]
    assert index.values("k") == []
    assert index.values("a") == []
    assert index.values("zzz") == []
    assert len(index) == 3 * STEP + 2


def test_empty():
    assert SortedLines.build([]).values("x") == []


keys = st.text(alphabet="abcåäö", min_size=1, max_size=4)


@given(st.lists(st.tuples(keys, st.integers(0, 3)), max_size=300))
def test_finds_exactly_the_lines_of_a_key(pairs):
    lines = sorted({f"{k}\t{v}" for k, v in pairs})
    index = SortedLines.build(lines)
    for key in {k for k, _ in pairs} | {"b", "zz"}:
        expected = [line.split("\t")[1] for line in lines if line.split("\t")[0] == key]
        assert index.values(key) == expected


def test_the_key_filter_rejects_absent_keys_without_search():
    index = SortedLines.build(["abc\t1"])
    assert sum(bin(byte).count("1") for byte in index.present) == 1
    assert index.values("abc") == ["1"]
    assert index.values("abd") == []
