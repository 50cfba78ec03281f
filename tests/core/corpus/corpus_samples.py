"""Small OCR-like documents written for these tests, and helpers shared by them."""

from __future__ import annotations

import os
from pathlib import Path

from korrektur.corpus.batch import AnalyseReport, Analysis
from korrektur.corpus.opening import open_corpus
from korrektur.corpus.runners import InlineRunner, Runner

SAMPLES = {
    "a.txt": (
        "Rapport om skolan\n\n"
        "Forvaltningen har under aret arbetat med att forbattra skolornas resultat.\n"
        "Det ar viktigt att eleverna far stod i tid, och att larare har tid for varje elev.\n"
        "Manga skolor har okat sina resultat, men det ar fortfarande stora skillnader.\n"
    ),
    "b.txt": (
        "Uppfoljning av budget\n\n"
        "Namnden beslutade att budgeten ar i balans for hela aret.\n"
        "Kostnaderna for lokaler har okat, och det ar en utmaning for forvaltningen.\n"
        "Det behovs mer arbete med planering infor nasta ar.\n"
    ),
    "sub/c.txt": (
        "Protokoll\n\n"
        "Styrelsen konstaterade att det ar svart att rekrytera larare.\n"
        "Fragan om lokaler for forskolan tas upp pa nasta mote.\n"
    ),
}

LATER = "Bilaga\n\nDet ar bra att namnden foljer upp arbetet for eleverna.\n"

HOCR = """<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>scan</title>
<meta name="ocr-system" content="test"/></head><body>
<div class="ocr_page" id="page_1" title="image page-1.png; bbox 0 0 1000 1400">
<p class="ocr_par"><span class="ocr_line" title="bbox 100 100 900 140">
<span class="ocrx_word" title="bbox 100 100 300 140; x_wconf 90">Forvaltningen</span>
<span class="ocrx_word" title="bbox 320 100 400 140; x_wconf 90">har</span>
<span class="ocrx_word" title="bbox 420 100 600 140; x_wconf 60">beslutat</span>
<span class="ocrx_word" title="bbox 620 100 700 140; x_wconf 90">att</span>
<span class="ocrx_word" title="bbox 720 100 780 140; x_wconf 90">det</span>
<span class="ocrx_word" title="bbox 800 100 840 140; x_wconf 90">ar</span>
<span class="ocrx_word" title="bbox 850 100 900 140; x_wconf 90">bra.</span>
</span></p></div></body></html>
"""


def write_sources(folder: Path, samples: dict[str, str] = SAMPLES) -> Path:
    """Write the sample documents into ``folder``."""
    for name, text in samples.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


def analyse(root: Path, runner: Runner | None = None) -> AnalyseReport:
    """Run ``corpus analyse`` in this process."""
    with open_corpus(root, "analyse") as corpus:
        return Analysis(corpus, lambda _: runner or InlineRunner()).run()


def die(number: int) -> int:
    """A task that kills its worker process when given 13, else doubles its number."""
    if number == 13:
        os._exit(3)
    return number * 2


def process_of(number: int) -> int:
    """The process a task ran in."""
    return os.getpid()
