"""What each ``korrektur corpus`` subcommand does, given its parsed arguments."""

from __future__ import annotations

import argparse
import sys

from korrektur.corpus.opening import Corpus, open_corpus
from korrektur.corpus.output import EXIT_OK, print_json
from korrektur.corpus.project import CorpusError, init_project
from korrektur.corpus.runners import POOL_FROM, InlineRunner, PoolRunner, Runner


def _say(text: str) -> None:
    print(text, file=sys.stderr)


def _open(args: argparse.Namespace, *, write: bool = True, rebuild: bool = False) -> Corpus:
    from korrektur.corpus.progress import reporter

    quiet = getattr(args, "quiet", False) or getattr(args, "json", False)
    corpus = open_corpus(
        args.project,
        args.action,
        write=write,
        rebuild=rebuild,
        progress=reporter(quiet),
        jobs=getattr(args, "jobs", 1),
    )
    for message in corpus.messages:
        _say(message)
    if corpus.sync is not None:
        for name, problem in corpus.sync.damaged:
            _say(f"{name}: {problem}")
    return corpus


def _runner(jobs: int, documents: int) -> Runner:
    if jobs > 1 and documents >= POOL_FROM:
        return PoolRunner(min(jobs, documents))
    return InlineRunner()


def init(args: argparse.Namespace) -> int:
    """``corpus init``: make the project, index what is there."""
    project = init_project(args.project, args.sources, args.include)
    with open_corpus(project.root, "init") as corpus:
        names = [row.name for row in corpus.index.documents()]
    patterns = " ".join(project.include)
    print(f"{project.root}: corpus of {len(names)} documents in {project.sources} ({patterns})")
    if not names:
        _say("no documents match; check --sources and --include")
    twins = _same_document(names)
    if twins:
        _say(
            f"{len(twins)} documents seem to come in several formats ({', '.join(twins[0])}): "
            "each file is a document of its own; to review one format, make the project "
            "anew with --include (e.g. --include '*.hocr')"
        )
    return EXIT_OK


def _same_document(names: list[str]) -> list[list[str]]:
    """Groups of names that differ only after their first dot (``a.raw.txt``, ``a.hocr``)."""
    groups: dict[str, list[str]] = {}
    for name in names:
        folder, _, base = name.rpartition("/")
        groups.setdefault(f"{folder}/{base.split('.', 1)[0]}", []).append(name)
    return [group for group in groups.values() if len(group) > 1]


def analyse(args: argparse.Namespace) -> int:
    """``corpus analyse``: new and changed documents, in worker processes or on Dask."""
    from korrektur.corpus.batch import Analysis
    from korrektur.corpus.progress import reporter
    from korrektur.corpus.worker import warm_up

    def runner(documents: int) -> Runner:
        if args.dask:
            from korrektur.corpus.cluster import DaskRunner

            return DaskRunner(args.dask, warm_up)
        return PoolRunner(min(args.jobs, documents), warm_up)

    with _open(args) as corpus:
        report = Analysis(corpus, runner, reporter(args.quiet)).run()
    for name, problem in report.bad:
        _say(f"{name}: {problem}")
    for name, note in report.notes:
        _say(f"{name}: {note}")
    if report.foreign:
        _say(
            f"{len(report.foreign)} documents were analysed by workers with another Korrektur "
            f"or lexicon (e.g. {report.foreign[0]}); install the same version everywhere"
        )
    if not args.quiet:
        rate = report.words / report.seconds if report.seconds else 0.0
        print(
            f"{len(report.analysed)} documents analysed ({report.words:,} words, "
            f"{report.seconds:.1f} s, {rate:,.0f} words/s), {report.skipped} unchanged, "
            f"{len(report.bad)} could not be analysed"
        )
    return EXIT_OK


def reindex(args: argparse.Namespace) -> int:
    """``corpus reindex``: the index rebuilt from the review files."""
    with _open(args, rebuild=True) as corpus:
        sync = corpus.sync
        count = len(corpus.index.documents())
    if sync is not None and not args.quiet:
        print(
            f"index rebuilt: {count} documents, {len(sync.reread)} review files read, "
            f"{len(sync.damaged)} damaged, {len(sync.changed)} sources changed, "
            f"{len(sync.missing)} missing"
        )
    return EXIT_OK


