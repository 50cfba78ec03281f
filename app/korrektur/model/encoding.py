"""Decode a text file's bytes, remembering how it was encoded."""

from __future__ import annotations

import codecs
import re
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
        replaced_lines: lines (1-based) where bytes that are not UTF-8 were replaced by
            U+FFFD (a UTF-8 file with a few stray bytes).
    """

    text: str
    encoding: str
    label: str
    replaced_lines: tuple[int, ...] = ()


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b in _BINARY_CONTROLS)
    return controls > max(2, len(sample) // 100)


def _mostly_utf8(data: bytes) -> DecodedText | None:
    """``data`` as UTF-8 with its stray bytes replaced, if UTF-8 letters outnumber them."""
    text = data.decode("utf-8", errors="surrogateescape")
    stray = [m.start() for m in _STRAY.finditer(text)]
    letters = sum(1 for ch in text if ch > "\x7f") - len(stray)
    if letters <= len(stray):
        return None
    lines = sorted({text.count("\n", 0, position) + 1 for position in stray})
    count = len(stray)
    label = f"UTF-8 ({count} byte{'s' if count > 1 else ''} that are not UTF-8 replaced)"
    return DecodedText(_STRAY.sub("\ufffd", text), "utf-8", label, tuple(lines))


_STRAY = re.compile("[\udc80-\udcff]")  # bytes that are not UTF-8, as surrogateescape reads them


def decode_bytes(data: bytes) -> DecodedText:
    """Decode a file: BOMs first, then UTF-8 or Windows-1252 on the evidence of the whole file.

    A file that is UTF-8 except for a few bytes (one stray byte used to make every ``ö`` of
    a UTF-8 file read as ``Ã¶``) is UTF-8 with those bytes replaced by U+FFFD, and says on
    which lines; one with more stray bytes than UTF-8 letters is Windows-1252.

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
    mostly = _mostly_utf8(data)
    if mostly is not None:
        return mostly
    try:
        return DecodedText(data.decode("cp1252"), "cp1252", "Windows-1252")
    except UnicodeDecodeError as exc:
        raise DocumentError(
            f"The text encoding could not be recognised (byte {exc.start} is neither UTF-8 "
            "nor Windows-1252). Save the file as UTF-8 and try again."
        ) from exc
