import array
import marshal
import os
import shutil
import time
from pathlib import Path

import pytest

from korrektur.engine.words import lexicon as lexicon_module
from korrektur.engine.words import lexicon_cache
from korrektur.engine.words import memo as memo_module
from korrektur.engine.words.lexicon import Lexicon, pair_hash, quantise
from korrektur.engine.words.lexicon_cache import load_lexicon
from korrektur.engine.words.lexicon_sources import find_sources
from korrektur.engine.words.lines import SortedLines


def tiny() -> Lexicon:
    keys = array.array("Q", sorted([pair_hash("för", "att"), pair_hash("i", "skolan")]))
    counts = array.array("I", [7 if k == pair_hash("för", "att") else 3 for k in keys])
    return Lexicon(
        total=1000.0,
        logp={"för": quantise(-2.0), "for": quantise(-9.0), "skola": quantise(-6.0)},
        groups={"for": "för\tfor"},
        rare=SortedLines.build(sorted(["skolbil\tskolbil", "forandrad\tförändrad"])),
        begin={"skol": 40},
        begin_groups={},
        caps={"stockholm": 99},
        bigram_keys=keys,
        bigram_counts=counts,
        acronyms=frozenset({"NPF"}),
        patterns=[("year", r"\d{4}")],
        confusions=[("6", "ö", 0.02)],
        learned={"doc": {"confusions": {"a>ä": 3}}},
    )


def test_lookups():
    lexicon = tiny()
    assert lexicon.forms("for") == ("för", "for")
    assert lexicon.forms("skola") == ("skola",)
    assert lexicon.forms("forandrad") == ("förändrad",)
    # genitives: of a counted word, of a rare form, none of a short stem or of no word
    assert lexicon.forms("skolas") == ("skolas",)
    assert lexicon.forms("forandrads") == ("förändrads",)
    assert lexicon.forms("fors") == ()
    assert lexicon.forms("skolxs") == ()
    assert lexicon.word_logp("för") == pytest.approx(-2.0)
    assert lexicon.word_logp("förändrad") == lexicon.rare_logp
    assert lexicon.word_logp("skolans") is None  # too short a stem for a genitive
    assert lexicon.known("skolbil")
    assert lexicon.known("skolbils")
    assert not lexicon.known("fxr")
    assert lexicon.begin_forms("skol") == ("skol",)
    assert lexicon.part_logn("skol") == pytest.approx(40 / 8)
    assert lexicon.capitalised_share("stockholm") == pytest.approx(0.99)
    assert lexicon.capitalised_share("skola") == pytest.approx(0.01)
    assert lexicon.capitalised_share("okänt") is None
    assert lexicon.bigram("för", "att") == 7
    assert lexicon.bigram("att", "för") == 0


def test_blob_round_trip():
    lexicon = tiny()
    again = Lexicon.from_blob(lexicon.to_blob())
    assert again.forms("for") == lexicon.forms("for")
    assert again.bigram("i", "skolan") == 3
    assert again.acronyms == {"NPF"}
    assert again.patterns == [("year", r"\d{4}")]
    assert again.confusions == [("6", "ö", 0.02)]


def test_cache_is_built_once_and_rebuilt_when_damaged(tmp_path, monkeypatch):
    monkeypatch.setattr(lexicon_cache, "cache_dir", lambda: tmp_path)
    built = []

    def builder(sources):
        built.append(sources)
        return tiny()

    sources = find_sources()
    first = load_lexicon(sources, builder)
    second = load_lexicon(sources, builder)
    assert len(built) == 1
    assert second.forms("for") == first.forms("for")
    cache = lexicon_cache.cache_file(sources)
    cache.write_bytes(b"not a lexicon")
    load_lexicon(sources, builder)
    assert len(built) == 2


def test_source_key_follows_lexicon_files(tmp_path):
    folder = tmp_path / "lexicon"
    shutil.copytree(find_sources().lexicon_dir, folder)
    before = find_sources(folder).key()
    domain = folder / "domain.yaml"
    domain.write_text(domain.read_text(encoding="utf-8") + "  - skolskjutsplanering\n", "utf-8")
    assert find_sources(folder).key() != before


def test_compiled_index(lexicon):
    assert lexicon.known("förvaltningen")
    assert "förslag" in lexicon.forms("forslag")
    assert lexicon.known("förstelärare")  # a domain word from lexicon/domain.yaml
    assert "NPF" in lexicon.acronyms
    assert lexicon.bigram("för", "att") > 1000
    assert lexicon.capitalised_share("stockholm") > 0.9
    assert lexicon.capitalised_share("skolan") < 0.1
    assert lexicon.word_logp("och") > lexicon.word_logp("förvaltningen")


