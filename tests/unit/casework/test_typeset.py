"""Arabic in reports: names drawn exactly as typed (no ligature adds vowel marks), mixed
lines in the right visual order, digits kept left to right inside Arabic."""

from __future__ import annotations

import unicodedata

import pytest
import uharfbuzz
from reportlab.pdfbase import pdfmetrics

from athar.casework.reports.typeset import FEATURES, Shaper, register_fonts, visual_runs

NAMES = ["عبد الله", "الله", "عبد اللطيف", "لا إله", "فاطمة الزهراء", "محمّد"]


def _glyph_text(shaper: Shaper, text: str) -> str:
    """What the shaped runs draw, as characters (presentation forms folded back)."""
    drawn = ""
    for run in visual_runs(text)[1]:
        pieces, _ = shaper._shaped(run, 12, False)
        drawn += "".join(piece for _, piece in pieces)
    return drawn


@pytest.fixture(scope="module")
def shaper() -> Shaper:
    return Shaper(register_fonts())


def test_optional_ligatures_are_off() -> None:
    assert FEATURES["liga"] is False
    assert FEATURES["dlig"] is False
    assert FEATURES["rlig"] is True  # lam-alef stays joined, as Arabic requires


MARK_GLYPHS = ("uni064B", "uni064C", "uni064D", "uni064E", "uni064F", "uni0650", "uni0651",
               "uni0652", "uni0670")
"""Harakat, shadda, sukun and the dagger alef: what the Allah ligature would add."""


def _glyph_names(shaper: Shaper, text: str) -> list[str]:
    font = pdfmetrics.getFont(shaper.fonts.arabic).hbFont(12)
    buf = uharfbuzz.Buffer()
    buf.add_str(text)
    buf.guess_segment_properties()
    uharfbuzz.shape(font, buf, FEATURES)
    return [font.glyph_to_string(info.codepoint) for info in buf.glyph_infos]


@pytest.mark.parametrize("name", NAMES)
def test_names_are_drawn_with_exactly_the_marks_typed(shaper: Shaper, name: str) -> None:
    glyphs = _glyph_names(shaper, name)
    typed_marks = sorted(f"uni{ord(c):04X}" for c in name if unicodedata.category(c) == "Mn")
    drawn_marks = sorted(g for g in glyphs if g in MARK_GLYPHS)
    assert drawn_marks == typed_marks, glyphs
    assert not any("_" in g and g.count("uni") >= 3 for g in glyphs), glyphs  # no 3-letter
    # ligature (lam-lam-heh, drawn as the Allah sign with marks in some fonts)


@pytest.mark.parametrize("name", NAMES)
def test_names_read_back_as_typed(shaper: Shaper, name: str) -> None:
    drawn = unicodedata.normalize("NFKC", _glyph_text(shaper, name))
    assert sorted(drawn.replace(" ", "")) == sorted(name.replace(" ", ""))


def test_a_left_to_right_line_with_an_arabic_name_keeps_its_order() -> None:
    rtl, runs = visual_runs("Name: محمد الخطيب, born in Homs")
    assert not rtl
    texts = [r.text for r in runs]
    assert texts[0].startswith("Name:")
    assert texts[1] == "محمد الخطيب"
    assert runs[1].arabic
    assert runs[1].rtl
    assert texts[-1].endswith("born in Homs")


def test_digits_inside_arabic_read_left_to_right() -> None:
    rtl, runs = visual_runs("رقم المعتقل 2150 في الفرع")
    assert rtl
    digits = [r for r in runs if r.text.strip().isdigit()]
    assert [r.text.strip() for r in digits] == ["2150"]  # one run, not reversed
    assert not digits[0].rtl
    assert runs[0].text.strip() == "في الفرع"  # an RTL line: its last words drawn leftmost
