"""Make a small corpus of our own texts, partly reviewed, and picture it in the corpus window.

    python tools/sample_corpus.py OUT_FOLDER [--screenshot CORPUS.png CONCORDANCE.png]

Writes seven short reports of an imagined municipality (written for Korrektur, with the
kinds of OCR damage the word engine corrects: lost å/ä/ö, ö read as 6, ä as &) into
``OUT_FOLDER/sources``, makes the project ``OUT_FOLDER/project`` and analyses it with the
word engine. Then an archivist's work so far: one report reviewed to the end, another half
way (as the review window records decisions, with a reviewer's name), a corpus rule on a
frequent correction, and what the corpus learned from it. ``--screenshot`` draws the
corpus window offscreen: the documents table with a concordance search (the README's
pictures). No development data is used.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

REPORTS = {
    "2024/budget-uppfoljning.txt": """ Ekbacka kommun
Kommunstyrelsen                                            Dnr KS 2024/311

Uppfoljning av budget for forsta halvaret

Kommunstyrelsen beslutade i mars att forvaltningen ska folja upp budgeten
varje kvartal. Under forsta halvaret har kostnaderna for skolan och
aldreomsorgen 6kat mer an vantat, medan intakterna &r i nivå med budgeten.

Forvaltningen foreslar att namnden far i uppdrag att se over kostnaderna
for lokaler och att en ny prognos tas fram till hosten.
""",
    "2024/skolans-lokaler.txt": """ Ekbacka kommun
Utbildningsforvaltningen                                   Dnr UBN 2024/87

Lokalforsorjning for grundskolan

Antalet elever i Norrby 6kar och skolan har redan i dag for fa klassrum.
Forvaltningen har undersokt tre alternativ: en tillbyggnad, paviljonger
under tva ar eller att elever i arskurs 6 flyttar till Ekbackaskolan.

En tillbyggnad &r det alternativ som ger bast forutsattningar for
eleverna pa sikt, men den kan inte sta klar forran hosten 2026.
""",
    "2024/aldreomsorg.txt": """ Ekbacka kommun
Vard- och omsorgsforvaltningen                             Dnr VON 2024/45

Kvalitet i hemtjansten

Under aret har forvaltningen mott fler aldre som vill bo kvar hemma.
Andelen brukare som &r nojda med hemtjansten har 6kat fran 81 till 86
procent. Samtidigt har personalen larmat om hog arbetsbelastning pa
kvallar och helger.

Forvaltningen foreslar att fler tjanster inrattas for kvallsarbete och
att schemat ses over tillsammans med de fackliga organisationerna.
""",
    "2025/laslyftet-1.txt": "",
    "2025/laslyftet-2.txt": "",
    "2025/laslyftet-3.txt": "",
    "2025/kultur-och-fritid.txt": """ Ekbacka kommun
Kultur- och fritidsforvaltningen                           Dnr KFN 2025/12

Biblioteket i Ekbacka

Besoken pa biblioteket har 6kat med 14 procent sedan oppettiderna
utokades. Sarskilt manga barn och unga kommer pa eftermiddagarna for
att lasa, gora laxor och delta i skrivarverkstaden.

Namnden foreslas besluta att oppettiderna pa lordagar behalls aven
under nasta ar, och att samarbetet med skolorna fortsatter.
""",
}
"""Our own reports; the three parts of the bundled sample report are added at run time."""

REVIEWER = "Anna Berg"


def write_sources(folder: Path) -> None:
    """The reports, the sample report (resources/samples) split at its pages."""
    sample = Path(__file__).resolve().parent.parent / "resources/samples/kommunrapport.txt"
    lines = sample.read_text(encoding="utf-8").split("\n")
    parts: list[list[str]] = [[]]
    for line in lines:
        if line.startswith(" Ekbacka kommun") and parts[-1]:
            parts.append([])
        parts[-1].append(line)
    for name, text in REPORTS.items():
        if not text:
            number = int(name.rsplit("-", 1)[1].split(".")[0])
            text = "\n".join(parts[number - 1]).rstrip("\n") + "\n"
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def review_some(project: Path) -> None:
    """An archivist's work so far: decisions saved as the review window saves them."""
    from korrektur.corpus.decide import decide_pair
    from korrektur.corpus.learning.learner import learn_corpus
    from korrektur.corpus.opening import open_corpus
    from korrektur.model import Status
    from korrektur.store.reviewfile import save_review
    from korrektur.store.reviewread import load_review

    for name, share in (("2024/budget-uppfoljning.txt", 1.0), ("2025/laslyftet-1.txt", 0.5)):
        path = project / "reviews" / f"{name}.review.yaml"
        review = load_review(path)
        session = review.session
        chosen = session.suggestions[: round(share * len(session.suggestions))]
        for suggestion in chosen:
            status = Status.ACCEPTED if suggestion.confidence >= 0.5 else Status.REJECTED
            session.decide([suggestion.id], status, by=REVIEWER)
        save_review(review, reviewer=REVIEWER)
        review.release()
    with open_corpus(project, "decide") as corpus:
        decide_pair(corpus, "for", "för", "accept", REVIEWER)
        learn_corpus(corpus)


