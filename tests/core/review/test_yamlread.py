"""yamlread.load gives what PyYAML's safe loader gives, built from events where it can."""

import math

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from test_yamlio import TREES

from korrektur.store import yamlread
from korrektur.store.yamlio import dump
from korrektur.store.yamlread import load

C_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def from_events(text):
    """The event reader alone: raises where ``load`` would fall back to PyYAML's loader."""
    return yamlread._EventReader(text).document()


def outcome(read, text):
    """``read(text)`` as text that tells every value apart (1 from True, 0.0 from -0.0, NaN)."""
    try:
        return repr(read(text))
    except yaml.YAMLError as exc:
        return f"{type(exc).__name__}: {exc}"


def pyyaml(text):
    return yaml.load(text, Loader=C_LOADER)


def same_as_pyyaml(text, *, by_events=True):
    expected = outcome(pyyaml, text)
    assert outcome(load, text) == expected
    pure = outcome(yaml.safe_load, text)  # pure Python: the same values, errors worded apart
    assert pure == expected or pure.split(":")[0] == expected.split(":")[0]
    if by_events:
        assert outcome(from_events, text) == expected


KEYS = (
    st.text(max_size=8)
    | st.integers()
    | st.booleans()
    | st.none()
    | st.floats(allow_nan=False, width=32)
)
VALUES = st.recursive(
    st.text(max_size=12) | st.integers() | st.floats() | st.booleans() | st.none(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=4),
    max_leaves=16,
)


@settings(max_examples=150, deadline=None)
@given(
    data=VALUES,
    shared=VALUES,
    flow=st.sampled_from([False, True, None]),
    unicode=st.booleans(),
    width=st.sampled_from([20, 80, 10**6]),
)
def test_what_safe_dump_writes_reads_back_as_pyyaml_reads_it(data, shared, flow, unicode, width):
    document = {"data": data, "a": shared, "b": shared, "list": [shared, data]}  # aliases
    text = yaml.safe_dump(
        document, default_flow_style=flow, allow_unicode=unicode, width=width, sort_keys=False
    )
    same_as_pyyaml(text)


@settings(max_examples=100, deadline=None)
@given(st.dictionaries(st.text(min_size=1, max_size=6), TREES, min_size=1, max_size=5))
def test_what_we_dump_reads_back_from_events_as_pyyaml_reads_it(data):
    text = dump(data, comment="a comment")
    same_as_pyyaml(text)
    assert from_events(text) == data


@pytest.mark.parametrize(
    "text",
    [
        "",
        "# only a comment\n",
        "---\n",
        "--- 5\n...\n",
        "a:\n",
        "'': x\n",
        "a: &x [1, 2, {k: &s v}]\nb: *x\nc: *s\n",
        "&a [*a]\n",  # a list that holds itself
        "&m {a: *m}\n",
        "1: a\n2.5: b\nnull: c\ntrue: d\n~: e\n-7: f\n0x1F: g\n",
        "{1: a, true: b, 1.0: c}\n",  # equal keys: the last value, the first key
        "{a: 1, a: 2}\n",
        "[yes, No, on, OFF, y, n, true, False, ~, null, Null, '', '~', 'yes']\n",
        "[.nan, .NaN, .inf, -.Inf, +.INF, 1e3, 1.5e+3, -0.0, 0., .5, 685_230.15, 190:20:30.15]\n",
        "[0, -0, +4, 010, 00, 09, 0x1F, 0b11, 1_000, 1:20, -3, 12345678901234567890, '07']\n",
        "[2001-12-14, 2001-12-14t21:59:43.10-05:00, 2001-12-14 21:59:43.10, 2001-1-1]\n",
        "a: |\n  line1\n  line2\n\nb: >\n  folded\n  text\nc: |-\n  kept\nd: >+\n  x\n\n",
        'a: "multi\n  line"\nb: plain\n  continued\nc: "tab\\there \\u00e5 \\x85"\n',
        "- - - a\n    - b\n  - c\n- {x: [1, {y: z}]}\n",
        "? complex key\n: value\n",
        "%YAML 1.1\n---\na: 1\n",
    ],
)
def test_plain_data_reads_from_events_as_pyyaml_reads_it(text):
    same_as_pyyaml(text)


@pytest.mark.parametrize(
    "text",
    [
        "a: !!str 3\nb: !!binary aGVq\n",  # explicit tags
        "a: ! 4\n",
        "a: !custom 4\n",
        "a: !!set {x, y}\n",
        "!!omap [a: 1]\n",
        "base: &b {a: 1}\nm:\n  <<: *b\n  c: 2\n",  # merge keys
        "m: {<<: [{a: 1}, {b: 2}], c: 3}\n",
        "a: <<\n",
        "=: 1\n",
        "a: =\n",
        "? [a]\n: 1\n",  # keys that cannot be dict keys
        "? {a: 1}\n: 1\n",
        "a: &l [1]\n*l : 2\n",
        "a: 1\n---\nb: 2\n",  # more than one document
        "a: [1\n",  # broken
        "a: *nope\n",  # unknown alias
        "a: &x 1\nb: &x 2\nc: *x\n",  # anchor defined twice
        "a: b: c\n",
        "\t- x\n",
    ],
)
def test_anything_unusual_is_left_to_pyyaml_with_the_same_result_or_error(text):
    with pytest.raises(Exception):  # noqa: B017, PT011 - any reason the reader gives up
        from_events(text)
    same_as_pyyaml(text, by_events=False)


def test_nan_and_aliases_keep_their_meaning():
    data = load("a: &x [1, {k: .nan}]\nb: *x\nc: [.nan, -.inf]\n")
    assert data["a"] is data["b"]  # an alias of a collection is the same object
    assert math.isnan(data["a"][1]["k"])
    assert math.isnan(data["c"][0])
    assert data["c"][1] == -math.inf


def test_repeated_keys_names_and_short_texts_are_one_string_each():
    text = dump({"items": [{"status_name": "accepted", "who": "Bench"} for _ in range(3)]})
    items = load(text.encode())["items"]
    first, second = (list(item.items())[0] for item in items[:2])
    assert first == second
    assert first[0] is second[0]
    assert first[1] is second[1]
    assert items[0]["who"] is items[2]["who"]


def test_a_document_this_reader_leaves_to_pyyaml_falls_back():
    assert load("a: [1, 2]\nb: !!str 3\n") == {"a": [1, 2], "b": "3"}


@pytest.mark.parametrize(
    "text", ["a: [1\n", "a: b: c\n", "\t- x\n", "a: !!str 1\nb: [\n", "a: 1\n--- [\n", "- \x00\n"]
)
def test_a_broken_document_gets_the_parsers_error_without_a_second_reading(text, monkeypatch):
    expected = outcome(pyyaml, text)
    assert expected.startswith(("ScannerError", "ParserError", "ReaderError", "ComposerError"))
    if "!!" not in text and "---" not in text:  # else the loader reads it and meets it first
        monkeypatch.setattr(yamlread, "load_with_nodes", None)
    assert outcome(load, text) == expected
