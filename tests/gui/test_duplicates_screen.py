"""Post-mortem duplicates and continuous matching through the real window (issue 18): a
Body's page suggests its duplicate, a supervisor merges it with a reason and undoes it;
new material is searched in the background and the review queue says what is new since
the user's last visit. Screenshots in English and Arabic."""

from __future__ import annotations

from pathlib import Path

import pytest
from fakes import FAKE_INFO
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from athar.app.gui.i18n import apply_language
from athar.app.gui.main_window import MainWindow
from athar.app.gui.services import Services
from athar.casework.accounts.users import CreateUser, add_user, start_session
from athar.casework.checks import duplicates
from athar.casework.checks.strength import Calibration
from athar.casework.domain.entities import Role, Side
from athar.casework.domain.permissions import Actor
from athar.casework.intake.ingest import ImportPhotos, ImportService
from athar.casework.matching.continuous import pending
from athar.casework.storage.workspace import Workspace
from guisupport import save_screenshot

pytestmark = pytest.mark.slow

PM = {"B1": [(200, 40, 40)], "B2": [(60, 180, 60)]}
AGAIN = {"B1 again": [(199, 41, 40)]}
AM = {"Omar": [(198, 42, 41)], "Huda": [(62, 178, 58)]}


def _photos(root: Path, groups: dict[str, list[tuple[int, int, int]]]) -> Path:
    for owner, colours in groups.items():
        for i, colour in enumerate(colours):
            (root / owner).mkdir(parents=True, exist_ok=True)
            Image.new("RGB", (64, 64), colour).save(root / owner / f"{i}.png")
    return root


@pytest.fixture
def fake_case(fake_ws: tuple[Workspace, Actor], tmp_path: Path,
              monkeypatch: pytest.MonkeyPatch) -> tuple[Workspace, Actor, Path]:
    ws, sup = fake_ws
    monkeypatch.setattr(duplicates, "calibration_for", lambda model_id: Calibration(
        FAKE_INFO.model_id, 1000.0, -997.0, "test pairs", {"same": 1000, "different": 10**5},
        "2026-12-02", {}) if model_id == FAKE_INFO.model_id else None)
    for name, groups, side, collection in (("pm", PM, Side.PM, "c"),
                                           ("again", AGAIN, Side.PM, "second"),
                                           ("am", AM, Side.AM, None)):
        ImportService(ws).run(ImportPhotos(_photos(tmp_path / name, groups), side, "folder",
                                           collection, 1), sup)
    return ws, sup, tmp_path


def _window(qtbot: QtBot, ws: Workspace, actor: Actor) -> MainWindow:
    window = MainWindow(Services(ws, start_session(ws, actor)))
    qtbot.addWidget(window)
    window.show()
    return window


def _plain(text: str) -> str:
    return text.replace("\u2066", "").replace("\u2069", "")


def _bodies(ws: Workspace) -> dict[str, int]:
    with ws.uow() as uow:
        return {b.label: b.id for b in uow.owners.all_bodies()}


def _merge_on_the_body_page(qtbot: QtBot, window: MainWindow, ws: Workspace,
                            reason: str, shot: str) -> None:
    bodies = _bodies(ws)
    window.show_body(bodies["B1"])
    box = window.postmortem.body_page.duplicates
    qtbot.waitUntil(lambda: len(box.pairs) == 1, timeout=20_000)
    assert box.pairs[0].other_label == "B1 again"
    save_screenshot(window.postmortem.body_page, f"{shot}-body-duplicate-suggested")
    assert not box.merge.isEnabled()  # nothing chosen yet
    box.list.setCurrentRow(0)
    assert box.merge.isEnabled()
    # no reason: the service refuses and the box says why
    qtbot.mouseClick(box.merge, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "reason" in box.message.text(), timeout=20_000)
    assert not box.decisions
    if reason.isascii():
        qtbot.keyClicks(box.reason, reason)
    else:  # QTest types Latin keys only
        box.reason.setText(reason)
    qtbot.mouseClick(box.merge, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(box.decisions) == 1 and not box.pairs, timeout=20_000)
    assert box.decisions[0].kind == "same_body"
    assert box.decisions[0].reason == reason


