"""The Models screen: the default model and an installed pack with its licence; adding the
pack's vectors to every face in the background, with progress and Cancel."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from athar.app.bootstrap import open_ws, open_ws_lenient
from athar.app.gui.main_window import MainWindow
from athar.app.gui.services import Services
from athar.casework.accounts.users import login, start_session
from athar.casework.bus import MessageBus
from athar.casework.intake import reembed
from athar.casework.intake.active_model import SetActiveModel
from athar.models.packs import open_pack
from guisupport import save_screenshot
from support import PASSPHRASE, PASSWORD, SUPERVISOR


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, small_ws_template: Path, test_packs: dict[str, Path],
           monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    models = tmp_path / "models"
    models.mkdir()
    monkeypatch.setenv("ATHAR_MODELS_DIR", str(models))
    root = tmp_path / "ws"
    shutil.copytree(small_ws_template, root)
    ws = open_ws(root, PASSPHRASE)
    win = MainWindow(Services(ws, start_session(ws, login(ws, SUPERVISOR, PASSWORD))))
    qtbot.addWidget(win)
    win.show()
    win.navigate("models")
    yield win
    win.close()
    win.tasks.wait(30_000)
    ws.close()


def _count_cell(win: MainWindow, row: int) -> str:
    item = win.models.table.item(row, 3)
    return item.text() if item else ""


def test_install_a_pack_read_its_licence_and_add_its_vectors(
        qtbot: QtBot, window: MainWindow, test_packs: dict[str, Path],
        monkeypatch: pytest.MonkeyPatch) -> None:
    page = window.models
    qtbot.waitUntil(lambda: page.table.rowCount() == 2, timeout=20_000)
    assert page.table.item(0, 4).text() == "yes"  # the default is in use
    total = page.rows[0].faces
    assert _count_cell(window, 0) == f"{total} of {total}"
    assert page.rows[1].name.endswith(", mirrored")  # the second embedded model
    assert _count_cell(window, 1) == f"0 of {total}"
    page.table.selectRow(1)
    assert "CC0" in page.licence.toPlainText()
    assert page.reembed_button.isEnabled()  # its vectors can be added like a pack's
    page.install_pack(test_packs["insightface"])
    qtbot.waitUntil(lambda: page.table.rowCount() == 3, timeout=20_000)
    assert "Installed test-insightface@sha256:" in page.status.text()
    assert _count_cell(window, 2) == f"0 of {total}"
    page.table.selectRow(2)
    assert "non-commercial research" in page.licence.toPlainText()
    assert page.reembed_button.isEnabled()
    asked: list[str] = []

    def yes(_parent: object, _title: str, text: str) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    qtbot.mouseClick(page.reembed_button, Qt.MouseButton.LeftButton)
    assert "non-commercial research" in asked[0]  # the licence before it is used
    qtbot.waitUntil(lambda: page.last_report is not None, timeout=120_000)
    assert page.last_report is not None
    assert page.last_report.added == total
    assert f"Done: {total} faces got vectors" in page.status.text()
    qtbot.waitUntil(lambda: _count_cell(window, 2) == f"{total} of {total}", timeout=20_000)
    assert not page.reembed_button.isEnabled()  # nothing left to add
    pack_id = page.rows[2].model_id
    assert window.status_model.toolTip().startswith("dlib")

    page.table.selectRow(2)
    assert page.activate_button.isEnabled()
    qtbot.mouseClick(page.activate_button, Qt.MouseButton.LeftButton)
    assert "non-commercial research" in asked[1]  # the licence before it is activated
    qtbot.waitUntil(lambda: "is the workspace's model" in page.status.text(), timeout=20_000)
    assert window.services.ws.model.model_id == pack_id
    qtbot.waitUntil(lambda: window.status_model.toolTip() == pack_id, timeout=20_000)
    qtbot.waitUntil(lambda: (page.table.item(2, 5) is not None
                             and page.table.item(2, 5).text() == "yes"), timeout=20_000)
    assert page.table.item(0, 5).text() == ""
    assert page.table.item(2, 4).text() == "yes"  # this session works with it now
    save_screenshot(window, "en-models")


def test_cancel_keeps_what_was_done(qtbot: QtBot, window: MainWindow,
                                    test_packs: dict[str, Path],
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reembed, "BATCH_PHOTOS", 2)
    page = window.models
    page.install_pack(test_packs["insightface"])
    qtbot.waitUntil(lambda: page.table.rowCount() == 3, timeout=20_000)
    pack_id = open_pack(test_packs["insightface"]).pack_id
    page.start_reembed(pack_id)
    assert page.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: page.progress.value() > 0, timeout=60_000)
    page.cancel_button.click()
    qtbot.waitUntil(lambda: page.last_report is not None, timeout=60_000)
    report = page.last_report
    assert report is not None
    assert report.cancelled
    assert 0 < report.added < page.rows[2].faces
    assert "Stopped:" in page.status.text()
    qtbot.waitUntil(lambda: _count_cell(window, 2).startswith(f"{report.added} of"),
                    timeout=20_000)
    page.table.selectRow(2)
    assert page.reembed_button.isEnabled()  # run it again to finish
    page.activate(pack_id)  # the service refuses: some faces have no vectors of it
    qtbot.waitUntil(lambda: "faces have no vector of model" in page.status.text(),
                    timeout=20_000)
    assert window.services.ws.model.model_id != pack_id


def test_the_status_bar_says_when_the_workspaces_model_is_missing_here(
        qtbot: QtBot, tmp_path: Path, small_ws_template: Path, test_packs: dict[str, Path],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ATHAR_MODELS_DIR", str(test_packs["dir"]))
    root = tmp_path / "ws"
    shutil.copytree(small_ws_template, root)
    pack_id = open_pack(test_packs["insightface"]).pack_id
    ws = open_ws(root, PASSPHRASE, model=pack_id)
    try:
        MessageBus(ws).handle(SetActiveModel(allow_missing=True),
                              login(ws, SUPERVISOR, PASSWORD))
    finally:
        ws.close()
    monkeypatch.setenv("ATHAR_MODELS_DIR", str(tmp_path / "elsewhere"))  # not installed
    ws, problem = open_ws_lenient(root, PASSPHRASE)
    win = MainWindow(Services(ws, start_session(ws, login(ws, SUPERVISOR, PASSWORD)),
                              model_problem=problem))
    qtbot.addWidget(win)
    try:
        assert "not the workspace's" in win.status_model.text()
        assert pack_id in win.status_model.toolTip()
        assert "embedded default meanwhile" in win.status_model.toolTip()
    finally:
        win.close()
        win.tasks.wait(30_000)
        ws.close()
