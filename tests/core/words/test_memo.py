"""The engine's memos: an answer is worked out once per key, and a full memo starts afresh."""

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
