import pytest
from structure_support import WordListOracle, edits_of, restructure

from korrektur.engine import Engine
from korrektur.engine.structure import structure_analyzers
from korrektur.engine.structure.hyphenation import HyphenMode, decide
from korrektur.model import KIND_GROUPS, Document, Kind, ReviewSession, Suggestion

ORACLE = WordListOracle()


@pytest.mark.parametrize(
    ("left", "right", "mode"),
    [
        ("Uppfolj-", "ningen", HyphenMode.JOIN),
        ("6verenskom-", "melsen", HyphenMode.JOIN),  # an OCR digit is no code
        ("grund-", "och", HyphenMode.SUSPENDED),
        ("in-", "och", HyphenMode.SUSPENDED),
        ("förskole-", "eller", HyphenMode.SUSPENDED),
        ("KSBS-", "insats", HyphenMode.KEEP),
        ("FoU-", "enheten", HyphenMode.KEEP),
        ("F-", "9", HyphenMode.KEEP),
        ("2021-", "2024", HyphenMode.KEEP),
        ("F-9-", "skolorna", HyphenMode.KEEP),
        ("icke-", "statliga", HyphenMode.KEEP),
        ("Stockholms-", "Uppsala", HyphenMode.KEEP),
    ],
)
def test_decisions(left, right, mode):
    assert decide(left, right, ORACLE).mode is mode


def test_known_join_is_surer_than_an_unknown_one():
    known = decide("Uppfolj-", "ningen", ORACLE)
    unknown = decide("Xyzzy-", "plugh", ORACLE)
    assert known.mode is unknown.mode is HyphenMode.JOIN
    assert known.confidence > unknown.confidence
    assert "Uppföljningen" in known.reason


def test_join_deletes_only_the_hyphen_and_the_line_break():
    text = "Förvaltningens uppfölj-\n   ningen omfattar skolor.\n"
    (edit,) = edits_of(text, "hyphenation")
    assert text[edit.start : edit.end] == "-\n   "
    assert edit.replacement == ""
    assert restructure(text) == "Förvaltningens uppföljningen omfattar skolor.\n"


class FragmentFixer:
    """A stand-in word engine that puts the diacritic into the first fragment."""

    name = "words"
    kinds = frozenset({Kind.DIACRITIC})

    def analyse(self, document, progress):
        start = document.text.index("Uppfolj")
        return [Suggestion("", start, start + 7, "Uppfolj", "Uppfölj", frozenset(self.kinds), 0.9)]


def test_hyphen_join_and_word_fix_on_the_fragment_combine():
    document = Document.from_text("Arbetet har följts upp. Uppfolj-\nningen omfattar skolor.\n")
    engine = Engine([*structure_analyzers(ORACLE), FragmentFixer()])
    session = ReviewSession(document, engine.analyse(document))
    kinds = {s.kinds_label for s in session.suggestions}
    assert {"hyphenation", "diacritic"} <= kinds
    rendered = session.render(KIND_GROUPS["all"])
    assert rendered == "Arbetet har följts upp. Uppföljningen omfattar skolor.\n"
    # Word fixes alone keep the lines (and the hyphen) as they are.
    assert session.render(KIND_GROUPS["word"]).splitlines()[0].endswith("Uppfölj-")


def test_suspended_hyphen_at_line_end_keeps_hyphen_and_gets_a_space():
    text = "Rutinerna ska vara gemensamma för grund-\noch gymnasieskola.\n"
    (edit,) = edits_of(text, "hyphenation")
    assert text[edit.start : edit.end] == "\n"
    assert edit.replacement == " "
    assert restructure(text) == "Rutinerna ska vara gemensamma för grund- och gymnasieskola.\n"


def test_suspended_hyphen_inside_a_line_is_untouched():
    text = "Statistik över in- och utflyttningar samt grund- och gymnasieskola.\n"
    assert restructure(text) == text


@pytest.mark.parametrize(
    ("raw", "joined"),
    [
        ("Skolorna inom F-\n9 har arbetat med det.\n", "F-9"),
        ("Planen gäller 2021-\n2024 och följs upp.\n", "2021-2024"),
        ("Insatsen kallas KSBS-\ninsats i rapporten.\n", "KSBS-insats"),
        ("Frågan gick till FoU-\nenheten i kommunen.\n", "FoU-enheten"),
    ],
)
def test_real_hyphens_at_line_end_are_kept(raw, joined):
    result = restructure(raw)
    assert joined in result
    assert "\n" not in result.rstrip("\n")


def test_codes_and_ranges_inside_lines_are_untouched():
    text = "Dnr UTBF 2024/6786 gäller F-9 och åren 2021-2024 för KSBS-insats och FoU-enheten.\n"
    assert restructure(text) == text
