"""The file name an export proposes: never the source's own, never one that would be refused."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from korrektur.formats.exporters import Exporter

# What each format's file is called after the source's name: rapport.korrigerad.txt …
MIDDLES: dict[str, str] = {
    "txt": str(QT_TRANSLATE_NOOP("ExportNames", "corrected")),
    "docx": str(QT_TRANSLATE_NOOP("ExportNames", "corrected")),
    "tei": "tei",
    "json": str(QT_TRANSLATE_NOOP("ExportNames", "review")),
    "csv": str(QT_TRANSLATE_NOOP("ExportNames", "decisions")),
    "html": str(QT_TRANSLATE_NOOP("ExportNames", "report")),
}


def _middle(exporter: Exporter) -> str:
    middle = MIDDLES.get(exporter.name, exporter.name)
    return QCoreApplication.translate("ExportNames", middle) if middle != "tei" else middle


def _source_stem(source: Path) -> str:
    name = source.name
    return name[: -len(source.suffix)] if source.suffix else name


def refused(path: Path, protected: list[Path]) -> bool:
    """True when ``path`` is one of the files an export never writes (source, review file)."""
    target = path.resolve()
    return any(target == other.resolve() for other in protected)


def proposed_export(
    source: Path, exporter: Exporter, folder: Path | None, protected: list[Path]
) -> Path:
    """Where to propose writing ``exporter``'s file of ``source``.

    In ``folder`` (the last folder exported to) when it still exists, else beside the
    source; named after the source with a word for what the file holds
    (``rapport.korrigerad.txt``, ``rapport.tei.xml``), numbered if that name is taken by a
    file an export must never write.
    """
    where = folder if folder is not None and folder.is_dir() else source.parent
    base = f"{_source_stem(source)}.{_middle(exporter)}"
    candidate = where / f"{base}{exporter.suffix}"
    number = 2
    while refused(candidate, protected):
        candidate = where / f"{base}-{number}{exporter.suffix}"
        number += 1
    return candidate
