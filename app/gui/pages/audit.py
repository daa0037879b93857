"""Audit: the hash-chained event log, newest first, loaded a page at a time."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from athar.app.gui.services import Services
from athar.app.gui.tasks import TaskRunner
from athar.app.gui.widgets.common import isolate
from athar.casework.integrity.verify import VerifyReport
from athar.casework.records.browse import ActivityView, AuditFilter

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
        filters = self._build_filters()
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(note)
        layout.addLayout(filters)
        layout.addWidget(self.verdict)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.more)
        self._oldest: int | None = None
        services.events.changed.connect(self._changed)

    def _build_filters(self) -> QHBoxLayout:
        """User, action, object, days; and verifying the chain on demand."""
        self.user = QLineEdit()
        self.user.setObjectName("auditUser")
        self.user.setPlaceholderText(self.tr("User"))
        self.action = QLineEdit()
        self.action.setObjectName("auditAction")
        self.action.setPlaceholderText(self.tr("Action (or its start, e.g. identification.)"))
        self.object = QLineEdit()
        self.object.setObjectName("auditObject")
        self.object.setPlaceholderText(self.tr("Object (e.g. body 12)"))
        self.since = QLineEdit()
        self.since.setObjectName("auditSince")
        self.since.setPlaceholderText(self.tr("From (YYYY-MM-DD)"))
        self.until = QLineEdit()
        self.until.setObjectName("auditUntil")
        self.until.setPlaceholderText(self.tr("Before (YYYY-MM-DD)"))
        apply = QPushButton(self.tr("Filter"))
        apply.setObjectName("auditFilter")
        apply.clicked.connect(self.refresh)
        verify = QPushButton(self.tr("Verify the chain now"))
        verify.setObjectName("verifyChain")
        verify.clicked.connect(self.verify)
        self.verdict = QLabel()
        self.verdict.setObjectName("verifyVerdict")
        self.verdict.setWordWrap(True)
        row = QHBoxLayout()
        for w in (self.user, self.action, self.object, self.since, self.until, apply, verify):
            row.addWidget(w)
        return row

    def where(self) -> AuditFilter:
        """The filter typed."""
        kind, _, ident = self.object.text().strip().partition(" ")
        return AuditFilter(self.user.text().strip() or None, self.action.text().strip() or None,
                           kind or None, ident.strip() or None,
                           self.since.text().strip() or None, self.until.text().strip() or None)

    def verify(self) -> None:
        """Check the chain, the evidence files and the indexes (in the background)."""
        self.verdict.setText(self.tr("Verifying…"))
        self.tasks.submit(lambda _p: self.services.verify(), self._verified,
                          self.verdict.setText)

    def _verified(self, report: VerifyReport) -> None:
        if report.ok:
            self.verdict.setText(self.tr("Verified: %1 events, %2 evidence files and %3 "
                                         "indexed vectors, no problem.")
                                 .replace("%1", str(report.events))
                                 .replace("%2", str(report.photos))
                                 .replace("%3", str(report.vectors)))
            self.verdict.setStyleSheet("color: #1b5e20;")
        else:
            self.verdict.setText(self.tr("Verification FAILED: %1").replace(
                "%1", "; ".join(report.problems)))
            self.verdict.setStyleSheet("color: #b71c1c;")

    def _changed(self, _what: str) -> None:
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Load the newest page of events."""
        where = self.where()
        self.tasks.submit(lambda _p: self.services.filtered_activity(PAGE, None, where),
                          self._replace, lambda _m: None, latest=(self, "page"))

    def _more(self) -> None:
        before, where = self._oldest, self.where()
        self.tasks.submit(lambda _p: self.services.filtered_activity(PAGE, before, where),
                          self._append, lambda _m: None)

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
