"""Missing persons: the list (filtered as you type, Arabic or Latin) and the intake form."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from athar.app.gui import labels
from athar.app.gui.services import Services
from athar.app.gui.tasks import TaskRunner
from athar.app.gui.thumbnails import PictureKey, ThumbnailCache
from athar.app.gui.widgets import KEY_ROLE, NameFilter
from athar.casework.domain.imaging import SUPPORTED_SUFFIXES
from athar.casework.domain.permissions import Permission
from athar.casework.intake.persons import AddPerson, PersonDetail, PersonSummary, SubmissionView
from athar.casework.intake.registration import Registration
from athar.casework.records.manual_faces import FacePreview

ID_ROLE = Qt.ItemDataRole.UserRole + 1
FACE = 96


class PersonTableModel(QAbstractTableModel):
    """Missing persons as rows: label, Arabic name, Latin name, sex, born, photos, faces."""

    COLUMNS = 7

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[PersonSummary] = []

    def set_persons(self, rows: list[PersonSummary]) -> None:
        """Replace the rows."""
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()  # noqa: B008
                 ) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()  # noqa: B008
                    ) -> int:
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        names = (self.tr("Label"), self.tr("Name (Arabic)"), self.tr("Name (Latin)"),
                 self.tr("Sex"), self.tr("Born"), self.tr("Photos"), self.tr("Faces"))
        return names[section] if 0 <= section < len(names) else None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        p = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            values = (p.label, p.name_ar or "", p.name or "", labels.sex_name(p.sex),
                      p.born or "", str(p.photos), str(p.faces))
            return values[index.column()]
        if role == ID_ROLE:
            return p.id
        if role == KEY_ROLE:
            return p.key
        return None


class PersonFilter(NameFilter):
    """Keeps persons whose label or names contain what was typed (Arabic or Latin)."""


class PhotoDropList(QListWidget):
    """Photos for the intake form: dropped from the file manager or chosen in a dialog."""

    files_dropped = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setViewMode(QListWidget.ViewMode.IconMode)
        self.setIconSize(QSize(FACE, FACE))
        self.setMinimumHeight(FACE + 60)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # Qt override
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragEnterEvent) -> None:  # type: ignore[override]
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # Qt override
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            self.files_dropped.emit(paths)
            event.acceptProposedAction()


class PersonIntakeDialog(QDialog):
    """A family's report: names, dates, places, description, marks, submitter, photos."""

    created = Signal(int)

    def __init__(self, services: Services, tasks: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("intakeDialog")
        self.setWindowTitle(self.tr("New missing person"))
        self.services, self.tasks = services, tasks
        self.photos: list[Path] = []
        self.previews: dict[str, FacePreview] = {}
        self.name_ar = QLineEdit()
        self.name_ar.setObjectName("nameAr")
        self.name_ar.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.name = QLineEdit()
        self.name.setObjectName("nameLatin")
        self.sex = QComboBox()
        self.sex.setObjectName("sex")
        self.sex.addItem("", None)
        for value in ("male", "female", "unknown"):
            self.sex.addItem(labels.sex_name(value), value)
        self.born = QLineEdit()
        self.born.setObjectName("born")
        self.born.setPlaceholderText(self.tr("1985 or 1985-03-21"))
        self.origin = QLineEdit()
        self.arrest_date = QLineEdit()
        self.arrest_date.setObjectName("arrestDate")
        self.arrest_date.setPlaceholderText(self.tr("2013 or 2013-08-04"))
        self.arrest_place = QLineEdit()
        self.branch = QLineEdit()
        self.description = QPlainTextEdit()
        self.description.setFixedHeight(60)
        self.marks = QPlainTextEdit()
        self.marks.setObjectName("knownMarks")
        self.marks.setFixedHeight(60)
        self.submitter = QLineEdit()
        self.contact = QLineEdit()
        self.contact.setObjectName("contact")
        form = QFormLayout()
        form.addRow(self.tr("Name in Arabic"), self.name_ar)
        form.addRow(self.tr("Name in Latin letters"), self.name)
        form.addRow(self.tr("Sex"), self.sex)
        form.addRow(self.tr("Born (year or date)"), self.born)
        form.addRow(self.tr("Place of origin"), self.origin)
        form.addRow(self.tr("Date of arrest"), self.arrest_date)
        form.addRow(self.tr("Place of arrest"), self.arrest_place)
        form.addRow(self.tr("Arresting branch"), self.branch)
        form.addRow(self.tr("Physical description"), self.description)
        form.addRow(self.tr("Marks known to the family"), self.marks)
        form.addRow(self.tr("Submitted by"), self.submitter)
        if services.may(Permission.VIEW_CONTACT):
            form.addRow(self.tr("Submitter's contact"), self.contact)
        else:
            self.contact.hide()
            note = QLabel(self.tr("Contact details can be entered only by users "
                                  "permitted to see them."))
            note.setWordWrap(True)
            form.addRow(note)
        self.drop = PhotoDropList()
        self.drop.setObjectName("photoDrop")
        self.drop.files_dropped.connect(self.add_photos)
        choose = QPushButton(self.tr("Add photos…"))
        choose.setObjectName("addPhotos")
        choose.clicked.connect(self._choose)
        photos_box = QGroupBox(self.tr("Photos from the family (drop files here)"))
        photos_layout = QVBoxLayout(photos_box)
        photos_layout.addWidget(self.drop)
        photos_layout.addWidget(choose)
        self.faces = QListWidget()
        self.faces.setObjectName("detectedFaces")
        self.faces.setViewMode(QListWidget.ViewMode.IconMode)
        self.faces.setIconSize(QSize(FACE, FACE))
        self.faces.setMinimumHeight(FACE + 40)
        faces_box = QGroupBox(self.tr("Faces found in these photos"))
        QVBoxLayout(faces_box).addWidget(self.faces)
        self.status = QLabel()
        self.status.setObjectName("intakeStatus")
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        right = QVBoxLayout()
        right.addWidget(photos_box)
        right.addWidget(faces_box)
        right.addWidget(self.status)
        columns = QHBoxLayout()
        columns.addLayout(form, 1)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(self.buttons)
        self.resize(980, 620)

    def _choose(self) -> None:
        patterns = " ".join(f"*{s}" for s in sorted(SUPPORTED_SUFFIXES))
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("Photos from the family"), "",
                                                self.tr("Images (%1)").replace("%1", patterns))
        self.add_photos([Path(f) for f in files])

    def add_photos(self, paths: list[Path]) -> None:
        """Add photos; their faces are detected in the background and shown as they come."""
        for path in paths:
            if path in self.photos or not path.is_file():
                continue
            self.photos.append(path)
            item = QListWidgetItem(path.name)
            item.setToolTip(str(path))
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            self.drop.addItem(item)
            self.status.setText(self.tr("Looking for faces…"))
            self.tasks.submit(lambda _p, p=path: self.services.preview(p), self._previewed,
                              lambda msg: self.status.setText(msg))

    def _previewed(self, preview: FacePreview) -> None:
        # The file is decoded in the background by the guarded decoder, never by Qt on
        # the GUI thread: a family's file is untrusted input and may be large.
        self.previews[preview.path] = preview
        name = Path(preview.path).name
        for row in range(self.drop.count()):
            item = self.drop.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == preview.path and preview.thumbnail:
                item.setIcon(QPixmap.fromImage(QImage.fromData(preview.thumbnail, "PNG")))
        if preview.error:
            self.status.setText(self.tr("%1 cannot be used: %2").replace("%1", name).replace(
                "%2", preview.error))
            return
        for i, png in enumerate(preview.crops):
            item = QListWidgetItem(QPixmap.fromImage(QImage.fromData(png, "PNG")),
                                   name if i == 0 else self.tr("other face"))
            self.faces.addItem(item)
        found = sum(len(p.crops) for p in self.previews.values())
        self.status.setText(self.tr("Faces found so far: %n", "", found) if found else
                            self.tr("No face found yet: the record can still be saved, and "
                                    "a face can be marked later."))

    def command(self) -> AddPerson:
        """The form as an AddPerson command."""
        def text(edit: QLineEdit) -> str | None:
            return edit.text().strip() or None

        name = text(self.name) or text(self.name_ar) or ""
        return AddPerson(
            name=name, name_ar=text(self.name_ar), sex=self.sex.currentData(),
            born=text(self.born), submitter=text(self.submitter),
            contact=None if self.contact.isHidden() else text(self.contact),
            origin=text(self.origin), arrest_date=text(self.arrest_date),
            arrest_place=text(self.arrest_place), arresting_branch=text(self.branch),
            description=self.description.toPlainText().strip() or None,
            known_marks=self.marks.toPlainText().strip() or None)

    def submit(self) -> None:
        """Save the person and import the photos (in the background)."""
        cmd = self.command()
        if not cmd.name:
            self.status.setText(self.tr("Enter a name in Arabic or in Latin letters."))
            return
        photos = list(self.photos)
        self.buttons.setEnabled(False)
        self.status.setText(self.tr("Saving…"))
        self.tasks.submit(lambda _p: self.services.add_person(cmd, photos), self._saved,
                          self._failed, write=True)

    def _saved(self, result: Registration) -> None:
        self.created.emit(result.person_id)
        report = result.report
        if report is None or result.photos_filed == len(self.photos):
            self.buttons.setEnabled(True)
            self.accept()
            return
        # Saved, but a photo could not be filed: say which, and offer only Close (saving
        # again would register the family twice).
        reasons = "; ".join(f"{Path(s.path).name}: {s.reason}" for s in report.skipped)
        reasons = "; ".join(x for x in (reasons, *report.notes) if x)
        self.status.setText(self.tr("Saved as record %1, but %2 of %3 photos could not be "
                                    "filed: %4").replace("%1", str(result.person_id))
                            .replace("%2", str(len(self.photos) - result.photos_filed))
                            .replace("%3", str(len(self.photos))).replace("%4", reasons))
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)
        self.buttons.setEnabled(True)

    def _failed(self, message: str) -> None:
        self.buttons.setEnabled(True)
        self.status.setText(message)


