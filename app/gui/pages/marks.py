"""Mark search: a category, a location and words (Arabic or Latin) -> the Bodies whose
recorded marks answer them, best first, with the marks' crops; double-click opens the
Body. A missing person's own marks can be searched for in one step."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from athar.app.gui.dialogs.mark_form import category_combo, location_combo
from athar.app.gui.services import Services
from athar.app.gui.tasks import TaskRunner
from athar.app.gui.thumbnails import PictureKey, ThumbnailCache
from athar.app.gui.widgets.common import show_error
from athar.casework.intake.persons import PersonSummary
from athar.casework.marks.search import BodyHit, MarkQuery, SearchResult, query_of
from athar.casework.marks.views import MarkList

CROP = 96
BODY_ROLE = Qt.ItemDataRole.UserRole
COLUMNS = 5


class MarkSearchView(QWidget):
    """The mark search screen."""

    open_body = Signal(int)

    def __init__(self, services: Services, tasks: TaskRunner, thumbs: ThumbnailCache,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.tasks, self.thumbs = services, tasks, thumbs
        self.hits: tuple[BodyHit, ...] = ()
        title = QLabel(self.tr("Search by distinctive mark"))
        title.setObjectName("pageTitle")
        self.category = category_combo(any_text=self.tr("Any kind of mark"))
        self.location = location_combo(True, any_text=self.tr("Anywhere on the body"))
        self.words = QLineEdit()
        self.words.setObjectName("markWords")
        self.words.setPlaceholderText(self.tr("Words of the description, e.g. anchor or "
                                              "مرساة"))
        self.words.returnPressed.connect(self.run)
        go = QPushButton(self.tr("Search"))
        go.setObjectName("markSearchButton")
        go.clicked.connect(self.run)
        self.person = QComboBox()
        self.person.setObjectName("markPerson")
        self.person.addItem(self.tr("Or use a missing person's marks…"), None)
        self.person.activated.connect(lambda _i: self._person_chosen())
        bar = QHBoxLayout()
        for w in (self.category, self.location):
            bar.addWidget(w)
        bar.addWidget(self.words, 1)
        bar.addWidget(go)
        self.table = QTableWidget(0, COLUMNS)
        self.table.setObjectName("markResults")
        self.table.setHorizontalHeaderLabels([
            self.tr("Rank"), self.tr("Body"), self.tr("Score"), self.tr("Marks that answer"),
            self.tr("Words found")])
        self.table.setIconSize(QSize(CROP, CROP))
        self.table.verticalHeader().setDefaultSectionSize(CROP + 8)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(3, CROP * 3 + 40)
        self.table.doubleClicked.connect(self._open)
        self.status = QLabel()
        self.status.setObjectName("markSearchStatus")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(bar)
        layout.addWidget(self.person)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        thumbs.ready.connect(self._thumb_ready)

    def refresh(self) -> None:
        """Reload the persons to choose from."""
        self.tasks.submit(lambda _p: self.services.persons(), self._persons, lambda _m: None,
                          latest=(self, "persons"))

    def _persons(self, rows: list[PersonSummary]) -> None:
        while self.person.count() > 1:
            self.person.removeItem(1)
        for p in rows:
            self.person.addItem(p.label, p.id)

    def query(self) -> MarkQuery:
        """The search the form describes."""
        return MarkQuery(self.category.currentData(), self.location.currentData(),
                         self.words.text().strip() or None)

    def run(self) -> None:
        """Search with the form's values."""
        query = self.query()
        self.status.setText(self.tr("Searching…"))
        self.tasks.submit(lambda _p: self.services.search_marks(query), self._show,
                          self._failed, latest=(self, "found"))

    def _person_chosen(self) -> None:
        pid = self.person.currentData()
        if pid is None:
            return
        self.tasks.submit(lambda _p: self.services.marks(person_id=int(pid)), self._use_marks,
                          self._failed, latest=(self, "person"))

    def _use_marks(self, listed: MarkList) -> None:
        marks = [m for m in listed.marks if not m.withdrawn]
        if not marks:
            self.status.setText(self.tr("No mark is recorded for this person yet."))
            return
        query = query_of(marks[0])
        self.category.setCurrentIndex(max(0, self.category.findData(query.category)))
        self.location.setCurrentIndex(max(0, self.location.findData(query.location)))
        self.words.setText(query.text or "")
        self.run()

    def _show(self, result: SearchResult) -> None:
        self.hits = result.hits
        self.table.setRowCount(len(result.hits))
        for row, hit in enumerate(result.hits):
            cells = [str(hit.rank), f"{hit.body_label}\n{hit.collection}", f"{hit.score:.2f}",
                     self.tr("Marks: %n", "", len(hit.marks)),
                     ", ".join(dict.fromkeys(w for m in hit.marks for w in m.matched))]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(BODY_ROLE, hit.body_id)
                self.table.setItem(row, col, item)
            self._set_crop(row, hit)
        self.table.resizeColumnToContents(1)
        self.status.setText(self.tr("Bodies found: %1; marks searched: %2, in %3 ms.")
                            .replace("%1", str(len(result.hits)))
                            .replace("%2", str(result.marks_searched))
                            .replace("%3", f"{result.seconds * 1000:.0f}")
                            if result.hits else self.tr("No Body has such a mark recorded."))

    def _set_crop(self, row: int, hit: BodyHit) -> None:
        pixmap = self.thumbs.get(PictureKey("mark", hit.marks[0].mark_id, CROP))
        if pixmap is not None:
            item = self.table.item(row, 3)
            if item is not None:
                item.setIcon(pixmap)

    def _thumb_ready(self, key: object) -> None:
        if not isinstance(key, PictureKey) or key.kind != "mark":
            return
        for row, hit in enumerate(self.hits):
            if hit.marks[0].mark_id == key.id:
                self._set_crop(row, hit)

    def _failed(self, message: str) -> None:
        self.status.setText("")
        show_error(self, self.tr("The mark search failed"), message)

    def _open(self, index: object) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.hits):
            self.open_body.emit(self.hits[row].body_id)
