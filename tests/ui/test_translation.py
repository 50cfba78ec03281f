"""The Swedish translation: complete, up to date with the code, and used by the window."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication

from korrektur.paths import data_path
from korrektur.ui.corpus_model import Show, Stage
from korrektur.ui.main_window import MainWindow
from korrektur.ui.theme import Theme

TS = data_path("resources", "translations", "korrektur_sv.ts")
QM = data_path("resources", "translations", "korrektur_sv.qm")
UI = Path(__file__).resolve().parents[2] / "app" / "korrektur" / "ui"


@pytest.fixture
def swedish(qapp):
    translator = QTranslator()
    assert translator.load(str(QM))
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


@pytest.mark.usefixtures("swedish")
def test_window_speaks_swedish(qtbot, services):
    assert QCoreApplication.translate("Actions", "&File") == "&Arkiv"
    window = MainWindow(services, Theme.from_palette(QApplication.palette()))
    qtbot.addWidget(window)
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&Arkiv", "&Redigera", "&Granska", "&Visa", "&Hjälp"]
    assert window.dock.search.placeholderText().startswith("Sök")


@pytest.mark.usefixtures("swedish")
def test_the_corpus_tables_names_are_translated_in_their_own_context():
    assert Stage.NOT_STARTED.text() == "ej påbörjat"
    assert Show.ALL.text() == "Alla dokument"
    assert Show.ATTENTION.text() == "Behöver åtgärdas"


def test_translation_file_is_complete_and_current(tmp_path):
    lupdate = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))
    if lupdate is None:
        pytest.skip("pyside6-lupdate is not installed")
    copy = tmp_path / "sv.ts"
    shutil.copy(TS, copy)
    sources = sorted(str(p) for p in UI.glob("*.py"))
    subprocess.run(
        [lupdate, "-no-obsolete", "-locations", "none", *sources, "-ts", str(copy)],
        check=True,
        capture_output=True,
    )
    text = copy.read_text(encoding="utf-8")
    assert 'type="unfinished"' not in text, "run `make translations` and translate new strings"
    assert "<name></name>" not in text, "a string without a context: never found at run time"
    assert text.count("<source>") == TS.read_text(encoding="utf-8").count("<source>")


def test_the_cli_gives_swedish_reasons_when_asked(tmp_path, capsys):
    from korrektur import cli

    source = tmp_path / "rapport.txt"
    source.write_text("Forvaltningen har 6kat stodet.\n", encoding="utf-8")
    assert cli.main(["suggest", str(source), "--kinds", "word", "--lang", "sv"]) == 0
    swedish = capsys.readouterr().out
    assert "ö läst som 6; 'ökat' är vanligt, '6kat' är inget ord" in swedish
    assert cli.main(["suggest", str(source), "--kinds", "word"]) == 0
    assert "ö read as 6; 'ökat' is common, '6kat' is not a word" in capsys.readouterr().out
