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