def make(out: Path) -> Path:
    """The sources, the project, analysed and partly reviewed; returns the project."""
    from korrektur.corpus.batch import Analysis
    from korrektur.corpus.opening import open_corpus
    from korrektur.corpus.project import init_project
    from korrektur.corpus.runners import InlineRunner

    write_sources(out / "sources")
    project = init_project(out / "project", out / "sources").root
    with open_corpus(project, "analyse") as corpus:
        Analysis(corpus, lambda _: InlineRunner()).run()
    review_some(project)
    return project


def screenshot(project: Path, corpus_png: Path, concordance_png: Path) -> None:
    """The corpus window with a search for a correction; then its concordance pane alone."""
    import tempfile

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from korrektur.corpus.runners import InlineRunner
    from korrektur.ui.corpus_review import ReviewLink
    from korrektur.ui.corpus_service import CorpusService, Query
    from korrektur.ui.corpus_window import CorpusWindow
    from korrektur.ui.jobs import SyncPool
    from korrektur.ui.messages import ConsoleMessages
    from korrektur.ui.settings import REVIEWER as NAME
    from korrektur.ui.settings import Settings
    from korrektur.ui.theme import ThemeMode, apply_theme

    app = QApplication.instance() or QApplication([])
    apply_theme(app, ThemeMode.LIGHT)
    with tempfile.TemporaryDirectory() as scratch:
        settings = Settings.at(Path(scratch) / "settings.ini")
        settings.set(NAME, REVIEWER)
        window = CorpusWindow(
            settings,
            ConsoleMessages(),
            CorpusService(SyncPool(), rescorer=InlineRunner),
            ReviewLink(lambda: None),
        )
        window.learning.enabled = False
        window.resize(1400, 760)
        window.show()
        window.open_project(project)
        pane = window.concordance
        pane.search.setText("pa → på")
        window.search(Query("pa", "på"))
        pane.lines.selectRow(1)
        loop = QEventLoop()
        QTimer.singleShot(300, loop.quit)
        loop.exec()
        window.grab().save(str(corpus_png), "PNG", 0)
        pane.search.setText("pa")
        window.search(Query("pa"))
        pane.lines.selectRow(0)
        pane.lines.selectionModel().select(
            pane.model.index(3, 0),
            pane.lines.selectionModel().SelectionFlag.Select
            | pane.lines.selectionModel().SelectionFlag.Rows,
        )
        pane.resize(1300, 420)
        QTimer.singleShot(300, loop.quit)
        loop.exec()
        window.concordance.grab().save(str(concordance_png), "PNG", 0)
        window.close()


def main() -> int:
    args = sys.argv[1:]
    if len(args) not in (1, 4) or (len(args) == 4 and args[1] != "--screenshot"):
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    out = Path(args[0])
    if out.exists() and any(out.iterdir()):
        print(f"{out} exists and is not empty; choose a new folder", file=sys.stderr)
        return 1
    project = make(out)
    print(f"{project}: a corpus of {len(REPORTS)} reports, partly reviewed")
    if len(args) == 4:
        screenshot(project, Path(args[2]), Path(args[3]))
        print(f"pictures: {args[2]}, {args[3]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