def test_remembered_lookups_are_bounded_and_answer_the_same(monkeypatch):
    monkeypatch.setattr(memo_module, "LIMIT", 2)
    lexicon = tiny()
    keys = ["for", "skola", "forandrad", "xyz", "for"]
    first = [lexicon.forms(k) for k in keys]
    assert len(lexicon._forms) <= 2
    assert first == [lexicon.forms(k) for k in keys]
    assert first[0] == ("för", "for")
    assert first[2] == ("förändrad",)
    assert first[3] == ()
    assert lexicon.begin_forms("skol") == ("skol",)
    assert lexicon.begin_forms("sko") == ()


def test_big_tables_are_stored_in_parts_and_read_back_alike(monkeypatch):
    monkeypatch.setattr(lexicon_module, "PART", 2)
    data = {
        "table": {f"w{i}": i for i in range(7)},
        "rows": [f"r{i}" for i in range(5)],
        "lines": ("åäö\n" * 40, [1, 2, 3], b"\x00\x01"),
        "small": {"a": 1},
        "number": 3.5,
    }
    blob = lexicon_module._dump_in_parts(data)
    parts = marshal.loads(blob)["parts"]
    assert parts["table"][0] == "d"
    assert len(parts["table"][1]) == 4
    assert parts["rows"][0] == "l"
    assert parts["lines"][1][0][0] == "s"
    again = lexicon_module._load_in_parts(blob)
    assert again == data
    assert list(again["table"]) == list(data["table"])  # order kept
    with pytest.raises(ValueError, match="not a word index"):
        lexicon_module._load_in_parts(marshal.dumps({"logp": {}}))  # the format before parts
    with pytest.raises(ValueError, match="not a word index"):
        lexicon_module._load_in_parts(marshal.dumps(7))


def test_old_cache_files_are_left_to_older_versions(tmp_path, monkeypatch):
    monkeypatch.setattr(lexicon_cache, "cache_dir", lambda: tmp_path)
    sources = find_sources()
    older = tmp_path / f"lexicon-{sources.key()}.bin"
    older.write_bytes(b"what an older Korrektur wrote")
    load_lexicon(sources, lambda _sources: tiny())
    assert lexicon_cache.cache_file(sources).is_file()
    assert older.is_file()  # another installed version may still use it


def test_caches_unused_for_two_weeks_are_deleted_whatever_their_format(tmp_path, monkeypatch):
    monkeypatch.setattr(lexicon_cache, "cache_dir", lambda: tmp_path)
    sources = find_sources()
    stale = [tmp_path / "lexicon-old.bin", tmp_path / "lexicon2-other.bin"]
    recent = tmp_path / "lexicon-recent.bin"
    unrelated = tmp_path / "notes.txt"
    month_ago = time.time() - 30 * 24 * 3600
    for path in [*stale, recent, unrelated]:
        path.write_bytes(b"x")
    for path in [*stale, unrelated]:
        os.utime(path, (month_ago, month_ago))
    load_lexicon(sources, lambda _sources: tiny())
    assert lexicon_cache.cache_file(sources).is_file()
    assert not any(path.exists() for path in stale)
    assert recent.is_file()
    assert unrelated.is_file()


def test_loading_a_cache_marks_it_as_used(tmp_path, monkeypatch):
    monkeypatch.setattr(lexicon_cache, "cache_dir", lambda: tmp_path)
    sources = find_sources()
    load_lexicon(sources, lambda _sources: tiny())
    cache = lexicon_cache.cache_file(sources)
    month_ago = time.time() - 30 * 24 * 3600
    os.utime(cache, (month_ago, month_ago))
    load_lexicon(sources, lambda _sources: pytest.fail("the cache should have been read"))
    assert time.time() - cache.stat().st_mtime < 60


def test_an_unreadable_cache_is_rebuilt_elsewhere(tmp_path, monkeypatch):
    locked = tmp_path / "locked"
    monkeypatch.setattr(lexicon_cache, "cache_dir", lambda: locked)
    monkeypatch.setattr(lexicon_cache, "fallback_cache_dir", lambda: tmp_path / "elsewhere")
    sources = find_sources()
    load_lexicon(sources, lambda _sources: tiny())  # a cache in the usual place …
    cache = lexicon_cache.cache_file(sources)
    real_read, real_replace = Path.read_bytes, os.replace

    def read_bytes(path):
        if path == cache:
            raise PermissionError(13, "Permission denied", str(path))
        return real_read(path)

    def replace(source, target):
        if Path(target).parent == locked:
            raise PermissionError(13, "Permission denied", str(target))
        return real_replace(source, target)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)  # … that can no longer be read
    monkeypatch.setattr(lexicon_cache.os, "replace", replace)  # nor written
    built = []
    first = load_lexicon(sources, lambda _sources: built.append(1) or tiny())
    assert first.forms("for")
    assert built == [1]
    again = load_lexicon(sources, lambda _sources: pytest.fail("rebuilt a second time"))
    assert again.forms("for") == first.forms("for")
    assert list((tmp_path / "elsewhere").glob("lexicon*.bin"))
