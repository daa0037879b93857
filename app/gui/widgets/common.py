"""Small shared widgets: score bars, the candidates chart, count cards, message boxes."""

from __future__ import annotations

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QListWidget,
    QMessageBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from athar.casework.domain.text import search_key
from athar.casework.records.browse import FaceView, PhotoView

SCORE_ROLE = Qt.ItemDataRole.UserRole + 10
"""Item data role carrying a score in [0, 1] for ScoreBarDelegate."""
KEY_ROLE = Qt.ItemDataRole.UserRole + 2
"""Item data role carrying a row's search key (casework.text.search_key of its names)."""


class NameFilter(QSortFilterProxyModel):
    """Keeps rows whose KEY_ROLE contains every word typed, ignoring diacritics and
    letter forms (search_key on both sides)."""

    def __init__(self) -> None:
        super().__init__()
        self.needle = ""

    def set_needle(self, text: str) -> None:
        """Filter by this text."""
        self.beginFilterChange()
        self.needle = search_key(text)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int,  # Qt override
                         parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not self.needle:
            return True
        key = str(self.sourceModel().index(row, 0, parent).data(KEY_ROLE))
        return all(part in key for part in self.needle.split())


def photo_strip(name: str, icon: int, caption_height: int) -> QListWidget:
    """A one-row strip of photo thumbnails (icon x icon), scrolled sideways."""
    strip = QListWidget()
    strip.setObjectName(name)
    strip.setViewMode(QListWidget.ViewMode.IconMode)
    strip.setFlow(QListWidget.Flow.LeftToRight)
    strip.setWrapping(False)
    strip.setIconSize(QSize(icon, icon))
    strip.setFixedHeight(icon + caption_height)
    return strip


def isolate(text: str) -> str:
    """Text that must read left to right whole (paths, ids, log lines) inside Arabic UI."""
    return f"\u2066{text}\u2069"


def clicked_face(photo: PhotoView | None, key: object) -> FaceView | None:
    """The face of the photo a canvas click hit (`key` from the canvas's overlay_at),
    or None when the click hit no face box."""
    if photo is None or not (isinstance(key, tuple) and key[0] == "face"):
        return None
    return next((f for f in photo.faces if f.id == key[1]), None)


def show_error(parent: QWidget | None, title: str, message: str) -> None:
    """A modal error naming what went wrong (the caller keeps everything already done)."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok,
                      parent)
    box.setObjectName("errorBox")
    box.open()


class ScoreBarDelegate(QStyledItemDelegate):
    """Paints a similarity score as a bar with its value (cosine, 0 to 1)."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        score = index.data(SCORE_ROLE)
        if score is None:
            super().paint(painter, option, index)
            return
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(option.rect, option.palette.highlight())
        text_w = 52
        r = option.rect.adjusted(6, option.rect.height() // 2 - 8, -(6 + text_w),
                                 -(option.rect.height() // 2 - 8))
        text_rect = QRect(r.right() + 6, option.rect.top(), text_w, option.rect.height())
        rtl = option.direction == Qt.LayoutDirection.RightToLeft
        if rtl:
            r.moveRight(option.rect.right() - 6)
            text_rect.moveLeft(option.rect.left() + 2)
        painter.save()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#e3e6ea"))
        painter.drawRoundedRect(r, 3, 3)
        fill = QRect(r)
        fill.setWidth(max(2, round(r.width() * max(0.0, min(1.0, float(score))))))
        if rtl:
            fill.moveRight(r.right())
        painter.setBrush(QColor("#2f6f9f"))
        painter.drawRoundedRect(fill, 3, 3)
        painter.setPen(option.palette.color(QPalette.ColorRole.Text))
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                         f"{float(score):.3f}")
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem,  # Qt override
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        return QSize(160, 28)


class BarChart(QWidget):
    """A small horizontal bar chart (label, value), e.g. candidates by review state."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, int]] = []
        self.setMinimumHeight(140)

    def set_rows(self, rows: list[tuple[str, int]]) -> None:
        """Replace the bars."""
        self._rows = rows
        self.setMinimumHeight(24 * max(1, len(rows)) + 8)
        self.update()

    def rows(self) -> list[tuple[str, int]]:
        """What is drawn (for tests and accessibility)."""
        return list(self._rows)

    def paintEvent(self, event: object) -> None:  # Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        label_w = max((metrics.horizontalAdvance(label) for label, _ in self._rows),
                      default=0) + 12
        top_value = max((v for _, v in self._rows), default=0) or 1
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        width = self.width() - label_w - 60
        for i, (label, value) in enumerate(self._rows):
            y = 4 + i * 24
            bar_w = round(width * value / top_value)
            text_rect = QRect(0, y, label_w - 8, 20)
            bar = QRect(label_w, y + 3, max(2 if value else 0, bar_w), 14)
            num = QRect(label_w + bar_w + 6, y, 54, 20)
            if rtl:
                text_rect.moveRight(self.width())
                bar.moveRight(self.width() - label_w)
                num.moveRight(bar.left() - 6)
            painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter | (
                Qt.AlignmentFlag.AlignLeft if rtl else Qt.AlignmentFlag.AlignRight), label)
            painter.fillRect(bar, QColor("#2f6f9f"))
            painter.drawText(num, Qt.AlignmentFlag.AlignVCenter | (
                Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft), str(value))
        painter.end()


class CountCard(QFrame):
    """A number with its name, as on a dashboard."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        self.value = QLabel("–")
        self.value.setObjectName("countValue")
        font = self.value.font()
        font.setPointSize(font.pointSize() + 8)
        font.setBold(True)
        self.value.setFont(font)
        self.name = QLabel(name)
        layout.addWidget(self.value)
        layout.addWidget(self.name)

    def set_value(self, value: int) -> None:
        """Show the number."""
        self.value.setText(f"{value:,}")
