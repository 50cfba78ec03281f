"""Open → review → save → reopen → export, and a save killed halfway, end to end."""

import json
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import docx
from lxml import etree

from korrektur import cli
from korrektur.model import Kind, Status, Suggestion
from korrektur.store.reviewfile import save_review
from korrektur.store.reviewread import load_review
from korrektur.workspace.opening import open_source

TEXT = ("Forvaltningen har 6kat stodet pa skolan.\n\nDet &r bra att eleverna får läsa mer.\n") * 40

WORDS = {
    "Forvaltningen": "Förvaltningen",
    "6kat": "ökat",
    "stodet": "stödet",
    "pa": "på",
    "&r": "är",
}


def analyse(document):
    found = []
    for token in document.tokens:
        word = document.text[token.start : token.end]
        if word in WORDS:
            found.append(
                Suggestion(
                    f"s{len(found) + 1}",
                    token.start,
                    token.end,
                    word,
                    WORDS[word],
                    frozenset({Kind.DIACRITIC}),
                    0.9,
                )
            )
    return found


def test_review_save_reopen_export(tmp_path, capsys):
    source = tmp_path / "rapport.txt"
    source.write_bytes(TEXT.replace("\n", "\r\n").encode("cp1252"))
    review, _ = open_source(source, analyse, reviewer="Anna")
    ids = [s.id for s in review.session.suggestions]
    review.session.accept(*ids[:100])
    review.session.reject(*ids[100:150])
    save_review(review, message="första")

    again, report = open_source(source, analyse, reviewer="Anna")
    assert report.messages() == []
    assert [(s.id, s.status) for s in again.session.suggestions] == [
        (s.id, s.status) for s in review.session.suggestions
    ]
    assert again.session.document.encoding_label == "Windows-1252"

    outputs = {}
    for name, suffix in [
        ("txt", ".txt"),
        ("tei", ".xml"),
        ("json", ".json"),
        ("csv", ".csv"),
        ("html", ".html"),
        ("docx", ".docx"),
    ]:
        out = tmp_path / f"export{suffix}"
        assert cli.main(["export", str(source), "--format", name, "-o", str(out)]) == 0
        outputs[name] = out
    text = outputs["txt"].read_bytes().decode("utf-8")
    assert text.startswith("Förvaltningen har ökat stödet på skolan.\r\n")
    assert text.count("\r\n") == TEXT.count("\n")
    tei = etree.parse(str(outputs["tei"])).getroot()
    assert len(tei.findall(".//{http://www.tei-c.org/ns/1.0}choice")) == 100
    assert json.loads(outputs["json"].read_text(encoding="utf-8"))["counts"]["accepted"] == 100
    assert outputs["csv"].read_text(encoding="utf-8-sig").count("\n") == len(ids) + 1
    paragraphs = docx.Document(str(outputs["docx"])).paragraphs
    assert paragraphs[0].text == "Förvaltningen har ökat stödet på skolan."
    assert "<script" not in outputs["html"].read_text(encoding="utf-8")
    capsys.readouterr()
    assert cli.main(["versions", str(source)]) == 0
    assert "första" in capsys.readouterr().out


SAVER = """
import os, sys, time
from pathlib import Path
sys.path.insert(0, {here!r})
from test_store_roundtrip import analyse
from korrektur.workspace.opening import open_source
from korrektur.store.reviewfile import save_review

review, _ = open_source(Path({source!r}), analyse)
save_review(review)
print("saved", flush=True)
sys.stdin.readline()


def stuck(fd):  # the new file's data is written: freeze here and wait to be killed
    print("writing", flush=True)
    time.sleep(60)


os.fsync = stuck
review.session.accept(*[s.id for s in review.session.suggestions])
save_review(review)
"""


def test_a_save_killed_while_writing_leaves_the_old_file(tmp_path):
    source = tmp_path / "rapport.txt"
    source.write_text(TEXT * 10, encoding="utf-8")
    saved = tmp_path / "rapport.review.yaml"
    here = str(Path(__file__).parent)
    script = textwrap.dedent(SAVER).format(here=here, source=str(source))
    child = subprocess.Popen(
        [sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert child.stdout.readline().strip() == "saved"
        before = saved.read_bytes()
        child.stdin.write("go\n")
        child.stdin.flush()
        assert child.stdout.readline().strip() == "writing"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    assert saved.read_bytes() == before
    review = load_review(saved)
    assert len(review.history) == 1
    assert all(s.status is Status.PENDING for s in review.session.suggestions)
    # the killed writer's temporary file is left beside it, never in its place
    leftovers = sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp"))
    assert len(leftovers) == 1
    assert leftovers[0].startswith(".rapport.review.yaml.")
