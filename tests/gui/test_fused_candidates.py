"""The Candidates screen's fused search: a model without a calibration is offered greyed
out with the reason; fused with one that has one, the list is ranked by the mean of the
two calibrated scores and each row shows both models' scores."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItemModel
from pytestqt.qtbot import QtBot

from athar.app import model_admin
from athar.app.bootstrap import open_ws
from athar.app.gui.itemmodels.candidates import COL_EVIDENCE, COL_SCORE
from athar.app.gui.main_window import MainWindow
from athar.app.gui.services import Services
from athar.casework.accounts.users import login, start_session
from athar.casework.domain.errors import InvalidRequest
from athar.casework.intake.persons import list_persons
from athar.models.dlib_backend import DlibPipelineFactory
from guisupport import save_screenshot
from support import PASSPHRASE, PASSWORD, SUPERVISOR, write_calibration

DLIB = DlibPipelineFactory().model_info().model_id
MIRRORED = DlibPipelineFactory(flip_tta=True).model_info().model_id


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, small_ws_template: Path,
           own_models: tuple[Path, str]) -> Iterator[MainWindow]:
    """The small workspace with the test pack's vectors added to every face."""
    root = tmp_path / "ws"
    shutil.copytree(small_ws_template, root)
    ws = open_ws(root, PASSPHRASE)
    sup = login(ws, SUPERVISOR, PASSWORD)
    report = model_admin.reembed(ws, sup, own_models[1], "cpu", lambda _p: None,
                                 threading.Event())
    assert report.added > 0
    win = MainWindow(Services(ws, start_session(ws, sup)))
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()
    win.tasks.wait(30_000)
    ws.close()


def _choice(win: MainWindow, model_id: str) -> int:
    i = win.candidates.fuse.findData(model_id)
    assert i > 0
    return i


def test_a_fused_search_shows_each_models_score(qtbot: QtBot, window: MainWindow,
                                                own_models: tuple[Path, str]) -> None:
    models, pack_id = own_models
    page = window.candidates
    window.navigate("candidates")
    qtbot.waitUntil(lambda: page.fuse.count() == 3, timeout=20_000)
    assert page.fuse.isVisible()
    item = page.fuse.model()
    assert isinstance(item, QStandardItemModel)
    mirrored = item.item(_choice(window, MIRRORED))  # embedded, no vectors in this workspace
    assert not mirrored.isEnabled()
    assert "no face has vectors of model" in mirrored.toolTip()
    row = item.item(_choice(window, pack_id))
    assert not row.isEnabled()  # no calibration for the pack yet: greyed out, and why
    assert "has no calibration" in row.toolTip()
    assert "bench/calibrate.py" in row.toolTip()
    with pytest.raises(InvalidRequest, match="has no calibration"):  # the service's rule
        window.services.search(int(page.person.currentData()), fuse=(pack_id,), device="cpu")

    write_calibration(models, pack_id, 20.0, -9.0)
    page.refresh()
    qtbot.waitUntil(lambda: item.item(_choice(window, pack_id)).isEnabled(), timeout=20_000)
    persons = list_persons(window.services.ws, window.services.actor())
    person = next(p.id for p in persons if p.label == "Aaron_Peirsol")
    page.choose(person)
    qtbot.waitUntil(lambda: page.person.currentData() == person, timeout=20_000)
    said: list[str] = []  # the status line (the list's reload may overwrite it at once)
    set_text = page.status.setText
    page.status.setText = lambda text: (said.append(text), set_text(text))  # type: ignore[method-assign]
    page.fuse.setCurrentIndex(_choice(window, pack_id))
    qtbot.mouseClick(page.search, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any("both models together" in t for t in said), timeout=60_000)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0
                    and page.model.candidate(0).fusion is not None, timeout=20_000)
    rows = [page.model.candidate(r) for r in range(page.model.rowCount())]
    fused = [c.fusion.fused_log10_lr for c in rows if c.fusion is not None and c.rank]
    assert fused == sorted(fused, reverse=True)  # ranked by the mean of the two
    first = rows[0]
    assert first.fusion is not None
    assert first.body_label == "Aaron_Peirsol"  # the right Body first
    assert set(first.fusion.scores) == {DLIB, pack_id}
    tip = page.model.index(0, COL_SCORE).data(Qt.ItemDataRole.ToolTipRole)
    assert "Ranked by 2 models together" in tip
    assert f"{pack_id.split('@')[0]}: score {first.fusion.scores[pack_id]:.3f}" in tip
    assert f"log10 LR {first.fusion.log10_lr[DLIB]:+.2f}" in tip
    qtbot.waitUntil(lambda: "Models together: mean log10 LR" in str(
        page.model.index(0, COL_EVIDENCE).data()), timeout=20_000)
    qtbot.waitUntil(lambda: "Face: LR" in str(page.model.index(0, COL_EVIDENCE).data()),
                    timeout=20_000)  # the first model's strength of evidence, as before
    qtbot.wait(500)  # the face crops
    save_screenshot(window, "en-fused-candidates")

    page.fuse.setCurrentIndex(0)  # this model alone again: the list loses the fused scores
    said.clear()
    qtbot.mouseClick(page.search, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Search finished." in said, timeout=60_000)
    qtbot.waitUntil(lambda: all(page.model.candidate(r).fusion is None
                                for r in range(page.model.rowCount())), timeout=20_000)
