"""Read a Hunspell dictionary (.aff + .dic) and expand it into word forms with compound roles."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

# Roles of a form, as bits.
FULL = 1  # a word on its own
BEGIN = 2  # may begin a compound (COMPOUNDBEGIN)
MIDDLE = 4  # may stand inside a compound (COMPOUNDMIDDLE)
END = 8  # may end a compound (COMPOUNDEND)


@dataclass(frozen=True)
class Suffix:
    """One SFX rule: strip ``strip``, add ``add`` (with continuation flags) when ``condition``."""

    strip: str
    add: str
    flags: str
    condition: re.Pattern[str] | None


@dataclass
class Affixes:
    """The parts of an .aff file the expansion needs."""

    suffixes: dict[str, list[Suffix]] = field(default_factory=dict)
    begin: str = ""
    middle: str = ""
    end: str = ""
    only_in_compound: str = ""
    forbidden: str = ""
    need_affix: str = ""


_FLAG_KEYS = {
    "COMPOUNDBEGIN": "begin",
    "COMPOUNDMIDDLE": "middle",
    "COMPOUNDEND": "end",
    "ONLYINCOMPOUND": "only_in_compound",
    "FORBIDDENWORD": "forbidden",
    "NEEDAFFIX": "need_affix",
}


def read_affixes(path: Path) -> Affixes:
    """Parse the suffix rules and compound flags of an .aff file (single-character flags)."""
    affixes = Affixes()
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts or parts[0].startswith("#"):
            continue
        if parts[0] in _FLAG_KEYS and len(parts) > 1:
            setattr(affixes, _FLAG_KEYS[parts[0]], parts[1])
        elif parts[0] == "SFX" and len(parts) >= 5:
            flag, strip, add, condition = parts[1], parts[2], parts[3], parts[4]
            add, _, flags = add.partition("/")
            affixes.suffixes.setdefault(flag, []).append(
                Suffix(
                    "" if strip == "0" else strip,
                    "" if add == "0" else add,
                    flags,
                    None if condition == "." else re.compile(f"(?:{condition})$"),
                )
            )
    return affixes


def _roles(flags: str, affixes: Affixes, inflected: bool) -> int:
    if affixes.forbidden and affixes.forbidden in flags:
        return 0
    roles = 0
    compound_only = bool(affixes.only_in_compound) and affixes.only_in_compound in flags
    needs_affix = bool(affixes.need_affix) and affixes.need_affix in flags
    if not compound_only and (inflected or not needs_affix):
        roles |= FULL
    # Hunspell lets an inflected form end a compound, but begin one only by its own flags.
    if affixes.begin and affixes.begin in flags:
        roles |= BEGIN
    if affixes.middle and affixes.middle in flags:
        roles |= MIDDLE
    if affixes.end and affixes.end in flags:
        roles |= END
    return roles


def expand(dic_paths: Iterable[Path], affixes: Affixes) -> dict[str, int]:
    """Every form of every stem in ``dic_paths`` with its roles (OR-ed over all entries)."""
    forms: dict[str, int] = {}
    roles_of: dict[tuple[str, bool], int] = {}

    def roles(flags: str, inflected: bool) -> int:
        found = roles_of.get((flags, inflected))
        if found is None:
            found = roles_of[flags, inflected] = _roles(flags, affixes, inflected)
        return found

    for path in dic_paths:
        with path.open(encoding="utf-8") as handle:
            next(handle, None)  # the first line is the entry count
            for line in handle:
                word, _, flags = line.rstrip("\n").partition("/")
                word, flags = word.strip(), flags.strip()
                if not word:
                    continue
                base = roles(flags, False)
                if base:
                    forms[word] = forms.get(word, 0) | base
                if affixes.forbidden and affixes.forbidden in flags:
                    continue
                end_role = affixes.end if affixes.end and affixes.end in flags else ""
                for flag in flags:
                    for rule in affixes.suffixes.get(flag, ()):
                        if rule.strip and not word.endswith(rule.strip):
                            continue
                        if rule.condition is not None and not rule.condition.search(word):
                            continue
                        form = (
                            word[: len(word) - len(rule.strip)] if rule.strip else word
                        ) + rule.add
                        found = roles(rule.flags + end_role, True)
                        if found:
                            forms[form] = forms.get(form, 0) | found
    return forms
