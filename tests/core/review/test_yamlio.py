import yaml
from hypothesis import given
from hypothesis import strategies as st

from korrektur.store.yamlio import Flow, FlowMap, Name, Spaced, dump, load, scalar

LOADERS = [yaml.SafeLoader, getattr(yaml, "CSafeLoader", yaml.SafeLoader)]


def both(text):
    results = [yaml.load(text, Loader=loader) for loader in LOADERS]
    assert results[0] == results[-1]
    return results[0]


@given(st.text())
def test_any_string_round_trips(value):
    assert both(f"v: {scalar(value)}\n") == {"v": value}


@given(st.floats(allow_nan=False) | st.integers() | st.none() | st.booleans())
def test_numbers_and_constants_round_trip(value):
    assert both(f"v: {scalar(value)}\n") == {"v": value}


def test_names_are_plain_unless_risky_and_text_is_always_quoted():
    for value in ["yes", "No", "null", "1.5", "2026-01-01", "- item", "a: b", "#x", "s1..s9"]:
        assert both(f"v: {scalar(Name(value))}\n") == {"v": value}
    assert scalar(Name("s17")) == "s17"
    assert scalar(Name("s1..s9")) == "s1..s9"
    assert scalar(Name("on")) == '"on"'
    assert scalar("s17") == '"s17"'
    assert scalar("\u2028") == '"\\u2028"'
    assert scalar(1e-05) == "1.0e-05"


def test_layout_is_stable_and_readable():
    data = {
        "format": Name("korrektur-review"),
        "source": {"name": "rapport.txt", "size": 12},
        "versions": Spaced(
            [{"number": 1, "changes": Flow([FlowMap(id=Name("s1"), status=Name("accepted"))])}]
        ),
        "suggestions": Spaced(
            [{"id": Name("s1"), "kinds": Flow([Name("diacritic")]), "alternatives": Flow([])}]
        ),
        "lines": ["för", "  x  "],
    }
    text = dump(data, comment="header")
    assert text == (
        "# header\n\n"
        "format: korrektur-review\n\n"
        'source:\n  name: "rapport.txt"\n  size: 12\n\n'
        "versions:\n\n- number: 1\n  changes:\n  - {id: s1, status: accepted}\n\n"
        "suggestions:\n\n- id: s1\n  kinds: [diacritic]\n  alternatives: []\n\n"
        'lines:\n- "för"\n- "  x  "\n'
    )
    assert load(text) == {
        "format": "korrektur-review",
        "source": {"name": "rapport.txt", "size": 12},
        "versions": [{"number": 1, "changes": [{"id": "s1", "status": "accepted"}]}],
        "suggestions": [{"id": "s1", "kinds": ["diacritic"], "alternatives": []}],
        "lines": ["för", "  x  "],
    }
