"""``korrektur corpus …``: the corpus subcommands' arguments and what each one runs.

``cli.py`` registers ``corpus`` with ``configure`` and ``run``; everything else about the
command line of corpora is here. Heavy modules are imported by the subcommand that needs
them, so ``status`` and ``concordance`` start quickly.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from pathlib import Path

from korrektur.corpus.output import EXIT_ERROR
from korrektur.corpus.project import CorpusError

HELP = "corpora: many documents, batch analysis, corpus-wide decisions and exports"


def _reviewer() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no user name in this environment
        return ""


def _jobs(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def _project(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("project", type=Path, help="the project folder")


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the corpus subcommands to ``korrektur corpus``'s parser."""
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    cpus = os.cpu_count() or 1

    init = sub.add_parser("init", help="make a project folder for a folder of sources")
    _project(init)
    init.add_argument("--sources", type=Path, required=True, help="the folder of source documents")
    init.add_argument(
        "--include",
        nargs="+",
        default=[],
        metavar="GLOB",
        help="file patterns of the documents (default: every format Korrektur reads, *.txt)",
    )

    analyse = sub.add_parser("analyse", help="analyse every new or changed document")
    _project(analyse)
    analyse.add_argument(
        "--jobs", type=_jobs, default=cpus, metavar="N", help=f"worker processes (default {cpus})"
    )
    analyse.add_argument(
        "--dask", metavar="ADDRESS", help="run on a Dask cluster (tcp://HOST:8786) instead"
    )
    analyse.add_argument("--quiet", action="store_true", help="no progress display")

    reindex = sub.add_parser("reindex", help="rebuild the index from the review files")
    _project(reindex)
    reindex.add_argument("--quiet", action="store_true", help="no progress display")
    reindex.add_argument("--jobs", type=_jobs, default=cpus, metavar="N", help="worker processes")

    status = sub.add_parser("status", help="figures per document and for the corpus")
    _project(status)
    status.add_argument("--json", action="store_true", help="one JSON object")
    status.add_argument("--summary", action="store_true", help="corpus figures only")

    report = sub.add_parser("report", help="a self-contained HTML report with charts")
    _project(report)
    report.add_argument("-o", "--output", type=Path, required=True, help="the HTML file")

    concordance = sub.add_parser("concordance", help="a word or a correction pair in context")
    _project(concordance)
    concordance.add_argument("word", nargs="?", help="the word to look for")
    concordance.add_argument(
        "--pair", nargs=2, metavar=("ORIGINAL", "REPLACEMENT"), help="a correction pair instead"
    )
    concordance.add_argument("--case", action="store_true", help="match the word's case exactly")
    concordance.add_argument("--json", action="store_true", help="one JSON object")
    concordance.add_argument("--limit", type=_jobs, metavar="N", help="show at most N")

    decide = sub.add_parser("decide", help="decide a correction pair in every document")
    _project(decide)
    what = decide.add_mutually_exclusive_group(required=True)
    what.add_argument("--pair", nargs=2, metavar=("ORIGINAL", "REPLACEMENT"))
    what.add_argument("--withdraw", metavar="RULE", help="withdraw a rule (r1, r2, …)")
    action = decide.add_mutually_exclusive_group()
    action.add_argument("--accept", action="store_true", help="accept the pair everywhere")
    action.add_argument("--reject", action="store_true", help="reject the pair everywhere")
    decide.add_argument(
        "--reviewer", default=_reviewer(), help="who decides (default: your user name)"
    )
    decide.add_argument("--jobs", type=_jobs, default=cpus, metavar="N", help="worker processes")

    export = sub.add_parser("export", help="export every reviewed document, with a manifest")
    _project(export)
    export.add_argument(
        "--format",
        required=True,
        choices=["txt", "tei", "json", "csv", "html", "docx", "hocr", "alto", "page", "pdf"],
        help="the format of the files (hocr, alto, page, pdf: scans in their own format, "
        "the corrected words written back; other documents are listed as not exported)",
    )
    export.add_argument("-o", "--output", type=Path, required=True, help="the folder (or zip)")
    export.add_argument(
        "--pending",
        choices=["raw", "proposed"],
        default="raw",
        help="undecided suggestions: raw keeps the OCR text (default), proposed applies them",
    )
    export.add_argument("--zip", action="store_true", help="write one zip archive instead")
    export.add_argument("--jobs", type=_jobs, default=cpus, metavar="N", help="worker processes")

    learned = sub.add_parser("learned", help="show what the corpus learned from decisions")
    _project(learned)
    learned.add_argument("--json", action="store_true", help="all of it, as one JSON object")
    learn = sub.add_parser("learn", help="learn from decisions and re-score pending suggestions")
    _project(learn)
    learn.add_argument("--no-rescore", action="store_true", help="leave pending suggestions")
    learn.add_argument("--quiet", action="store_true", help="no progress display")


def run(args: argparse.Namespace) -> int:
    """Run ``korrektur corpus ACTION``; problems are one line on stderr and exit 1."""
    from korrektur.corpus import actions

    handlers: dict[str, Callable[[argparse.Namespace], int]] = {
        "init": actions.init,
        "analyse": actions.analyse,
        "reindex": actions.reindex,
        "status": actions.status,
        "report": actions.report,
        "concordance": actions.concordance,
        "decide": actions.decide,
        "export": actions.export,
        "learned": _learning,
        "learn": _learning,
    }
    try:
        return handlers[args.action](args)
    except CorpusError as exc:
        print(f"korrektur: error: {exc}", file=sys.stderr)
        return EXIT_ERROR


def _learning(args: argparse.Namespace) -> int:
    """``learned`` and ``learn`` (their module loads the word engine: only when asked)."""
    from korrektur.corpus.learning import actions as learning

    return int(learning.learned(args) if args.action == "learned" else learning.learn(args))
