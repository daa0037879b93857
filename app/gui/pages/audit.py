"""Audit: the hash-chained event log, newest first, loaded a page at a time."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from athar.app.gui.services import Services
from athar.app.gui.tasks import TaskRunner
from athar.app.gui.widgets.common import isolate
from athar.casework.records.browse import ActivityView

PAGE = 200


class AuditView(QWidget):
    """Who did what, when; every change in the workspace appears here."""

    def __init__(self, services: Services, tasks: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.tasks = services, tasks
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("auditTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("No."), self.tr("Time (UTC)"), self.tr("User"), self.tr("Action"),
            self.tr("Object")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.more = QPushButton(self.tr("Load older events"))
        self.more.setObjectName("moreEvents")
        self.more.clicked.connect(self._more)
        title = QLabel(self.tr("Audit"))
        title.setObjectName("pageTitle")
        note = QLabel(self.tr("Every action is recorded in a hash chain; "
                              "`athar verify` checks that none was altered."))
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.more)
        self._oldest: int | None = None
        services.events.changed.connect(self._changed)

    def _changed(self, _what: str) -> None:
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Load the newest page of events."""
        self.tasks.submit(lambda _p: self.services.activity(PAGE), self._replace,
                          lambda _m: None)

    def _more(self) -> None:
        before = self._oldest
        self.tasks.submit(lambda _p: self.services.activity(PAGE, before), self._append,
                          lambda _m: None)

    def _replace(self, events: list[ActivityView]) -> None:
        self.table.setRowCount(0)
        self._append(events)

    def _append(self, events: list[ActivityView]) -> None:
        start = self.table.rowCount()
        self.table.setRowCount(start + len(events))
        for i, e in enumerate(events):
            values = (str(e.seq), isolate(e.at[:19].replace("T", " ")), e.actor, e.action,
                      isolate(f"{e.object_type} {e.object_id}"))
            for col, value in enumerate(values):
                self.table.setItem(start + i, col, QTableWidgetItem(value))
        if events:
            self._oldest = events[-1].seq
        self.more.setEnabled(len(events) == PAGE)
