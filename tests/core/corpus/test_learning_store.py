"""learned.yaml: written and read back, the reviewer's edits told apart, kept and laid over."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from korrektur.corpus.learning.estimate import Learned, PairRecord, Point
from korrektur.corpus.learning.store import (
    FILE,
    WRITTEN,
    Edits,
    changes,
    read_learned,
    read_written,
    write_learned,
)
from korrektur.corpus.project import CorpusError

WHEN = "2026-01-02T03:04:05Z"


def state() -> Learned:
    return Learned(
        documents=2,
        decisions=12,
        words_reviewed=900,
        words={"Kallby": 3, "Tärnqvist": 1},
        pairs=[
            PairRecord("ar", "är", 5, 0, 4, 0.8),
            PairRecord("for", "för", 1, 2, 1, -1.2),
        ],
        calibration=[Point(0.7, 0.65, 8), Point(0.95, 0.97, 4)],
        confusions={"confusions": {"a>ä": 6}, "gold_chars": {"ä": 40}},
        misprints={"ar": 30, "na": 9},
        ranges={"en_dash": 3, "hyphen": 1},
    )


def test_the_file_reads_back_what_was_written(tmp_path: Path) -> None:
    learned = state()
    write_learned(tmp_path, learned, Edits(), WHEN)
    found = read_learned(tmp_path)
    assert found is not None
    again, edits = found
    assert again == learned
    assert again.digest() == learned.digest()
    assert not edits
    assert read_written(tmp_path) == learned
    text = (tmp_path / FILE).read_text(encoding="utf-8")
    assert text.startswith("#")  # says what it is, for the person who opens it
    assert "Tärnqvist" in text  # readable, not escaped


def test_no_file_is_nothing_learned_and_a_damaged_copy_is_no_copy(tmp_path: Path) -> None:
    assert read_learned(tmp_path) is None
    assert read_written(tmp_path) is None
    (tmp_path / WRITTEN).write_text("written: [not, a, map]\n", encoding="utf-8")
    assert read_written(tmp_path) is None


def test_changes_name_exactly_what_the_reviewer_changed() -> None:
    written = state()
    found = state()
    del found.words["Tärnqvist"]  # unlearned
    found.words["kallby"] = 3  # respelled: the same word, a new spelling
    del found.words["Kallby"]
    found.words["Ekerö"] = 2  # taught
    found.pairs = [PairRecord("ar", "är", 5, 0, 4, 2.0)]  # offset changed, "for" deleted
    found.confusions = {"confusions": {"a>ä": 6, "o>ö": 1}}  # one added, gold_chars gone
    found.misprints = {"ar": 30, "har": 12}  # "na" is a word after all; "har" is not
    edits = changes(written, found)
    assert edits.words == {"Tärnqvist": 0, "kallby": 3, "Ekerö": 2}
    assert edits.pairs == {
        ("ar", "är"): PairRecord("ar", "är", 5, 0, 4, 2.0),
        ("for", "för"): None,
    }
    assert edits.calibration is None  # untouched
    assert edits.confusions == {"confusions": {"o>ö": 1}, "gold_chars": {"ä": 0}}
    assert edits.misprints == {"na": 0, "har": 12}
    assert not changes(written, state())


def test_edits_laid_over_a_new_estimate_keep_their_word() -> None:
    edits = Edits(
        words={"Tärnqvist": 0, "Ekerö": 2, "kallby": 7},
        pairs={("for", "för"): None, ("pa", "på"): PairRecord("pa", "på", 0, 0, 0, -3.0)},
        calibration=[],
        confusions={"confusions": {"a>ä": 0}},
        misprints={"na": 0, "Har": 12},
    )
    newer = state()
    newer.words["Lundqvist"] = 1  # learned since
    applied = edits.apply(newer)
    assert applied.words == {"Ekerö": 2, "Lundqvist": 1, "kallby": 7}
    assert [p.key for p in applied.pairs] == [("ar", "är"), ("pa", "på")]
    assert applied.calibration == []  # the reviewer removed the calibration
    assert applied.confusions["confusions"] == {}
    assert applied.confusions["gold_chars"] == {"ä": 40}
    assert applied.misprints == {"ar": 30, "har": 12}
    assert newer.words["Tärnqvist"] == 1  # the estimate itself is left as it was


def test_newer_edits_win_over_older_ones() -> None:
    older = Edits(words={"Kallby": 0, "Ekerö": 1}, calibration=[Point(0.5, 0.4, 1)])
    newer = Edits(words={"Kallby": 2}, confusions={"confusions": {"a>ä": 0}})
    merged = older.merged(newer)
    assert merged.words == {"Kallby": 2, "Ekerö": 1}
    assert merged.calibration == [Point(0.5, 0.4, 1)]  # kept: the newer ones left it alone
    assert merged.confusions == {"confusions": {"a>ä": 0}}


def test_edits_survive_the_file(tmp_path: Path) -> None:
    edits = Edits(
        words={"Tärnqvist": 0},
        pairs={("for", "för"): None, ("ar", "är"): PairRecord("ar", "är", 5, 0, 4, 2.0)},
        calibration=[Point(0.9, 0.8, 0)],
        confusions={"confusions": {"a>ä": 0}},
        misprints={"na": 0},
    )
    write_learned(tmp_path, edits.apply(state()), edits, WHEN)
    found = read_learned(tmp_path)
    assert found is not None
    _, again = found
    assert again == edits


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("calibration: [{engine: 0.5, corpus: 1.5}]", "damaged"),
        ("pairs: [{original: ar}]", "damaged"),
        ("edits: {words: {Kallby: many}}", "edits are damaged"),
        ("words: [Kallby]", "damaged"),
    ],
)
def test_a_damaged_file_says_what_to_do(tmp_path: Path, body: str, message: str) -> None:
    header = "format: korrektur-learned\nformat_version: 1\n"
    (tmp_path / FILE).write_text(header + body + "\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=message):
        read_learned(tmp_path)


def test_writing_keeps_the_old_files_when_it_cannot(tmp_path: Path) -> None:
    write_learned(tmp_path, state(), Edits(), WHEN)
    before = (tmp_path / FILE).read_bytes()
    (tmp_path / WRITTEN).unlink()
    (tmp_path / WRITTEN).mkdir()  # a folder where the copy goes: the write fails
    with pytest.raises(CorpusError):
        write_learned(tmp_path, Learned(), Edits(), WHEN)
    assert (tmp_path / FILE).read_bytes() == before
    assert yaml.safe_load(before)["words"] == {"Kallby": 3, "Tärnqvist": 1}


def test_the_number_ranges_are_edited_like_the_rest(tmp_path: Path) -> None:
    written = state()
    write_learned(tmp_path, written, Edits(), WHEN)
    path = tmp_path / FILE
    text = path.read_text(encoding="utf-8")
    assert "number_ranges: {en_dash: 3, hyphen: 1}" in text
    # the archivist's collection keeps its hyphens: they say so in the file
    path.write_text(text.replace("{en_dash: 3, hyphen: 1}", "{en_dash: 3, hyphen: 9}"), "utf-8")
    found = read_learned(tmp_path)
    assert found is not None
    assert found[0].ranges == {"en_dash": 3, "hyphen": 9}
    edits = changes(written, found[0])
    assert edits.ranges == {"hyphen": 9}
    newer = state()
    newer.ranges = {"en_dash": 5, "hyphen": 1}  # learned again from more documents
    assert edits.apply(newer).ranges == {"en_dash": 5, "hyphen": 9}
    write_learned(tmp_path, edits.apply(newer), edits, WHEN)
    again = read_learned(tmp_path)
    assert again is not None
    assert again[1].ranges == {"hyphen": 9}  # the edit kept, listed as the reviewer's
    path.write_text(text.replace("{en_dash: 3, hyphen: 1}", "{en_dash: -1}"), "utf-8")
    with pytest.raises(CorpusError, match="number_ranges"):
        read_learned(tmp_path)
