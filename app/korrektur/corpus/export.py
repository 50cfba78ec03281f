"""``corpus export``: one file per document in any export format, a manifest, a TEI corpus.

Each document is exported by the single-document exporters (``formats``), so a corpus
export of a document is byte for byte what ``korrektur export`` makes of its review, at the
same time stamp. ``manifest.csv`` and ``manifest.json`` list every file with the document's
provenance (source hash, review version, reviewers, decision counts, the policy for
undecided suggestions) and the SHA-256 of the exported bytes; the TEI format also gets one
``teiCorpus`` file holding every document under a corpus header. With ``--zip`` the same
files go into one archive.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import IO, Any

from lxml import etree

from korrektur import __version__
from korrektur.corpus.index import DocumentRow, State
from korrektur.corpus.opened import Corpus
from korrektur.corpus.project import CorpusError
from korrektur.corpus.runners import Failed, InlineRunner, Runner
from korrektur.corpus.sink import FolderSink, Sink, ZipSink
from korrektur.corpus.teicorpus import corpus_header, write_tei_corpus
from korrektur.formats.exporters import EXPORTERS
from korrektur.formats.reading import ExportOptions, Pending
from korrektur.model import DocumentError, Status
from korrektur.model.session import now_iso
from korrektur.store.reviewread import load_review
from korrektur.store.validate import ReviewFileError

MANIFEST_COLUMNS = [
    "document",
    "file",
    "sha256",
    "bytes",
    "source_sha256",
    "review_version",
    "reviewers",
    *(s.value for s in Status),
    "pending_policy",
    "state",
]
TEI_CORPUS = "corpus.tei.xml"


@dataclass(frozen=True)
class ExportTask:
    """One document to export (the worker reads its review file).

    ``source_path`` is where the project finds the source (scan formats read it again).
    """

    document: str
    review_path: str
    source_path: str
    format: str
    pending: str
    exported_at: str


@dataclass(frozen=True)
class Exported:
    """One document's export: its bytes and what the manifest says of it (or a problem)."""

    document: str
    data: bytes = b""
    source_sha256: str = ""
    review_version: int = 0
    reviewers: tuple[str, ...] = ()
    counts: tuple[tuple[str, int], ...] = ()
    problem: str = ""


def export_task(task: ExportTask) -> Exported:
    """Export one review file (a pure function of the file and the options)."""
    try:
        review = load_review(Path(task.review_path))
    except ReviewFileError as exc:
        return Exported(task.document, problem=f"its review file is damaged: {exc}")
    # the source is where the project says (outside the review's folder, which alone would
    # make the review file's own record of it untrusted)
    review.source_path, review.source_trusted = Path(task.source_path), True
    try:
        options = ExportOptions(pending=Pending(task.pending), exported_at=task.exported_at)
        try:
            data = EXPORTERS[task.format].write(review, options)
        except (ValueError, DocumentError) as exc:  # a scan format of a text source, …
            return Exported(task.document, problem=str(exc))
        session = review.session
        reviewers = {v.reviewer: None for v in review.history.versions if v.reviewer}
        reviewers.update({s.decided_by: None for s in session.suggestions if s.decided_by})
        return Exported(
            task.document,
            data,
            session.document.sha256,
            len(review.history),
            tuple(reviewers),
            tuple((s.value, n) for s, n in session.counts().items()),
        )
    finally:
        review.release()


@dataclass
class ExportReport:
    """What an export wrote.

    Attributes:
        target: the folder or zip file.
        files: manifest rows, by document name.
        skipped: documents not exported, with the reason.
    """

    target: Path
    files: list[dict[str, Any]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)


def output_names(names: list[str], suffix: str) -> dict[str, str]:
    """The exported file of each document: ``a/report.txt`` → ``a/report.xml``.

    Where two documents of a folder share a stem (``report.txt``, ``report.hocr``), both
    keep their whole name (``report.txt.xml``).
    """
    stems: dict[str, int] = {}
    for name in names:
        path = PurePosixPath(name)
        key = str(path.with_suffix(""))
        stems[key] = stems.get(key, 0) + 1
    result = {}
    for name in names:
        path = PurePosixPath(name)
        plain = str(path.with_suffix(""))
        if name.endswith(suffix):  # an ALTO source exported as ALTO keeps its name
            result[name] = name
        else:
            result[name] = (plain if stems[plain] == 1 else name) + suffix
    return result


