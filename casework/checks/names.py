"""Arabic names written in Arabic or Latin script, compared as people mean them.

Three steps make two spellings of one name equal, or close:
1. the person search's normalisation (`search_key`: hamza forms of alif, ta marbuta,
   alif maqsura, harakat, tatweel; Latin case and accents), with "عبد ال..." and
   "Abd al-..." joined into one word, so that "عبد الله", "عبدالله", "Abd Allah" and
   "Abdullah" are one name;
2. a consonant skeleton in Latin letters, the same from either script: Arabic letters are
   transliterated (خ and "kh" as x, apart from k), Latin digraphs (sh, th, dh, gh)
   folded, vowels after the first letter dropped, doubled letters single, a final h
   dropped ("Mohammad", "Muhammad", "Mohamed", "محمد" -> "mhmd"; "فاطمة", "Fatima" ->
   "ftm"); names that differ only by their vowels share a skeleton ("Omar" and "Amer"):
   the finer form and the other fields decide then;
3. rapidfuzz's ratio on the skeletons and on a finer Latin form with the vowels, word by
   word (first and last words of a longer name), for what is left (a letter dropped or
   swapped by a clerk).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from athar.casework.domain.text import search_key

_ARABIC_TO_LATIN = {
    "ا": "a", "ب": "b", "ت": "t", "ث": "t", "ج": "j", "ح": "h", "خ": "x", "د": "d",
    "ذ": "d", "ر": "r", "ز": "z", "س": "s", "ش": "s", "ص": "s", "ض": "d", "ط": "t",
    "ظ": "z", "ع": "a", "غ": "g", "ف": "f", "ق": "k", "ك": "k", "ل": "l", "م": "m",
    "ن": "n", "ه": "h", "و": "w", "ي": "y", "ء": "", "ئ": "y", "ؤ": "w",
}
"""After `search_key` (alif forms already ا, ة already ه, ى already ي)."""
_DIGRAPHS = (("kh", "x"), ("sh", "s"), ("th", "t"), ("dh", "d"), ("gh", "g"), ("ph", "f"),
             ("ou", "u"), ("ee", "i"), ("oo", "u"), ("q", "k"), ("c", "k"),
             ("v", "f"), ("p", "b"), ("ay", "ai"), ("ey", "ei"))
_VOWELS = set("aeiou")
_ABD = re.compile(r"\b(abd|عبد)\s*[-\s]?\s*(?:(?:al|el|ul)[-\s]?|ال)?(?=\w)")
_TOKEN = re.compile(r"\w+")


def normalised(name: str) -> str:
    """The name as compared: `search_key`, "عبد ال..." / "Abd al-..." joined, the
    article on a family name kept but unhyphenated ("al-Khatib" -> "alkhatib")."""
    key = search_key(name).replace("'", "").replace("`", "")
    key = _ABD.sub(lambda m: "abd" if m.group(1) == "abd" else "عبد", key)
    key = re.sub(r"\b(al|el)[-\s]+(?=\w{3,})", r"\1", key)
    return " ".join(key.split())


def _latin(word: str) -> str:
    return "".join(_ARABIC_TO_LATIN.get(c, c) for c in word)


def skeleton_word(word: str) -> str:
    """One word's consonant skeleton (see the module docstring)."""
    w = _latin(word.lower())
    for a, b in _DIGRAPHS:
        w = w.replace(a, b)
    w = "".join(c for c in w if c.isalpha())
    if not w:
        return ""
    head, rest = w[0], w[1:]
    if head in "wy" and rest[:1] in _VOWELS | {""}:
        head = "a" if head == "w" and rest[:1] in ("", "u", "o") else head
    rest = "".join(c for c in rest if c not in _VOWELS and c not in "wy" or c == "h")
    out = head
    for c in rest:
        if c != out[-1]:
            out += c
    if head in _VOWELS:  # "Ahmad"/"أحمد" and "Ahmed" keep one leading vowel letter
        out = "a" + out[1:]
    if len(out) > 2 and out.endswith("h"):  # ta marbuta and a final h come and go
        out = out[:-1]
    return out


def skeleton(name: str) -> str:
    """The whole name's skeleton, word by word."""
    return " ".join(s for s in (skeleton_word(t) for t in _TOKEN.findall(normalised(name)))
                    if s)


_WITH_VOWELS = {**_ARABIC_TO_LATIN, "ا": "a", "و": "u", "ي": "i", "ع": "", "خ": "x"}
_LATIN_FOLDS = (("kh", "x"), ("sh", "s"), ("th", "t"), ("dh", "d"), ("gh", "g"),
                ("ou", "u"), ("oo", "u"), ("ee", "i"), ("q", "k"), ("e", "i"), ("o", "u"),
                ("y", "i"), ("w", "u"), ("p", "b"), ("v", "f"))


def latinised(word: str) -> str:
    """A word in Latin letters with its vowels (finer than the skeleton: "Kayali" and
    "Khalil" share a skeleton, not this)."""
    w = word.lower()
    if any("\u0600" <= c <= "\u06ff" for c in w):
        w = "".join(_WITH_VOWELS.get(c, c) for c in w)
    else:
        for a, b in _LATIN_FOLDS:
            w = w.replace(a, b)
    out = ""
    for c in (c for c in w if c.isalpha()):
        if not out or c != out[-1]:
            out += c
    return out[:-1] if len(out) > 2 and out.endswith("h") else out


def word_similarity(a: str, b: str) -> float:
    """0..1 for two words of a name, whatever their scripts."""
    sa, sb = skeleton_word(a), skeleton_word(b)
    la, lb = latinised(a), latinised(b)
    fine = fuzz.ratio(la, lb) / 100.0
    if sa and sa == sb:
        if not _mixed(a, b):
            # one script: the vowels written on both sides tell names apart that share
            # their consonants (Mahmoud, Mohammad; محمود, محمد)
            return 0.6 + 0.4 * fine
        return 0.9 + 0.1 * fine if len(sa) >= 2 else 0.75 + 0.25 * fine
    return 0.95 * max(fuzz.ratio(sa, sb) / 100.0, fine)


def similarity(a: str, b: str) -> float:
    """0..1: how alike two names are, whatever their scripts (1: the same name). Names of
    two words or more are compared by their first and last words (the father's name often
    stands between them in one record and not in the other)."""
    if not a or not b:
        return 0.0
    na, nb = normalised(a), normalised(b)
    if na == nb:
        return 1.0
    wa, wb = _TOKEN.findall(na), _TOKEN.findall(nb)
    if not wa or not wb:
        return 0.0
    if len(wa) >= 2 and len(wb) >= 2:
        return 0.5 * word_similarity(wa[0], wb[0]) + 0.5 * word_similarity(wa[-1], wb[-1])
    if len(wa) == len(wb) == 1:
        return word_similarity(wa[0], wb[0])
    return 0.9 * max(word_similarity(x, y) for x in wa for y in wb)


def _mixed(a: str, b: str) -> bool:
    return any("\u0600" <= c <= "\u06ff" for c in a) != any("\u0600" <= c <= "\u06ff"
                                                            for c in b)


@dataclass(frozen=True)
class NameParts:
    """A name's first word's and last word's skeletons (blocking keys)."""

    first: str
    last: str


def middle_word(name: str) -> str | None:
    """The word after the first of a name of three words or more: in "given father
    family" names, the father's name."""
    words = _TOKEN.findall(normalised(name))
    return words[1] if len(words) >= 3 else None


def parts(name: str) -> NameParts:
    """Blocking keys of a name."""
    words = skeleton(name).split()
    return NameParts(words[0] if words else "", words[-1] if words else "")
