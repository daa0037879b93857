"""Missing persons: the list (filtered as you type, Arabic or Latin), a person's record and
faces, the intake form."""

from __future__ import annotations

from PySide6.QtCore import (
    QModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from athar.app.gui.dialogs.intake import PersonIntakeDialog
from athar.app.gui.dialogs.person_marks import PersonMarksDialog
from athar.app.gui.itemmodels.persons import FACE, ID_ROLE, PersonFilter, PersonTableModel
from athar.app.gui.services import Services
from athar.app.gui.tasks import TaskRunner
from athar.app.gui.thumbnails import PictureKey, ThumbnailCache
from athar.casework.domain.permissions import Permission
from athar.casework.intake.persons import PersonDetail, PersonSummary, SubmissionView


class PersonsView(QWidget):
    """The list of missing persons, a filter, the intake form and a person's faces."""

    search_requested = Signal(int)

    def __init__(self, services: Services, tasks: TaskRunner, thumbs: ThumbnailCache,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.tasks, self.thumbs = services, tasks, thumbs
        self.intake: PersonIntakeDialog | None = None
        self.marks_dialog: PersonMarksDialog | None = None
        self.shown: PersonDetail | None = None
        self._wanted: int | None = None
        self._build_table()
        bar = self._build_bar()
        side = self._build_record()
        title = QLabel(self.tr("Missing persons"))
        title.setObjectName("pageTitle")
        body = QHBoxLayout()
        body.addWidget(self.table, 1)
        body.addWidget(side)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(bar)
        layout.addLayout(body, 1)
        thumbs.ready.connect(self._thumb_ready)
        services.events.changed.connect(self._changed)

    def _build_table(self) -> None:
        """The persons list, filtered as you type."""
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

    def _build_bar(self) -> QHBoxLayout:
        """The filter, the count and New missing person."""
        self.filter = QLineEdit()
        self.filter.setObjectName("personFilter")
        self.filter.setPlaceholderText(self.tr("Type a name in Arabic or Latin letters…"))
        self.filter.textChanged.connect(self.proxy.set_needle)
        self.filter.textChanged.connect(lambda _t: self._count())
        self.count = QLabel()
        new = QPushButton(self.tr("New missing person…"))
        new.setObjectName("newPerson")
        new.clicked.connect(self.open_intake)
        new.setEnabled(self.services.may(Permission.ADD_PERSON))
        bar = QHBoxLayout()
        bar.addWidget(self.filter, 1)
        bar.addWidget(self.count)
        bar.addWidget(new)
        return bar

    def _build_record(self) -> QGroupBox:
        """The chosen person's record, faces, submitters (with the grant) and Search."""
        self.search = QPushButton(self.tr("Search the post-mortem photos"))
        self.search.setObjectName("searchPerson")
        self.search.setEnabled(False)
        self.search.clicked.connect(self._search)
        self.detail = QLabel()
        self.detail.setObjectName("personDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.faces = QListWidget()
        self.faces.setObjectName("personFaces")
        self.faces.setViewMode(QListWidget.ViewMode.IconMode)
        self.faces.setIconSize(QSize(FACE, FACE))
        self.faces.setFixedHeight(FACE + 44)
        self.photos_marks = QPushButton(self.tr("Photos and distinctive marks…"))
        self.photos_marks.setObjectName("personMarksButton")
        self.photos_marks.setEnabled(False)
        self.photos_marks.clicked.connect(self.open_marks)
        self.contact = QPushButton(self.tr("Show submitter and contact"))
        self.contact.setObjectName("showContact")
        self.contact.setToolTip(self.tr("Each viewing is recorded in the audit log."))
        self.contact.setVisible(self.services.may(Permission.VIEW_CONTACT))
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
        side_layout.addWidget(self.photos_marks)
        side_layout.addWidget(self.contact)
        side_layout.addWidget(self.submitters)
        side_layout.addWidget(self.search)
        side_layout.addStretch(1)
        side.setMaximumWidth(380)
        return side

    def _changed(self, what: str) -> None:
        if what in ("person", "import"):
            self.refresh()

    def refresh(self) -> None:
        """Reload the list (in the background)."""
        self.tasks.submit(lambda _p: self.services.persons(), self._show, lambda _m: None,
                          latest=(self, "list"))

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
                # selectRow alone sets no current row in a right-to-left table (Qt looks
                # for the column at the viewport's far edge): set it first.
                self.table.setCurrentIndex(self.proxy.index(row, 0))
                self.table.selectRow(row)
                self._wanted = None
                return

    def _selected(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        pid = int(index.data(ID_ROLE))
        self.search.setEnabled(self.services.may(Permission.SEARCH))
        self.tasks.submit(lambda _p: self.services.person(pid), self._show_detail,
                          lambda msg: self.detail.setText(msg), latest=(self, "detail"))

    def _show_contact(self) -> None:
        if self.shown is None:
            return
        pid = self.shown.id
        self.tasks.submit(lambda _p: (pid, self.services.submissions(pid)), self._contacts,
                          lambda msg: self.submitters.setText(msg), latest=(self, "contacts"))

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
        self.photos_marks.setEnabled(True)
        f = person.fields
        lines = [person.label]
        for key, label in (("name_ar", self.tr("Name in Arabic")),
                           ("name", self.tr("Name in Latin letters")),
                           ("born", self.tr("Born")), ("origin", self.tr("Place of origin")),
                           ("description", self.tr("Physical description")),
                           ("arrest_date", self.tr("Date of arrest")),
                           ("arrest_place", self.tr("Place of arrest")),
                           ("arresting_branch", self.tr("Arresting branch")),
                           ("father_name", self.tr("Father's name")),
                           ("mother_name", self.tr("Mother's name")),
                           ("known_marks", self.tr("Marks known to the family"))):
            if f.get(key):
                lines.append(f"{label}: {f[key]}")
        lines.append(self.tr("Photos: %1").replace("%1", str(len(person.photos))))
        self.detail.setText("\n".join(lines))
        self.faces.clear()
        for photo in person.photos:
            for face in photo.faces:
                face_key = PictureKey("face", face.id, FACE)
                item = QListWidgetItem()
                item.setData(Qt.ItemDataRole.UserRole, face_key)
                pixmap = self.thumbs.get(face_key)
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

    def open_marks(self) -> PersonMarksDialog | None:
        """The chosen person's photos and marks, in a window of their own."""
        if self.shown is None:
            return None
        self.marks_dialog = PersonMarksDialog(self.services, self.tasks, self.thumbs,
                                              self.shown.id, self)
        self.marks_dialog.show()
        return self.marks_dialog

    def _open(self, index: QModelIndex) -> None:
        self.search_requested.emit(int(index.data(ID_ROLE)))

    def _search(self) -> None:
        if self.shown is not None:
            self.search_requested.emit(self.shown.id)