def export_corpus(
    corpus: Corpus,
    target: Path,
    fmt: str,
    pending: Pending = Pending.RAW,
    *,
    as_zip: bool = False,
    runner: Runner | None = None,
) -> ExportReport:
    """Export every reviewed document of ``corpus`` to ``target``.

    Raises:
        CorpusError: the target is a folder with other files in it, or cannot be written.
    """
    if fmt not in EXPORTERS:
        raise CorpusError(f"unknown format {fmt!r} (one of {', '.join(EXPORTERS)})")
    exporter = EXPORTERS[fmt]
    rows = corpus.index.documents()
    ready = [row for row in rows if row.has_review and row.state is not State.BAD]
    report = ExportReport(target)
    report.skipped = [(row.name, _why_not(row)) for row in rows if row not in ready]
    names = output_names([row.name for row in ready], exporter.suffix)
    exported_at = now_iso()
    sink: Sink = ZipSink(target, exported_at) if as_zip else FolderSink(target)
    by_name = {row.name: row for row in ready}
    runner = runner or InlineRunner()

    def tasks() -> Iterator[ExportTask]:
        for row in ready:
            path = str(corpus.project.review_path(row.name))
            source = str(corpus.project.source_path(row.name))
            yield ExportTask(row.name, path, source, fmt, pending.value, exported_at)

    def documents() -> Iterator[bytes]:
        """Write each document's file and manifest row, in name order; yield its bytes."""
        for result in in_order(runner.map(export_task, tasks()), [r.name for r in ready]):
            if not isinstance(result, Exported) or result.problem:
                report.skipped.append((result.document, result.problem))
                continue
            file = names[result.document]
            sink.write(file, result.data)
            row = by_name[result.document]
            report.files.append(_manifest_row(result, file, pending, row.state))
            yield result.data

    try:
        extra = []
        if fmt == "tei":
            header = corpus_header(
                f"Corpus of {len(ready)} OCR documents, reviewed with Korrektur",
                len(ready),
                str(corpus.project.sources),
                pending,
                exported_at,
            )
            extra.append(_tei_corpus(sink, header, documents()))
        else:
            for _ in documents():
                pass
        report.skipped.sort()
        manifest = _manifest(corpus, report, fmt, pending, exported_at, extra)
        sink.write("manifest.json", manifest)
        sink.write("manifest.csv", _manifest_csv(report.files, extra))
        report.target = sink.finish()
    except BaseException:
        sink.abort()
        raise
    return report


def in_order(
    results: Iterator[tuple[ExportTask, Exported | Failed]], names: list[str]
) -> Iterator[Exported]:
    """The results in the order of ``names`` (a runner yields them as they finish).

    Few results are ever held back: a runner has only a few tasks under way at once.
    """
    waiting: dict[str, Exported] = {}
    position = 0
    for task, result in results:
        waiting[task.document] = (
            result if isinstance(result, Exported) else Exported(task.document, problem=str(result))
        )
        while position < len(names) and names[position] in waiting:
            yield waiting.pop(names[position])
            position += 1


def _tei_corpus(sink: Sink, header: etree._Element, documents: Iterator[bytes]) -> dict[str, Any]:
    """Stream the teiCorpus file into a temporary file, hash it, hand it to the sink."""
    digest = hashlib.sha256()
    with tempfile.NamedTemporaryFile(
        "w+b", prefix=f".{TEI_CORPUS}.", suffix=".tmp", dir=sink.scratch, delete=False
    ) as handle:
        temporary = Path(handle.name)
        try:
            write_tei_corpus(_Hashing(handle, digest), header, documents)
        except BaseException:
            handle.close()
            temporary.unlink(missing_ok=True)
            raise
        size = handle.tell()
    sink.add_file(TEI_CORPUS, temporary)
    return {"file": TEI_CORPUS, "sha256": digest.hexdigest(), "bytes": size}


class _Hashing:
    """A binary file that hashes what is written to it."""

    def __init__(self, handle: IO[bytes], digest: Any) -> None:
        self.handle = handle
        self.digest = digest

    def write(self, data: bytes) -> int:
        self.digest.update(data)
        return self.handle.write(data)


def _why_not(row: DocumentRow) -> str:
    if row.state is State.BAD:
        return row.problem
    return "not analysed yet"


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _manifest_row(result: Exported, file: str, pending: Pending, state: State) -> dict[str, Any]:
    counts = dict(result.counts)
    return {
        "document": result.document,
        "file": file,
        "sha256": _sha(result.data),
        "bytes": len(result.data),
        "source_sha256": result.source_sha256,
        "review_version": result.review_version,
        "reviewers": list(result.reviewers),
        **{s.value: counts.get(s.value, 0) for s in Status},
        "pending_policy": pending.value,
        "state": state.value,
    }


def _manifest(
    corpus: Corpus,
    report: ExportReport,
    fmt: str,
    pending: Pending,
    exported_at: str,
    extra: list[dict[str, Any]],
) -> bytes:
    data = {
        "format": "korrektur-corpus-export",
        "format_version": 1,
        "exported_at": exported_at,
        "tool": {"name": "korrektur", "version": __version__},
        "export_format": fmt,
        "pending_policy": pending.value,
        "sources": str(corpus.project.sources),
        "documents": report.files,
        "corpus_files": extra,
        "skipped": [{"document": n, "reason": r} for n, r in report.skipped],
    }
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _manifest_csv(files: list[dict[str, Any]], extra: list[dict[str, Any]]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, MANIFEST_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in files:
        writer.writerow({**row, "reviewers": "; ".join(row["reviewers"])})
    for row in extra:
        writer.writerow(
            {"document": "", "file": row["file"], "sha256": row["sha256"], "bytes": row["bytes"]}
        )
    return out.getvalue().encode("utf-8")
