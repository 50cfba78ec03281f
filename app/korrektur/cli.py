"""Command line: ``korrektur [FILE]`` opens the window; subcommands work without it."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from korrektur import __version__
from korrektur.corpus import command as corpus_command
from korrektur.display import display_problem
from korrektur.engine import Engine
from korrektur.formats.exporters import EXPORTERS, export_to_bytes, format_for
from korrektur.formats.reading import ExportOptions, Pending
from korrektur.formats.sources import read_document
from korrektur.formats.suggestions_json import document_summary, suggestions_payload
from korrektur.formats.write_alto import write_alto_folder
from korrektur.formats.write_page import write_page_folder
from korrektur.formats.writeback import WriteBackError
from korrektur.gcpause import gc_paused
from korrektur.model import KIND_GROUPS, Document, DocumentError, ReviewSession, Status, Suggestion
from korrektur.model.newlines import restore_newlines
from korrektur.progress import TerminalProgress
from korrektur.store.atomic import WriteError, atomic_write_text
from korrektur.store.compare import compare_versions
from korrektur.store.history import Version
from korrektur.store.lock import review_lock, stamp_of
from korrektur.store.resume import find_review
from korrektur.store.review import Review
from korrektur.store.reviewfile import SUFFIX
from korrektur.store.reviewread import load_review
from korrektur.store.validate import ReviewFileError
from korrektur.workspace.opening import source_warnings
from korrektur.workspace.workspace import Workspace

if TYPE_CHECKING:
    from korrektur.engine import Profile

EXIT_OK = 0
EXIT_USER_ERROR = 1
EXIT_USAGE = 2

FOLDER_WRITERS = {"alto": write_alto_folder, "page": write_page_folder}

SOURCE_HELP = "an OCR text, hOCR, ALTO or PAGE XML file (or folder), or a searchable PDF"

NEWLINE_NAMES = {"\n": "LF (Unix)", "\r\n": "CRLF (Windows)", "\r": "CR (classic Mac)"}


class UserError(Exception):
    """Something the user can fix; printed as one line, exit code 1."""


Command = Callable[[argparse.Namespace], int]
COMMANDS: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None], Command]] = {}


def command(
    name: str, help_text: str, configure: Callable[[argparse.ArgumentParser], None]
) -> Callable[[Command], Command]:
    """Register a subcommand with the function that adds its arguments."""

    def register(func: Command) -> Command:
        COMMANDS[name] = (help_text, configure, func)
        return func

    return register


def _load(path: str) -> Document:
    try:
        document = read_document(path)
    except DocumentError as exc:
        raise UserError(str(exc)) from exc
    _warn_missing_images(document)
    for note in document.reading_notes:
        print(f"korrektur: warning: {document.name}: {note}", file=sys.stderr)
    return document


def _warn_missing_images(document: Document) -> None:
    """One line on stderr when a scan's page images are missing (the text still works)."""
    missing = document.scan.missing_images() if document.scan else []
    if missing:
        first = missing[0].describe_missing()
        more = f" (and {len(missing) - 1} more pages)" if len(missing) > 1 else ""
        print(f"korrektur: warning: {document.name}: {first}{more}", file=sys.stderr)


def _scan_summary(document: Document) -> dict[str, object]:
    """What ``info`` adds for a scan: format, boxes, confidences, images."""
    scan = document.scan
    if scan is None:
        return {"format": "text"}
    spans = [(t.start, t.end) for t in document.tokens]
    confidences = [w.confidence for w in scan.words if w.confidence is not None]
    missing = scan.missing_images()
    return {
        "format": scan.format,
        "boxes": f"{scan.box_coverage(spans):.1%} of words",
        "ocr confidence": (
            f"{sum(confidences) / len(confidences):.2f}" if confidences else "not given"
        ),
        "images": f"{len(scan.pages) - len(missing)} of {len(scan.pages)} found"
        + (f"; missing: {missing[0].describe_missing()}" if missing else ""),
    }


def default_engine(profile: Profile | None = None) -> Engine:
    """Korrektur's engine (imported when a command analyses, not to open the window)."""
    from korrektur.engine import default_engine as made  # noqa: PLC0415

    return made(profile)


def _analyse(
    document: Document, kinds: str = "all", learned: Path | None = None
) -> list[Suggestion]:
    profile = None
    if learned is not None:
        from korrektur.corpus.learning.learner import profile_file
        from korrektur.corpus.project import CorpusError

        try:
            profile = profile_file(learned)
        except CorpusError as exc:
            raise UserError(str(exc)) from exc
    progress = TerminalProgress(f"analysing {document.name}")
    try:
        return default_engine(profile).analyse(document, KIND_GROUPS[kinds], progress)
    finally:
        progress.done()


