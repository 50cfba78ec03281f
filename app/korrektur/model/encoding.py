"""Decode a text file's bytes, remembering how it was encoded."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from korrektur.model.errors import DocumentError

_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8 with BOM"),
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32 LE"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32 BE"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16 LE"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16 BE"),
)

# Control characters other than tab, newline, carriage return and form feed are a sign of
# a binary file rather than text.
_BINARY_CONTROLS = frozenset(range(32)) - {9, 10, 12, 13}


@dataclass(frozen=True)
class DecodedText:
    """Text decoded from bytes.

    Attributes:
        text: the decoded text, exactly as in the file (newlines not yet normalised).
        encoding: Python codec name that re-encodes the text as the file had it.
        label: a name for people, e.g. "UTF-8", "UTF-16 LE", "Windows-1252".
    """

    text: str
    encoding: str
    label: str


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b in _BINARY_CONTROLS)
    return controls > max(2, len(sample) // 100)


def decode_bytes(data: bytes) -> DecodedText:
    """Decode a file: BOMs first, then strict UTF-8, then Windows-1252.

    Raises:
        DocumentError: the bytes are empty, binary or undecodable.
    """
    if not data.strip(b" \t\r\n\x0c" + codecs.BOM_UTF8):
        raise DocumentError("The file is empty: there is no text to review.")
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                return DecodedText(data.decode(codec), codec, label)
            except UnicodeDecodeError as exc:
                raise DocumentError(
                    f"The file starts like {label} text but is damaged at byte {exc.start}."
                ) from exc
    if _looks_binary(data):
        raise DocumentError(
            "This is not a text file (it contains binary data). Open the OCR text (.txt) instead."
        )
    try:
        return DecodedText(data.decode("utf-8"), "utf-8", "UTF-8")
    except UnicodeDecodeError:
        pass
    try:
        return DecodedText(data.decode("cp1252"), "cp1252", "Windows-1252")
    except UnicodeDecodeError as exc:
        raise DocumentError(
            f"The text encoding could not be recognised (byte {exc.start} is neither UTF-8 "
            "nor Windows-1252). Save the file as UTF-8 and try again."
        ) from exc
