"""The intake form: a family's report (names, dates, places, marks, submitter) and photos."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from athar.app.gui import labels
from athar.app.gui.services import Services
from athar.app.gui.tasks import TaskRunner
from athar.app.gui.widgets.drop_list import PhotoDropList
from athar.casework.domain.imaging import SUPPORTED_SUFFIXES
from athar.casework.domain.permissions import Permission
from athar.casework.intake.persons import AddPerson
from athar.casework.intake.registration import Registration
from athar.casework.records.manual_faces import FacePreview

FACE = 96


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
        form = self._build_form()
        right = self._build_photos()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        columns = QHBoxLayout()
        columns.addLayout(form, 1)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(self.buttons)
        self.resize(980, 620)

    def _build_form(self) -> QFormLayout:
        """The report's fields; the contact only for users granted it."""
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
        self.father = QLineEdit()
        self.father.setObjectName("fatherName")
        self.mother = QLineEdit()
        self.mother.setObjectName("motherName")
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
        form.addRow(self.tr("Father's name"), self.father)
        form.addRow(self.tr("Mother's name"), self.mother)
        form.addRow(self.tr("Sex"), self.sex)
        form.addRow(self.tr("Born (year or date)"), self.born)
        form.addRow(self.tr("Place of origin"), self.origin)
        form.addRow(self.tr("Date of arrest"), self.arrest_date)
        form.addRow(self.tr("Place of arrest"), self.arrest_place)
        form.addRow(self.tr("Arresting branch"), self.branch)
        form.addRow(self.tr("Physical description"), self.description)
        form.addRow(self.tr("Marks known to the family"), self.marks)
        form.addRow(self.tr("Submitted by"), self.submitter)
        if self.services.may(Permission.VIEW_CONTACT):
            form.addRow(self.tr("Submitter's contact"), self.contact)
        else:
            self.contact.hide()
            note = QLabel(self.tr("Contact details can be entered only by users "
                                  "permitted to see them."))
            note.setWordWrap(True)
            form.addRow(note)
        return form

    def _build_photos(self) -> QVBoxLayout:
        """Photos dropped or chosen, the faces found in them, the status line."""
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
        right = QVBoxLayout()
        right.addWidget(photos_box)
        right.addWidget(faces_box)
        right.addWidget(self.status)
        return right

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
            self._preview(path)

    def _preview(self, path: Path) -> None:
        self.tasks.submit(lambda _p: self.services.preview(path), self._previewed,
                          self.status.setText)

    def _previewed(self, preview: FacePreview) -> None:
        # The file is decoded in the background by the guarded decoder, never by Qt on
        # the GUI thread: a family's file is untrusted input and may be large.
        self.previews[preview.path] = preview
        name = Path(preview.path).name
        for row in range(self.drop.count()):
            item = self.drop.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == preview.path and preview.thumbnail:
                item.setIcon(QPixmap.fromImage(QImage.fromData(preview.thumbnail)))
        if preview.error:
            self.status.setText(self.tr("%1 cannot be used: %2").replace("%1", name).replace(
                "%2", preview.error))
            return
        for i, png in enumerate(preview.crops):
            item = QListWidgetItem(QPixmap.fromImage(QImage.fromData(png)),
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
            father_name=text(self.father), mother_name=text(self.mother),
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
