"""The engine's memos: an answer is worked out once per key, and a full memo starts afresh."""

import gc
import weakref

import pytest

from korrektur.engine.words.memo import Memo


def test_an_answer_is_worked_out_once_and_a_full_memo_forgets_all():
    asked: list[str] = []

    def length(word: str) -> int:
        asked.append(word)
        return len(word)

    memo = Memo(length, limit=2)
    assert [memo["och"], memo["skola"], memo["och"]] == [3, 5, 3]
    assert asked == ["och", "skola"]
    assert memo["att"] == 3  # the third answer: the first two are forgotten
    assert dict(memo) == {"att": 3}
    assert memo["och"] == 3
    assert asked == ["och", "skola", "att", "och"]


class _Owner:
    def __init__(self) -> None:
        self.lengths = Memo(self._length)

    def _length(self, word: str) -> int:
        return len(word)


def test_a_memo_of_a_method_does_not_keep_its_object_alive():
    # (object → memo → method → object would be a cycle that only the collector frees)
    owner = _Owner()
    assert owner.lengths["skola"] == 5
    gone = weakref.ref(owner)
    gc.disable()
    try:
        del owner
        assert gone() is None  # freed at once, by reference counting alone
    finally:
        gc.enable()


def test_a_memo_asked_after_its_object_is_gone_says_so():
    lengths = _Owner().lengths  # the object is freed at once; its memo is kept
    with pytest.raises(ReferenceError, match="is gone"):
        lengths["skola"]
