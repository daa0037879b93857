"""The photo canvas: fit, zoom around the cursor, pan, shapes drawn in photo pixels,
overlays, and two canvases kept in step (issue 14: ready for comparison and marks)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from athar.app.gui.widgets.photo_canvas import Overlay, PhotoCanvas, Shape
from athar.casework.records.browse import PhotoView

W, H = 800, 600


def _canvas(qtbot: QtBot) -> PhotoCanvas:
    canvas = PhotoCanvas()
    qtbot.addWidget(canvas)
    canvas.resize(400, 300)
    canvas.show()
    image = QImage(W // 2, H // 2, QImage.Format.Format_RGB32)  # a smaller rendering
    image.fill(QColor("#808080"))
    canvas.set_photo(PhotoView(1, "0" * 64, W, H, True, ()), image, False)
    return canvas


def _close(a: QPointF, b: QPointF, tol: float = 1.5) -> bool:
    return abs(a.x() - b.x()) <= tol and abs(a.y() - b.y()) <= tol


def test_fit_shows_the_whole_photo_and_zoom_keeps_the_point_under_the_cursor(
        qtbot: QtBot) -> None:
    canvas = _canvas(qtbot)
    target, scale = canvas._frame()
    assert scale == pytest.approx(0.5)
    assert (target.width(), target.height()) == (pytest.approx(400), pytest.approx(300))
    anchor = QPointF(100, 80)
    under = canvas.to_photo(anchor)
    canvas.zoom_by(3.0, anchor)
    assert canvas.scale() == pytest.approx(1.5)
    assert _close(canvas.to_photo(anchor), under)
    canvas.actual_size()
    assert canvas.scale() == pytest.approx(1.0)
    canvas.fit()
    assert canvas.scale() == pytest.approx(0.5)
    assert canvas.center is None


def test_dragging_pans_and_the_other_canvas_follows(qtbot: QtBot) -> None:
    left, right = _canvas(qtbot), _canvas(qtbot)
    left.view_changed.connect(right.set_view)
    left.zoom_by(4.0)
    before = left.to_photo(QPointF(200, 150))
    qtbot.mousePress(left, Qt.MouseButton.LeftButton, pos=QPoint(200, 150))
    qtbot.mouseMove(left, QPoint(260, 190))
    qtbot.mouseRelease(left, Qt.MouseButton.LeftButton, pos=QPoint(260, 190))
    after = left.to_photo(QPointF(200, 150))
    assert after.x() == pytest.approx(before.x() - 60 / left.scale(), abs=0.5)
    assert after.y() == pytest.approx(before.y() - 40 / left.scale(), abs=0.5)
    assert right.zoom == pytest.approx(left.zoom)
    assert _close(right.to_photo(QPointF(200, 150)), after)


@pytest.mark.parametrize("kind", ["rect", "ellipse"])
def test_a_dragged_rectangle_or_ellipse_arrives_in_photo_pixels(qtbot: QtBot,
                                                                kind: str) -> None:
    canvas = _canvas(qtbot)
    canvas.zoom_by(2.0)
    canvas.draw_mode = kind
    a, b = QPoint(50, 40), QPoint(210, 170)
    with qtbot.waitSignal(canvas.shape_drawn) as drawn:
        qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=a)
        qtbot.mouseMove(canvas, b)
        qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=b)
    shape = drawn.args[0]
    assert isinstance(shape, Shape)
    assert shape.kind == kind
    pa, pb = canvas.to_photo(QPointF(a)), canvas.to_photo(QPointF(b))
    assert shape.points[0] == (pytest.approx(pa.x()), pytest.approx(pa.y()))
    assert shape.points[1] == (pytest.approx(pb.x()), pytest.approx(pb.y()))


def test_a_polygon_is_clicked_point_by_point_and_closed_with_enter(qtbot: QtBot) -> None:
    canvas = _canvas(qtbot)
    canvas.draw_mode = "poly"
    clicks = [QPoint(60, 60), QPoint(200, 70), QPoint(150, 200)]
    with qtbot.waitSignal(canvas.shape_drawn) as drawn:
        for p in clicks:
            qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=p)
        qtbot.keyClick(canvas, Qt.Key.Key_Return)
    shape = drawn.args[0]
    assert shape.kind == "poly"
    assert [(round(x), round(y)) for x, y in shape.points] == [
        (round(canvas.to_photo(QPointF(p)).x()), round(canvas.to_photo(QPointF(p)).y()))
        for p in clicks]
    canvas.draw_mode = "poly"
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
    qtbot.keyClick(canvas, Qt.Key.Key_Escape)  # cancels: nothing emitted
    qtbot.keyClick(canvas, Qt.Key.Key_Return)


def test_overlays_are_drawn_at_their_photo_position(qtbot: QtBot) -> None:
    canvas = _canvas(qtbot)
    canvas.set_overlays([Overlay(Shape("rect", ((200, 150), (600, 450))), "#ff0000")])
    image = canvas.grab().toImage()
    corner = canvas.to_widget(200, 150).toPoint()
    edge = image.pixelColor(corner.x() + 20, corner.y())
    assert edge.red() > 200
    assert edge.green() < 60
    inside = image.pixelColor(corner.x() + 20, corner.y() + 20)
    assert inside.red() == inside.green()  # the grey photo, not filled