def status(args: argparse.Namespace) -> int:
    """``corpus status``."""
    from korrektur.corpus.facts import engine_key
    from korrektur.corpus.status import corpus_status, status_lines
    from korrektur.store.tool import current_tool

    with _open(args, write=False) as corpus:
        figures = corpus_status(corpus, engine_key(current_tool()))
    if args.json:
        data = figures.as_json()
        if args.summary:
            del data["documents"]
        print_json(data)
    else:
        print("\n".join(status_lines(figures, documents=not args.summary)))
    return EXIT_OK


def report(args: argparse.Namespace) -> int:
    """``corpus report``: the HTML report."""
    from korrektur.corpus.facts import engine_key
    from korrektur.corpus.report import report_html
    from korrektur.corpus.status import corpus_status
    from korrektur.store.atomic import WriteError, atomic_write_bytes
    from korrektur.store.tool import current_tool

    with _open(args, write=False) as corpus:
        figures = corpus_status(corpus, engine_key(current_tool()))
        html = report_html(corpus, figures)
    try:
        atomic_write_bytes(args.output, html.encode("utf-8"))
    except WriteError as exc:
        raise CorpusError(str(exc)) from exc
    print(f"{args.output}: report on {sum(figures.documents.values())} documents")
    return EXIT_OK


def concordance(args: argparse.Namespace) -> int:
    """``corpus concordance``."""
    from korrektur.corpus.concordance import concordance_lines, pair_concordance, word_concordance

    if (args.word is None) == (args.pair is None):
        raise CorpusError("give a WORD, or a correction pair with --pair ORIGINAL REPLACEMENT")
    with _open(args, write=False) as corpus:
        if args.pair:
            found = pair_concordance(corpus.index, *args.pair)
        else:
            found = word_concordance(corpus.index, args.word, exact_case=args.case)
    total = len(found)
    shown = found.occurrences(args.limit)
    if args.json:
        print_json({"total": total, "occurrences": [o.as_json() for o in shown]})
        return EXIT_OK
    sys.stdout.write("".join(line + "\n" for line in concordance_lines(shown)))
    more = f" (showing {len(shown)})" if len(shown) < total else ""
    _say(f"{total} occurrences in {found.documents()} documents{more}")
    return EXIT_OK


def decide(args: argparse.Namespace) -> int:
    """``corpus decide``: make or withdraw a rule."""
    from korrektur.corpus.decide import decide_pair, withdraw

    with _open(args) as corpus:
        if args.withdraw:
            if args.accept or args.reject:
                raise CorpusError("--withdraw takes no --accept or --reject")
            count = len(corpus.index.documents_with("rule = ?", (args.withdraw,)))
            runner = _runner(args.jobs, count)
            try:
                result = withdraw(corpus, args.withdraw, args.reviewer, runner)
            finally:
                runner.close()
            print(
                f"rule {result.rule.id} ({result.rule.describe()}) withdrawn: "
                f"{result.suggestions} decisions back to pending in {result.documents} documents"
            )
        else:
            if not (args.accept or args.reject):
                raise CorpusError("say --accept or --reject")
            original, replacement = args.pair
            where = "status = 'pending' AND original = ? AND replacement = ?"
            count = len(corpus.index.documents_with(where, (original, replacement)))
            runner = _runner(args.jobs, count)
            action = "accept" if args.accept else "reject"
            try:
                result = decide_pair(corpus, original, replacement, action, args.reviewer, runner)
            finally:
                runner.close()
            print(
                f"rule {result.rule.id}: {result.rule.describe()}: {result.suggestions} "
                f"suggestions decided in {result.documents} documents; documents analysed "
                "later get it too"
            )
    for name, problem in result.problems:
        _say(f"{name}: {problem}")
    return EXIT_OK


def export(args: argparse.Namespace) -> int:
    """``corpus export``."""
    from korrektur.corpus.export import export_corpus
    from korrektur.formats.reading import Pending

    with _open(args, write=False) as corpus:
        count = len(corpus.index.documents())
        runner = _runner(args.jobs, count)
        try:
            result = export_corpus(
                corpus,
                args.output,
                args.format,
                Pending(args.pending),
                as_zip=args.zip,
                runner=runner,
            )
        finally:
            runner.close()
    for name, problem in result.skipped:
        _say(f"{name}: not exported: {problem}")
    print(
        f"{result.target}: {len(result.files)} documents exported ({args.format}), manifest written"
    )
    return EXIT_OK
