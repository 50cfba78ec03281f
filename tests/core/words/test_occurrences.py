from hypothesis import given, settings
from hypothesis import strategies as st

from korrektur.engine.words.occurrences import _Shapes

chunks = st.text(alphabet=st.sampled_from(list("abceoåöXYÖ.,:;!?-()/'’6&|°")), min_size=1)


@settings(max_examples=300)
@given(chunk=chunks)
def test_quick_shapes_agree_with_the_general_one(lexicon, chunk):
    shapes = _Shapes(lexicon)
    assert shapes(chunk) == shapes.general(chunk)


def test_quick_shapes_of_common_chunks(lexicon):
    shapes = _Shapes(lexicon)
    for chunk in ("skolan", "Skolan,", "slut.", "t.ex.", "NPF:", "e", "år!"):
        assert shapes(chunk) == shapes.general(chunk)
