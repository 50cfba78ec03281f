"""The window and the HTML report draw each kind in the same colour and with the same kind."""

import re

from PySide6.QtGui import QColor

from korrektur.formats.export_html import export_html
from korrektur.formats.reading import ExportOptions
from korrektur.model import Document, Kind, ReviewSession, Suggestion
from korrektur.model.palette import primary_kind
from korrektur.store.review import Review
from korrektur.ui.theme import Theme, light_palette


def test_every_kind_is_underlined_in_the_window_colour_in_the_report(qapp):
    document = Document.from_text("forvaltning\n")
    html = export_html(Review(ReviewSession(document, [])), ExportOptions()).decode()
    theme = Theme.from_palette(light_palette())  # the report is light
    for kind in Kind:
        rule = re.search(rf"\.k-{kind.value} {{ text-decoration-color: (#[0-9A-Fa-f]{{6}})", html)
        assert rule is not None, kind
        assert QColor(rule.group(1)) == theme.line_colour(kind), kind


def test_a_suggestion_of_two_kinds_looks_like_the_same_kind_in_both(qapp):
    document = Document.from_text("forvaltnlng\n")
    both = Suggestion("s1", 0, 11, "forvaltnlng", "förvaltning", {Kind.OCR, Kind.DIACRITIC})
    html = export_html(Review(ReviewSession(document, [both])), ExportOptions()).decode()
    classes = set(re.findall(r'class="s pending ([^"]*)"', html))
    assert classes == {f"k-{primary_kind(both).value}"} == {"k-diacritic"}
