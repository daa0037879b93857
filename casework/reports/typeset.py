"""Text for PDF pages in Arabic and Latin script: fonts, bidirectional runs, shaping.

ReportLab draws glyphs; it needs help with Arabic. Each line is split into runs of one
embedding level (the Unicode bidirectional algorithm, from python-bidi) and one font,
the runs are put in visual order (rule L2), and each run is shaped by HarfBuzz (through
ReportLab and uharfbuzz), so letters join and read right to left. Optional ligatures are
off: with them some fonts draw "الله" as the Allah ligature with a shadda and a dagger
alef, marks the family never typed; names must render exactly as typed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bidi import algorithm as uba
from reportlab.lib.abag import ABag
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont, shapeFragWord
from reportlab.pdfgen.canvas import Canvas

from athar.casework.domain.errors import EnvironmentFault

FEATURES = {"kern": True, "liga": False, "dlig": False, "rlig": True, "calt": True}
"""HarfBuzz features: required ligatures (lam-alef) on, optional ones off."""

FONT_DIRS = (Path("/usr/share/fonts/truetype/noto"), Path("/usr/share/fonts/truetype/dejavu"),
             Path("/usr/share/fonts/noto"), Path("/usr/share/fonts/TTF"))
FACES = {  # role -> candidate files, best first
    "latin": ("NotoSans-Regular.ttf", "DejaVuSans.ttf"),
    "latin-bold": ("NotoSans-Bold.ttf", "DejaVuSans-Bold.ttf"),
    "arabic": ("NotoSansArabic-Regular.ttf", "NotoNaskhArabic-Regular.ttf", "DejaVuSans.ttf"),
    "arabic-bold": ("NotoSansArabic-Bold.ttf", "NotoNaskhArabic-Bold.ttf",
                    "DejaVuSans-Bold.ttf"),
}
"""Noto Sans Arabic first: its lam-alef is one glyph with a character (U+FEFB), so text
copied from the PDF reads back; Noto Naskh draws it from two glyphs with none."""


def _arabic(ch: str) -> bool:
    o = ord(ch)
    return 0x0600 <= o <= 0x06FF or 0x0750 <= o <= 0x077F or 0x08A0 <= o <= 0x08FF \
        or 0xFB50 <= o <= 0xFDFF or 0xFE70 <= o <= 0xFEFF


@dataclass(frozen=True)
class Fonts:
    """The registered ReportLab font names for each role."""

    latin: str
    latin_bold: str
    arabic: str
    arabic_bold: str

    def for_text(self, arabic: bool, bold: bool) -> str:
        """The font for a run."""
        if arabic:
            return self.arabic_bold if bold else self.arabic
        return self.latin_bold if bold else self.latin


def _find(names: tuple[str, ...]) -> Path | None:
    for name in names:
        for folder in FONT_DIRS:
            if (folder / name).is_file():
                return folder / name
    return None


def register_fonts() -> Fonts:
    """Register the system's Noto (or DejaVu) fonts with ReportLab, once.

    Raises:
        EnvironmentFault: no font covering Arabic is installed (fonts-noto-core).
    """
    chosen: dict[str, str] = {}
    for role, names in FACES.items():
        path = _find(names)
        if path is None:
            raise EnvironmentFault(f"no {role} font found for the report: install the Debian "
                                   "package fonts-noto-core (packaging/setup.sh does)")
        name = f"athar-{role}"
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(path)))
        chosen[role] = name
    return Fonts(chosen["latin"], chosen["latin-bold"], chosen["arabic"], chosen["arabic-bold"])


@dataclass(frozen=True)
class Run:
    """A piece of a line with one direction and one font, in logical order."""

    text: str
    rtl: bool
    arabic: bool


def _levels(text: str) -> tuple[int, list[str], list[int]]:
    """The paragraph level, the characters (mirrored where a right-to-left level needs it)
    and each character's resolved embedding level (UBA, rules up to I2 and L4)."""
    storage: dict[str, Any] = uba.get_empty_storage()
    base = uba.get_base_level(text)
    storage["base_level"], storage["base_dir"] = base, ("L", "R")[base]
    uba.get_embedding_levels(text, storage)
    uba.explicit_embed_and_overrides(storage)
    uba.resolve_weak_types(storage)
    uba.resolve_neutral_types(storage, False)
    uba.resolve_implicit_levels(storage, False)
    uba.apply_mirroring(storage, False)
    chars = storage["chars"]
    return base, [c["ch"] for c in chars], [int(c["level"]) for c in chars]


