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
