"""The aligned overlay of the comparison view: both faces, warped onto the same landmark
template, laid over each other (blended by an opacity, or flickering)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

FLICKER_MS = 600


class OverlayCanvas(QWidget):
    """The two aligned faces laid over each other: blended by `opacity`, or flickering."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(QSize(300, 300))
        self.am: QImage | None = None
        self.pm: QImage | None = None
        self.opacity = 0.5
        self.flicker = False
        self.showing_pm = False
        self.landmarks = False
        self.template: tuple[tuple[float, float], ...] = ()
        self._timer = QTimer(self)
        self._timer.setInterval(FLICKER_MS)
        self._timer.timeout.connect(self._flip)

    def set_flicker(self, on: bool) -> None:
        """Alternate the two faces instead of blending them."""
        self.flicker = on
        if on:
            self._timer.start()
        else:
            self._timer.stop()
        self.update()

    def _flip(self) -> None:
        self.showing_pm = not self.showing_pm
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # Qt override
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#263238"))
        side = min(self.width(), self.height()) - 8
        x, y = (self.width() - side) / 2, (self.height() - side) / 2
        if self.am is None or self.pm is None:
            painter.setPen(QColor("#eceff1"))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("Loading…"))
            painter.end()
            return
        target = QRectF(x, y, side, side)
        if self.flicker:
            painter.drawImage(target, self.pm if self.showing_pm else self.am)
        else:
            painter.drawImage(target, self.am)
            painter.setOpacity(self.opacity)
            painter.drawImage(target, self.pm)
            painter.setOpacity(1.0)
        if self.landmarks:
            painter.setPen(QColor("#ffeb3b"))
            for tx, ty in self.template:
                painter.drawEllipse(QPointF(target.left() + tx * side,
                                            target.top() + ty * side), 3.0, 3.0)
        painter.end()
