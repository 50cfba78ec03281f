import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from korrektur.store.yamlio import Flow, FlowMap, Name, Spaced, dump
from korrektur.store.yamlread import _EventReader, load

NAMES = st.builds(
    str.__add__, st.sampled_from("AbNnoyY"), st.text(alphabet="aefnoslu0_-", max_size=5)
)
SCALARS = (
    st.text(max_size=20)
    | NAMES.map(Name)
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.none()
    | st.booleans()
)
FLOW = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4).map(Flow)
        | st.dictionaries(NAMES, inner, max_size=4).map(FlowMap)
    ),
    max_leaves=8,
)
TREES = st.recursive(
    FLOW,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.lists(st.dictionaries(NAMES, inner, min_size=1, max_size=4), max_size=3).map(Spaced)
        | st.dictionaries(NAMES | st.text(max_size=6), inner, max_size=4)
    ),
    max_leaves=12,
)


def pyyaml(text):
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@settings(max_examples=100, deadline=None)
@given(st.dictionaries(NAMES, TREES, min_size=1, max_size=5))
def test_dump_reads_back_through_pyyaml_unchanged(data):
    assert load(dump(data, comment="a comment")) == data


def test_hand_edited_file_loads():
    assert load("source:\n  name: rapport.txt   # edited\n") == {"source": {"name": "rapport.txt"}}


def test_review_files_read_back_exactly(tmp_path):
    from review_samples import RAW, decide_most, fresh_session

    from korrektur.store.review import Review
    from korrektur.store.reviewfile import save_review, snapshot, write_snapshot

    source = tmp_path / "rapport.txt"
    source.write_text(RAW, encoding="utf-8")
    session = fresh_session(RAW + "Tab\there, \x85 NEL, ”citat”, ½ \\ back\n")
    review = Review(session, source_path=source)
    decide_most(session)
    edit = session.apply_manual_edit(3, 9, "ny: text # inte kommentar")
    save_review(review, tmp_path / "a.review.yaml", message='"quoted" message: yes')
    session.undo_manual_edit(edit)
    path = tmp_path / "b.review.yaml"
    save_review(review, path)
    text = path.read_text(encoding="utf-8")
    assert load(text) == pyyaml(text)
    assert repr(_EventReader(path.read_bytes()).document()) == repr(pyyaml(text))  # no fallback
    # a snapshot keeps the moment it was taken, whatever happens after
    snap = snapshot(review)
    session.reject(*[s.id for s in session.suggestions])
    write_snapshot(snap, tmp_path / "c.review.yaml", extra={"recovery": {"pid": 1}})
    snapped = load((tmp_path / "c.review.yaml").read_text(encoding="utf-8"))
    assert snapped["suggestions"] == pyyaml(text)["suggestions"]
    assert snapped["recovery"] == {"pid": 1}


def test_written_in_pieces_the_document_is_the_same(monkeypatch):
    import korrektur.store.yamlio as yamlio

    data = {
        "name": Name("report"),
        "items": Spaced(
            {"id": Name(f"s{i}"), "text": f"rad {i}\n", "n": [i, [i]]} for i in range(9)
        ),
        "lines": [f"line {i}" for i in range(7)],
    }
    monkeypatch.setattr(yamlio, "BATCH", 10**9)
    whole = yamlio.dump_pieces(data, comment="one\ntwo")
    monkeypatch.setattr(yamlio, "BATCH", 3)
    pieces = yamlio.dump_pieces(data, comment="one\ntwo")
    assert len(whole) == 1
    assert len(pieces) > 5
    assert all(piece.endswith("\n") for piece in pieces)
    assert "".join(pieces) == whole[0] == dump(data, comment="one\ntwo")
    assert load(whole[0]) == data


def test_empty_document():
    assert dump({}) == "\n"
    assert load(dump({}, comment="only this")) is None


def test_loading_through_nodes_returns_what_pyyaml_returns():
    import korrektur.store.yamlread as yamlread

    text = "a: &x [1, 2, 3, 4, 5]\nb: *x\nc:\n  - {k: v, l: [1, 2, 3]}\n  - [x, y, z]\nd: ''\n"
    assert yamlread.load_with_nodes(text) == load(text) == pyyaml(text)
    assert yamlread.load_with_nodes("") is None
    assert load("") is None
    assert load("# only a comment\n") is None


def test_the_fallback_loader_keeps_aliases_and_every_tag_pyyaml_knows():
    import math

    from korrektur.store.yamlread import load_with_nodes as load

    text = (
        "a: &x [1, 2, {k: &s v}]\nb: *x\nc: *s\nd: !!binary aGVq\ne: 2001-12-14\n"
        "f: [.nan, 1e3, ~, yes, '07', \"x\\ty\"]\n"
    )
    ours, theirs = load(text), pyyaml(text)
    assert ours["a"] is ours["b"]  # an alias of a collection is the same object
    assert math.isnan(ours["f"][0])
    ours["f"][0] = theirs["f"][0] = None
    assert ours == theirs
