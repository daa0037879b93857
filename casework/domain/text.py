"""Safe text for display and export: no direction overrides, no spreadsheet formulas."""

from __future__ import annotations

import re
import unicodedata

_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def neutralise(text: str) -> str:
    """Remove Unicode direction controls (overrides, embeddings, isolates, marks).

    A name like "\u202eabc" would otherwise display reversed and could disguise one
    label as another; Arabic script is right-to-left by itself and needs none of them.
    Other invisible format characters are kept only when they join letters (ZWJ/ZWNJ).
    """
    cleaned = _BIDI_CONTROLS.sub("", text)
    return "".join(c for c in cleaned
                   if unicodedata.category(c) != "Cc" or c in "\t\n")


def clean_name(text: str) -> str:
    """A name or label as stored: controls removed, whitespace collapsed, NFC."""
    return " ".join(unicodedata.normalize("NFC", neutralise(text)).split())


def csv_cell(value: object) -> str:
    """A CSV cell that a spreadsheet will not run as a formula (OWASP CSV injection)."""
    text = neutralise("" if value is None else str(value))
    return "'" + text if text.startswith(_FORMULA_START) else text


_HARAKAT = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_ARABIC_VARIANTS = str.maketrans({
    "\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627", "\u0671": "\u0627",
    "\u0629": "\u0647", "\u0649": "\u064a",
})


def search_key(text: str) -> str:
    """A form of a name for matching as people type, in Arabic or Latin script.

    Arabic: harakat, Quranic marks and tatweel removed, the alif forms (أ إ آ ٱ) read
    as ا, taa marbuta (ة) as ه and alif maqsura (ى) as ي. Latin: case and diacritics
    ignored (é as e). Whitespace collapsed. Both the stored name and what is typed go
    through this, so "فاطمة" finds "فاطمه" and "Jose" finds "José".
    """
    text = _HARAKAT.sub("", clean_name(text)).translate(_ARABIC_VARIANTS)
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    kept = "".join(c for c in decomposed
                   if not (unicodedata.combining(c) and unicodedata.category(c) == "Mn"
                           and not "\u0600" <= c <= "\u06ff"))
    return " ".join(unicodedata.normalize("NFC", kept).split())
