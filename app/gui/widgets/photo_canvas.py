"""A photo on screen: fitted, zoomed and panned, with overlays (face boxes, marks) drawn
in photo coordinates, and shapes the user draws (rectangle, ellipse, polygon).

Used by the Body page (face boxes, marking a face by hand) and made to serve the review's
comparison view and the marks panel: two canvases can share their view (`view_changed` /
`set_view`) so that zoom and pan stay in step.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPolygonF,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from athar.casework.domain.entities import FaceSource
from athar.casework.domain.ports import Box
from athar.casework.records.browse import PhotoView

ZOOM_MIN, ZOOM_MAX = 1.0, 32.0
"""Zoom relative to fitting the photo in the widget: 1 shows it whole."""
WHEEL_STEP = 1.25
SHAPES = ("rect", "ellipse", "poly")
POLY_CLOSE_PX = 8.0
"""A click this close to a polygon's first point closes it."""


@dataclass(frozen=True)
class Shape:
    """A drawn or shown region in upright-photo pixels.

    kind: "rect" or "ellipse" (points: the two opposite corners of its box), "poly"
    (points: the vertices in order) or "point" (markers, e.g. face landmarks).
    """

    kind: str
    points: tuple[tuple[float, float], ...]

    def bounds(self) -> Box:
        """The shape's bounding box."""
        xs, ys = [p[0] for p in self.points], [p[1] for p in self.points]
        return Box(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))


@dataclass(frozen=True)
class Adjust:
    """How a side is shown (never changes the evidence): brightness -1..1 (0 as is),
    contrast and gamma (1 as is), greyscale."""

    brightness: float = 0.0
    contrast: float = 1.0
    gamma: float = 1.0
    grey: bool = False

    @property
    def identity(self) -> bool:
        """Whether this shows the picture as it is."""
        return self == Adjust()


def adjusted(image: QImage, adjust: Adjust) -> QImage:
    """A copy of the image with the adjustments applied (8-bit RGB)."""
    if adjust.identity:
        return image
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    w, h, stride = rgb.width(), rgb.height(), rgb.bytesPerLine()
    raw = np.frombuffer(rgb.constBits(), np.uint8, count=stride * h).reshape(h, stride)
    v = raw[:, :w * 3].reshape(h, w, 3).astype(np.float32) / 255.0
    if adjust.grey:
        v = np.repeat((v @ np.array([0.299, 0.587, 0.114], np.float32))[..., None], 3, axis=2)
    v = (v - 0.5) * adjust.contrast + 0.5 + adjust.brightness
    v = np.clip(v, 0.0, 1.0) ** (1.0 / max(adjust.gamma, 0.05))
    out = np.ascontiguousarray((v * 255.0 + 0.5).astype(np.uint8))
    return QImage(out.data, w, h, w * 3, QImage.Format.Format_RGB888).copy()


@dataclass(frozen=True)
class Overlay:
    """A shape drawn over the photo: colour, dashed or not, an optional label."""

    shape: Shape
    colour: str = "#00e676"
    dashed: bool = False
    label: str = ""
    selected: bool = False
    key: object = field(default=None, compare=False)


