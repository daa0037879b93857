"""Candidates: for a chosen missing person, search in the background and list the ranked
Bodies with the family photo, the best-matching post-mortem face, the score and the state."""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import (
    QModelIndex,
    QSize,
    Signal,
)
from PySide6.QtGui import QStandardItemModel
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
from athar.app.gui.i18n import AppSettings
from athar.app.gui.itemmodels.candidates import (
    BODY_ROLE,
    COL_AM,
    COL_BODY,
    COL_EVIDENCE,
    COL_PM,
    COL_RANK,
    COL_SCORE,
    COL_STATE,
    FACE,
    CandidateTableModel,
    load_agreements,
)
from athar.app.gui.services import Services
from athar.app.gui.tasks import TaskRunner
from athar.app.gui.thumbnails import ThumbnailCache
from athar.app.gui.widgets.common import ScoreBarDelegate, show_error
from athar.app.model_admin import FusionChoice
from athar.casework.domain.entities import CandidateState
from athar.casework.domain.permissions import Permission
from athar.casework.intake.persons import PersonSummary
from athar.casework.matching.candidates import CandidateView
from athar.casework.reports.weight import FACE_ORDER, FUSED_ORDER


class CandidatesView(QWidget):
    """Person chooser, Search, state filter and the ranked list."""

    open_body = Signal(int)

    def __init__(self, services: Services, tasks: TaskRunner, thumbs: ThumbnailCache,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.tasks = services, tasks
        self._wanted: int | None = None
        bar = self._build_bar()
        self._build_table(thumbs)
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
        services.events.changed.connect(self._changed)

    def _build_bar(self) -> QHBoxLayout:
        """The person, Search, the state filter and the status line."""
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
        self.records = QComboBox()
        self.records.setObjectName("recordsFilter")
        self.records.addItem(self.tr("Whatever the records say"), None)
        self.records.addItem(self.tr("Records disagree on something"), True)
        self.records.addItem(self.tr("Records agree or cannot tell"), False)
        self.records.setToolTip(self.tr("Sex, age, dates and branch of the two records: "
                                        "a candidate whose records disagree is flagged, "
                                        "never dropped (records can be wrong)"))
        self.records.currentIndexChanged.connect(lambda _i: self.filter_records())
        self.order = QComboBox()
        self.order.setObjectName("candidateOrder")
        self.order.addItem(self.tr("Rank by the face"), FACE_ORDER)
        self.order.addItem(self.tr("Rank by all the evidence"), FUSED_ORDER)
        self.order.setToolTip(self.tr("All the evidence: the face's likelihood ratio "
                                      "multiplied by what the records and the marks say "
                                      "(the README's \"Fused score\" and every report "
                                      "explain the weights)"))
        self.order.currentIndexChanged.connect(
            lambda _i: self.model.set_order(str(self.order.currentData())))
        self.search = QPushButton(self.tr("Search"))
        self.search.setObjectName("runSearch")
        self.search.clicked.connect(self.run_search)
        self.fuse = QComboBox()
        self.fuse.setObjectName("fuseWith")
        self.fuse.setToolTip(self.tr(
            "Search with the model in the status bar alone, or rank by it and another "
            "model together: the mean of each model's calibrated score (log10 likelihood "
            "ratio); every model's own score is shown"))
        self._fill_fusion([])
        self.status = QLabel()
        self.status.setObjectName("candidateStatus")
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Missing person")))
        bar.addWidget(self.person, 1)
        bar.addWidget(self.fuse)
        bar.addWidget(self.search)
        bar.addWidget(QLabel(self.tr("Show")))
        bar.addWidget(self.state)
        bar.addWidget(self.records)
        bar.addWidget(self.order)
        return bar

    def _build_table(self, thumbs: ThumbnailCache) -> None:
        """The ranked candidates: rank, both faces, Body, score bar, state."""
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
        header.resizeSection(COL_SCORE, 235)
        header.setSectionResizeMode(COL_STATE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_EVIDENCE, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(COL_EVIDENCE, 300)
        self.table.doubleClicked.connect(self._open)
        self.model.dataChanged.connect(lambda *_a: self.filter_records())
        self.model.modelReset.connect(self.filter_records)

    def filter_records(self) -> None:
        """Hide the rows the records filter leaves out (hidden, never removed)."""
        wanted = self.records.currentData()
        for row in range(self.model.rowCount()):
            found = self.model.consistency(row)
            hide = wanted is not None and found is not None and found.flagged != wanted
            self.table.setRowHidden(row, hide)

    def refresh(self) -> None:
        """Reload the persons to choose from (keeps the current choice) and the models a
        search can be fused with."""
        self.tasks.submit(lambda _p: self.services.persons(), self._show_persons,
                          lambda _m: None, latest=(self, "persons"))
        self.tasks.submit(lambda _p: self.services.fusion_choices(), self._fill_fusion,
                          lambda _m: None, latest=(self, "fusion"))

    def _fill_fusion(self, choices: list[FusionChoice]) -> None:
        """The session's model alone, then each other model; one that cannot be fused is
        listed greyed out, with the reason as its tooltip."""
        current = self.fuse.currentData()
        self.fuse.blockSignals(True)
        self.fuse.clear()
        self.fuse.addItem(self.tr("This model alone"), "")
        items = cast(QStandardItemModel, self.fuse.model())  # a plain combo's model
        for c in choices:
            self.fuse.addItem(self.tr("Fused with %1").replace("%1", c.name), c.model_id)
            if c.problem is not None:
                item = items.item(self.fuse.count() - 1)
                item.setEnabled(False)
                item.setToolTip(c.problem)
        i = self.fuse.findData(current)
        self.fuse.setCurrentIndex(i if i >= 0 and items.item(i).isEnabled() else 0)
        self.fuse.blockSignals(False)
        self.fuse.setVisible(bool(choices))

    def _changed(self, what: str) -> None:
        if what in ("person", "import"):
            self.refresh()
        elif what in ("search", "face", "review"):
            self.load()
        elif what in ("marks", "body"):
            load_agreements(self.model, self.services, self.tasks)

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
                          self._show, lambda msg: self.status.setText(msg),
                          latest=(self, "list"))

    def _show(self, rows: list[CandidateView]) -> None:
        self.model.set_candidates(rows)
        load_agreements(self.model, self.services, self.tasks)
        if not self.tasks.writing:
            self.status.setText(self.tr("Candidates: %n", "", len(rows)) if rows else
                                self.tr("No candidates yet: press Search."))

    def run_search(self) -> None:
        """Search for the chosen person in the background; the list refreshes after."""
        pid = self.person.currentData()
        if pid is None:
            return
        fuse = tuple(m for m in (str(self.fuse.currentData() or ""),) if m)
        device = AppSettings().device
        self.search.setEnabled(False)
        self.status.setText(self.tr("Searching…"))
        self.tasks.submit(lambda _p: self.services.search(int(pid), fuse=fuse, device=device),
                          lambda _r: self._searched(bool(fuse)), self._failed, write=True)

    def _searched(self, fused: bool) -> None:
        self.search.setEnabled(True)
        self.status.setText(self.tr("Search finished: ranked by both models together.")
                            if fused else self.tr("Search finished."))

    def _failed(self, message: str) -> None:
        self.search.setEnabled(True)
        self.status.setText("")
        show_error(self, self.tr("The search failed"), message)

    def _open(self, index: QModelIndex) -> None:
        self.open_body.emit(int(self.model.index(index.row(), 0).data(BODY_ROLE)))