def test_a_duplicate_is_merged_on_the_body_page_and_searched_in_the_background(
        qtbot: QtBot, fake_case: tuple[Workspace, Actor, Path]) -> None:
    ws, sup, tmp_path = fake_case
    ident = add_user(ws, CreateUser("ident1", "ident1-password", Role.IDENTIFIER), sup)
    window = _window(qtbot, ws, sup)
    _merge_on_the_body_page(qtbot, window, ws, "same tag, same wound", "en")
    box = window.postmortem.body_page.duplicates
    assert "Body B1 again is merged into this one" in _plain(box.list.item(0).text())
    # the merge (a change to Bodies) set the background searches going
    qtbot.waitUntil(lambda: pending(ws, sup).empty and not window.matcher.running,
                    timeout=30_000)
    qtbot.waitUntil(lambda: "New material searched" in window.statusBar().currentMessage(),
                    timeout=10_000)
    save_screenshot(window, "en-body-duplicates")
    # undo, with a reason, from the same box
    box.list.setCurrentRow(0)
    assert box.undo.isEnabled()
    qtbot.keyClicks(box.reason, "the tags differ after cleaning")
    qtbot.mouseClick(box.undo, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(box.pairs) == 1 and not box.decisions[0].standing,
                    timeout=20_000)
    assert "undone by supervisor1" in _plain(box.list.item(1).text())
    qtbot.waitUntil(lambda: window.matcher.timer.isActive() or window.matcher.running,
                    timeout=10_000)
    qtbot.waitUntil(lambda: pending(ws, sup).empty and not window.matcher.running
                    and not window.matcher.timer.isActive(), timeout=30_000)
    window.close()

    # an identifier sees the queue's news; may not decide about Bodies
    window = _window(qtbot, ws, ident)
    window.navigate("review")
    review = window.review
    qtbot.waitUntil(lambda: review.news.isVisible() and review.model.rowCount() > 0,
                    timeout=20_000)
    assert review.news.text() == ("Your first visit: 6 candidates await review (persons: 2, "
                                  "Bodies: 3).")
    window.show_body(_bodies(ws)["B1"])
    qtbot.waitUntil(lambda: len(window.postmortem.body_page.duplicates.pairs) == 1,
                    timeout=20_000)
    dup = window.postmortem.body_page.duplicates
    dup.list.setCurrentRow(0)
    assert not dup.merge.isEnabled()
    window.close()
    qtbot.waitUntil(lambda: not window.tasks.writing, timeout=10_000)

    # new material while the identifier is away: searched, and new on the next visit
    ImportService(ws).run(ImportPhotos(_photos(tmp_path / "later", {"B7": [(61, 179, 59)]}),
                                       Side.PM, "folder", "later", 1), sup)
    window = _window(qtbot, ws, sup)  # a searcher's desktop runs what is due
    window.matcher.run()
    qtbot.waitUntil(lambda: pending(ws, sup).empty and not window.matcher.running,
                    timeout=30_000)
    window.close()
    window = _window(qtbot, ws, ident)
    window.navigate("review")
    review = window.review
    qtbot.waitUntil(lambda: review.news.isVisible() and "New since" in review.news.text(),
                    timeout=20_000)
    assert review.news.text().endswith(": 2 candidates (persons: 2, Bodies: 1).")
    qtbot.waitUntil(lambda: review.model.rowCount() > 0, timeout=20_000)
    tagged = [review.model.index(r, 6).data() for r in range(review.model.rowCount())]
    assert sum(1 for t in tagged if t.endswith("\nnew")) == 2
    qtbot.waitUntil(lambda: review.context is not None and not window.tasks.writing,
                    timeout=20_000)
    save_screenshot(window, "en-review-new-since-last-visit")
    window.close()


def test_the_duplicates_box_and_the_queue_news_in_arabic(
        qtbot: QtBot, fake_case: tuple[Workspace, Actor, Path], qapp: QApplication) -> None:
    ws, sup, _ = fake_case
    apply_language(qapp, "ar")
    try:
        window = _window(qtbot, ws, sup)
        _merge_on_the_body_page(qtbot, window, ws, "الرقم نفسه على البطاقة", "ar")
        box = window.postmortem.body_page.duplicates
        assert box.merge.text() == "الجثمان نفسه: ادمجه في هذا"
        qtbot.waitUntil(lambda: pending(ws, sup).empty and not window.matcher.running,
                        timeout=30_000)
        save_screenshot(window, "ar-body-duplicates")
        window.navigate("review")
        qtbot.waitUntil(lambda: window.review.news.isVisible(), timeout=20_000)
        assert window.review.news.text().startswith("زيارتك الأولى")
        save_screenshot(window, "ar-review-news")
        window.close()
    finally:
        apply_language(qapp, "en")


def test_no_background_search_starts_once_the_window_closed(
        qtbot: QtBot, fake_case: tuple[Workspace, Actor, Path]) -> None:
    ws, sup, _ = fake_case
    window = _window(qtbot, ws, sup)
    window.services.events.changed.emit("import")  # new material: a run is scheduled
    assert window.matcher.timer.isActive()
    window.close()  # before the workspace closes, no search may be left to start
    assert not window.matcher.timer.isActive()
    window.matcher.run()
    assert not window.matcher.running
    assert not pending(ws, sup).empty  # nothing ran
