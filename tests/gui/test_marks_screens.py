"""Distinctive marks through the real window (issue 16): an examiner draws each shape on a
post-mortem photo (the Body page) and on a family photo (the person's photos), fills the
form, describes a mark the family told of, links a mark on each side in the comparison
view, and finds the Body through the mark search. Screenshots in English and Arabic."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from athar.app.gui.dialogs.mark_form import MarkDialog
from athar.app.gui.i18n import apply_language
from athar.app.gui.itemmodels.candidates import COL_MARKS
from athar.app.gui.main_window import MainWindow
from athar.app.gui.services import Services
from athar.app.gui.widgets.marks_panel import MarksPanel
from athar.app.gui.widgets.photo_canvas import PhotoCanvas
from athar.casework.accounts.users import CreateUser, add_user, start_session
from athar.casework.domain.entities import Role
from athar.casework.domain.permissions import Actor
from athar.casework.marks.views import marks_of
from athar.casework.matching.search import RunSearch, SearchService
from athar.casework.storage.workspace import Workspace
from guisupport import save_screenshot

pytestmark = pytest.mark.slow


@pytest.fixture
def examiner(small_ws: Workspace, small_sup: Actor) -> Actor:
    SearchService(small_ws).run(RunSearch(all_persons=True, top=3), small_sup)
    return add_user(small_ws, CreateUser("exam1", "exam1-password", Role.EXAMINER), small_sup)


def _window(qtbot: QtBot, ws: Workspace, actor: Actor) -> MainWindow:
    window = MainWindow(Services(ws, start_session(ws, actor)))
    qtbot.addWidget(window)
    window.show()
    return window


def _at(canvas: PhotoCanvas, x: float, y: float) -> QPoint:
    return canvas.to_widget(x, y).toPoint()


def _ready(qtbot: QtBot, canvas: PhotoCanvas) -> None:
    qtbot.waitUntil(lambda: canvas.image is not None and not canvas.blurred
                    and canvas.photo is not None, timeout=20_000)


def _draw(qtbot: QtBot, panel: MarksPanel, kind: str, points: list[tuple[float, float]],
          fill: Callable[[MarkDialog], None]) -> None:
    """Draw a shape with the mouse (photo coordinates), fill the form and save it."""
    before = len(panel.listed.marks)
    button = panel.findChild(type(panel.edit), f"draw_{kind}")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    canvas = panel.canvas
    _ready(qtbot, canvas)
    if kind == "poly":
        for x, y in points:
            qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=_at(canvas, x, y))
        qtbot.keyClick(canvas, Qt.Key.Key_Return)
    else:
        (x0, y0), (x1, y1) = points
        qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=_at(canvas, x0, y0))
        qtbot.mouseMove(canvas, _at(canvas, x1, y1))
        qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=_at(canvas, x1, y1))
    qtbot.waitUntil(lambda: isinstance(panel.dialog, MarkDialog)
                    and panel.dialog.isVisible(), timeout=5_000)
    dialog = panel.dialog
    assert isinstance(dialog, MarkDialog)
    fill(dialog)
    dialog.accept()
    qtbot.waitUntil(lambda: len(panel.listed.marks) == before + 1, timeout=20_000)
    assert canvas.draw_mode is None  # back to looking once the mark is saved


def _form(category: str, location: str, text: str) -> Callable[[MarkDialog], None]:
    def fill(d: MarkDialog) -> None:
        d.category.setCurrentIndex(d.category.findData(category))
        d.location.setCurrentIndex(d.location.findData(location))
        d.description.setPlainText(text)
    return fill


def test_marks_drawn_described_linked_and_found(qtbot: QtBot, small_ws: Workspace,
                                                examiner: Actor) -> None:
    window = _window(qtbot, small_ws, examiner)
    review = _mark_everything(qtbot, window, small_ws, examiner, "en")
    # the comparison view: one mark on each side, linked
    compare = review.comparison.marks
    assert compare.link.isEnabled()
    compare.am_list.setCurrentRow(0)
    compare.pm_list.setCurrentRow(0)
    qtbot.waitUntil(lambda: review.comparison.forced.get("pm") is not None, timeout=5_000)
    compare.relation.setCurrentIndex(compare.relation.findData("corresponding"))
    compare.note.setText("same anchor, same place")
    with qtbot.waitSignal(compare.linked, timeout=20_000):
        qtbot.mouseClick(compare.link, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(compare.links) == 1, timeout=20_000)
    link = compare.links[0]
    assert link.relation == "corresponding"
    colours = compare.colours()
    assert colours[link.am_mark_id] == colours[link.pm_mark_id]  # drawn in one colour
    qtbot.waitUntil(lambda: any(o.key == ("mark", link.pm_mark_id) and o.colour ==
                                colours[link.pm_mark_id]
                                for o in review.comparison.pm.canvas.overlays),
                    timeout=20_000)
    assert "supported" in compare.summary.text()
    qtbot.waitUntil(lambda: any("2 of 4 supported" in str(review.model.index(r, COL_MARKS)
                                                          .data())
                                for r in range(review.model.rowCount())), timeout=20_000)
    pm_canvas = review.comparison.pm.canvas
    assert pm_canvas.blurred  # a post-mortem photo stays blurred until clicked
    qtbot.mouseClick(pm_canvas, Qt.MouseButton.LeftButton)
    _ready(qtbot, pm_canvas)
    save_screenshot(review.comparison, "en-marks-comparison-link")
    # the mark search finds the Body; double-click opens it
    window.navigate("marks")
    search = window.marks
    search.words.setText("مرساة")
    search.run()
    qtbot.waitUntil(lambda: bool(search.hits), timeout=20_000)
    body_id = window.postmortem.body_page.detail.id  # type: ignore[union-attr]
    assert search.hits[0].body_id == body_id
    qtbot.waitUntil(lambda: search.table.item(0, 3) is not None
                    and not search.table.item(0, 3).icon().isNull(), timeout=20_000)
    save_screenshot(window, "en-mark-search")
    search.table.setCurrentCell(0, 1)
    search.table.doubleClicked.emit(search.table.currentIndex())
    assert window.stack.currentWidget() is window.postmortem
    window.close()


def _mark_everything(qtbot: QtBot, window: MainWindow, ws: Workspace, examiner: Actor,
                     language: str) -> object:
    """Draw each shape on a Body's photo and on the person's photo, describe one, open the
    candidate in the review; returns the review page."""
    with ws.uow() as uow:
        cand = min(uow.candidates.for_person(1).values(), key=lambda c: c.rank or 99)
    window.show_body(cand.body_id)
    body = window.postmortem.body_page
    qtbot.waitUntil(lambda: body.detail is not None and body.detail.id == cand.body_id,
                    timeout=20_000)
    panel = body.marks
    _draw(qtbot, panel, "rect", [(20, 30), (120, 110)],
          _form("tattoo", "forearm_left", "anchor, blue ink"))
    _draw(qtbot, panel, "ellipse", [(130, 40), (200, 90)],
          _form("scar", "chest", "surgical scar"))
    _draw(qtbot, panel, "poly", [(10, 150), (90, 140), (70, 200)],
          _form("mole_birthmark", "neck", ""))
    kinds = [m.shape.kind.value for m in panel.listed.marks if m.shape]
    assert kinds == ["rect", "ellipse", "poly"]
    assert len([o for o in panel.canvas.overlays if o.key]) == 3  # drawn over the photo
    panel.list.setCurrentRow(1)
    assert any(o.selected and o.key == ("mark", panel.listed.marks[1].id)
               for o in panel.canvas.overlays)  # the chosen mark is highlighted
    save_screenshot(body, f"{language}-marks-body-page")

    window.navigate("persons")
    persons = window.persons
    qtbot.waitUntil(lambda: persons.proxy.rowCount() > 0, timeout=20_000)
    persons.select_person(1)
    qtbot.waitUntil(lambda: persons.shown is not None and persons.photos_marks.isEnabled(),
                    timeout=20_000)
    dialog = persons.open_marks()
    assert dialog is not None
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.current_photo() is not None, timeout=20_000)
    _draw(qtbot, dialog.marks, "rect", [(15, 20), (60, 70)],
          _form("tattoo", "forearm_left", "مرساة صغيرة"))
    _draw(qtbot, dialog.marks, "ellipse", [(70, 20), (110, 60)], _form("mole_birthmark",
                                                                       "face", "mole"))
    _draw(qtbot, dialog.marks, "poly", [(10, 80), (60, 90), (30, 120)],
          _form("scar", "chest", ""))
    qtbot.mouseClick(dialog.marks.describe, Qt.MouseButton.LeftButton)
    described = dialog.marks.dialog
    assert isinstance(described, MarkDialog)
    described.category.setCurrentIndex(described.category.findData("dental"))
    described.location.setCurrentIndex(described.location.findData("face"))
    described.words.setPlainText("سن ذهبي في الفك العلوي")
    described.accept()
    qtbot.waitUntil(lambda: len(dialog.marks.listed.marks) == 4, timeout=20_000)
    listed = marks_of(ws, examiner, person_id=1)
    assert [m.family_words for m in listed.marks if m.photo_id is None] == [
        "سن ذهبي في الفك العلوي"]
    save_screenshot(dialog, f"{language}-marks-person-photos")
    dialog.close()

    window.navigate("review")
    review = window.review
    qtbot.waitUntil(lambda: review.model.rowCount() > 0, timeout=20_000)
    row = next(r for r in range(review.model.rowCount())
               if review.model.candidate(r).id == cand.id)
    review.select_row(row)
    qtbot.waitUntil(lambda: review.context is not None
                    and review.context.candidate_id == cand.id, timeout=20_000)
    compare = review.comparison.marks
    qtbot.waitUntil(lambda: compare.am_list.count() == 4 and compare.pm_list.count() == 3,
                    timeout=20_000)
    return review


def test_the_marks_screens_in_arabic(qtbot: QtBot, small_ws: Workspace, examiner: Actor,
                                     qapp: QApplication) -> None:
    apply_language(qapp, "ar")
    try:
        window = _window(qtbot, small_ws, examiner)
        review = _mark_everything(qtbot, window, small_ws, examiner, "ar")
        compare = review.comparison.marks  # type: ignore[attr-defined]
        assert compare.link.text() == "اربط"
        compare.am_list.setCurrentRow(0)
        compare.pm_list.setCurrentRow(0)
        compare.note.setText("المرساة نفسها في المكان نفسه")
        with qtbot.waitSignal(compare.linked, timeout=20_000):
            compare.link_chosen()
        qtbot.waitUntil(lambda: len(compare.links) == 1, timeout=20_000)
        pm_canvas = review.comparison.pm.canvas  # type: ignore[attr-defined]
        qtbot.mouseClick(pm_canvas, Qt.MouseButton.LeftButton)
        _ready(qtbot, pm_canvas)
        save_screenshot(review.comparison, "ar-marks-comparison-link")  # type: ignore[attr-defined]
        window.navigate("marks")
        window.marks.words.setText("anchor")
        window.marks.run()
        qtbot.waitUntil(lambda: bool(window.marks.hits), timeout=20_000)
        qtbot.waitUntil(lambda: not window.marks.table.item(0, 3).icon().isNull(),
                        timeout=20_000)
        save_screenshot(window, "ar-mark-search")
        window.close()
    finally:
        apply_language(qapp, "en")
