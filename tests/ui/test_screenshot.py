"""``korrektur FILE --screenshot OUT.png`` draws the window after analysis and exits."""

from fakes import fake_engine
from PySide6.QtGui import QImage

from korrektur import cli
from korrektur.ui import app as app_module


def test_screenshot_mode_writes_a_png(report, tmp_path, monkeypatch):
    monkeypatch.setattr(app_module, "default_engine", fake_engine)
    out = tmp_path / "shots" / "main.png"
    code = cli.main([str(report), "--screenshot", str(out), "--size", "900x600"])
    assert code == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == (900, 600)
    assert image.pixelColor(450, 300).isValid()


def test_screenshot_of_a_missing_file_fails_clearly(tmp_path, capsys):
    code = cli.main([str(tmp_path / "saknas.txt"), "--screenshot", str(tmp_path / "x.png")])
    assert code == 1
    assert "korrektur: error:" in capsys.readouterr().err
    assert not (tmp_path / "x.png").exists()


def test_screenshot_size_is_checked(report, tmp_path, capsys):
    code = cli.main([str(report), "--screenshot", str(tmp_path / "x.png"), "--size", "big"])
    assert code == 2
    assert "--size" in capsys.readouterr().err
