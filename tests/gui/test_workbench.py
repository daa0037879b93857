"""Drives the real window offscreen: create a workspace, import through the dialog, add a
missing person through the form, search, and find the true Body first."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from athar.app.gui.application import Controller
from athar.app.gui.i18n import AppSettings
from athar.app.gui.itemmodels.candidates import COL_BODY, COL_SCORE, COL_STATE, FACE
from athar.app.gui.itemmodels.persons import ID_ROLE
from athar.app.gui.main_window import MainWindow
from athar.app.gui.thumbnails import PictureKey
from athar.app.gui.widgets.common import SCORE_ROLE
from guisupport import save_screenshot
from support import FAST_KDF, PASSPHRASE, PASSWORD, SUPERVISOR

pytestmark = pytest.mark.slow

SCREENS = ("overview", "postmortem", "persons", "candidates", "audit")


def _app() -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app


@pytest.fixture
def controllers() -> Iterator[list[Controller]]:
    """Controllers made by a test; their window is closed (workspace saved) at the end."""
    made: list[Controller] = []
    yield made
    for controller in made:
        if controller.window is not None and shiboken6.isValid(controller.window):
            controller.window.close()


def open_new_workspace(qtbot: QtBot, root: Path, made: list[Controller]) -> Controller:
    """Create a workspace through the start dialog, as a user does."""
    controller = Controller(_app(), AppSettings(), FAST_KDF)
    made.append(controller)
    dialog = controller.dialog
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.mode.setCurrentIndex(1)
    save_screenshot(dialog, f"{AppSettings().language}-start")
    qtbot.keyClicks(dialog.folder, str(root))
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.keyClicks(dialog.confirm, PASSPHRASE)
    qtbot.keyClicks(dialog.username, SUPERVISOR)
    qtbot.keyClicks(dialog.password, PASSWORD)
    with qtbot.waitSignal(dialog.opened, timeout=60_000):
        qtbot.mouseClick(dialog.go, Qt.MouseButton.LeftButton)
    assert controller.window is not None
    return controller


def import_through_dialog(qtbot: QtBot, window: MainWindow, folder: Path, name: str) -> None:
    window.navigate("postmortem")
    button = window.postmortem.findChild(QPushButton, "importButton")
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = window.import_dialog
    assert dialog is not None
    assert dialog.isVisible()
    qtbot.keyClicks(dialog.folder, str(folder))
    qtbot.keyClicks(dialog.collection, name)
    with qtbot.waitSignal(dialog.finished_import, timeout=240_000):
        qtbot.mouseClick(dialog.start, Qt.MouseButton.LeftButton)


def drop_files(widget: object, paths: list[Path]) -> None:
    """A drag-and-drop of files from a file manager onto the widget."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    widget.dropEvent(event)  # type: ignore[attr-defined]


