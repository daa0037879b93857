"""The screens on an imported workspace: Body page edits and manual faces, blur, idle lock,
permissions in the form, errors that name the problem, and the item models' contracts."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from athar.app.gui.itemmodels.bodies import BodyGridModel
from athar.app.gui.itemmodels.candidates import CandidateTableModel
from athar.app.gui.itemmodels.persons import PersonTableModel
from athar.app.gui.main_window import MainWindow
from athar.app.gui.services import Services
from athar.casework.accounts.users import CreateUser, UserSession, add_user, login, start_session
from athar.casework.domain.entities import Embedding, FaceSource, Role, Side
from athar.casework.domain.permissions import Actor
from athar.casework.records.browse import recent_activity
from athar.casework.storage.workspace import Workspace
from guisupport import save_screenshot
from support import PASSWORD

pytestmark = pytest.mark.slow


class FakeClock:
    """A clock the test moves by hand (for the idle lock)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _window(qtbot: QtBot, services: Services) -> MainWindow:
    win = MainWindow(services)
    qtbot.addWidget(win)
    win.show()
    return win


@pytest.fixture
def window(qtbot: QtBot, small_ws: Workspace, small_sup: Actor) -> Iterator[MainWindow]:
    win = _window(qtbot, Services(small_ws, start_session(small_ws, small_sup)))
    yield win
    win.close()


def open_first_body(qtbot: QtBot, window: MainWindow) -> None:
    window.navigate("postmortem")
    grid = window.postmortem.model
    qtbot.waitUntil(lambda: grid.rowCount() == 6, timeout=10_000)
    window.postmortem.open_body(grid.body_at(0).id)
    page = window.postmortem.body_page
    qtbot.waitUntil(lambda: page.detail is not None and page.canvas.image is not None,
                    timeout=10_000)


def test_body_numbers_are_edited_and_audited(qtbot: QtBot, window: MainWindow) -> None:
    open_first_body(qtbot, window)
    page = window.postmortem.body_page
    page.fields["detainee_no"].clear()
    qtbot.keyClicks(page.fields["detainee_no"], "D-4471")
    qtbot.keyClicks(page.fields["forensic_no"], "F/2013/88")
    with qtbot.waitSignal(window.services.events.changed, timeout=10_000):
        qtbot.mouseClick(page.save, Qt.MouseButton.LeftButton)
    assert "Detainee number" in page.message.text()
    qtbot.waitUntil(lambda: page.detail is not None
                    and page.detail.fields["detainee_no"] == "D-4471", timeout=10_000)
    events = recent_activity(window.services.ws, window.services.actor(), 5)
    assert events[0].action == "body.edit"
    qtbot.mouseClick(page.save, Qt.MouseButton.LeftButton)  # nothing changed: no event
    qtbot.waitUntil(lambda: page.message.text() == "Nothing changed.", timeout=10_000)
    assert recent_activity(window.services.ws, window.services.actor(), 1)[0].seq == \
        events[0].seq


