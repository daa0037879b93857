"""Thumbnails made off the GUI thread, cached in memory, asked for only when visible.

An item model calls `get(key)` from `data(DecorationRole)`, which the view asks only for
rows on screen: a miss queues one render task (newest first, so what is on screen now
comes before what scrolled past) and returns None; `ready(key)` fires when it arrives.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage, QPixmap

from athar.app.gui.services import Services
from athar.app.gui.tasks import Progress, TaskRunner


@dataclass(frozen=True)
class PictureKey:
    """Which picture: a face crop or a (possibly blurred) photo, at a size."""

    kind: str  # "face" | "photo" | "aligned" | "mark"
    id: int
    size: int
    blur: bool = False


class ThumbnailCache(QObject):
    """Pixmaps by key, rendered in the read pool; at most `capacity` kept."""

    ready = Signal(object)

    def __init__(self, services: Services, tasks: TaskRunner, capacity: int = 3000,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services, self.tasks, self.capacity = services, tasks, capacity
        self._pixmaps: OrderedDict[PictureKey, QPixmap] = OrderedDict()
        self._pending: set[PictureKey] = set()
        self._failed: set[PictureKey] = set()
        self._serial = 0
        self.rendered = 0

    def get(self, key: PictureKey) -> QPixmap | None:
        """The pixmap if rendered; otherwise None and a render is queued."""
        pixmap = self._pixmaps.get(key)
        if pixmap is not None:
            self._pixmaps.move_to_end(key)
            return pixmap
        if key not in self._pending and key not in self._failed:
            self._pending.add(key)
            self._serial += 1

            def render(_: Progress) -> QImage:
                if key.kind == "face":
                    picture = self.services.face_crop(key.id, key.size)
                elif key.kind == "aligned":
                    picture = self.services.aligned_face(key.id, key.size)
                elif key.kind == "mark":
                    picture = self.services.mark_crop(key.id, key.size)
                else:
                    picture = self.services.photo(key.id, key.size, key.blur)
                return QImage.fromData(picture.png)

            self.tasks.submit(render, lambda image: self._arrived(key, image),
                              lambda _msg: self._lost(key), priority=self._serial % 1_000_000)
        return None

    def failed(self, key: PictureKey) -> bool:
        """Whether rendering this picture failed (its evidence no longer decodes)."""
        return key in self._failed

    def _arrived(self, key: PictureKey, image: QImage) -> None:
        self._pending.discard(key)
        self._pixmaps[key] = QPixmap.fromImage(image)
        self.rendered += 1
        while len(self._pixmaps) > self.capacity:
            self._pixmaps.popitem(last=False)
        self.ready.emit(key)

    def _lost(self, key: PictureKey) -> None:
        self._pending.discard(key)
        if not self.services.session.locked:  # a locked session is not a broken picture
            self._failed.add(key)
        self.ready.emit(key)

    def clear(self) -> None:
        """Forget everything (after faces changed)."""
        self._pixmaps.clear()
        self._failed.clear()

    def forget(self, kind: str) -> None:
        """Forget the pictures of one kind (mark crops after a mark was edited)."""
        for key in [k for k in self._pixmaps if k.kind == kind]:
            del self._pixmaps[key]
        self._failed = {k for k in self._failed if k.kind != kind}