def test_create_import_add_person_search_finds_true_body_first(
        qtbot: QtBot, tmp_path: Path, small_pm: Path, controllers: list[Controller]) -> None:
    controller = open_new_workspace(qtbot, tmp_path / "ws", controllers)
    window = controller.window
    assert window is not None
    assert AppSettings().recent() == [str(tmp_path / "ws")]
    assert gc.get_freeze_count() > 0  # the start-up heap is out of the collector's way
    gc.unfreeze()
    status = " ".join(w.text() for w in (window.status_workspace, window.status_user,
                                         window.status_model, window.status_device))
    assert SUPERVISOR in status
    assert "dlib" in status
    assert "CPU" in status

    import_through_dialog(qtbot, window, small_pm / "pm", "Test collection")
    report = window.import_dialog.report  # type: ignore[union-attr]
    assert report is not None
    assert report.new_photos > 0
    assert not report.cancelled
    window.import_dialog.close()  # type: ignore[union-attr]

    grid = window.postmortem.model
    qtbot.waitUntil(lambda: grid.rowCount() == 6, timeout=10_000)
    labels = {grid.body_at(r).label for r in range(grid.rowCount())}
    identities = sorted(p.name for p in (small_pm / "pm").iterdir())
    assert labels == set(identities)
    qtbot.waitUntil(lambda: window.thumbs.rendered >= 6, timeout=20_000)
    save_screenshot(window, "en-postmortem")

    # the overview refreshed after the import
    window.navigate("overview")
    qtbot.waitUntil(lambda: window.overview.cards["bodies"].value.text() == "6",
                    timeout=10_000)
    assert window.overview.cards["collections"].value.text() == "1"

    # a missing person with the held-out photo, through the intake form
    target = identities[2]
    held_out = next((small_pm / "am" / target).iterdir())
    window.navigate("persons")
    qtbot.mouseClick(window.persons.findChild(QPushButton, "newPerson"),
                     Qt.MouseButton.LeftButton)
    form = window.persons.intake
    assert form is not None
    assert form.isVisible()
    # QTest cannot synthesise keys for Arabic letters (they come from an input method)
    form.name_ar.insert("فاطِمة الأحمد")
    qtbot.keyClicks(form.name, target)
    form.sex.setCurrentIndex(form.sex.findData("male"))
    qtbot.keyClicks(form.born, "1971")
    qtbot.keyClicks(form.arrest_date, "2012-05-03")
    qtbot.keyClicks(form.marks, "scar above the left eyebrow")
    qtbot.keyClicks(form.contact, "+963 000 000")
    drop_files(form.drop, [held_out])
    qtbot.waitUntil(lambda: form.faces.count() >= 1, timeout=60_000)
    save_screenshot(form, "en-intake")
    with qtbot.waitSignal(form.created, timeout=60_000) as created:
        qtbot.mouseClick(form.buttons.button(form.buttons.StandardButton.Save),
                         Qt.MouseButton.LeftButton)
    person_id = created.args[0]

    table = window.persons.proxy
    qtbot.waitUntil(lambda: table.rowCount() == 1, timeout=10_000)
    # typed without diacritics and with other letter forms, still found
    window.persons.filter.insert("فاطمه الاحمد")
    assert table.rowCount() == 1
    window.persons.filter.clear()
    qtbot.keyClicks(window.persons.filter, "nobody like this")
    assert table.rowCount() == 0
    window.persons.filter.clear()
    window.persons.table.selectRow(0)
    qtbot.waitUntil(lambda: window.persons.search.isEnabled(), timeout=10_000)
    qtbot.waitUntil(lambda: window.persons.faces.count() == 1, timeout=10_000)
    qtbot.mouseClick(window.persons.contact, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "+963 000 000" in window.persons.submitters.text(), timeout=10_000)
    save_screenshot(window, "en-persons")

    # search from the person's record: the Candidates screen for that person
    qtbot.mouseClick(window.persons.search, Qt.MouseButton.LeftButton)
    view = window.candidates
    assert window.stack.currentWidget() is view
    qtbot.waitUntil(lambda: view.person.currentData() == person_id, timeout=10_000)
    with qtbot.waitSignal(window.services.events.changed, timeout=60_000):
        qtbot.mouseClick(view.search, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=10_000)
    first = view.model.candidate(0)
    assert first.rank == 1
    assert first.body_label == target
    assert view.model.index(0, COL_STATE).data() == "Queued"
    # the bar shows the rank's score; the tooltip the best pair and the pooled faces
    assert first.mean_faces is not None
    assert first.pooled is not None
    score = view.model.index(0, COL_SCORE)
    assert score.data(SCORE_ROLE) == pytest.approx((first.best + first.pooled) / 2)
    tip = score.data(Qt.ItemDataRole.ToolTipRole)
    assert f"best pair {first.best:.3f}" in tip
    assert f"pooled faces {first.pooled:.3f}" in tip
    assert f"mean faces {first.mean_faces:.3f}" in tip
    qtbot.waitUntil(lambda: window.thumbs.get(PictureKey("face", first.pm_face_id, FACE))
                    is not None, timeout=10_000)
    save_screenshot(window, "en-candidates")

    # filtering by another state hides them; double-click opens the Body page
    view.state.setCurrentIndex(view.state.findData("excluded"))
    qtbot.waitUntil(lambda: view.model.rowCount() == 0, timeout=10_000)
    view.state.setCurrentIndex(0)
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=10_000)
    rect = view.table.visualRect(view.model.index(0, COL_BODY))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    page = window.postmortem.body_page
    qtbot.waitUntil(lambda: page.detail is not None and page.detail.id == first.body_id,
                    timeout=10_000)
    assert window.stack.currentWidget() is window.postmortem
    assert target in page.title.text()
    qtbot.waitUntil(lambda: page.canvas.image is not None, timeout=10_000)
    assert page.canvas.blurred  # post-mortem photos are blurred until clicked
    save_screenshot(window, "en-body-blurred")
    qtbot.mouseClick(page.canvas, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.canvas.image is not None and not page.canvas.blurred,
                    timeout=10_000)
    save_screenshot(window, "en-body")

    window.navigate("audit")
    qtbot.waitUntil(lambda: window.audit.table.rowCount() > 0, timeout=10_000)
    actions = {window.audit.table.item(r, 3).text()
               for r in range(window.audit.table.rowCount())}
    assert {"import.finish", "person.create", "search.run", "contact.view"} <= actions
    save_screenshot(window, "en-audit")
    window.navigate("overview")
    qtbot.waitUntil(lambda: window.overview.cards["candidates"].value.text() != "0",
                    timeout=10_000)
    save_screenshot(window, "en-overview")

    # Arabic: the same screens, right to left, every visible string translated
    controller.change_language("ar")
    arabic = controller.window
    assert arabic is not None
    assert arabic is not window
    assert _app().layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert arabic.rail.item(0).text() == "نظرة عامة"
    for screen in SCREENS:
        arabic.navigate(screen)
        qtbot.wait(300)
        qtbot.waitUntil(lambda: not arabic.tasks.writing, timeout=10_000)
        save_screenshot(arabic, f"ar-{screen}")
    arabic.show_body(first.body_id)
    body = arabic.postmortem.body_page
    qtbot.waitUntil(lambda: body.canvas.image is not None, timeout=10_000)
    assert body.layoutDirection() == Qt.LayoutDirection.RightToLeft
    save_screenshot(arabic, "ar-body")
    intake = arabic.persons.open_intake()
    assert intake.windowTitle() == "مفقود جديد"
    save_screenshot(intake, "ar-intake")
    intake.close()
    importer = arabic.open_import()
    save_screenshot(importer, "ar-import")
    importer.close()
    # a change after the switch reaches only live views (the English window is gone)
    arabic.services.events.changed.emit("import")
    qtbot.waitUntil(lambda: not arabic.tasks.writing, timeout=10_000)
    qtbot.wait(500)


