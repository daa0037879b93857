"""Item model of the Body grid: one cell per Body, its face crop loaded lazily."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QPixmap

from athar.app.gui.thumbnails import PictureKey, ThumbnailCache
from athar.app.gui.widgets.common import KEY_ROLE
from athar.casework.domain.text import search_key
from athar.casework.records.browse import BodySummary

THUMB = 120


BODY_ROLE = Qt.ItemDataRole.UserRole + 1


def placeholder(size: int) -> QPixmap:
    """A neutral square shown until a picture arrives."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor("#eceff1"))
    return pixmap


class BodyGridModel(QAbstractListModel):
    """Bodies as grid cells; thumbnails asked of the cache only for visible cells."""

    def __init__(self, thumbs: ThumbnailCache, blur: bool = True) -> None:
        super().__init__()
        self.thumbs, self.blur = thumbs, blur
        self._rows: list[BodySummary] = []
        self._row_of: dict[PictureKey, int] = {}
        self._blank = placeholder(THUMB)
        thumbs.ready.connect(self._picture_ready)

    def set_bodies(self, rows: list[BodySummary]) -> None:
        """Replace the Bodies shown."""
        self.beginResetModel()
        self._rows = rows
        self._row_of = {self.picture_key(b): i for i, b in enumerate(rows)}
        self.endResetModel()

    def picture_key(self, body: BodySummary) -> PictureKey:
        """The face crop when a face is known; else the first photo, blurred if so chosen."""
        if body.cover_face_id is not None:
            return PictureKey("face", body.cover_face_id, THUMB)
        return PictureKey("photo", body.cover_photo_id or 0, THUMB, self.blur)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()  # noqa: B008
                 ) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        body = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return body.label
        if role == Qt.ItemDataRole.DecorationRole:
            if body.cover_photo_id is None:
                return self._blank
            return self.thumbs.get(self.picture_key(body)) or self._blank
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("%1: %2 photos, %3 faces").replace("%1", body.label).replace(
                "%2", str(body.photos)).replace("%3", str(body.faces))
        if role == BODY_ROLE:
            return body.id
        if role == KEY_ROLE:
            return search_key(body.label)
        return None

    def body_at(self, row: int) -> BodySummary:
        """The Body of a row."""
        return self._rows[row]

    def _picture_ready(self, key: object) -> None:
        row = self._row_of.get(key)  # type: ignore[call-overload]
        if row is not None:
            idx = self.index(row)
            self.dataChanged.emit(idx, idx, [Qt.ItemDataRole.DecorationRole])