def test_a_face_drawn_by_hand_is_embedded_indexed_and_marked_manual(
        qtbot: QtBot, window: MainWindow) -> None:
    open_first_body(qtbot, window)
    page = window.postmortem.body_page
    canvas = page.canvas
    assert canvas.blurred
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton)  # a click shows the photo
    qtbot.waitUntil(lambda: not canvas.blurred and canvas.image is not None, timeout=10_000)
    photo = page.current_photo()
    assert photo is not None
    assert photo.faces
    old = next(f for f in photo.faces if f.is_subject)
    qtbot.mouseClick(page.mark, Qt.MouseButton.LeftButton)
    assert canvas.marking
    target, scale = canvas._frame()
    b = old.box
    start = QPointF(target.left() + b.left * scale, target.top() + b.top * scale).toPoint()
    end = QPointF(target.left() + (b.left + b.width) * scale,
                  target.top() + (b.top + b.height) * scale).toPoint()
    with qtbot.waitSignal(window.services.events.changed, timeout=60_000) as changed:
        qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=start)
        qtbot.mouseMove(canvas, QPoint((start.x() + end.x()) // 2, (start.y() + end.y()) // 2))
        qtbot.mouseMove(canvas, end)
        qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=end)
    assert changed.args == ["face"]
    assert "marked by hand" in page.message.text()
    qtbot.waitUntil(lambda: any(f.source is FaceSource.MANUAL
                                for f in (page.current_photo() or photo).faces),
                    timeout=10_000)
    now = page.current_photo()
    assert now is not None
    manual = next(f for f in now.faces if f.source is FaceSource.MANUAL)
    assert manual.is_subject
    assert not next(f for f in now.faces if f.id == old.id).is_subject
    assert abs(manual.box.left - b.left) < 3
    assert abs(manual.box.width - b.width) < 3
    ws = window.services.ws
    index = ws.indexes.get(ws.model, Side.PM)
    assert manual.id in index.ids()
    assert old.id not in index.ids()
    # drawn over the detector's own box, the embedding is the same face
    new_vec = index.vectors([manual.id])[0]
    with ws.uow() as uow:
        blob = uow.session.scalar(select(Embedding.vector).where(Embedding.face_id == old.id))
    old_vec = np.frombuffer(blob, dtype=np.float32)
    assert float(new_vec @ old_vec) > 0.95
    assert recent_activity(ws, window.services.actor(), 1)[0].action == "face.mark"
    save_screenshot(window, "en-body-manual-face")


def test_a_box_off_the_photo_is_refused_with_a_reason(qtbot: QtBot, window: MainWindow) -> None:
    from athar.casework.domain.ports import Box

    open_first_body(qtbot, window)
    page = window.postmortem.body_page
    photo = page.current_photo()
    assert photo is not None
    page.mark.setChecked(True)
    page.canvas.box_drawn.emit(Box(photo.width + 50, 0, 30, 30))

    def error_shown() -> str:
        boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
        return boxes[0].text() if boxes else ""

    qtbot.waitUntil(lambda: "must lie on the photo" in error_shown(), timeout=30_000)


def test_blur_preference_is_per_user_and_applies_to_photos(qtbot: QtBot,
                                                           window: MainWindow) -> None:
    assert window.blur_action.isChecked()
    with qtbot.waitSignal(window.services.events.changed, timeout=10_000):
        window.blur_action.setChecked(False)
    assert not window.services.blur_pm_photos()
    open_first_body(qtbot, window)
    assert not window.postmortem.body_page.canvas.blurred
    save_screenshot(window, "en-body-unblurred-by-choice")
    ws = window.services.ws
    other = add_user(ws, CreateUser("ident1", PASSWORD, Role.IDENTIFIER), window.services.actor())
    assert Services(ws, start_session(ws, other)).blur_pm_photos()  # others keep the default


def test_a_blurred_rendering_arriving_late_never_blurs_a_revealed_photo(
        qtbot: QtBot, window: MainWindow) -> None:
    open_first_body(qtbot, window)
    page = window.postmortem.body_page
    qtbot.waitUntil(lambda: page.canvas.image is not None and page.canvas.photo is not None,
                    timeout=20_000)
    assert page.canvas.blurred
    photo = page.canvas.photo
    assert photo is not None
    stale = page.canvas.image
    assert stale is not None
    page.canvas.reveal_requested.emit()  # what the draw buttons and a click on the photo do
    qtbot.waitUntil(lambda: not page.canvas.blurred and page.canvas.image is not None,
                    timeout=20_000)
    page._photo_ready(photo.id, True, stale)  # the blurred load finishing after the reveal
    assert not page.canvas.blurred


def test_idle_session_locks_the_window_until_its_user_logs_in(
        qtbot: QtBot, small_ws: Workspace, small_sup: Actor) -> None:
    clock = FakeClock()
    session = UserSession(small_sup, 600, clock)
    window = _window(qtbot, Services(small_ws, session))
    clock.now += 601
    window.check_lock()
    assert window.lock_dialog.isVisible()
    assert not window.centralWidget().isVisible()
    save_screenshot(window.lock_dialog, "en-locked")
    qtbot.keyClicks(window.lock_dialog.password, "wrong-password-1")
    window.lock_dialog.submit()
    assert window.lock_dialog.isVisible()
    assert session.locked
    qtbot.keyClicks(window.lock_dialog.password, PASSWORD)
    window.lock_dialog.submit()
    assert not session.locked
    assert window.centralWidget().isVisible()
    # activity anywhere keeps it open
    clock.now += 500
    qtbot.keyClick(window, Qt.Key.Key_Shift)
    clock.now += 500
    window.check_lock()
    assert not session.locked
    window.close()


def test_contact_field_only_for_users_granted_it(qtbot: QtBot, small_ws: Workspace,
                                                 small_sup: Actor) -> None:
    plain = add_user(small_ws, CreateUser("ident2", PASSWORD, Role.IDENTIFIER), small_sup)
    window = _window(qtbot, Services(small_ws, start_session(small_ws, plain)))
    assert window.persons.contact.isHidden()
    form = window.persons.open_intake()
    assert not form.contact.isVisible()
    form.close()
    window.close()
    trusted = login(small_ws, small_sup.username, PASSWORD)
    assert trusted.can_view_contact
    window = _window(qtbot, Services(small_ws, start_session(small_ws, trusted)))
    assert not window.persons.contact.isHidden()
    form = window.persons.open_intake()
    assert form.contact.isVisible()
    form.close()
    window.close()


def test_import_form_names_what_is_wrong(qtbot: QtBot, window: MainWindow,
                                         tmp_path: Path) -> None:
    dialog = window.open_import()
    missing = tmp_path / "no-such-folder"
    qtbot.keyClicks(dialog.folder, str(missing))
    qtbot.keyClicks(dialog.collection, "x")
    qtbot.mouseClick(dialog.start, Qt.MouseButton.LeftButton)
    assert str(missing) in dialog.status.text()
    assert not dialog.running
    dialog.folder.setText(str(tmp_path))
    dialog.collection.clear()
    qtbot.mouseClick(dialog.start, Qt.MouseButton.LeftButton)
    assert "name" in dialog.status.text()
    assert not dialog.running
    dialog.close()


def test_intake_form_reports_a_file_that_is_not_an_image(qtbot: QtBot, window: MainWindow,
                                                         tmp_path: Path) -> None:
    bad = tmp_path / "letter.jpg"
    bad.write_bytes(b"this is not a photo")
    form = window.persons.open_intake()
    form.add_photos([bad])
    qtbot.waitUntil(lambda: "letter.jpg" in form.status.text(), timeout=30_000)
    assert "cannot be used" in form.status.text()
    form.name.setText("")
    form.submit()
    assert "name" in form.status.text()
    form.close()


def test_item_models_keep_qt_contracts(qtmodeltester: object, qtbot: QtBot,
                                       window: MainWindow, small_ws: Workspace,
                                       small_sup: Actor) -> None:
    services = window.services
    thumbs = window.thumbs
    grid = BodyGridModel(thumbs)
    grid.set_bodies(services.bodies(None))
    qtmodeltester.check(grid)  # type: ignore[attr-defined]
    people = PersonTableModel()
    people.set_persons(services.persons())
    qtmodeltester.check(people)  # type: ignore[attr-defined]
    services.search(services.persons()[0].id)
    cands = CandidateTableModel(thumbs)
    cands.set_candidates(services.candidates(services.persons()[0].id, None))
    assert cands.rowCount() > 0
    qtmodeltester.check(cands)  # type: ignore[attr-defined]
    window.tasks.wait(10_000)


def test_start_dialog_switches_to_arabic_right_to_left(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QApplication

    from athar.app.gui.application import Controller
    from athar.app.gui.i18n import AppSettings

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    controller = Controller(app, AppSettings())
    qtbot.addWidget(controller.dialog)
    controller.dialog.show()
    qtbot.keyClicks(controller.dialog.folder, "/some/folder")
    first = controller.dialog
    first.language.setCurrentIndex(first.language.findData("ar"))
    arabic = controller.dialog
    qtbot.addWidget(arabic)
    assert arabic is not first
    assert arabic.folder.text() == "/some/folder"
    assert app.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert arabic.go.text() == "فتح القفل والدخول"
    assert AppSettings().language == "ar"  # remembered for the next start
    save_screenshot(arabic, "ar-start")
    arabic.submit()  # no passphrase for a folder that is not a workspace: a clear message
    qtbot.waitUntil(lambda: arabic.message.text() != "" and arabic.go.isEnabled()
                    and "…" not in arabic.message.text(), timeout=10_000)
    assert "/some/folder" in arabic.message.text() or "workspace" in arabic.message.text()


def test_athar_without_a_command_opens_the_desktop_app(monkeypatch: pytest.MonkeyPatch) -> None:
    from athar.app import cli
    from athar.app.gui import application

    started: list[list[str]] = []
    monkeypatch.setattr(application, "run", lambda argv: started.append(argv) or 0)
    assert cli.main([]) == 0
    assert cli.main(["gui"]) == 0
    assert len(started) == 2


def test_actions_a_role_may_not_take_are_disabled(qtbot: QtBot, small_ws: Workspace,
                                                  small_sup: Actor) -> None:
    from PySide6.QtWidgets import QPushButton

    examiner = add_user(small_ws, CreateUser("exam1", PASSWORD, Role.EXAMINER), small_sup)
    window = _window(qtbot, Services(small_ws, start_session(small_ws, examiner)))
    assert not window.postmortem.findChild(QPushButton, "importButton").isEnabled()
    assert not window.persons.findChild(QPushButton, "newPerson").isEnabled()
    open_first_body(qtbot, window)  # an examiner sees the records...
    page = window.postmortem.body_page
    assert not page.save.isEnabled()
    assert not page.mark.isEnabled()
    assert page.fields["detainee_no"].isReadOnly()
    window.close()
