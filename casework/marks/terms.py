"""Search terms of a mark's description, in Arabic or Latin script.

A family describes a mark in its own words ("وشم مرساة على الساعد الأيسر"); an examiner
may have written "anchor tattoo, left forearm" on the Body. Both go through the same
steps: the person search's normalisation (`search_key`: Arabic letter forms and marks,
Latin case and accents), tokens, the Arabic definite article and English plurals
removed, words that carry no meaning dropped, and then a small bilingual glossary of
the words marks are described with (tattoo motifs, kinds of scar, dental features,
colours, sides), which turns both languages' words into one concept (`@anchor`). Words
outside the glossary are kept as they are and can still match, also approximately
(rapidfuzz), so a misspelt name written in a tattoo is found.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from athar.casework.domain.marks import part_of
from athar.casework.domain.text import search_key

_GLOSSARY: Mapping[str, tuple[str, ...]] = {
    # tattoo motifs
    "anchor": ("anchor", "مرساة", "مرساه", "هلب"),
    "heart": ("heart", "قلب", "قلوب"),
    "cross": ("cross", "crucifix", "صليب"),
    "crescent": ("crescent", "moon", "هلال", "قمر"),
    "star": ("star", "نجمة", "نجم", "نجوم"),
    "sword": ("sword", "سيف", "سيوف"),
    "dagger": ("dagger", "knife", "خنجر", "سكين"),
    "eagle": ("eagle", "falcon", "hawk", "نسر", "صقر"),
    "bird": ("bird", "dove", "pigeon", "طير", "طائر", "حمامة", "عصفور"),
    "snake": ("snake", "serpent", "أفعى", "حية", "ثعبان"),
    "lion": ("lion", "أسد"),
    "scorpion": ("scorpion", "عقرب"),
    "butterfly": ("butterfly", "فراشة"),
    "skull": ("skull", "جمجمة"),
    "fish": ("fish", "سمكة"),
    "tree": ("tree", "شجرة"),
    "flower": ("flower", "rose", "وردة", "زهرة", "ورد"),
    "eye": ("eye", "عين"),
    "flag": ("flag", "علم"),
    "map": ("map", "خريطة"),
    "writing": ("name", "letter", "writing", "text", "word", "initial", "inscription",
                "اسم", "حروف", "حرف", "كتابة", "كلمة", "عبارة"),
    "number": ("number", "digit", "date", "رقم", "أرقام", "تاريخ"),
    "dot": ("dot", "spot", "نقطة", "نقاط"),
    "line": ("line", "stripe", "خط", "خطوط"),
    # scars and other marks
    "burn": ("burn", "حرق", "حروق"),
    "surgery": ("surgical", "surgery", "operation", "عملية", "جراحة", "جراحي"),
    "stitches": ("stitch", "stitches", "suture", "غرز", "قطب"),
    "cut": ("cut", "gash", "laceration", "جرح", "جروح"),
    "missing": ("missing", "amputated", "amputation", "absent", "lost", "مبتور", "مبتورة",
                "مفقود", "مقطوع", "مقطوعة", "بتر"),
    "finger": ("finger", "thumb", "إصبع", "أصابع", "اصبع", "إبهام"),
    "toe": ("toe", "إصبع القدم"),
    "limp": ("limp", "deformed", "deformity", "عرج", "تشوه"),
    "mole": ("mole", "شامة", "خال"),
    "birthmark": ("birthmark", "وحمة"),
    # dental
    "tooth": ("tooth", "teeth", "incisor", "molar", "سن", "أسنان", "ضرس", "أضراس", "ناب"),
    "gold": ("gold", "golden", "ذهب", "ذهبي", "ذهبية"),
    "crown": ("crown", "cap", "تاج", "تلبيسة"),
    "gap": ("gap", "فراغ", "فجوة"),
    "broken": ("broken", "chipped", "مكسور", "مكسورة"),
    # colours
    "blue": ("blue", "أزرق", "زرقاء"),
    "green": ("green", "أخضر", "خضراء"),
    "red": ("red", "أحمر", "حمراء"),
    "black": ("black", "أسود", "سوداء"),
    # categories and places, so that free words find the structured fields too
    "cat:tattoo": ("tattoo", "وشم", "وشوم", "دق"),
    "cat:scar": ("scar", "ندبة", "ندب"),
    "cat:mole_birthmark": ("شامات",),
    "cat:dental": ("dental", "dentition", "الأسنان"),
    "side:left": ("left", "أيسر", "يسرى", "يسار", "شمال"),
    "side:right": ("right", "أيمن", "يمنى", "يمين"),
    "loc:head": ("head", "scalp", "رأس"),
    "loc:face": ("face", "cheek", "forehead", "chin", "وجه", "خد", "جبين", "جبهة", "ذقن"),
    "loc:neck": ("neck", "رقبة", "عنق"),
    "loc:chest": ("chest", "breast", "صدر"),
    "loc:abdomen": ("abdomen", "belly", "stomach", "بطن"),
    "loc:back": ("back", "ظهر"),
    "loc:upper_arm": ("arm", "shoulder", "upper arm", "عضد", "ذراع", "كتف"),
    "loc:forearm": ("forearm", "wrist", "ساعد", "معصم"),
    "loc:hand": ("hand", "palm", "يد", "كف"),
    "loc:thigh": ("thigh", "فخذ"),
    "loc:lower_leg": ("leg", "shin", "calf", "ساق"),
    "loc:foot": ("foot", "feet", "قدم"),
}
"""Concept -> the words (both scripts) that name it. Extend it with the team's words;
nothing else needs to change."""

_STOPWORD_TEXT = (
    "a an the of on in at with and or his her its is was has had have he she it there "
    "from written shaped like looks near small large big very "
    "little some one two three few under above below upper lower inner outer side top "
    "في على من مع و أو عند عنده عندها لديه لديها تحت فوق له لها كان كانت هو هي يوجد "
    "صغير صغيرة كبير كبيرة جهة شكل مكتوب")
_STOPWORDS = frozenset(search_key(w) for w in _STOPWORD_TEXT.split())

FUZZY_MIN = 85
"""rapidfuzz ratio (0-100) at which two words of at least FUZZY_LEN letters match."""
FUZZY_LEN = 4
FUZZY_WEIGHT = 0.8
"""An approximate word match counts for this much of an exact one."""

_ARTICLE = re.compile(r"^(?:وال|بال|كال|فال|لل|ال)(?=\w{2,})")
_TOKEN = re.compile(r"\w+")


def _stem(token: str) -> str:
    token = _ARTICLE.sub("", token)
    if token.isascii() and len(token) > 3 and token.endswith("s") and not token.endswith("ss"):
        token = token[:-1]
    return token


def _build_lexicon() -> dict[str, str]:
    lexicon: dict[str, str] = {}
    for concept, words in _GLOSSARY.items():
        for word in words:
            key = " ".join(_stem(t) for t in _TOKEN.findall(search_key(word)))
            lexicon.setdefault(key, f"@{concept}")
    return lexicon


_LEXICON = _build_lexicon()
_PHRASE_LEN = max(key.count(" ") + 1 for key in _LEXICON)
_SINGLE_WORDS = [key for key in _LEXICON if " " not in key and len(key) >= FUZZY_LEN]


def terms_of(text: str | None) -> list[str]:
    """The search terms of a text: glossary concepts (`@anchor`) and other words,
    normalised, in order, without repeats."""
    if not text:
        return []
    tokens = [_stem(t) for t in _TOKEN.findall(search_key(text).replace("_", " "))]
    tokens = [t for t in tokens if t and t not in _STOPWORDS]
    out: list[str] = []
    i = 0
    while i < len(tokens):
        for n in range(min(_PHRASE_LEN, len(tokens) - i), 0, -1):
            concept = _LEXICON.get(" ".join(tokens[i:i + n]))
            if concept is not None:
                out.append(concept)
                i += n
                break
        else:
            out.append(_nearest_concept(tokens[i]) or tokens[i])
            i += 1
    return list(dict.fromkeys(out))


def _nearest_concept(token: str) -> str | None:
    """The glossary concept of a word misspelt by a letter or two ("ancor")."""
    if len(token) < FUZZY_LEN:
        return None
    found = process.extractOne(token, _SINGLE_WORDS, scorer=fuzz.ratio,
                               score_cutoff=FUZZY_MIN)
    return _LEXICON[found[0]] if found else None


def field_terms(category: str, location: str) -> list[str]:
    """The concepts a mark's own category and location stand for, so that free words
    ("tattoo", "وشم", "left") find them."""
    terms = [f"@cat:{category}"]
    part = part_of(location)
    terms.append(f"@loc:{part}")
    if part != location:
        terms.append(f"@side:{location.rsplit('_', 1)[1]}")
    return terms


def index_terms(category: str, location: str, *texts: str | None) -> str:
    """What is stored as the mark's `terms` (space-separated)."""
    terms = field_terms(category, location)
    for text in texts:
        terms.extend(terms_of(text))
    return " ".join(dict.fromkeys(terms))


@dataclass(frozen=True)
class TextMatch:
    """How well a mark's terms answer the query's words."""

    score: float
    """0..1: the share of the query's terms found (approximate matches weigh less)."""
    matched: tuple[str, ...]
    """The query terms found."""


def match(query: Iterable[str], stored: str) -> TextMatch:
    """Score a mark's stored terms against the query terms."""
    wanted = list(query)
    if not wanted:
        return TextMatch(1.0, ())
    have = stored.split()
    words = [h for h in have if not h.startswith("@")]
    total, found = 0.0, []
    have_set = set(have)
    for term in wanted:
        if term in have_set:
            total += 1.0
            found.append(term)
        elif (not term.startswith("@") and len(term) >= FUZZY_LEN
              and any(len(w) >= FUZZY_LEN and fuzz.ratio(term, w) >= FUZZY_MIN
                      for w in words)):
            total += FUZZY_WEIGHT
            found.append(term)
    return TextMatch(total / len(wanted), tuple(found))