def visual_runs(text: str, arabic_covers: Callable[[str], bool] | None = None
                ) -> tuple[bool, list[Run]]:
    """Whether the line reads right to left, and its runs from left to right.

    Args:
        arabic_covers: whether the Arabic font has a glyph for a character; spaces and
            punctuation join an Arabic run only when it does (Noto Naskh has no brackets
            or dashes, which then come from the Latin font).
    """
    if not text:
        return False, []
    covers = arabic_covers or (lambda _c: True)
    base, chars, levels = _levels(text)
    kinds = [_arabic(c) and covers(c) for c in chars]
    for i, c in enumerate(chars):  # spaces and punctuation take the script around them
        if not c.isalnum() and not kinds[i] and covers(c):
            kinds[i] = kinds[i - 1] if i and levels[i - 1] == levels[i] else kinds[i]
    runs: list[tuple[str, int, bool]] = []
    start = 0
    for i in range(1, len(chars) + 1):
        if i == len(chars) or (levels[i], kinds[i]) != (levels[start], kinds[start]):
            runs.append(("".join(chars[start:i]), levels[start], kinds[start]))
            start = i
    top = max(level for _, level, _ in runs)
    lowest_odd = min((level for _, level, _ in runs if level % 2), default=top + 1)
    for level in range(top, lowest_odd - 1, -1):  # L2: reverse each run of runs >= level
        i = 0
        while i < len(runs):
            if runs[i][1] < level:
                i += 1
                continue
            j = i
            while j < len(runs) and runs[j][1] >= level:
                j += 1
            runs[i:j] = runs[i:j][::-1]
            i = j
    return bool(base), [Run(t, bool(level % 2), arabic) for t, level, arabic in runs]


class Shaper:
    """Measures and draws lines of mixed text with the registered fonts."""

    def __init__(self, fonts: Fonts) -> None:
        self.fonts = fonts
        cmap = pdfmetrics.getFont(fonts.arabic).face.charToGlyph
        self._covers: Callable[[str], bool] = lambda c: ord(c) in cmap

    def runs(self, text: str) -> tuple[bool, list[Run]]:
        """`visual_runs` with the Arabic font's own coverage."""
        return visual_runs(text, self._covers)

    def _shaped(self, run: Run, size: float, bold: bool) -> tuple[list[tuple[str, Any]], float]:
        font = self.fonts.for_text(run.arabic, bold)
        word = [pdfmetrics.stringWidth(run.text, font, size),
                (ABag(fontName=font, fontSize=size), run.text)]
        shaped = shapeFragWord(word, features=FEATURES)
        pieces = [(frag.fontName, text) for frag, text in shaped[1:]]
        return pieces, float(shaped[0])

    def width(self, text: str, size: float, bold: bool = False) -> float:
        """How wide the line is, in points."""
        return sum(self._shaped(r, size, bold)[1] for r in self.runs(text)[1])

    def draw(self, canvas: Canvas, x: float, y: float, text: str, size: float,
             bold: bool = False, right: float | None = None) -> None:
        """Draw one line starting at x (or ending at `right`, for a right-aligned line)."""
        _, runs = self.runs(text)
        shaped = [self._shaped(r, size, bold) for r in runs]
        if right is not None:
            x = right - sum(w for _, w in shaped)
        for pieces, width in shaped:
            cursor = x
            for font, piece in pieces:
                canvas.setFont(font, size)
                canvas.drawString(cursor, y, piece)
                cursor += _advance(piece, font, size)
            x += width

    def wrap(self, text: str, size: float, width: float, bold: bool = False) -> list[str]:
        """Break a paragraph into lines that fit `width` (at spaces; a word longer than
        the line is broken at a character), in logical order."""
        lines: list[str] = []
        for para in text.splitlines() or [""]:
            words, current = para.split(" "), ""
            for word in words:
                candidate = f"{current} {word}" if current else word
                if self.width(candidate, size, bold) <= width or not current:
                    current = candidate
                else:
                    lines.append(current)
                    current = word
                while self.width(current, size, bold) > width and len(current) > 1:
                    cut = len(current) - 1
                    while cut > 1 and self.width(current[:cut], size, bold) > width:
                        cut -= 1
                    lines.append(current[:cut])
                    current = current[cut:]
            lines.append(current)
        return lines


def _advance(piece: Any, font: str, size: float) -> float:
    data = getattr(piece, "__shapeData__", None)
    if data is not None:
        return float(sum(d.x_advance for d in data)) * size / 1000
    return float(pdfmetrics.stringWidth(piece, font, size))
