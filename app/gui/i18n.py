"""Languages, fonts and the app's own settings (recent workspaces, language).

English is the source language; the Arabic translation lives in `i18n/athar_ar.ts`
(edited with Qt Linguist) and ships compiled as `athar_ar.qm`. With Arabic chosen the
whole layout is right-to-left. Arabic glyphs come from a font set explicitly (DESIGN.md:
never trust fallback): Noto Naskh/Sans Arabic when installed, else DejaVu Sans.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QSettings,
    Qt,
    QTranslator,
)
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

I18N = Path(__file__).resolve().parent / "i18n"
LANGUAGES = {"en": "English", "ar": "العربية"}
MAX_RECENT = 8

FONT_FILES = (
    "/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoNaskhArabic-Bold.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansArabic-Bold.ttf",
    "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
)
LATIN_FAMILIES = ("Noto Sans", "DejaVu Sans")
ARABIC_FAMILIES = ("Noto Sans Arabic", "Noto Naskh Arabic", "DejaVu Sans")


class AppSettings:
    """The user's app settings (not the workspace's): language, recent workspaces.

    Stored in an INI file: ATHAR_SETTINGS when set (tests), else Qt's per-user location.
    """

    def __init__(self, path: str | None = None) -> None:
        path = path or os.environ.get("ATHAR_SETTINGS")
        self._q = (QSettings(path, QSettings.Format.IniFormat) if path
                   else QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                                  "Athar", "Athar"))

    @property
    def language(self) -> str:
        """"en" or "ar"."""
        value = str(self._q.value("language", "en"))
        return value if value in LANGUAGES else "en"

    @language.setter
    def language(self, value: str) -> None:
        self._q.setValue("language", value if value in LANGUAGES else "en")
        self._q.sync()

    @property
    def device(self) -> str:
        """Where ONNX model packs compute: "auto", "cpu" or "cuda"."""
        value = str(self._q.value("device", "auto"))
        return value if value in ("auto", "cpu", "cuda") else "auto"

    @device.setter
    def device(self, value: str) -> None:
        self._q.setValue("device", value if value in ("auto", "cpu", "cuda") else "auto")
        self._q.sync()

    def recent(self) -> list[str]:
        """Recently opened workspace folders, newest first (existing ones only)."""
        raw = self._q.value("recent", [])
        items: list[object] = ([raw] if isinstance(raw, str)
                               else list(raw) if isinstance(raw, list | tuple) else [])
        return [str(p) for p in items if Path(str(p)).is_dir()][:MAX_RECENT]

    def remember(self, folder: Path) -> None:
        """Put a workspace first in the recent list."""
        items = [str(folder)] + [p for p in self.recent() if p != str(folder)]
        self._q.setValue("recent", items[:MAX_RECENT])
        self._q.sync()


def load_fonts() -> list[str]:
    """Register the fonts the UI relies on; returns the families now available."""
    for path in FONT_FILES:
        if Path(path).is_file():
            QFontDatabase.addApplicationFont(path)
    return QFontDatabase.families()


def ui_font(language: str, size: int = 10) -> QFont:
    """The font for the language, chosen from what is installed; covers Arabic too."""
    families = set(QFontDatabase.families())
    wanted = (ARABIC_FAMILIES + LATIN_FAMILIES if language == "ar"
              else LATIN_FAMILIES + ARABIC_FAMILIES)
    chosen = [f for f in wanted if f in families]
    font = QFont(chosen[0] if chosen else QFont().family(), size)
    if len(chosen) > 1:
        font.setFamilies(chosen)
    return font


_installed: list[QTranslator] = []


def apply_language(app: QApplication, language: str) -> bool:
    """Install the translation, layout direction and font; False when the .qm is missing."""
    for old in _installed:
        QCoreApplication.removeTranslator(old)
    _installed.clear()
    ok = True
    if language != "en":
        translator = QTranslator(app)
        ok = translator.load(str(I18N / f"athar_{language}.qm"))
        if ok:
            QCoreApplication.installTranslator(translator)
            _installed.append(translator)
        qt_own = QTranslator(app)  # Qt's own strings: the standard buttons, dialogs
        if qt_own.load(f"qtbase_{language}", QLibraryInfo.path(
                QLibraryInfo.LibraryPath.TranslationsPath)):
            QCoreApplication.installTranslator(qt_own)
            _installed.append(qt_own)
    rtl = language == "ar" and ok
    app.setLayoutDirection(Qt.LayoutDirection.RightToLeft if rtl
                           else Qt.LayoutDirection.LeftToRight)
    QLocale.setDefault(QLocale(QLocale.Language.Arabic if rtl else QLocale.Language.English))
    load_fonts()
    app.setFont(ui_font(language))
    return ok
