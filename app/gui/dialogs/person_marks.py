"""A missing person's photos and marks: marks drawn on the family's photos and the marks
the family described without a photo (non-modal, beside the persons list)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from athar.app.gui.services import Services
from athar.app.gui.tasks import TaskRunner
from athar.app.gui.thumbnails import PictureKey, ThumbnailCache
from athar.app.gui.widgets.common import clicked_face, photo_strip, show_error
from athar.app.gui.widgets.marks_panel import MarksPanel
from athar.app.gui.widgets.photo_canvas import PhotoCanvas
from athar.casework.domain.permissions import Permission
from athar.casework.intake.persons import PersonDetail
from athar.casework.marks.views import MarkList
from athar.casework.records.browse import PhotoView

STRIP = 80
VIEW_MAX = 1600


class PersonMarksDialog(QDialog):
    """One person's photos with their marks, and the described marks."""

    def __init__(self, services: Services, tasks: TaskRunner, thumbs: ThumbnailCache,
                 person_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("personMarks")
        self.services, self.tasks, self.thumbs = services, tasks, thumbs
        self.person_id = person_id
        self.person: PersonDetail | None = None
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.strip = photo_strip("personPhotoStrip", STRIP, 30)
        self.strip.currentRowChanged.connect(lambda _row: self._show_photo())
        self.canvas = PhotoCanvas()
        self.marks = MarksPanel(services, tasks, self.canvas, person_id=person_id)
        self.marks.changed.connect(self.reload_marks)
        self.subject = QPushButton(self.tr("Make the chosen face the subject"))
        self.subject.setObjectName("chooseSubject")
        self.subject.setToolTip(self.tr("Click a face box first: in a photo of several "
                                        "people, only the subject is searched"))
        self.subject.setEnabled(False)
        self.subject.setAutoDefault(False)
        self.subject.clicked.connect(self._choose_subject)
        self.canvas.overlay_clicked.connect(self._face_clicked)
        self.message = QLabel()
        self.message.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.canvas, 1)
        self.marks.setMaximumWidth(420)
        row.addWidget(self.marks)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.strip)
        layout.addLayout(row, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.subject)
        bottom.addWidget(self.message, 1)
        layout.addLayout(bottom)
        self.resize(1100, 720)
        thumbs.ready.connect(self._thumb_ready)
        self.tasks.submit(lambda _p: services.person(person_id), self._loaded,
                          lambda msg: show_error(self, self.tr("Cannot open the record"), msg))
        self.reload_marks()

    def reload_marks(self) -> None:
        """Load the person's marks again."""
        pid = self.person_id
        self.tasks.submit(lambda _p: self.services.marks(person_id=pid), self._marks,
                          lambda _m: None)

    def _marks(self, listed: MarkList) -> None:
        self.marks.set_marks(listed)

    def _loaded(self, person: PersonDetail) -> None:
        self.person = person
        self.setWindowTitle(self.tr("Photos and marks of %1").replace("%1", person.label))
        self.title.setText(self.tr("%1 — the family's photos and the marks they told of")
                           .replace("%1", person.label))
        self.strip.clear()
        for photo in person.photos:
            item = QListWidgetItem(self.tr("Photo %1").replace("%1", str(photo.id)))
            item.setData(Qt.ItemDataRole.UserRole, photo.id)
            pixmap = self.thumbs.get(PictureKey("photo", photo.id, STRIP))
            if pixmap is not None:
                item.setIcon(pixmap)
            self.strip.addItem(item)
        if person.photos:
            self.strip.setCurrentRow(0)
        else:
            self.canvas.set_photo(None, None, False)
            self.marks.set_photo(None)

    def current_photo(self) -> PhotoView | None:
        """The photo on the canvas."""
        row = self.strip.currentRow()
        if self.person is None or not 0 <= row < len(self.person.photos):
            return None
        return self.person.photos[row]

    def _show_photo(self) -> None:
        photo = self.current_photo()
        if photo is None:
            return
        self.marks.set_photo(photo.id)
        self.canvas.set_photo(photo, None, False)
        pid = photo.id
        self.tasks.submit(lambda _p: QImage.fromData(self.services.photo(pid, VIEW_MAX,
                                                                         False).png),
                          lambda image: self._photo_ready(pid, image),
                          lambda msg: show_error(self, self.tr("Cannot show the photo"), msg))

    def _photo_ready(self, photo_id: int, image: QImage) -> None:
        photo = self.current_photo()
        if photo is not None and photo.id == photo_id:
            self.canvas.set_photo(photo, image, False)

    def _face_clicked(self, key: object) -> None:
        if not (isinstance(key, tuple) and key[0] == "face"):
            return
        face = clicked_face(self.current_photo(), key)
        self.canvas.selected_face = face.id if face else None
        self.canvas.update()
        self.subject.setEnabled(face is not None and not face.is_subject
                                and self.services.may(Permission.EDIT_RECORDS))

    def _choose_subject(self) -> None:
        face_id = self.canvas.selected_face
        if face_id is None:
            return
        self.subject.setEnabled(False)

        def done(_photo: int) -> None:
            self.message.setText(self.tr("Face %1 is now the photo's subject; search again to "
                                         "update the candidates.").replace("%1", str(face_id)))
            pid = self.person_id
            self.tasks.submit(lambda _p: self.services.person(pid), self._reloaded,
                              lambda _m: None)

        self.tasks.submit(lambda _p: self.services.choose_subject(face_id), done,
                          lambda msg: show_error(self, self.tr("The subject was not changed"),
                                                 msg), write=True)

    def _reloaded(self, person: PersonDetail) -> None:
        row = self.strip.currentRow()
        self.person = person
        self.strip.setCurrentRow(row)
        self._show_photo()

    def _thumb_ready(self, key: object) -> None:
        for row in range(self.strip.count()):
            item = self.strip.item(row)
            wanted = PictureKey("photo", int(item.data(Qt.ItemDataRole.UserRole)), STRIP)
            if wanted == key:
                pixmap = self.thumbs.get(wanted)
                if pixmap is not None:
                    item.setIcon(pixmap)