class PersonsView(QWidget):
    """The list of missing persons, a filter, the intake form and a person's faces."""

    search_requested = Signal(int)

    def __init__(self, services: Services, tasks: TaskRunner, thumbs: ThumbnailCache,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.tasks, self.thumbs = services, tasks, thumbs
        self.model = PersonTableModel()
        self.proxy = PersonFilter()
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setObjectName("personsTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _prev:
                                                              self._selected(cur))
        self.table.doubleClicked.connect(self._open)
        self.filter = QLineEdit()
        self.filter.setObjectName("personFilter")
        self.filter.setPlaceholderText(self.tr("Type a name in Arabic or Latin letters…"))
        self.filter.textChanged.connect(self.proxy.set_needle)
        self.filter.textChanged.connect(lambda _t: self._count())
        self.count = QLabel()
        new = QPushButton(self.tr("New missing person…"))
        new.setObjectName("newPerson")
        new.clicked.connect(self.open_intake)
        new.setEnabled(services.may(Permission.ADD_PERSON))
        self.search = QPushButton(self.tr("Search the post-mortem photos"))
        self.search.setObjectName("searchPerson")
        self.search.setEnabled(False)
        self.search.clicked.connect(self._search)
        bar = QHBoxLayout()
        bar.addWidget(self.filter, 1)
        bar.addWidget(self.count)
        bar.addWidget(new)
        self.detail = QLabel()
        self.detail.setObjectName("personDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.faces = QListWidget()
        self.faces.setObjectName("personFaces")
        self.faces.setViewMode(QListWidget.ViewMode.IconMode)
        self.faces.setIconSize(QSize(FACE, FACE))
        self.faces.setFixedHeight(FACE + 44)
        self.contact = QPushButton(self.tr("Show submitter and contact"))
        self.contact.setObjectName("showContact")
        self.contact.setToolTip(self.tr("Each viewing is recorded in the audit log."))
        self.contact.setVisible(services.may(Permission.VIEW_CONTACT))
        self.contact.setEnabled(False)
        self.contact.clicked.connect(self._show_contact)
        self.submitters = QLabel()
        self.submitters.setObjectName("submitters")
        self.submitters.setWordWrap(True)
        self.submitters.setTextFormat(Qt.TextFormat.PlainText)
        side = QGroupBox(self.tr("Record"))
        side_layout = QVBoxLayout(side)
        side_layout.addWidget(self.detail)
        side_layout.addWidget(self.faces)
        side_layout.addWidget(self.contact)
        side_layout.addWidget(self.submitters)
        side_layout.addWidget(self.search)
        side_layout.addStretch(1)
        side.setMaximumWidth(380)
        title = QLabel(self.tr("Missing persons"))
        title.setObjectName("pageTitle")
        body = QHBoxLayout()
        body.addWidget(self.table, 1)
        body.addWidget(side)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(bar)
        layout.addLayout(body, 1)
        self.intake: PersonIntakeDialog | None = None
        self.shown: PersonDetail | None = None
        self._wanted: int | None = None
        thumbs.ready.connect(self._thumb_ready)
        services.events.changed.connect(self._changed)

    def _changed(self, what: str) -> None:
        if what in ("person", "import"):
            self.refresh()

    def refresh(self) -> None:
        """Reload the list (in the background)."""
        self.tasks.submit(lambda _p: self.services.persons(), self._show, lambda _m: None)

    def _show(self, rows: list[PersonSummary]) -> None:
        self.model.set_persons(rows)
        self._count()
        if self._wanted is not None:
            self.select_person(self._wanted)

    def _count(self) -> None:
        self.count.setText(self.tr("%1 of %2").replace("%1", str(self.proxy.rowCount()))
                           .replace("%2", str(self.model.rowCount())))

    def open_intake(self) -> PersonIntakeDialog:
        """Open the intake form (non-modal, so the window stays usable)."""
        self.intake = PersonIntakeDialog(self.services, self.tasks, self)
        self.intake.created.connect(self.select_person)
        self.intake.show()
        return self.intake

    def select_person(self, person_id: int) -> None:
        """Select a person in the list once it is loaded."""
        self._wanted = person_id
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).data(ID_ROLE) == person_id:
                self.table.selectRow(row)
                self._wanted = None
                return

    def _selected(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        pid = int(index.data(ID_ROLE))
        self.search.setEnabled(self.services.may(Permission.SEARCH))
        self.tasks.submit(lambda _p: self.services.person(pid), self._show_detail,
                          lambda msg: self.detail.setText(msg))

    def _show_contact(self) -> None:
        if self.shown is None:
            return
        pid = self.shown.id
        self.tasks.submit(lambda _p: (pid, self.services.submissions(pid)), self._contacts,
                          lambda msg: self.submitters.setText(msg))

    def _contacts(self, result: tuple[int, list[SubmissionView]]) -> None:
        pid, subs = result
        if self.shown is None or self.shown.id != pid:
            return  # another person was chosen meanwhile
        lines = [self.tr("Submitter: %1; contact: %2").replace("%1", s.submitter or "—")
                 .replace("%2", s.contact or "—") for s in subs if s.submitter or s.contact]
        self.submitters.setText("\n".join(lines) or self.tr("No submitter recorded."))

    def _show_detail(self, person: PersonDetail) -> None:
        # The same record can arrive twice (selection and list refresh race): what was
        # revealed stays shown; another person's record hides it again.
        if self.shown is None or self.shown.id != person.id:
            self.submitters.clear()
        self.shown = person
        self.contact.setEnabled(True)
        f = person.fields
        lines = [person.label]
        for key, label in (("name_ar", self.tr("Name in Arabic")),
                           ("name", self.tr("Name in Latin letters")),
                           ("born", self.tr("Born")), ("origin", self.tr("Place of origin")),
                           ("description", self.tr("Physical description")),
                           ("arrest_date", self.tr("Date of arrest")),
                           ("arrest_place", self.tr("Place of arrest")),
                           ("arresting_branch", self.tr("Arresting branch")),
                           ("known_marks", self.tr("Marks known to the family"))):
            if f.get(key):
                lines.append(f"{label}: {f[key]}")
        lines.append(self.tr("Photos: %1").replace("%1", str(len(person.photos))))
        self.detail.setText("\n".join(lines))
        self.faces.clear()
        for photo in person.photos:
            for face in photo.faces:
                key = PictureKey("face", face.id, FACE)
                item = QListWidgetItem()
                item.setData(Qt.ItemDataRole.UserRole, key)
                pixmap = self.thumbs.get(key)
                if pixmap is not None:
                    item.setIcon(pixmap)
                self.faces.addItem(item)

    def _thumb_ready(self, key: object) -> None:
        for row in range(self.faces.count()):
            item = self.faces.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == key:
                pixmap = self.thumbs.get(key)  # type: ignore[arg-type]
                if pixmap is not None:
                    item.setIcon(pixmap)

    def _open(self, index: QModelIndex) -> None:
        self.search_requested.emit(int(index.data(ID_ROLE)))

    def _search(self) -> None:
        if self.shown is not None:
            self.search_requested.emit(self.shown.id)