def _confidence(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not 0.0 <= number <= 1.0:
        raise argparse.ArgumentTypeError("must be between 0 and 1")
    return number


# -- info ------------------------------------------------------------------------------------


def _configure_info(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help=SOURCE_HELP)
    parser.add_argument("--json", action="store_true", help="print one JSON object")


@command("info", "show encoding, pages, lines and words of a file", _configure_info)
def cmd_info(args: argparse.Namespace) -> int:
    """Print what Korrektur sees in a file."""
    document = _load(args.file)
    summary = document_summary(document)
    summary["newlines"] = NEWLINE_NAMES.get(document.newline, repr(document.newline))
    summary.update(_scan_summary(document))
    if args.json:
        print(json.dumps(summary, ensure_ascii=False))
        return EXIT_OK
    width = max(len(key) for key in summary)
    for key, value in summary.items():
        print(f"{key + ':':<{width + 1}} {value}")
    return EXIT_OK


# -- suggest ---------------------------------------------------------------------------------


def _configure_suggest(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help=SOURCE_HELP)
    parser.add_argument("--json", action="store_true", help="one JSON object (see DESIGN.md)")
    parser.add_argument("--kinds", choices=sorted(KIND_GROUPS), default="all")
    parser.add_argument(
        "--learned",
        type=Path,
        metavar="PROJECT",
        help="apply what a corpus learned from its reviewer (a project folder or its learned.yaml)",
    )
    parser.add_argument(
        "--lang",
        choices=("en", "sv"),
        default="en",
        help="language of the reasons in the table (--json keeps English, with the reason "
        "as data in reason_key and reason_values)",
    )


@command("suggest", "list the suggested corrections of a file", _configure_suggest)
def cmd_suggest(args: argparse.Namespace) -> int:
    """Print suggestions, as a table or as the JSON contract."""
    document = _load(args.file)
    suggestions = _analyse(document, args.kinds, args.learned)
    if args.json:
        print(json.dumps(suggestions_payload(document, suggestions), ensure_ascii=False))
        return EXIT_OK
    say = _reasons_in(args.lang)
    for suggestion in suggestions:
        line = document.lines[document.line_index_at(suggestion.start)]
        column = suggestion.start - line.start + 1
        change = f"{suggestion.original!r} → {suggestion.replacement!r}"
        print(
            f"{line.number}:{column}\t{change}\t{suggestion.kinds_label}\t"
            f"{suggestion.confidence:.2f}\t{say(suggestion.reason)}"
        )
    print(f"{len(suggestions)} suggestions", file=sys.stderr)
    return EXIT_OK


def _reasons_in(language: str) -> Callable[[str], str]:
    """Reasons in ``language``: English as they are, Swedish through the interface's translation."""
    if language == "en":
        return str
    from korrektur.ui.reason_text import reason_in, translator_for  # Qt only when asked

    translator = translator_for(language)
    if translator is None:
        raise UserError(f"the {language} translation is missing from this installation")
    return lambda reason: reason_in(reason, translator)


# -- apply -----------------------------------------------------------------------------------


def _configure_apply(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help=SOURCE_HELP + " (never modified)")
    parser.add_argument("-o", "--output", help="where to write the result (default: stdout)")
    parser.add_argument(
        "--kinds",
        choices=sorted(KIND_GROUPS),
        default="word",
        help="word: keep every line, fix words; structure/all: also join and clean the text",
    )
    parser.add_argument(
        "--min-confidence",
        type=_confidence,
        default=0.0,
        metavar="C",
        help="apply only suggestions with confidence >= C (0..1)",
    )


@command("apply", "write the corrected text, applying every suggestion", _configure_apply)
def cmd_apply(args: argparse.Namespace) -> int:
    """Apply suggestions without review and write the result as UTF-8."""
    document = _load(args.file)
    kinds = KIND_GROUPS[args.kinds]
    session = ReviewSession(document, _analyse(document, args.kinds))
    text = restore_newlines(session.render(kinds, args.min_confidence), document.newline)
    if args.output is None:
        sys.stdout.write(text)
        return EXIT_OK
    output = Path(args.output)
    if document.path is not None and output.resolve() == document.path:
        raise UserError("refusing to overwrite the source file; choose another output with -o")
    try:
        atomic_write_text(output, text)
    except WriteError as exc:
        raise UserError(str(exc)) from exc
    return EXIT_OK


# -- review files: versions and export -------------------------------------------------------


def _load_review(path_text: str) -> Review:
    """A review file, or the review kept beside a source file."""
    path = Path(path_text)
    try:
        if path.name.endswith(SUFFIX) or not path.is_file():
            return load_review(path)
        found, review = find_review(path)
    except ReviewFileError as exc:
        raise UserError(str(exc)) from exc
    if review is None:
        raise UserError(f"{path.name} has no review file yet ({found.name})")
    review.source_path, review.source_trusted = path.resolve(), True  # (the user named it)
    return review


def _warn_about_source(review: Review) -> None:
    """One line on stderr for each thing about the review's source the user should know."""
    for warning in source_warnings(review):
        print(f"korrektur: warning: {warning}", file=sys.stderr)


def _write_output(output: str | None, data: bytes, review: Review) -> None:
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    try:
        export_to_bytes(review, Path(output), data)
    except (ValueError, WriteError) as exc:
        raise UserError(str(exc)) from exc


def _add_pending(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--pending",
        choices=[p.value for p in Pending],
        default=Pending.RAW.value,
        help="undecided suggestions: raw keeps the OCR text (default), proposed applies them",
    )


def _configure_versions(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("review", help="a review file (REPORT.review.yaml) or its source")
    action = parser.add_mutually_exclusive_group()
    action.add_argument("--restore", type=int, metavar="N", help="write the text of version N")
    action.add_argument(
        "--compare", type=int, nargs=2, metavar=("A", "B"), help="compare versions A and B"
    )
    action.add_argument(
        "--revert",
        type=int,
        metavar="N",
        help="make version N's decisions current again, saved as a new version",
    )
    parser.add_argument("-o", "--output", help="with --restore: where to write (default: stdout)")
    parser.add_argument("--reviewer", default="", help="with --revert: who reverts")
    _add_pending(parser)


@command(
    "versions", "list, restore and compare the saved versions of a review", _configure_versions
)
def cmd_versions(args: argparse.Namespace) -> int:
    """Versions of a review file."""
    review = _load_review(args.review)
    _warn_about_source(review)
    try:
        if args.restore is not None:
            review.history.get(args.restore)
            options = ExportOptions(pending=Pending(args.pending), version=args.restore)
            _write_output(args.output, EXPORTERS["txt"].write(review, options), review)
        elif args.compare is not None:
            first, second = args.compare
            proposed = args.pending == Pending.PROPOSED.value
            comparison = compare_versions(review, first, second, proposed=proposed)
            print(f"{len(comparison.changes)} decisions differ")
            for change in comparison.changes:
                print(f"  {change.describe()}")
            for line in comparison.diff:
                print(line)
        elif args.revert is not None:
            version = _revert(review, args)
            print(f"version {version.number} saved: {version.note}")
        else:
            _print_versions(review)
    except KeyError as exc:
        raise UserError(str(exc.args[0])) from exc
    except WriteError as exc:
        raise UserError(str(exc)) from exc
    return EXIT_OK


def _revert(review: Review, args: argparse.Namespace) -> Version:
    """Save version ``args.revert`` as the newest, holding the review's lock throughout.

    Through a ``Workspace``, as the window restores and saves a version.
    """
    assert review.path is not None  # (read from a file)
    with review_lock(review.path):
        if stamp_of(review.path) != review.disk_stamp:
            review = _load_review(args.review)  # another program saved it meanwhile
        workspace = Workspace(args.reviewer)
        workspace.open(review)
        workspace.restore(args.revert)
        return workspace.save_now()


def _print_versions(review: Review) -> None:
    if not review.history.versions:
        print("no versions saved yet")
        return
    print(
        f"{'#':>3}  {'saved (UTC)':16}  {'reviewer':16}  pending accepted rejected edited  message"
    )
    for v in review.history.versions:
        counts = "  ".join(f"{v.counts.get(s, 0):>{len(s.value)}}" for s in Status)
        text = "; ".join(t for t in (v.message, v.note) if t)
        when = v.time.replace("T", " ")[:16]
        print(f"{v.number:>3}  {when:16}  {v.reviewer[:16]:16}  {counts}  {text}")


def _configure_export(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("review", help="a review file (REPORT.review.yaml) or its source")
    parser.add_argument(
        "--format",
        choices=list(EXPORTERS),
        help="txt, tei, json, csv, html, docx; for scans also hocr, alto, page (the source's "
        "own format, corrected words in their boxes) and pdf (searchable; default: from the "
        "output's suffix)",
    )
    parser.add_argument(
        "-o",
        "--output",
        help="the file to write (default: stdout; docx and pdf need -o; a folder for a "
        "folder of ALTO or PAGE files)",
    )
    parser.add_argument(
        "--keep-lines",
        action="store_true",
        help="keep the source's lines exactly: apply only word corrections",
    )
    parser.add_argument(
        "--version", type=int, default=0, metavar="N", help="export saved version N"
    )
    parser.add_argument(
        "--exact",
        action="store_true",
        help="csv: every cell exactly as it is (by default a cell that starts with =, +, -, @ "
        "gets a leading ' so that a spreadsheet does not run it as a formula)",
    )
    _add_pending(parser)


@command(
    "export",
    "export a review as txt, TEI, JSON, CSV, HTML, DOCX, or a scan as hOCR, ALTO, PAGE, PDF",
    _configure_export,
)
def cmd_export(args: argparse.Namespace) -> int:
    """Write an export of a review file."""
    name = args.format or (format_for(Path(args.output)) if args.output else None)
    if name is None:
        raise UserError(f"say which format with --format ({', '.join(EXPORTERS)})")
    if EXPORTERS[name].binary and args.output is None:
        raise UserError(f"{name} is a binary format; give an output file with -o")
    review = _load_review(args.review)
    _warn_about_source(review)
    options = ExportOptions(
        pending=Pending(args.pending),
        keep_lines=args.keep_lines,
        version=args.version,
        exact=args.exact,
    )
    try:
        if name in FOLDER_WRITERS and _folder_source(review):
            if args.output is None:
                raise UserError("the source is a folder; give an output folder with -o")
            FOLDER_WRITERS[name](review, options, Path(args.output))
            return EXIT_OK
        data = EXPORTERS[name].write(review, options)
    except KeyError as exc:
        raise UserError(str(exc.args[0])) from exc
    except (WriteBackError, WriteError) as exc:
        raise UserError(str(exc)) from exc
    _write_output(args.output, data, review)
    return EXIT_OK


def _folder_source(review: Review) -> bool:
    source = review.readable_source or review.session.document.path
    return source is not None and source.is_dir()


COMMANDS["corpus"] = (corpus_command.HELP, corpus_command.configure, corpus_command.run)


# -- GUI and entry point ---------------------------------------------------------------------


def gui_parser() -> argparse.ArgumentParser:
    """Arguments of ``korrektur [FILE]`` (the window)."""
    parser = argparse.ArgumentParser(
        prog="korrektur",
        description="Review and correct OCR'd Swedish reports. "
        f"Commands: {', '.join(COMMANDS)} (korrektur COMMAND --help).",
    )
    parser.add_argument("--version", action="version", version=f"korrektur {__version__}")
    parser.add_argument(
        "file", nargs="?", help="a report to open in the window, or a corpus project folder"
    )
    parser.add_argument("--screenshot", metavar="OUT.png", help="save a screenshot and exit")
    parser.add_argument("--size", default="1400x900", help="window size for --screenshot")
    parser.add_argument(
        "--scene",
        choices=("window", "edit", "structure", "compare"),
        default="window",
        help="with --screenshot: a review under way, edit mode, structure fixes, or versions",
    )
    parser.add_argument(
        "--theme", choices=("light", "dark"), default="light", help="with --screenshot: colours"
    )
    parser.add_argument(
        "--lang", choices=("en", "sv"), default="en", help="with --screenshot: the language"
    )
    return parser


def check_window_possible(args: argparse.Namespace) -> None:
    """Refuse early, in one line, what would otherwise make Qt abort or open an empty window."""
    project = args.file and (Path(args.file) / "corpus.yaml").is_file()  # the corpus window
    if args.file and not Path(args.file).is_file() and not project:
        what = (
            "is a folder, not a file or a corpus project"
            if Path(args.file).is_dir()
            else "does not exist"
        )
        raise UserError(f"{args.file} {what}.")
    problem = None if args.screenshot else display_problem()
    if problem:
        raise UserError(f"cannot open the window: {problem}")


def command_parser(name: str) -> argparse.ArgumentParser:
    """The parser of subcommand ``name``."""
    help_text, configure, _ = COMMANDS[name]
    parser = argparse.ArgumentParser(prog=f"korrektur {name}", description=help_text)
    configure(parser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    _tolerant_output()
    try:
        if args_list and args_list[0] in COMMANDS:
            name = args_list.pop(0)
            args = command_parser(name).parse_args(args_list)
            with gc_paused():  # (see korrektur.gcpause)
                return COMMANDS[name][2](args)
        args = gui_parser().parse_args(args_list)
        check_window_possible(args)
        from korrektur.ui.app import run_gui

        return run_gui(args)
    except SystemExit as exc:  # argparse: --help/--version exit 0, usage errors exit 2
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    except UserError as exc:
        print(f"korrektur: error: {exc}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("korrektur: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # the reader stopped early (``| head -1``): nothing more to say, and the output
        # still buffered must not fail again at exit
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
        return EXIT_USER_ERROR


def _tolerant_output() -> None:
    """Characters a console cannot show (``→`` on Windows-1252) are printed as ``?``."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
