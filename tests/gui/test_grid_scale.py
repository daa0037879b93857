"""The Body grid with 50,000 Bodies: thumbnails only for what is on screen, made off the
GUI thread, and scrolling stays smooth."""

from __future__ import annotations

import io
import time
from collections.abc import Iterator

import pytest
from PIL import Image
from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtWidgets import QListView
from pytestqt.qtbot import QtBot

from athar.app.gui.itemmodels.bodies import THUMB, BodyGridModel
from athar.app.gui.tasks import TaskRunner
from athar.app.gui.thumbnails import ThumbnailCache
from athar.casework.records.browse import BodySummary
from athar.casework.records.pictures import Picture

BODIES = 50_000


class SlowPictures:
    """Stands in for the services' picture calls: a real PNG, 5 ms of work each."""

    def __init__(self) -> None:
        self.calls = 0

    def _png(self, seed: int) -> Picture:
        self.calls += 1
        time.sleep(0.005)
        img = Image.new("RGB", (THUMB, THUMB), (seed % 255, 90, 140))
        buf = io.BytesIO()
        img.save(buf, format="PNG")
        return Picture(buf.getvalue(), THUMB, THUMB)

    def face_crop(self, face_id: int, size: int) -> Picture:
        return self._png(face_id)

    def photo(self, photo_id: int, max_side: int, blur: bool) -> Picture:
        return self._png(photo_id)


@pytest.fixture
def grid(qtbot: QtBot, frozen_heap: None) -> Iterator[
        tuple[QListView, BodyGridModel, SlowPictures, TaskRunner]]:
    pictures = SlowPictures()
    tasks = TaskRunner()
    thumbs = ThumbnailCache(pictures, tasks)  # type: ignore[arg-type]
    model = BodyGridModel(thumbs)
    model.set_bodies([BodySummary(i, f"B-{i:06d}", 1, 2, 2, i, i) for i in range(BODIES)])
    view = QListView()
    view.setViewMode(QListView.ViewMode.IconMode)
    view.setIconSize(QSize(THUMB, THUMB))
    view.setGridSize(QSize(THUMB + 28, THUMB + 40))
    view.setUniformItemSizes(True)
    view.setLayoutMode(QListView.LayoutMode.Batched)
    view.setBatchSize(500)
    view.setModel(model)
    view.resize(1100, 700)
    qtbot.addWidget(view)
    view.show()
    yield view, model, pictures, tasks
    tasks.wait(20_000)


def test_fifty_thousand_bodies_scroll_smoothly_and_load_lazily(qtbot: QtBot, grid: tuple[
        QListView, BodyGridModel, SlowPictures, TaskRunner]) -> None:
    view, model, pictures, tasks = grid
    qtbot.waitUntil(lambda: pictures.calls > 0, timeout=10_000)
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    timer.start()
    bar = view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=20_000)
    for step in range(1, 41):  # a fast scroll from top to bottom
        bar.setValue(bar.maximum() * step // 40)
        qtbot.wait(25)
    qtbot.wait(500)
    timer.stop()
    worst = max(gaps)
    print(f"\n{BODIES} Bodies: worst GUI gap {worst * 1000:.0f} ms while scrolling, "
          f"{pictures.calls} thumbnails made")
    assert worst < 0.150
    # only the cells scrolled past were asked for, not 50,000
    assert pictures.calls < 5_000
    last_row = model.index(BODIES - 1)
    view.scrollTo(last_row)
    qtbot.waitUntil(lambda: last_row.data(Qt.ItemDataRole.DecorationRole) is not None
                    and model.thumbs.get(model.picture_key(model.body_at(BODIES - 1)))
                    is not None, timeout=20_000)
