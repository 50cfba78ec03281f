"""The ``korrektur suggest --json`` contract (see DESIGN.md)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from korrektur.model.compose import Composition
from korrektur.model.document import Document
from korrektur.model.reason import phrases_of
from korrektur.model.suggestion import Suggestion


def document_summary(document: Document) -> dict[str, Any]:
    """The ``document`` object: path, encoding, hash and counts."""
    return {
        "path": str(document.path) if document.path else document.name,
        "encoding": document.encoding_label,
        "sha256": document.sha256,
        "pages": len(document.pages),
        "lines": len(document.lines),
        "words": document.word_count,
    }


def suggestion_json(
    suggestion: Suggestion, composition: Composition | None = None
) -> dict[str, Any]:
    """One suggestion as a JSON-ready dict with the contract's fields.

    Offsets are into the text as decoded: where its letters were composed (``composition``),
    they and ``original`` are given in the source as it was. ``reason`` is the English text;
    ``reason_key`` and ``reason_values`` give the same reason as data (one template key and
    its values per phrase; a value that is a phrase itself is an object with its own
    ``key``), for tools that show it in another language.
    """
    start, end, original = suggestion.start, suggestion.end, suggestion.original
    if composition is not None and composition.source:
        start, end = composition.source_span(start, end)
        original = composition.source[start:end]
    phrases = phrases_of(suggestion.reason)
    return {
        "id": suggestion.id,
        "start": start,
        "end": end,
        "original": original,
        "replacement": suggestion.replacement,
        "kinds": sorted(k.value for k in suggestion.kinds),
        "confidence": round(suggestion.confidence, 4),
        "reason": str(suggestion.reason),
        "reason_key": [item.key for item in phrases],
        "reason_values": [
            {name: value for name, value in item.data().items() if name != "key"}
            for item in phrases
        ],
        "alternatives": list(suggestion.alternatives),
    }


def suggestions_payload(document: Document, suggestions: Sequence[Suggestion]) -> dict[str, Any]:
    """The whole ``suggest --json`` object."""
    return {
        "document": document_summary(document),
        "suggestions": [
            suggestion_json(s, document.composition)
            for s in sorted(suggestions, key=lambda s: s.start)
        ],
    }