def test_person_list_finds_names_in_either_script_and_letter_form(qtbot: QtBot) -> None:
    from athar.app.gui.itemmodels.persons import PersonFilter, PersonTableModel
    from athar.casework.domain.text import search_key
    from athar.casework.intake.persons import PersonSummary

    names = [("P-1", "Fatima al-Ahmad", "فاطمة الأحمد"), ("P-2", "Ibrahim Mustafa",
                                                          "إبراهيم مصطفى"),
             ("P-3", "José Núñez", None)]
    model = PersonTableModel()
    model.set_persons([PersonSummary(i, label, latin, ar, None, None, 0, 0,
                                     search_key(" ".join(x for x in (label, latin, ar) if x)))
                       for i, (label, latin, ar) in enumerate(names)])
    proxy = PersonFilter()
    proxy.setSourceModel(model)

    def shown(text: str) -> list[int]:
        proxy.set_needle(text)
        return [proxy.index(r, 0).data(ID_ROLE) for r in range(proxy.rowCount())]

    assert shown("فاطمه") == [0]          # ة typed as ه
    assert shown("الاحمد") == [0]          # أ typed as ا
    assert shown("ابراهيم مصطفي") == [1]   # إ as ا, ى as ي
    assert shown("إِبْرَاهِيم") == [1]        # with harakat
    assert shown("jose nunez") == [2]      # Latin without diacritics
    assert shown("IBRAHIM") == [1]
    assert shown("") == [0, 1, 2]
