"""What the two records say about each other, in the desktop (issue 18): an examiner's
estimates on the Body page, the Records column and its filter on the Candidates screen,
the flags beside the comparison. Screenshots in English and Arabic."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from athar.app.gui.i18n import apply_language
from athar.app.gui.itemmodels.candidates import COL_EVIDENCE, COL_PM, COL_RECORDS
from athar.app.gui.main_window import MainWindow
from athar.app.gui.services import Services
from athar.casework.accounts.users import start_session
from athar.casework.bus import MessageBus
from athar.casework.domain.permissions import Actor
from athar.casework.intake.persons import AddPerson
from athar.casework.intake.registration import RegisterPerson
from athar.casework.matching.search import RunSearch, SearchService
from athar.casework.storage.workspace import Workspace
from guisupport import save_screenshot

pytestmark = pytest.mark.slow


@pytest.fixture
def yusuf(small_ws: Workspace, small_sup: Actor, small_pm: Path, tmp_path: Path) -> int:
    """A person the family describes (male, born 1985, arrested 2012, branch 215), with a
    new photo of one of the identities; searched."""
    source = sorted((small_pm / "am").glob("*/*.jpg"))[0]
    photo = tmp_path / "yusuf.jpg"
    img = Image.open(source).convert("RGB")
    img.resize((img.width - 10, img.height - 10)).save(photo, quality=95)
    done = MessageBus(small_ws).handle(RegisterPerson(AddPerson(
        "Yusuf", sex="male", born="1985", arrest_date="2012-05",
        arresting_branch="Branch 215"), (photo,)), small_sup)
    SearchService(small_ws).run(RunSearch(all_persons=True, top=3), small_sup)
    return done.person_id


def _window(qtbot: QtBot, ws: Workspace, actor: Actor) -> MainWindow:
    window = MainWindow(Services(ws, start_session(ws, actor)))
    qtbot.addWidget(window)
    window.show()
    return window


def _flag_top_body(qtbot: QtBot, window: MainWindow, ws: Workspace, person: int) -> int:
    with ws.uow() as uow:
        top = min(uow.candidates.for_person(person).values(), key=lambda c: c.rank or 99)
    window.show_body(top.body_id)
    body = window.postmortem.body_page
    qtbot.waitUntil(lambda: body.detail is not None and body.detail.id == top.body_id,
                    timeout=20_000)
    box = body.estimates
    box.sex.setCurrentIndex(box.sex.findData("female"))
    qtbot.keyClicks(box.age_min, "30")
    qtbot.keyClicks(box.age_max, "40")
    qtbot.mouseClick(box.save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: box.message.text() != "", timeout=20_000)
    for name, value in (("photo_date", "2013-08"), ("branch_no", "215")):
        body.fields[name].clear()
        qtbot.keyClicks(body.fields[name], value)  # typed: a reload keeps it
    qtbot.mouseClick(body.save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: body.message.text() != "", timeout=20_000)
    return top.body_id


def _candidates(qtbot: QtBot, window: MainWindow, person: int, body_id: int) -> int:
    window.show_candidates(person)
    page = window.candidates
    qtbot.waitUntil(lambda: page.model.rowCount() > 0 and page.person.currentData() == person,
                    timeout=20_000)
    row = next(r for r in range(page.model.rowCount())
               if page.model.candidate(r).body_id == body_id)
    qtbot.waitUntil(lambda: "⚠" in str(page.model.index(row, COL_RECORDS).data()),
                    timeout=20_000)
    return row


def test_estimates_flag_the_candidate_and_the_filter_hides_nothing_for_good(
        qtbot: QtBot, small_ws: Workspace, small_sup: Actor, yusuf: int) -> None:
    window = _window(qtbot, small_ws, small_sup)
    body_id = _flag_top_body(qtbot, window, small_ws, yusuf)
    row = _candidates(qtbot, window, yusuf, body_id)
    page = window.candidates
    assert "Sex" in str(page.model.index(row, COL_RECORDS).data())
    tip = str(page.model.index(row, COL_RECORDS).data(Qt.ItemDataRole.ToolTipRole))
    assert "the family reports male; the examiner estimated female" in tip
    assert "branch 215 on both records" in tip
    save_screenshot(window, "en-candidates-records")
    page.records.setCurrentIndex(page.records.findData(False))  # agree or cannot tell
    assert page.table.isRowHidden(row)
    page.records.setCurrentIndex(page.records.findData(True))
    assert not page.table.isRowHidden(row)
    assert page.model.rowCount() == 3  # filtered rows are hidden, never dropped
    page.records.setCurrentIndex(0)
    assert not any(page.table.isRowHidden(r) for r in range(page.model.rowCount()))
    window.review_candidate(page.model.candidate(row).id)
    review = window.review
    qtbot.waitUntil(lambda: review.context is not None
                    and review.context.body_id == body_id, timeout=20_000)
    qtbot.waitUntil(lambda: "inconsistent" in review.comparison.marks.records.text(),
                    timeout=20_000)
    save_screenshot(review.comparison, "en-comparison-records")
    window.close()


def test_likelihood_ratios_and_the_fused_order(qtbot: QtBot, small_ws: Workspace,
                                               small_sup: Actor, yusuf: int) -> None:
    """The Evidence column reads the score as a likelihood ratio with the verbal scale
    (never a percentage), its tooltip names the calibration and each fused term; ranking
    by all the evidence reorders the rows by the fused score, face order one click back."""
    window = _window(qtbot, small_ws, small_sup)
    body_id = _flag_top_body(qtbot, window, small_ws, yusuf)
    row = _candidates(qtbot, window, yusuf, body_id)
    page = window.candidates
    qtbot.waitUntil(lambda: "LR" in str(page.model.index(row, COL_EVIDENCE).data()),
                    timeout=20_000)
    text = str(page.model.index(row, COL_EVIDENCE).data())
    assert "support" in text
    assert "%" not in text
    assert "All evidence" in text
    tip = str(page.model.index(row, COL_EVIDENCE).data(Qt.ItemDataRole.ToolTipRole))
    assert "Calibration:" in tip
    assert "faces-tune" in tip
    assert "Records: Sex" in tip
    assert "Not a probability of identity" in tip
    face_order = [page.model.candidate(r).id for r in range(page.model.rowCount())]
    page.order.setCurrentIndex(page.order.findData("fused"))
    fused = [page.model.weighed(r) for r in range(page.model.rowCount())]
    values = [w.fused.log10_lr for w in fused if w is not None and w.fused is not None]
    assert len(values) == page.model.rowCount() == 3
    assert values == sorted(values, reverse=True)
    save_screenshot(window, "en-candidates-evidence")
    page.order.setCurrentIndex(page.order.findData("face"))
    assert [page.model.candidate(r).id for r in range(page.model.rowCount())] == face_order
    window.review_candidate(face_order[0])
    review = window.review
    qtbot.waitUntil(lambda: "Strength of evidence" in review.comparison.marks.records.text(),
                    timeout=20_000)
    assert "LR" in review.comparison.marks.records.text()
    qtbot.wait(200)  # let the layout take the new text in
    save_screenshot(review.comparison, "en-comparison-evidence")
    window.close()


def test_the_records_flags_in_arabic(qtbot: QtBot, small_ws: Workspace, small_sup: Actor,
                                     yusuf: int, qapp: QApplication) -> None:
    apply_language(qapp, "ar")
    try:
        window = _window(qtbot, small_ws, small_sup)
        body_id = _flag_top_body(qtbot, window, small_ws, yusuf)
        row = _candidates(qtbot, window, yusuf, body_id)
        assert "الجنس" in str(window.candidates.model.index(row, COL_RECORDS).data())
        model = window.candidates.model
        qtbot.waitUntil(lambda: "نسبة الأرجحية" in str(model.index(row, COL_EVIDENCE).data()),
                        timeout=20_000)
        assert "نسبة الأرجحية" in str(model.index(row, COL_EVIDENCE).data())
        qtbot.waitUntil(lambda: model.index(row, COL_PM).data(
            Qt.ItemDataRole.DecorationRole) is not None, timeout=20_000)
        qtbot.wait(200)
        save_screenshot(window, "ar-candidates-records")
        save_screenshot(window.postmortem.body_page, "ar-body-estimates")
        window.close()
    finally:
        apply_language(qapp, "en")


def test_a_reload_of_the_body_keeps_what_is_being_typed(
        qtbot: QtBot, small_ws: Workspace, small_sup: Actor, yusuf: int) -> None:
    """Saving the estimates reloads the Body page; numbers typed meanwhile and the
    estimates' message survive the reload (they were wiped before)."""
    window = _window(qtbot, small_ws, small_sup)
    with small_ws.uow() as uow:
        body_id = next(iter(uow.candidates.for_person(yusuf).values())).body_id
    window.show_body(body_id)
    body = window.postmortem.body_page
    qtbot.waitUntil(lambda: body.detail is not None and body.detail.id == body_id,
                    timeout=20_000)
    qtbot.keyClicks(body.estimates.age_min, "30")
    qtbot.keyClicks(body.fields["branch_no"], "227")
    body.reload()
    qtbot.wait(500)  # the reload reads one Body: long done by then
    assert body.fields["branch_no"].text() == "227"
    assert body.estimates.age_min.text() == "30"
    qtbot.mouseClick(body.save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: body.message.text().startswith("Saved"), timeout=20_000)
    body.reload()
    qtbot.wait(500)
    assert body.message.text().startswith("Saved")  # the same Body: the message stays
    assert body.fields["branch_no"].text() == "227"
    window.close()