class PhotoCanvas(QWidget):
    """One photo; zoom (wheel, `zoom_by`, `fit`, `actual_size`), pan (drag), overlays and
    drawing. While blurred (post-mortem photos, unless the user turned that off) a click
    asks to show it instead.
    """

    box_drawn = Signal(object)
    """A Box in upright-photo pixels, drawn by the user in marking mode."""
    shape_drawn = Signal(object)
    """A Shape drawn in `draw_mode` ("rect", "ellipse" or "poly")."""
    reveal_requested = Signal()
    overlay_clicked = Signal(object)
    """The `key` of the overlay under a click (marks: select them by clicking)."""
    view_changed = Signal(float, float, float)
    """zoom, and the photo point (x, y) at the widget's centre, after the user moved."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(QSize(360, 300))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.image: QImage | None = None
        self.photo: PhotoView | None = None
        self.blurred = False
        self.show_boxes = True
        self.marking = False
        """Marking a face: a dragged rectangle becomes `box_drawn`."""
        self.draw_mode: str | None = None
        """Drawing a mark region: "rect", "ellipse" or "poly" (None: not drawing)."""
        self.overlays: list[Overlay] = []
        self.selected_face: int | None = None
        """A face box clicked (drawn thicker)."""
        self.zoom = 1.0
        self.center: QPointF | None = None
        """The point of the turned photo at the widget's centre (None: its centre)."""
        self.turns = 0
        """Quarter turns clockwise the photo is shown with (0 to 3)."""
        self.adjust = Adjust()
        self._shown: tuple[int, Adjust, int, QImage] | None = None
        self._drag: tuple[QPointF, QPointF] | None = None
        self._pan_from: tuple[QPointF, QPointF] | None = None
        self._poly: list[QPointF] = []

    # -- content ----------------------------------------------------------------------------

    def set_photo(self, photo: PhotoView | None, image: QImage | None, blurred: bool) -> None:
        """Show a photo (image may be a blurred, or smaller, rendering of it). A different
        photo starts fitted."""
        if photo is None or self.photo is None or photo.id != self.photo.id:
            self.zoom, self.center = 1.0, None
        self.photo, self.image, self.blurred = photo, image, blurred
        self._drag, self._poly = None, []
        self.update()

    def set_adjust(self, adjust: Adjust) -> None:
        """Brightness, contrast, gamma, greyscale of what is shown."""
        self.adjust = adjust
        self.update()

    def turn(self, quarters: int = 1) -> None:
        """Turn the view a quarter clockwise (the photo itself never changes)."""
        self.turns = (self.turns + quarters) % 4
        self.center = None
        self._moved()

    def _display_image(self) -> QImage | None:
        if self.image is None:
            return None
        key = (id(self.image), self.adjust, self.turns)
        if self._shown is None or self._shown[:3] != key:
            image = adjusted(self.image, self.adjust)
            if self.turns:
                image = image.transformed(QTransform().rotate(90 * self.turns))
            self._shown = (*key, image)
        return self._shown[3]

    def set_overlays(self, overlays: list[Overlay]) -> None:
        """Shapes to draw over the photo (besides the face boxes)."""
        self.overlays = list(overlays)
        self.update()

    # -- view: fit, zoom, pan ----------------------------------------------------------------

    def _photo_size(self) -> tuple[float, float]:
        if self.photo is None:
            return 1.0, 1.0
        return float(max(1, self.photo.width)), float(max(1, self.photo.height))

    def _size(self) -> tuple[float, float]:
        """The shown (turned) photo's size in photo pixels."""
        w, h = self._photo_size()
        return (h, w) if self.turns % 2 else (w, h)

    def _turned(self, x: float, y: float) -> tuple[float, float]:
        """Photo pixels to the turned photo's pixels."""
        w, h = self._photo_size()
        return ((x, y), (h - y, x), (w - x, h - y), (y, w - x))[self.turns]

    def _unturned(self, x: float, y: float) -> tuple[float, float]:
        w, h = self._photo_size()
        return ((x, y), (y, h - x), (w - x, h - y), (w - y, x))[self.turns]

    def scale(self) -> float:
        """Widget pixels per photo pixel at the current zoom."""
        w, h = self._size()
        return min(self.width() / w, self.height() / h) * self.zoom

    def _frame(self) -> tuple[QRectF, float]:
        """Where the photo is drawn and the scale from photo pixels to widget pixels."""
        if self.photo is None or self.image is None:
            return QRectF(), 1.0
        w, h = self._size()
        scale = self.scale()
        centre = self.center or QPointF(w / 2, h / 2)
        left = self.width() / 2 - centre.x() * scale
        top = self.height() / 2 - centre.y() * scale
        return QRectF(left, top, w * scale, h * scale), scale

    def to_photo(self, point: QPointF) -> QPointF:
        """Widget coordinates to upright-photo pixels."""
        target, scale = self._frame()
        return QPointF(*self._unturned((point.x() - target.left()) / scale,
                                       (point.y() - target.top()) / scale))

    def to_widget(self, x: float, y: float) -> QPointF:
        """Upright-photo pixels to widget coordinates."""
        target, scale = self._frame()
        tx, ty = self._turned(x, y)
        return QPointF(target.left() + tx * scale, target.top() + ty * scale)

    def set_view(self, zoom: float, cx: float, cy: float) -> None:
        """Zoom and centre on a photo point (from a synchronised canvas); no signal."""
        self.zoom = min(ZOOM_MAX, max(ZOOM_MIN, zoom))
        self.center = QPointF(cx, cy)
        self._clamp()
        self.update()

    def zoom_by(self, factor: float, anchor: QPointF | None = None) -> None:
        """Zoom in (>1) or out, keeping the photo point under `anchor` (default: the
        centre) where it is."""
        if self.photo is None:
            return
        anchor = anchor or QPointF(self.width() / 2, self.height() / 2)
        target, scale = self._frame()
        fixed = QPointF((anchor.x() - target.left()) / scale, (anchor.y() - target.top()) / scale)
        self.zoom = min(ZOOM_MAX, max(ZOOM_MIN, self.zoom * factor))
        scale = self.scale()
        self.center = QPointF(fixed.x() - (anchor.x() - self.width() / 2) / scale,
                              fixed.y() - (anchor.y() - self.height() / 2) / scale)
        self._moved()

    def fit(self) -> None:
        """Show the whole photo."""
        self.zoom, self.center = 1.0, None
        self._moved()

    def actual_size(self) -> None:
        """One photo pixel per screen pixel (1:1), around the current centre."""
        w, h = self._size()
        fit = min(self.width() / w, self.height() / h)
        self.zoom = min(ZOOM_MAX, max(ZOOM_MIN, 1.0 / max(fit, 1e-9)))
        self._moved()

    def _clamp(self) -> None:
        """Keep the centre on the photo."""
        if self.center is None:
            return
        w, h = self._size()
        self.center = QPointF(min(w, max(0.0, self.center.x())),
                              min(h, max(0.0, self.center.y())))

    def _moved(self) -> None:
        self._clamp()
        self.update()
        w, h = self._size()
        c = self.center or QPointF(w / 2, h / 2)
        self.view_changed.emit(self.zoom, c.x(), c.y())

    # -- painting ----------------------------------------------------------------------------

    def _face_overlays(self) -> list[Overlay]:
        if self.photo is None or not self.show_boxes:
            return []
        out = []
        for face in self.photo.faces:
            b = face.box
            out.append(Overlay(Shape("rect", ((b.left, b.top),
                                              (b.left + b.width, b.top + b.height))),
                               "#ff9800" if face.source is FaceSource.MANUAL else "#00e676",
                               dashed=not face.is_subject, key=("face", face.id),
                               selected=face.id == self.selected_face))
        return out

    def paintEvent(self, event: QPaintEvent) -> None:  # Qt override
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#263238"))
        target, _ = self._frame()
        if self.image is None or self.photo is None:
            painter.setPen(QColor("#eceff1"))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter,
                             self.tr("No photo chosen") if self.photo is None
                             else self.tr("Loading…"))
            painter.end()
            return
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        shown = self._display_image()
        if shown is not None:
            painter.drawImage(target, shown)
        if self.blurred:
            painter.setPen(QColor("#ffffff"))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter,
                             self.tr("Blurred. Click to show the photo."))
        else:
            for overlay in (*self._face_overlays(), *self.overlays):
                self._paint_overlay(painter, overlay)
        self._paint_drawing(painter)
        painter.end()

    def _paint_overlay(self, painter: QPainter, overlay: Overlay) -> None:
        pen = QPen(QColor(overlay.colour), 3 if overlay.selected else 2)
        if overlay.dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        pts = [self.to_widget(x, y) for x, y in overlay.shape.points]
        if overlay.shape.kind == "point":
            for p in pts:
                painter.drawEllipse(p, 3.0, 3.0)
            return
        if overlay.shape.kind == "poly":
            painter.drawPolygon(QPolygonF(pts))
        elif len(pts) == 2:
            rect = QRectF(pts[0], pts[1]).normalized()
            if overlay.shape.kind == "ellipse":
                painter.drawEllipse(rect)
            else:
                painter.drawRect(rect)
        if overlay.label and pts:
            painter.drawText(min(pts, key=lambda p: (p.y(), p.x())) + QPointF(2, -4),
                             overlay.label)

    def _paint_drawing(self, painter: QPainter) -> None:
        pen = QPen(QColor("#ffeb3b"), 2, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if self._drag is not None:
            rect = QRectF(self._drag[0], self._drag[1]).normalized()
            if self.draw_mode == "ellipse":
                painter.drawEllipse(rect)
            else:
                painter.drawRect(rect)
        if self._poly:
            painter.drawPolyline(QPolygonF([self.to_widget(p.x(), p.y()) for p in self._poly]))

    # -- mouse and keys ----------------------------------------------------------------------

    def overlay_at(self, point: QPointF) -> Overlay | None:
        """The smallest keyed overlay whose region holds the photo point, if any."""
        hits = []
        for overlay in (*self.overlays, *self._face_overlays()):
            if overlay.key is None or overlay.shape.kind == "point":
                continue
            region = QPolygonF([QPointF(x, y) for x, y in overlay.shape.points])
            if overlay.shape.kind == "poly":
                inside = region.containsPoint(point, Qt.FillRule.OddEvenFill)
            else:
                inside = region.boundingRect().contains(point)
            if inside:
                b = overlay.shape.bounds()
                hits.append((b.width * b.height, overlay))
        return min(hits, key=lambda h: h[0])[1] if hits else None

    def _drawing_box(self) -> bool:
        return self.marking or self.draw_mode in ("rect", "ellipse")

    def mousePressEvent(self, event: QMouseEvent) -> None:  # Qt override
        if self.blurred:
            self.reveal_requested.emit()
        elif self.image is None:
            pass
        elif event.button() == Qt.MouseButton.LeftButton and self._drawing_box():
            self._drag = (event.position(), event.position())
        elif event.button() == Qt.MouseButton.LeftButton and self.draw_mode == "poly":
            self._poly_click(self.to_photo(event.position()))
        elif event.button() in (Qt.MouseButton.LeftButton, Qt.MouseButton.MiddleButton):
            hit = self.overlay_at(self.to_photo(event.position()))
            if hit is not None and event.button() == Qt.MouseButton.LeftButton:
                self.overlay_clicked.emit(hit.key)
            w, h = self._size()
            self._pan_from = (event.position(), self.center or QPointF(w / 2, h / 2))
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # Qt override
        if self._drag is not None:
            self._drag = (self._drag[0], event.position())
            self.update()
        elif self._pan_from is not None:
            start, centre = self._pan_from
            scale = self.scale()
            delta = (event.position() - start) / scale
            self.center = QPointF(centre.x() - delta.x(), centre.y() - delta.y())
            self._moved()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # Qt override
        self._pan_from = None
        if self._drag is None:
            return
        a, b = self.to_photo(self._drag[0]), self.to_photo(event.position())
        self._drag = None
        self.update()
        left, top = min(a.x(), b.x()), min(a.y(), b.y())
        box = Box(left, top, abs(a.x() - b.x()), abs(a.y() - b.y()))
        if self.marking:
            self.box_drawn.emit(box)
        elif self.draw_mode in ("rect", "ellipse"):
            self.shape_drawn.emit(Shape(self.draw_mode, ((box.left, box.top),
                                                         (box.left + box.width,
                                                          box.top + box.height))))

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # Qt override
        if self.draw_mode == "poly" and len(self._poly) >= 3:
            self.finish_polygon()
        else:
            super().mouseDoubleClickEvent(event)

    def _poly_click(self, point: QPointF) -> None:
        if len(self._poly) >= 3:
            first = self.to_widget(self._poly[0].x(), self._poly[0].y())
            here = self.to_widget(point.x(), point.y())
            if math.hypot(first.x() - here.x(), first.y() - here.y()) <= POLY_CLOSE_PX:
                self.finish_polygon()
                return
        self._poly.append(point)
        self.update()

    def finish_polygon(self) -> None:
        """Emit the polygon drawn so far (three points at least) and start afresh."""
        if len(self._poly) >= 3:
            self.shape_drawn.emit(Shape("poly", tuple((p.x(), p.y()) for p in self._poly)))
        self._poly = []
        self.update()

    def cancel_drawing(self) -> None:
        """Drop a shape being drawn."""
        self._poly, self._drag = [], None
        self.update()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt override
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._poly:
            self.finish_polygon()
        elif key == Qt.Key.Key_Escape and (self._poly or self._drag):
            self.cancel_drawing()
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(WHEEL_STEP)
        elif key == Qt.Key.Key_Minus:
            self.zoom_by(1 / WHEEL_STEP)
        elif key == Qt.Key.Key_0:
            self.fit()
        elif key == Qt.Key.Key_1:
            self.actual_size()
        else:
            super().keyPressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:  # Qt override
        steps = event.angleDelta().y() / 120
        if steps and self.photo is not None and not self.blurred:
            self.zoom_by(WHEEL_STEP ** steps, event.position())
            event.accept()
        else:
            super().wheelEvent(event)
