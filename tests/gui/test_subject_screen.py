"""Choosing the subject of a family photo of two people in the desktop: click the other
face's box, then "Make the chosen face the subject" (issue 17)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import identities
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from athar.app.gui.main_window import MainWindow
from athar.app.gui.services import Services
from athar.casework.accounts.users import start_session
from athar.casework.domain.entities import Side
from athar.casework.intake.ingest import ImportPhotos, ImportService
from guisupport import save_screenshot
from support import new_ws, two_people

pytestmark = pytest.mark.slow


def test_clicking_a_face_and_making_it_the_subject(qtbot: QtBot, tmp_path: Path,
                                                   faces_dev: Path) -> None:
    a, b = identities(faces_dev, 2)
    family = two_people(sorted(a.glob("*.jpg"))[0], sorted(b.glob("*.jpg"))[0],
                         tmp_path / "am" / "Family" / "group.jpg")
    ws, sup = new_ws(tmp_path / "ws")
    try:
        ImportService(ws).run(ImportPhotos(family.parent.parent, Side.AM, "folder", None, 1),
                              sup)
        window = MainWindow(Services(ws, start_session(ws, sup)))
        qtbot.addWidget(window)
        window.show()
        window.navigate("persons")
        persons = window.persons
        qtbot.waitUntil(lambda: persons.proxy.rowCount() == 1, timeout=20_000)
        persons.select_person(1)
        qtbot.waitUntil(lambda: persons.photos_marks.isEnabled(), timeout=20_000)
        dialog = persons.open_marks()
        assert dialog is not None
        qtbot.addWidget(dialog)
        canvas = dialog.canvas
        qtbot.waitUntil(lambda: canvas.image is not None and canvas.photo is not None,
                        timeout=20_000)
        photo = canvas.photo
        assert photo is not None
        other = next(f for f in photo.faces if not f.is_subject)
        centre = canvas.to_widget(other.box.left + other.box.width / 2,
                                  other.box.top + other.box.height / 2).toPoint()
        assert not dialog.subject.isEnabled()
        qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=centre)
        assert canvas.selected_face == other.id
        assert dialog.subject.isEnabled()
        qtbot.mouseClick(dialog.subject, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "is now the photo's subject" in dialog.message.text(),
                        timeout=20_000)
        qtbot.waitUntil(lambda: dialog.canvas.photo is not None and any(
            f.id == other.id and f.is_subject for f in dialog.canvas.photo.faces)
            and dialog.canvas.image is not None, timeout=20_000)
        save_screenshot(dialog, "en-choose-subject")
        dialog.close()
        window.close()
    finally:
        ws.close()
