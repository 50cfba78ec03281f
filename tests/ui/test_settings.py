"""The typed settings module with a throwaway store."""

from PySide6.QtCore import QByteArray

from korrektur.ui import settings as keys
from korrektur.ui.settings import MAX_RECENT, SETTINGS_VERSION, Settings


def test_defaults_and_round_trip(tmp_path):
    settings = Settings.at(tmp_path / "s.ini")
    assert settings.get(keys.FONT_SIZE) == keys.FONT_SIZE.default
    assert settings.get(keys.RECENT_FILES) == []
    assert settings.get(keys.GEOMETRY).isEmpty()
    settings.set(keys.FONT_SIZE, 14)
    settings.set(keys.WRAP_LINES, False)
    settings.set(keys.BULK_THRESHOLD, 0.9)
    settings.set(keys.GEOMETRY, QByteArray(b"\x01\x02"))
    settings.add_recent_file("/a/rapport.txt")
    settings.sync()
    again = Settings.at(tmp_path / "s.ini")
    assert again.get(keys.FONT_SIZE) == 14
    assert again.get(keys.WRAP_LINES) is False
    assert again.get(keys.BULK_THRESHOLD) == 0.9
    assert bytes(again.get(keys.GEOMETRY)) == b"\x01\x02"
    assert again.recent_files() == ["/a/rapport.txt"]


def test_unusable_values_read_as_defaults(tmp_path):
    path = tmp_path / "s.ini"
    path.write_text("[view]\nfont_size=huge\ntheme=purple\n[review]\nbulk_threshold=7\n")
    settings = Settings.at(path)
    assert settings.get(keys.FONT_SIZE) == keys.FONT_SIZE.default
    assert settings.get(keys.THEME) == "system"
    assert settings.get(keys.BULK_THRESHOLD) == keys.BULK_THRESHOLD.default


def test_recent_files_newest_first_without_duplicates(tmp_path):
    settings = Settings.at(tmp_path / "s.ini")
    for number in range(MAX_RECENT + 3):
        settings.add_recent_file(f"/r/{number}.txt")
    settings.add_recent_file("/r/5.txt")
    recent = settings.recent_files()
    assert recent[0] == "/r/5.txt"
    assert len(recent) == MAX_RECENT
    assert len(set(recent)) == MAX_RECENT


def test_upgrade_steps_run_once(tmp_path, monkeypatch):
    ran = []
    monkeypatch.setattr(keys, "SETTINGS_VERSION", SETTINGS_VERSION + 1)
    monkeypatch.setitem(keys.UPGRADES, SETTINGS_VERSION + 1, lambda store: ran.append(store))
    Settings.at(tmp_path / "s.ini").sync()
    assert len(ran) == 1
    Settings.at(tmp_path / "s.ini")
    assert len(ran) == 1
