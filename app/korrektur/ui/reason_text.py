"""Reasons in the interface's language; their phrase templates listed for the translation tools."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QTranslator

from korrektur.model.reason import localise
from korrektur.paths import data_path

# Every template of korrektur.model.reason.TEMPLATES, so that `make translations` collects them
# (a test keeps the two lists equal).
TEMPLATES = (
    QT_TRANSLATE_NOOP("Reason", "one word split by a space"),
    QT_TRANSLATE_NOOP("Reason", "a space read as '{text}'"),
    QT_TRANSLATE_NOOP("Reason", "a space lost"),
    QT_TRANSLATE_NOOP("Reason", "the document's other spellings of the word agree on '{word}'"),
    QT_TRANSLATE_NOOP("Reason", "context ({evidence}) prefers '{word}'"),
    QT_TRANSLATE_NOOP("Reason", "'{word}'"),
    QT_TRANSLATE_NOOP("Reason", "a sentence boundary"),
    QT_TRANSLATE_NOOP("Reason", "a comma"),
    QT_TRANSLATE_NOOP("Reason", "a bracket or dash"),
    QT_TRANSLATE_NOOP("Reason", "a number"),
    QT_TRANSLATE_NOOP("Reason", "{token} just before"),
    QT_TRANSLATE_NOOP("Reason", "{token} just after"),
    QT_TRANSLATE_NOOP("Reason", "{token} {count} words before"),
    QT_TRANSLATE_NOOP("Reason", "{token} {count} words after"),
    QT_TRANSLATE_NOOP("Reason", "{first} and {second} just before"),
    QT_TRANSLATE_NOOP("Reason", "{first} and {second} just after"),
    QT_TRANSLATE_NOOP("Reason", "between {first} and {second}"),
    QT_TRANSLATE_NOOP("Reason", "written in capitals"),
    QT_TRANSLATE_NOOP("Reason", "capitalised inside a sentence"),
    QT_TRANSLATE_NOOP("Reason", "a word ending in -{ending} just before"),
    QT_TRANSLATE_NOOP("Reason", "a word ending in -{ending} just after"),
    QT_TRANSLATE_NOOP("Reason", "{feature}"),
    QT_TRANSLATE_NOOP("Reason", "{letter} lost"),
    QT_TRANSLATE_NOOP("Reason", "{letter} missing"),
    QT_TRANSLATE_NOOP("Reason", "extra '{text}'"),
    QT_TRANSLATE_NOOP("Reason", "letters misread"),
    QT_TRANSLATE_NOOP("Reason", "{letter} read as {text}"),
    QT_TRANSLATE_NOOP("Reason", "capital letter misread"),
    QT_TRANSLATE_NOOP("Reason", "capital letter lost"),
    QT_TRANSLATE_NOOP("Reason", "'{word}' is a compound of {parts}"),
    QT_TRANSLATE_NOOP("Reason", "'{word}' is a close known word"),
    QT_TRANSLATE_NOOP("Reason", "'{word}' is common"),
    QT_TRANSLATE_NOOP("Reason", "'{word}' is a known word"),
    QT_TRANSLATE_NOOP("Reason", "'{word}' is a valid but rare word"),
    QT_TRANSLATE_NOOP("Reason", "context '{around}' prefers '{word}'"),
    QT_TRANSLATE_NOOP("Reason", "'{word}' is a word too"),
    QT_TRANSLATE_NOOP("Reason", "'{word}' is a word too but less likely here"),
    QT_TRANSLATE_NOOP("Reason", "'{word}' is not a word"),
    QT_TRANSLATE_NOOP("Reason", "edited by the reviewer"),
    QT_TRANSLATE_NOOP("Reason", "this corpus writes its ranges of numbers with an en dash"),
    QT_TRANSLATE_NOOP("Reason", "page number"),
    QT_TRANSLATE_NOOP("Reason", "document number"),
    QT_TRANSLATE_NOOP("Reason", "letterhead contact line"),
    QT_TRANSLATE_NOOP("Reason", "running header"),
    QT_TRANSLATE_NOOP("Reason", "running footer"),
    QT_TRANSLATE_NOOP("Reason", "letterhead line with a {what}"),
    QT_TRANSLATE_NOOP("Reason", "at the top of page {page}"),
    QT_TRANSLATE_NOOP("Reason", "at the bottom of page {page}"),
    QT_TRANSLATE_NOOP("Reason", "{what} '{text}'"),
    QT_TRANSLATE_NOOP("Reason", "{what} '{text}' {where}"),
    QT_TRANSLATE_NOOP(
        "Reason", "{what} '{text}' repeats {where} and on {repeated} of {compared} other pages"
    ),
    QT_TRANSLATE_NOOP("Reason", "short garbage line '{text}' {where} (logo or letterhead)"),
    QT_TRANSLATE_NOOP("Reason", "a line of symbols only: '{text}'"),
    QT_TRANSLATE_NOOP(
        "Reason", "suspended hyphen: {pair} shares its last part with the next word; keep it"
    ),
    QT_TRANSLATE_NOOP("Reason", "hyphen next to a symbol in {pair}; keep it"),
    QT_TRANSLATE_NOOP("Reason", "hyphen after a code or abbreviation in {pair}; keep it"),
    QT_TRANSLATE_NOOP("Reason", "the next part of {pair} has a capital; keep the hyphen"),
    QT_TRANSLATE_NOOP("Reason", "word split at the line end: {pair} is '{word}'"),
    QT_TRANSLATE_NOOP(
        "Reason", "probably a word split at the line end: {pair} → '{word}' (not in the lexicon)"
    ),
    QT_TRANSLATE_NOOP("Reason", "a list item starts"),
    QT_TRANSLATE_NOOP("Reason", "next list item"),
    QT_TRANSLATE_NOOP("Reason", "list bullet {glyph}"),
    QT_TRANSLATE_NOOP("Reason", "list bullet read by OCR as {glyph}"),
    QT_TRANSLATE_NOOP("Reason", "{glyph} starts a line in a list: a list bullet"),
    QT_TRANSLATE_NOOP("Reason", "{glyph} stands where the list bullets stand"),
    QT_TRANSLATE_NOOP("Reason", "{glyph} before a sentence that goes on is a speck"),
    QT_TRANSLATE_NOOP("Reason", "{glyph} before a sentence, outside any list: a speck"),
    QT_TRANSLATE_NOOP("Reason", "between two list items: an item whose bullet OCR lost"),
    QT_TRANSLATE_NOOP(
        "Reason", "short paragraph in a run after a colon: a list item whose bullet OCR lost"
    ),
    QT_TRANSLATE_NOOP("Reason", "line of symbols"),
    QT_TRANSLATE_NOOP("Reason", "a line laid out in columns stays a line of its own"),
    QT_TRANSLATE_NOOP(
        "Reason", "the line ends although the next word would have fitted: new paragraph"
    ),
    QT_TRANSLATE_NOOP("Reason", "line break inside a paragraph"),
    QT_TRANSLATE_NOOP("Reason", "the page break"),
    QT_TRANSLATE_NOOP("Reason", "a blank line"),
    QT_TRANSLATE_NOOP("Reason", "the sentence goes on after {where}"),
    QT_TRANSLATE_NOOP(
        "Reason", "the line is full and has no full stop: the paragraph goes on after {where}"
    ),
    QT_TRANSLATE_NOOP("Reason", "the line before {where} is full: the paragraph probably goes on"),
    QT_TRANSLATE_NOOP("Reason", "new paragraph after {where}"),
    QT_TRANSLATE_NOOP("Reason", "spaces around a line break"),
    QT_TRANSLATE_NOOP("Reason", "several spaces"),
    QT_TRANSLATE_NOOP("Reason", "several spaces between words"),
    QT_TRANSLATE_NOOP("Reason", "blank space before the text"),
    QT_TRANSLATE_NOOP("Reason", "blank space after the text"),
    QT_TRANSLATE_NOOP("Reason", "'{text}' before the text is an OCR speck"),
    QT_TRANSLATE_NOOP("Reason", "'{text}' after the text is an OCR speck"),
    QT_TRANSLATE_NOOP("Reason", "'{text}' between words is an OCR speck"),
    QT_TRANSLATE_NOOP("Reason", "'‘' stuck to '{text}' is an OCR speck"),
    QT_TRANSLATE_NOOP("Reason", "underscore stuck to '{text}' is an OCR speck"),
    QT_TRANSLATE_NOOP("Reason", "a second opening quote closes the first"),
    QT_TRANSLATE_NOOP("Reason", "a low quote after a word closes a quote"),
)


def _translate(template: str) -> str:
    return QCoreApplication.translate("Reason", template)


def reason_text(reason: str) -> str:
    """``reason`` in the interface's language (plain text reasons stay as they are)."""
    return localise(reason, _translate)


def translator_for(language: str) -> QTranslator | None:
    """A translator for ``language`` (``"sv"``) without an application: for the CLI."""
    if language != "sv":
        return None
    translator = QTranslator()
    path = data_path("resources", "translations", "korrektur_sv.qm")
    return translator if translator.load(str(path)) else None


def reason_in(reason: str, translator: QTranslator | None) -> str:
    """``reason`` in the language of ``translator`` (English without one)."""
    if translator is None:
        return str(reason)
    return localise(reason, lambda template: translator.translate("Reason", template) or template)
