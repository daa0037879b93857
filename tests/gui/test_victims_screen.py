"""The Victims' lists screen (issue 18): import a list with a bad row, see a person's
matching records with the fields that agreed; English and Arabic screenshots."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from athar.app.gui.i18n import apply_language
from athar.app.gui.main_window import MainWindow
from athar.app.gui.services import Services
from athar.casework.accounts.users import start_session
from athar.casework.domain.permissions import Actor
from athar.casework.intake.persons import AddPerson, add_person
from athar.casework.storage.workspace import Workspace
from guisupport import save_screenshot

LIST = ("source_id,name,father_name,mother_name,birth,origin,arrest_date,death_date,"
        "death_place\n"
        "S-101,Mohammed Ahmad al-Khatib,Ahmad,Fatima,1985,Daraya,2012-05,,\n"
        "S-102,محمد أحمد الخطيب,أحمد,,1986,,,,\n"
        "S-103,Omar Haddad,Salim,,19x0,,,,\n")


@pytest.mark.parametrize("language", ["en", "ar"])
def test_import_and_match_a_victims_list(qtbot: QtBot, ws: Workspace, sup: Actor,
                                         tmp_path: Path, qapp: QApplication,
                                         language: str) -> None:
    add_person(ws, AddPerson("Muhammad al-Khatib", name_ar="محمد الخطيب", born="1985",
                             father_name="أحمد"), sup)
    path = tmp_path / "list.csv"
    path.write_text(LIST, encoding="utf-8")
    apply_language(qapp, language)
    try:
        window = MainWindow(Services(ws, start_session(ws, sup)))
        qtbot.addWidget(window)
        window.show()
        window.navigate("victims")
        page = window.victims
        page.import_file(path)
        qtbot.waitUntil(lambda: "S-103" in page.status.text() or "19x0" in page.status.text(),
                        timeout=20_000)
        assert "row 4: birth «19x0» is not a year or a date" in page.status.text()
        qtbot.waitUntil(lambda: page.table.rowCount() == 2, timeout=20_000)
        ids = [page.table.item(r, 1).text() for r in range(2)]
        assert sorted(ids) == ["S-101", "S-102"]
        assert page.table.item(0, 4).text()  # the fields that agreed
        save_screenshot(window, f"{language}-victims")
        window.close()
    finally:
        apply_language(qapp, "en")
