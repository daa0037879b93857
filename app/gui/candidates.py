"""Candidates: for a chosen missing person, search in the background and list the ranked
Bodies with the family photo, the best-matching post-mortem face, the score and the state."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from athar.app.gui import labels
from athar.app.gui.services import Services
from athar.app.gui.tasks import TaskRunner
from athar.app.gui.thumbnails import PictureKey, ThumbnailCache
from athar.app.gui.widgets import SCORE_ROLE, ScoreBarDelegate, show_error
from athar.casework.domain.entities import CandidateState
from athar.casework.domain.permissions import Permission
from athar.casework.intake.persons import PersonSummary
from athar.casework.matching.candidates import CandidateView

FACE = 88
BODY_ROLE = Qt.ItemDataRole.UserRole + 1
COL_RANK, COL_AM, COL_PM, COL_BODY, COL_SCORE, COL_STATE = range(6)


class CandidateTableModel(QAbstractTableModel):
    """Ranked Candidates of one person; face crops come from the thumbnail cache."""

    def __init__(self, thumbs: ThumbnailCache) -> None:
        super().__init__()
        self.thumbs = thumbs
        self._rows: list[CandidateView] = []
        thumbs.ready.connect(self._picture_ready)

    def set_candidates(self, rows: list[CandidateView]) -> None:
        """Replace the rows."""
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def candidate(self, row: int) -> CandidateView:
        """The Candidate of a row."""
        return self._rows[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()  # noqa: B008
                 ) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()  # noqa: B008
                    ) -> int:
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        names = (self.tr("Rank"), self.tr("Family photo"), self.tr("Post-mortem face"),
                 self.tr("Body"), self.tr("Score (best pair and mean faces)"),
                 self.tr("Review state"))
        return names[section]

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        c, col = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_RANK:
                return "" if c.rank is None else str(c.rank)
            if col == COL_BODY:
                return f"{c.body_label}\n{c.collection}"
            if col == COL_STATE:
                return labels.state_name(c.state)
            return None
        if role == Qt.ItemDataRole.DecorationRole and col in (COL_AM, COL_PM):
            face = c.am_face_id if col == COL_AM else c.pm_face_id
            return self.thumbs.get(PictureKey("face", face, FACE))
        if role == SCORE_ROLE and col == COL_SCORE:
            return c.score
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_SCORE:
            if c.mean_faces is None:
                return self.tr("Best pair %1, mean of best three %2 (cosine similarity; "
                               "stored before mean faces)").replace(
                    "%1", f"{c.best:.3f}").replace("%2", f"{c.score_mean3:.3f}")
            return self.tr("Mean of best pair %1 and mean faces %2; mean of best three "
                           "pairs %3 (cosine similarity)").replace(
                "%1", f"{c.best:.3f}").replace("%2", f"{c.mean_faces:.3f}").replace(
                "%3", f"{c.score_mean3:.3f}")
        if role == BODY_ROLE:
            return c.body_id
        if role == Qt.ItemDataRole.TextAlignmentRole and col == COL_RANK:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _picture_ready(self, key: object) -> None:
        if not isinstance(key, PictureKey) or key.kind != "face":
            return
        for row, c in enumerate(self._rows):
            if key.id in (c.am_face_id, c.pm_face_id):
                col = COL_AM if key.id == c.am_face_id else COL_PM
                idx = self.index(row, col)
                self.dataChanged.emit(idx, idx, [Qt.ItemDataRole.DecorationRole])


class CandidatesView(QWidget):
    """Person chooser, Search, state filter and the ranked list."""

    open_body = Signal(int)

    def __init__(self, services: Services, tasks: TaskRunner, thumbs: ThumbnailCache,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.tasks = services, tasks
        self.person = QComboBox()
        self.person.setObjectName("candidatePerson")
        self.person.setMinimumWidth(280)
        self.person.currentIndexChanged.connect(lambda _i: self.load())
        self.state = QComboBox()
        self.state.setObjectName("stateFilter")
        self.state.addItem(self.tr("All states"), None)
        for s in CandidateState:
            self.state.addItem(labels.state_name(s), s.value)
        self.state.currentIndexChanged.connect(lambda _i: self.load())
        self.search = QPushButton(self.tr("Search"))
        self.search.setObjectName("runSearch")
        self.search.clicked.connect(self.run_search)
        self.status = QLabel()
        self.status.setObjectName("candidateStatus")
        self.model = CandidateTableModel(thumbs)
        self.table = QTableView()
        self.table.setObjectName("candidatesTable")
        self.table.setModel(self.model)
        self.table.setIconSize(QSize(FACE, FACE))
        self.table.setItemDelegateForColumn(COL_SCORE, ScoreBarDelegate(self.table))
        self.table.verticalHeader().setDefaultSectionSize(FACE + 8)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        for col, width in ((COL_RANK, 60), (COL_AM, FACE + 24), (COL_PM, FACE + 24)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(col, width)
        header.setSectionResizeMode(COL_BODY, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_SCORE, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(COL_SCORE, 200)
        header.setSectionResizeMode(COL_STATE, QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(self._open)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Missing person")))
        bar.addWidget(self.person, 1)
        bar.addWidget(self.search)
        bar.addWidget(QLabel(self.tr("Show")))
        bar.addWidget(self.state)
        title = QLabel(self.tr("Candidates"))
        title.setObjectName("pageTitle")
        note = QLabel(self.tr("A candidate is not an identification: every pair is "
                              "reviewed by people before anything is recorded."))
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(bar)
        layout.addWidget(note)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        self._wanted: int | None = None
        services.events.changed.connect(self._changed)

    def refresh(self) -> None:
        """Reload the persons to choose from (keeps the current choice)."""
        self.tasks.submit(lambda _p: self.services.persons(), self._show_persons,
                          lambda _m: None)

    def _changed(self, what: str) -> None:
        if what in ("person", "import"):
            self.refresh()
        elif what in ("search", "face", "review"):
            self.load()

    def choose(self, person_id: int) -> None:
        """Show the candidates of a person (selected once the list is loaded)."""
        self._wanted = person_id
        i = self.person.findData(person_id)
        if i >= 0:
            self.person.setCurrentIndex(i)
        else:
            self.refresh()

    def _show_persons(self, rows: list[PersonSummary]) -> None:
        current = self._wanted if self._wanted is not None else self.person.currentData()
        self.person.blockSignals(True)
        self.person.clear()
        for p in rows:
            names = " · ".join(x for x in (p.name_ar, p.name) if x and x != p.label)
            self.person.addItem(f"{p.label}  {names}".strip(), p.id)
        i = self.person.findData(current)
        self.person.setCurrentIndex(i if i >= 0 else 0)
        self.person.blockSignals(False)
        self._wanted = None
        self.search.setEnabled(bool(rows) and self.services.may(Permission.SEARCH))
        self.load()

    def load(self) -> None:
        """Load the chosen person's candidates (filtered by state)."""
        pid = self.person.currentData()
        if pid is None:
            self.model.set_candidates([])
            self.status.setText(self.tr("No missing person yet."))
            return
        state = self.state.currentData()
        states = frozenset({CandidateState(state)}) if state else None
        self.tasks.submit(lambda _p: self.services.candidates(int(pid), states),
                          self._show, lambda msg: self.status.setText(msg))

    def _show(self, rows: list[CandidateView]) -> None:
        self.model.set_candidates(rows)
        if not self.tasks.writing:
            self.status.setText(self.tr("Candidates: %n", "", len(rows)) if rows else
                                self.tr("No candidates yet: press Search."))

    def run_search(self) -> None:
        """Search for the chosen person in the background; the list refreshes after."""
        pid = self.person.currentData()
        if pid is None:
            return
        self.search.setEnabled(False)
        self.status.setText(self.tr("Searching…"))
        self.tasks.submit(lambda _p: self.services.search(int(pid)), self._searched,
                          self._failed, write=True)

    def _searched(self, _result: object) -> None:
        self.search.setEnabled(True)
        self.status.setText(self.tr("Search finished."))

    def _failed(self, message: str) -> None:
        self.search.setEnabled(True)
        self.status.setText("")
        show_error(self, self.tr("The search failed"), message)

    def _open(self, index: QModelIndex) -> None:
        self.open_body.emit(int(self.model.index(index.row(), 0).data(BODY_ROLE)))
