"""Character classes and small text tests shared by the structure analysers."""

from __future__ import annotations

import unicodedata

from korrektur.engine.words.text import fold

# Sentence-final punctuation, and what may follow it (closing quotes and brackets).
TERMINAL = ".!?"
CLOSERS = "\"'”’»)]"

# Symbols OCR leaves as specks. A token made only of these is never text of the report.
SPECKS_AT_START = frozenset("‘’'\"_~;:,.^¨´`")
SPECKS_AT_END = frozenset(".,:;~|—–-_>^*•'\"‘’`´¨")
SPECKS_INSIDE = frozenset("_~©:;,.^¨´`‘’")
DASHES = frozenset("-–—")

# Words that do not end a sentence or a heading: a line ending in one continues. Folded, so
# words that fold together with a noun (år/är, får/far, bor/bör) are left out.
_FUNCTION_WORDS = """
och eller samt men att i av for med som den det en ett pa om till fran de vid under mot inom
hos efter utan genom mellan over dar nar ska kan sin sitt sina dess deras vars vilken vilket
vilka ocksa aven bade varken sasom inklusive respektive resp dvs bl t ex bla m fl
"""
FUNCTION_WORDS = frozenset(_FUNCTION_WORDS.split())


def strip_accents(word: str) -> str:
    """Any diacritics removed (for comparing letters that OCR may have read differently)."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def is_upper_start(text: str) -> bool:
    """Starts with a capital letter (``|`` counts: it is OCR's ``I``)."""
    return bool(text) and (text[0].isupper() or text[0] == "|")


def is_lower_start(text: str) -> bool:
    """Starts with a small letter."""
    return bool(text) and text[0].islower()


def ends_terminal(text: str) -> bool:
    """Ends with ``.``, ``!`` or ``?``, possibly followed by closing quotes or brackets.

    (Where a line may end: unlike the word engine's ``ends_sentence``, a colon is no end
    here and an abbreviation's dot is.)
    """
    stripped = text.rstrip(CLOSERS)
    return bool(stripped) and stripped[-1] in TERMINAL


def last_word(text: str) -> str:
    """The last whitespace token, folded, without punctuation around it."""
    tokens = text.split()
    return fold(tokens[-1].strip(".,;:!?()\"'”’")) if tokens else ""


def ends_open(text: str) -> bool:
    """Ends in a way that a sentence cannot end: a comma, a function word, an open bracket."""
    if not text:
        return False
    if text[-1] in ",;(/&":
        return True
    return text[-1].isalnum() and last_word(text) in FUNCTION_WORDS


def is_speck_token(token: str, specks: frozenset[str]) -> bool:
    """A token made only of speck symbols."""
    return bool(token) and token[0] in specks and all(ch in specks for ch in token)


def letters(text: str) -> int:
    """How many letters ``text`` has."""
    return sum(1 for ch in text if ch.isalpha())
