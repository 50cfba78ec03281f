import sys

from PySide6.QtGui import QColor


def test_void_methods_keep_the_reference_count_of_none():
    # PySide6 6.12.0 on Python 3.11 dropped a reference to None on every void call, which
    # crashes a window after some thousands of paints; pyproject.toml excludes that release.
    colour = QColor("#0072B2")
    before = sys.getrefcount(None)
    for _ in range(1000):
        colour.setAlpha(100)
    assert sys.getrefcount(None) > before - 100
