"""The phrases reasons are made of: a template key and its values, rendered in any language.

Every template is English; an interface translates the template (Qt: context "Reason") and
fills in the values with ``str.format``. ``reason`` makes a reviewable reason of phrases;
``reason_shape`` finds the values of stored phrases again in their English text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Union

# The English template of every phrase a reason can hold, by key.
TEMPLATES: dict[str, str] = {
    # words
    "split": "one word split by a space",
    "space-read-as": "a space read as '{text}'",
    "space-lost": "a space lost",
    "document-agrees": "the document's other spellings of the word agree on '{word}'",
    # the sentence around a word (the real-word model's evidence)
    "context-evidence": "context ({evidence}) prefers '{word}'",
    "word": "'{word}'",
    "boundary": "a sentence boundary",
    "comma": "a comma",
    "bracket": "a bracket or dash",
    "number": "a number",
    "just-before": "{token} just before",
    "just-after": "{token} just after",
    "words-before": "{token} {count} words before",
    "words-after": "{token} {count} words after",
    "two-before": "{first} and {second} just before",
    "two-after": "{first} and {second} just after",
    "between": "between {first} and {second}",
    "in-capitals": "written in capitals",
    "capitalised": "capitalised inside a sentence",
    "ending-before": "a word ending in -{ending} just before",
    "ending-after": "a word ending in -{ending} just after",
    "feature": "{feature}",
    "lost": "{letter} lost",
    "missing": "{letter} missing",
    "extra": "extra '{text}'",
    "misread": "letters misread",
    "read-as": "{letter} read as {text}",
    "capital-misread": "capital letter misread",
    "capital-lost": "capital letter lost",
    "compound": "'{word}' is a compound of {parts}",
    "close-word": "'{word}' is a close known word",
    "common": "'{word}' is common",
    "known": "'{word}' is a known word",
    "rare": "'{word}' is a valid but rare word",
    "context": "context '{around}' prefers '{word}'",
    "also-word": "'{word}' is a word too",
    "also-word-less-likely": "'{word}' is a word too but less likely here",
    "not-word": "'{word}' is not a word",
    "manual": "edited by the reviewer",
    "range-dash": "this corpus writes its ranges of numbers with an en dash",
    # page furniture
    "page-number": "page number",
    "document-number": "document number",
    "contact-line": "letterhead contact line",
    "running-header": "running header",
    "running-footer": "running footer",
    "letterhead-with": "letterhead line with a {what}",
    "at-top": "at the top of page {page}",
    "at-bottom": "at the bottom of page {page}",
    "form-line": "{what} '{text}'",
    "form-where": "{what} '{text}' {where}",
    "repeats": "{what} '{text}' repeats {where} and on {repeated} of {compared} other pages",
    "garbage-line": "short garbage line '{text}' {where} (logo or letterhead)",
    "symbols-line": "a line of symbols only: '{text}'",
    # hyphenation
    "suspended-hyphen": "suspended hyphen: {pair} shares its last part with the next word; keep it",
    "hyphen-symbol": "hyphen next to a symbol in {pair}; keep it",
    "hyphen-code": "hyphen after a code or abbreviation in {pair}; keep it",
    "hyphen-capital": "the next part of {pair} has a capital; keep the hyphen",
    "split-known": "word split at the line end: {pair} is '{word}'",
    "split-unknown": (
        "probably a word split at the line end: {pair} → '{word}' (not in the lexicon)"
    ),
    # reflow and lists
    "item-starts": "a list item starts",
    "next-item": "next list item",
    "bullet": "list bullet {glyph}",
    "bullet-misread": "list bullet read by OCR as {glyph}",
    "bullet-in-list": "{glyph} starts a line in a list: a list bullet",
    "bullet-placed": "{glyph} stands where the list bullets stand",
    "speck-goes-on": "{glyph} before a sentence that goes on is a speck",
    "speck-outside-list": "{glyph} before a sentence, outside any list: a speck",
    "lost-bullet-between": "between two list items: an item whose bullet OCR lost",
    "lost-bullet-run": "short paragraph in a run after a colon: a list item whose bullet OCR lost",
    "symbols": "line of symbols",
    "columns": "a line laid out in columns stays a line of its own",
    "fitted": "the line ends although the next word would have fitted: new paragraph",
    "inside-paragraph": "line break inside a paragraph",
    "page-break": "the page break",
    "blank-line": "a blank line",
    "goes-on": "the sentence goes on after {where}",
    "full-goes-on": "the line is full and has no full stop: the paragraph goes on after {where}",
    "full-before": "the line before {where} is full: the paragraph probably goes on",
    "new-paragraph": "new paragraph after {where}",
    # whitespace and specks
    "spaces-at-break": "spaces around a line break",
    "several-spaces": "several spaces",
    "several-spaces-between": "several spaces between words",
    "blank-before": "blank space before the text",
    "blank-after": "blank space after the text",
    "speck-before": "'{text}' before the text is an OCR speck",
    "speck-after": "'{text}' after the text is an OCR speck",
    "speck-between": "'{text}' between words is an OCR speck",
    "quote-speck": "'‘' stuck to '{text}' is an OCR speck",
    "underscore-speck": "underscore stuck to '{text}' is an OCR speck",
    "second-quote": "a second opening quote closes the first",
    "low-quote": "a low quote after a word closes a quote",
}

# Phrases that continue a list of the phrase before them with a comma, not a semicolon.
_OPS = frozenset({"lost", "missing", "extra", "misread", "read-as", "space-read-as", "space-lost"})
_AFTER_COMMA = frozenset({"not-word"})

Value = Union[str, "Phrase", tuple["Phrase", ...]]  # a tuple: phrases listed with commas
Translate = Callable[[str], str]


def english(template: str) -> str:
    """The English renderer: templates are English already."""
    return template


@dataclass(frozen=True)
class Phrase:
    """One phrase of a reason: the key of its template and the values to fill in.

    Attributes:
        key: a key of ``TEMPLATES``.
        values: ``(name, value)`` pairs; a value is text or another phrase.
    """

    key: str
    values: tuple[tuple[str, Value], ...] = ()

    def render(self, translate: Translate = english) -> str:
        """The phrase in the language of ``translate`` (it maps an English template)."""
        if translate is english:  # made once: phrases are shared between reasons
            found: str | None = self.__dict__.get("_english")
            if found is None:
                found = self.__dict__["_english"] = self._render(english)
            return found
        return self._render(translate)

    def _render(self, translate: Translate) -> str:
        template = translate(TEMPLATES[self.key])
        filled = {name: _text(value, translate) for name, value in self.values}
        try:
            return template.format(**filled)
        except (KeyError, IndexError, ValueError):  # a broken translation: say it in English
            return TEMPLATES[self.key].format(**filled)

    def data(self) -> dict[str, Any]:
        """The phrase as plain data: ``{"key": …, name: value or nested phrase}``."""
        result: dict[str, Any] = {"key": self.key}
        for name, value in self.values:
            if isinstance(value, Phrase):
                result[name] = value.data()
            elif isinstance(value, tuple):
                result[name] = [item.data() for item in value]
            else:
                result[name] = value
        return result


def _text(value: Value, translate: Translate) -> str:
    if isinstance(value, Phrase):
        return value.render(translate)
    if isinstance(value, tuple):
        return LIST_SEPARATOR.join(item.render(translate) for item in value)
    return value


LIST_SEPARATOR = ", "


def phrase(key: str, **values: Value) -> Phrase:
    """A phrase of template ``key`` (KeyError for an unknown key: a typo is caught at once)."""
    TEMPLATES[key]  # noqa: B018 (the look-up is the check)
    return Phrase(key, tuple(values.items()))


def joiner(previous: str, key: str) -> str:
    """What stands between a phrase of key ``previous`` and one of ``key``: ", " or "; "."""
    comma = key in _AFTER_COMMA or (key in _OPS and previous in _OPS)
    return ", " if comma else "; "


def render(phrases: tuple[Phrase, ...], translate: Translate = english) -> str:
    """Phrases joined as a sentence: a list of letter fixes with commas, the rest with "; "."""
    parts: list[str] = []
    previous = ""
    for item in phrases:
        if parts:
            parts.append(joiner(previous, item.key))
        parts.append(item.render(translate))
        previous = item.key
    return "".join(parts)
