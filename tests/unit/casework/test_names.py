"""Arabic names in either script match as people mean them (issue 18)."""

from __future__ import annotations

import pytest

from athar.casework.checks.names import similarity, skeleton

SAME = [
    ("محمد", "Mohammad"), ("محمد", "Muhammad"), ("Mohamed", "Mohammed"),  # transliteration
    ("أحمد", "احمد"), ("إبراهيم", "ابراهيم"), ("آمنة", "امنة"),  # hamza forms of alif
    ("فاطمة", "فاطمه"), ("فاطمة", "Fatima"), ("هبة", "Hiba"),  # ta marbuta
    ("مصطفى", "مصطفي"), ("مصطفى", "Mustafa"), ("Moustafa", "Mostafa"),  # alif maqsura
    ("عبد الله", "عبدالله"), ("عبد الله", "Abdullah"), ("Abd Allah", "Abdallah"),  # عبد ال
    ("عبد الرحمن", "Abdulrahman"), ("Abd al-Rahman", "Abdel Rahman"),
    ("يوسف", "Yusuf"), ("Youssef", "Yousef"), ("عمر", "Omar"), ("خالد", "Khaled"),
    ("Khalid", "Khaled"), ("حسين", "Hussein"), ("Husain", "Hussein"),
    ("عثمان", "Othman"), ("زينب", "Zainab"), ("Zeinab", "Zaynab"), ("صالح", "Saleh"),
    ("قاسم", "Qassem"), ("Kassem", "Qasim"), ("عائشة", "Aisha"),
    ("الخطيب", "al-Khatib"), ("Al Khatib", "Alkhatib"),
    ("مُحَمَّد", "محمد"),  # harakat
    ("محمد أحمد الخطيب", "Mohammad Ahmad al-Khatib"),
]
DIFFERENT = [("محمد", "أحمد"), ("Ali", "Adel"), ("Khaled", "Walid"), ("Fatima", "Farah"),
             ("Yusuf", "Yunus"), ("محمد الخطيب", "محمد الحلبي")]


@pytest.mark.parametrize(("a", "b"), SAME)
def test_spellings_of_one_name_match(a: str, b: str) -> None:
    assert similarity(a, b) >= 0.9, (skeleton(a), skeleton(b))


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_different_names_do_not(a: str, b: str) -> None:
    assert similarity(a, b) < 0.8, (skeleton(a), skeleton(b))


def test_the_skeleton_is_the_same_from_either_script() -> None:
    assert skeleton("محمد") == skeleton("Mohammed") == "mhmd"
    assert skeleton("عبد الله") == skeleton("Abdullah")
    assert similarity("", "محمد") == 0.0


def test_in_one_script_the_vowels_tell_apart_names_that_share_consonants() -> None:
    """Mahmoud and Mohammad share the skeleton m-h-m-d; written in Latin on both sides,
    their vowels differ, so they no longer agree as a father's name would."""
    from athar.casework.checks.victims import AGREE

    assert similarity("Mahmoud", "Mohammad") < AGREE
    assert similarity("Mohammad", "Muhammad") >= AGREE
    assert similarity("Mohamed", "Mohammad") >= AGREE
    assert similarity("Mahmoud", "محمود") >= AGREE  # across scripts the skeleton decides


def test_a_name_alone_is_no_match_in_a_large_list_unless_asked_for() -> None:
    from athar.casework.checks.victims import Probe, Register
    from athar.casework.domain.entities import VictimRecord

    register = Register([
        VictimRecord(id=1, source_id="A", name="Walid Yusuf"),  # the name only
        VictimRecord(id=2, source_id="B", name="وليد يوسف", father_name="محمد",
                     birth="1980"),
        VictimRecord(id=3, source_id="C", name="Waleed Basil Yusuf"),  # another father
        VictimRecord(id=4, source_id="D", name="Waleed Mohammad Yusuf")])  # the father
    person = Probe(("وليد يوسف",), father_name="محمد")
    found = register.match(person)
    assert [m.source_id for m in found] == ["B", "D"]  # "D": the middle name is the father
    assert all(m.corroborated for m in found)
    assert "father_name" in found[1].agreed
    wider = register.match(person, name_only=True)
    assert [m.source_id for m in wider][:2] == ["B", "D"]
    assert [(m.source_id, m.corroborated) for m in wider[2:]] == [("A", False)]
    # "C" names another father in the middle of the name: a contradiction, not a match
    assert "C" not in {m.source_id for m in wider}
