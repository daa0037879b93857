"""A Body page: all its photos, face boxes over them, its numbers, manual face marking,
and its distinctive marks."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QImage, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from athar.app.gui import labels
from athar.app.gui.services import Services
from athar.app.gui.tasks import TaskRunner
from athar.app.gui.thumbnails import PictureKey, ThumbnailCache
from athar.app.gui.widgets.common import clicked_face, photo_strip, show_error
from athar.app.gui.widgets.duplicates_box import DuplicatesBox
from athar.app.gui.widgets.estimates_box import EstimatesBox
from athar.app.gui.widgets.marks_panel import MarksPanel
from athar.app.gui.widgets.photo_canvas import PhotoCanvas
from athar.casework.domain.permissions import Permission
from athar.casework.domain.ports import Box
from athar.casework.marks.views import MarkList
from athar.casework.records.browse import BODY_FIELDS, BodyDetail, PhotoView
from athar.casework.records.manual_faces import MarkFace

STRIP = 96

VIEW_MAX = 1600
"""Longest side of the photo shown on the page (the original stays in the evidence)."""


class BodyView(QWidget):
    """Everything about one Body; edits and face marks go through the services."""

    back = Signal()

    def __init__(self, services: Services, tasks: TaskRunner, thumbs: ThumbnailCache,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.tasks, self.thumbs = services, tasks, thumbs
        self.blur = True
        self.detail: BodyDetail | None = None
        self.revealed: set[int] = set()
        self._full: dict[tuple[int, bool], QImage] = {}
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        back = QPushButton(self.tr("Back to the Bodies"))
        back.setObjectName("backButton")
        back.clicked.connect(self.back.emit)
        self._build_photos()
        tools = self._build_tools()
        numbers = self._build_numbers()
        self.marks = MarksPanel(services, tasks, self.canvas)
        self.marks.changed.connect(self.reload_marks)
        marks_box = QGroupBox(self.tr("Distinctive marks"))
        marks_box.setObjectName("marksBox")
        QVBoxLayout(marks_box).addWidget(self.marks)
        marks_box.setMaximumWidth(420)
        side = QVBoxLayout()
        side.addWidget(numbers)
        self.estimates = EstimatesBox(services, tasks)
        side.addWidget(self.estimates)
        self.duplicates = DuplicatesBox(services, tasks)
        self.duplicates.setMaximumWidth(420)
        self.duplicates.open_body.connect(self.load)
        side.addWidget(self.duplicates)
        side.addWidget(marks_box, 1)
        head = QHBoxLayout()
        head.addWidget(back)
        head.addWidget(self.title, 1)
        middle = QHBoxLayout()
        left = QVBoxLayout()
        left.addLayout(tools)
        left.addWidget(self.canvas, 1)
        middle.addLayout(left, 1)
        middle.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.strip)
        layout.addLayout(middle, 1)
        thumbs.ready.connect(self._thumb_ready)
        services.events.changed.connect(self._changed)  # a method: gone with the page

    def _changed(self, what: str) -> None:
        if not self.isVisible():
            return
        if what == "marks":
            self.reload_marks()
        elif what in ("body", "import"):
            self.duplicates.reload()

    def _build_photos(self) -> None:
        """The strip of the Body's photos and the canvas showing the chosen one."""
        self.strip = photo_strip("photoStrip", STRIP, 44)
        self.strip.currentRowChanged.connect(self._show_photo)
        self.canvas = PhotoCanvas()
        self.canvas.reveal_requested.connect(self._reveal)
        self.canvas.box_drawn.connect(self._box_drawn)

    def _build_tools(self) -> QHBoxLayout:
        """Face boxes on or off, marking a face by hand, fitting and 1:1."""
        self.boxes = QCheckBox(self.tr("Show face boxes"))
        self.boxes.setChecked(True)
        self.boxes.toggled.connect(self._toggle_boxes)
        self.mark = QPushButton(self.tr("Mark a face by hand"))
        self.mark.setObjectName("markButton")
        self.mark.setCheckable(True)
        self.mark.toggled.connect(self._marking)
        self.rotation = QComboBox()
        for degrees, text in ((0, self.tr("Face upright")),
                              (90, self.tr("Face lies on its right side")),
                              (270, self.tr("Face lies on its left side")),
                              (180, self.tr("Face upside down"))):
            self.rotation.addItem(text, degrees)
        fit = QPushButton(self.tr("Fit"))
        fit.setObjectName("fitButton")
        fit.setToolTip(self.tr("Show the whole photo (key 0); the wheel zooms, dragging pans"))
        fit.clicked.connect(self.canvas.fit)
        actual = QPushButton(self.tr("1:1"))
        actual.setObjectName("actualSizeButton")
        actual.setToolTip(self.tr("One photo pixel per screen pixel (key 1)"))
        actual.clicked.connect(self.canvas.actual_size)
        self.subject = QPushButton(self.tr("Make the chosen face the subject"))
        self.subject.setObjectName("chooseSubject")
        self.subject.setToolTip(self.tr("Click a face box first; only the subject is searched"))
        self.subject.setEnabled(False)
        self.subject.clicked.connect(self._choose_subject)
        self.canvas.overlay_clicked.connect(self._face_clicked)
        tools = QHBoxLayout()
        for w in (self.boxes, self.mark, self.rotation, self.subject, fit, actual):
            tools.addWidget(w)
        tools.addStretch(1)
        return tools

    def _build_numbers(self) -> QGroupBox:
        """The Body's numbers (editable with the right), the save button, messages."""
        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout()
        for name in BODY_FIELDS:
            edit = QLineEdit()
            edit.setObjectName(f"field_{name}")
            edit.setMaxLength(100)
            self.fields[name] = edit
            form.addRow(labels.body_field(name), edit)
        self.save = QPushButton(self.tr("Save numbers"))
        self.save.setObjectName("saveBody")
        self.save.clicked.connect(self._save)
        may_edit = self.services.may(Permission.EDIT_RECORDS)
        self.save.setEnabled(may_edit)
        self.mark.setEnabled(may_edit)
        for edit in self.fields.values():
            edit.setReadOnly(not may_edit)
        self.message = QLabel()
        self.message.setObjectName("bodyMessage")
        self.message.setWordWrap(True)
        self.photo_info = QLabel()
        self.photo_info.setWordWrap(True)
        numbers = QGroupBox(self.tr("Numbers"))
        numbers_layout = QVBoxLayout(numbers)
        numbers_layout.addLayout(form)
        numbers_layout.addWidget(self.save)
        numbers_layout.addWidget(self.message)
        numbers_layout.addWidget(self.photo_info)
        numbers.setMaximumWidth(360)
        return numbers

    # -- loading --------------------------------------------------------------------------

    def load(self, body_id: int) -> None:
        """Show a Body (loaded in the background)."""
        self.revealed.clear()
        self._full.clear()
        self.mark.setChecked(False)
        self.tasks.submit(lambda _p: self.services.body(body_id), self._show,
                          lambda msg: show_error(self, self.tr("Cannot open the Body"), msg),
                          latest=(self, "detail"))
        self.duplicates.load(body_id)
        self.marks.set_marks(MarkList((), ()))
        self.tasks.submit(lambda _p: self.services.marks(body_id=body_id),
                          lambda listed: self._marks_loaded(body_id, listed), lambda _m: None,
                          latest=(self, "marks"))

    def reload_marks(self) -> None:
        """Load the shown Body's marks again (after one changed)."""
        if self.detail is not None:
            body_id = self.detail.id
            self.tasks.submit(lambda _p: self.services.marks(body_id=body_id),
                              lambda listed: self._marks_loaded(body_id, listed),
                              lambda _m: None, latest=(self, "marks"))

    def _marks_loaded(self, body_id: int, listed: MarkList) -> None:
        if self.detail is None or self.detail.id == body_id:
            self.marks.set_marks(listed)

    def reload(self) -> None:
        """Load the shown Body again (after a change)."""
        if self.detail is not None:
            keep = self.strip.currentRow()
            body_id = self.detail.id
            self.tasks.submit(lambda _p: self.services.body(body_id),
                              lambda d: self._show(d, keep), lambda _m: None,
                              latest=(self, "detail"))

    def _show(self, detail: BodyDetail, row: int = 0) -> None:
        same = self.detail is not None and self.detail.id == detail.id
        self.detail = detail
        self.title.setText(self.tr("Body %1 — collection %2").replace(
            "%1", detail.label).replace("%2", detail.collection))
        for name, edit in self.fields.items():
            if not (same and edit.isModified()):  # a reload never wipes what is being typed
                edit.setText(detail.fields.get(name) or "")
        self.estimates.set_body(detail)
        if not same:
            self.message.clear()
        self.strip.blockSignals(True)
        self.strip.clear()
        for photo in detail.photos:
            item = QListWidgetItem(self._strip_icon(photo), self._caption(photo))
            item.setData(Qt.ItemDataRole.UserRole, photo.id)
            self.strip.addItem(item)
        self.strip.blockSignals(False)
        if detail.photos:
            self.strip.setCurrentRow(max(0, min(row, len(detail.photos) - 1)))
            self._show_photo(self.strip.currentRow())
        else:
            self.canvas.set_photo(None, None, False)

    def _caption(self, photo: PhotoView) -> str:
        if not photo.faces:
            return self.tr("no face")
        return self.tr("Faces: %n", "", len(photo.faces))

    def _strip_key(self, photo: PhotoView) -> PictureKey:
        subject = [f for f in photo.faces if f.is_subject]
        if subject:
            return PictureKey("face", subject[0].id, STRIP)
        return PictureKey("photo", photo.id, STRIP, self.blur)

    def _strip_icon(self, photo: PhotoView) -> QPixmap:
        pixmap = self.thumbs.get(self._strip_key(photo))
        if pixmap is None:
            pixmap = QPixmap(STRIP, STRIP)
            pixmap.fill(QColor("#eceff1"))
        return pixmap

    def _thumb_ready(self, key: object) -> None:
        if self.detail is None:
            return
        for row, photo in enumerate(self.detail.photos):
            if self._strip_key(photo) == key and row < self.strip.count():
                self.strip.item(row).setIcon(self._strip_icon(photo))

    def current_photo(self) -> PhotoView | None:
        """The photo on the canvas."""
        row = self.strip.currentRow()
        if self.detail is None or not 0 <= row < len(self.detail.photos):
            return None
        return self.detail.photos[row]

    def _show_photo(self, row: int) -> None:
        photo = self.current_photo()
        if photo is None:
            return
        del row
        blurred = self.blur and photo.id not in self.revealed
        self.marks.set_photo(photo.id)
        self.canvas.selected_face = None
        self.subject.setEnabled(False)
        faces = ", ".join(f"{labels.source_name(f.source.value)} ({f.method}, "
                          f"{round(f.size_px)} px)" for f in photo.faces)
        self.photo_info.setText(self.tr("Photo %1: %2 × %3 px. Faces: %4").replace(
            "%1", str(photo.id)).replace("%2", str(photo.width)).replace(
            "%3", str(photo.height)).replace("%4", faces or self.tr("none found")))
        cached = self._full.get((photo.id, blurred))
        self.canvas.set_photo(photo, cached, blurred)
        if cached is None:
            pid = photo.id
            self.tasks.submit(lambda _p: QImage.fromData(
                self.services.photo(pid, VIEW_MAX, blurred).png),
                lambda image: self._photo_ready(pid, blurred, image),
                lambda msg: show_error(self, self.tr("Cannot show the photo"), msg))

    def _photo_ready(self, photo_id: int, blurred: bool, image: QImage) -> None:
        self._full[(photo_id, blurred)] = image
        photo = self.current_photo()
        # a blurred rendering that arrives after the user revealed the photo is kept for
        # later, never shown over the clear one
        if (photo is not None and photo.id == photo_id
                and blurred == (self.blur and photo.id not in self.revealed)):
            self.canvas.set_photo(photo, image, blurred)

    def _reveal(self) -> None:
        photo = self.current_photo()
        if photo is not None:
            self.revealed.add(photo.id)
            self._show_photo(self.strip.currentRow())

    def _toggle_boxes(self, on: bool) -> None:
        self.canvas.show_boxes = on
        self.canvas.update()

    # -- changing -------------------------------------------------------------------------

    def _save(self) -> None:
        if self.detail is None:
            return
        body_id = self.detail.id
        changes = {name: edit.text() for name, edit in self.fields.items()}
        self.save.setEnabled(False)
        self.tasks.submit(lambda _p: self.services.update_body(body_id, changes),
                          self._saved, self._save_failed, write=True)

    def _saved(self, changed: dict[str, list[str | None]]) -> None:
        self.save.setEnabled(True)
        for edit in self.fields.values():
            edit.setModified(False)
        self.message.setText(self.tr("Saved: %1").replace(
            "%1", ", ".join(labels.body_field(k) for k in changed)) if changed
            else self.tr("Nothing changed."))

    def _save_failed(self, message: str) -> None:
        self.save.setEnabled(True)
        show_error(self, self.tr("The numbers were not saved"), message)

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
        self.tasks.submit(lambda _p: self.services.choose_subject(face_id),
                          lambda _photo: self.message.setText(self.tr(
                              "Face %1 is now the photo's subject; search again to update "
                              "the candidates.").replace("%1", str(face_id))),
                          lambda msg: show_error(self, self.tr("The subject was not changed"),
                                                 msg), write=True)

    def _marking(self, on: bool) -> None:
        if on and self.canvas.blurred:
            self._reveal()
        self.canvas.marking = on
        self.canvas.setCursor(Qt.CursorShape.CrossCursor if on else Qt.CursorShape.ArrowCursor)

    def _box_drawn(self, box: Box) -> None:
        photo = self.current_photo()
        if photo is None:
            return
        cmd = MarkFace(photo.id, box, int(self.rotation.currentData()))
        self.mark.setChecked(False)
        self.message.setText(self.tr("Aligning and indexing the marked face…"))
        self.tasks.submit(lambda _p: self.services.mark_face(cmd), self._marked,
                          self._mark_failed, write=True)

    def _marked(self, face_id: int) -> None:
        self.message.setText(self.tr("Face %1 marked by hand and added to the search index.")
                             .replace("%1", str(face_id)))

    def _mark_failed(self, message: str) -> None:
        self.message.setText("")
        show_error(self, self.tr("The face was not marked"), message)
