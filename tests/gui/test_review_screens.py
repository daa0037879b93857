"""One case end to end through the real window with two users (issue 15): the identifier
opens the comparison view, toggles the overlay, records a proposal from the queue by
keyboard; the supervisor confirms it from the sign-off screen and produces the report.
Screenshots of each screen, in English and in Arabic."""

from __future__ import annotations

from pathlib import Path

import pypdfium2
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from athar.app.gui.i18n import apply_language
from athar.app.gui.main_window import MainWindow
from athar.app.gui.services import Services
from athar.casework.accounts.users import CreateUser, add_user, start_session
from athar.casework.domain.entities import IdentificationState, Role
from athar.casework.domain.permissions import Actor
from athar.casework.matching.search import RunSearch, SearchService
from athar.casework.review.signoff import identifications
from athar.casework.storage.workspace import Workspace
from guisupport import SCREENSHOTS, save_screenshot

pytestmark = pytest.mark.slow


def _window(qtbot: QtBot, ws: Workspace, actor: Actor) -> MainWindow:
    window = MainWindow(Services(ws, start_session(ws, actor)))
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.fixture
def case(small_ws: Workspace, small_sup: Actor) -> tuple[Workspace, Actor, Actor]:
    SearchService(small_ws).run(RunSearch(all_persons=True, top=3), small_sup)
    ident = add_user(small_ws, CreateUser("ident1", "ident1-password", Role.IDENTIFIER),
                     small_sup)
    return small_ws, ident, small_sup


def _open_queue(qtbot: QtBot, window: MainWindow) -> None:
    window.navigate("review")
    page = window.review
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=20_000)
    qtbot.waitUntil(lambda: page.context is not None, timeout=20_000)
    qtbot.waitUntil(lambda: page.comparison.am.canvas.image is not None
                    and page.comparison.pm.canvas.image is not None, timeout=20_000)


def test_a_case_from_the_queue_to_the_signed_report(qtbot: QtBot, case: tuple[
        Workspace, Actor, Actor], tmp_path: Path) -> None:
    ws, ident, sup = case
    window = _window(qtbot, ws, ident)
    _open_queue(qtbot, window)
    page = window.review
    first = page.context
    assert first is not None
    assert first.pairs  # every photo pair of the candidate, best first
    save_screenshot(window, "en-review-queue")
    save_screenshot(page.comparison, "en-comparison")
    qtbot.mouseClick(page.comparison.overlay_toggle, Qt.MouseButton.LeftButton)
    overlay = page.comparison.overlay
    qtbot.waitUntil(lambda: overlay.am is not None and overlay.pm is not None,
                    timeout=20_000)
    assert page.comparison.stack.currentWidget() is overlay
    save_screenshot(page.comparison, "en-comparison-overlay")
    page.comparison.overlay_toggle.click()  # back to the two sides
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert page.chosen_decision() is not None
    assert page.chosen_decision().value == "propose"  # type: ignore[union-attr]
    assert page.rationale.hasFocus()
    qtbot.keyClicks(page.rationale, "Same brow, ears and chin in every pair")
    with qtbot.waitSignal(page.reviewed, timeout=20_000) as done:
        qtbot.keyClick(page.rationale, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    result = done.args[0]
    assert result.identification_id is not None
    qtbot.waitUntil(lambda: page.context is not None
                    and page.context.candidate_id != first.candidate_id, timeout=20_000)
    window.close()

    boss = _window(qtbot, ws, sup)
    boss.navigate("signoff")
    signoff = boss.signoff
    qtbot.waitUntil(lambda: signoff.shown is not None, timeout=20_000)
    assert signoff.shown.id == result.identification_id  # type: ignore[union-attr]
    assert "Same brow, ears and chin" in signoff.detail.toPlainText()
    save_screenshot(boss, "en-signoff-queue")
    signoff.reason.setPlainText("Checked every pair and the record")
    qtbot.mouseClick(signoff.confirm, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Confirmed" in signoff.message.text(), timeout=20_000)
    states = {v.id: v.state for v in identifications(ws, sup)}
    assert states[result.identification_id] is IdentificationState.CONFIRMED
    signoff.state.setCurrentIndex(signoff.state.findData("confirmed"))
    qtbot.waitUntil(lambda: signoff.shown is not None and signoff.report.isEnabled(),
                    timeout=20_000)
    report = tmp_path / "report.pdf"
    signoff.make_report(report)
    qtbot.waitUntil(lambda: "Report written" in signoff.message.text(), timeout=30_000)
    assert report.read_bytes().startswith(b"%PDF")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    pdf = pypdfium2.PdfDocument(report)
    pdf[0].render(scale=1.4).to_pil().save(SCREENSHOTS / "en-report-from-gui.png")
    pdf.close()
    boss.navigate("overview")
    qtbot.waitUntil(lambda: boss.overview.loaded is not None
                    and boss.overview.loaded.identifications_by_state["confirmed"] == 1,
                    timeout=20_000)
    boss.close()


def test_the_review_screens_in_arabic(qtbot: QtBot, case: tuple[Workspace, Actor, Actor],
                                      qapp: QApplication) -> None:
    ws, ident, sup = case
    apply_language(qapp, "ar")
    try:
        window = _window(qtbot, ws, ident)
        _open_queue(qtbot, window)
        page = window.review
        assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert page.record.text().startswith("سجّل المراجعة")
        save_screenshot(window, "ar-review-queue")
        save_screenshot(page.comparison, "ar-comparison")
        page.comparison.overlay_toggle.click()
        overlay = page.comparison.overlay
        qtbot.waitUntil(lambda: overlay.am is not None and overlay.pm is not None,
                        timeout=20_000)
        save_screenshot(page.comparison, "ar-comparison-overlay")
        page.decide(page.chosen_decision() or __import__(
            "athar.casework.domain.entities", fromlist=["ReviewDecision"]).ReviewDecision.PROPOSE)
        page.rationale.setPlainText("الوجه والأذنان متطابقة")
        with qtbot.waitSignal(page.reviewed, timeout=20_000):
            page.record_review()
        window.close()
        boss = _window(qtbot, ws, sup)
        boss.navigate("signoff")
        qtbot.waitUntil(lambda: boss.signoff.shown is not None, timeout=20_000)
        assert boss.signoff.confirm.text() == "تأكيد"
        save_screenshot(boss, "ar-signoff-queue")
        boss.close()
    finally:
        apply_language(qapp, "en")
