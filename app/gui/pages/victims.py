"""The Victims screen: import a documented-victims list, see for each missing person the
list's records that may be them (best first, with the fields that agreed), and how many
confirmed identifications the list already holds."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from athar.app.gui.services import Services
from athar.app.gui.tasks import TaskRunner
from athar.app.gui.widgets.common import show_error
from athar.casework.checks.victims import IdentifiedRow, PersonMatches, VictimImportResult
from athar.casework.domain.permissions import Permission
from athar.casework.intake.persons import PersonSummary

FIELD_NAMES = ("name", "father_name", "mother_name", "birth", "origin")


class VictimsView(QWidget):
    """Import, match, and the identified ones in or out of the list."""

    def __init__(self, services: Services, tasks: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.tasks = services, tasks
        self.found: list[PersonMatches] = []
        title = QLabel(self.tr("Documented victims"))
        title.setObjectName("pageTitle")
        self.import_button = QPushButton(self.tr("Import a list (CSV)…"))
        self.import_button.setObjectName("importVictims")
        self.import_button.setEnabled(services.may(Permission.IMPORT))
        self.import_button.clicked.connect(self._choose_file)
        self.person = QComboBox()
        self.person.setObjectName("victimsPerson")
        self.person.addItem(self.tr("Every missing person"), None)
        self.person.currentIndexChanged.connect(lambda _i: self.match())
        bar = QHBoxLayout()
        bar.addWidget(self.import_button)
        bar.addWidget(QLabel(self.tr("Missing person")))
        bar.addWidget(self.person, 1)
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("victimMatches")
        self.table.setHorizontalHeaderLabels([
            self.tr("Missing person"), self.tr("Record (source id)"), self.tr("Name on the list"),
            self.tr("Score"), self.tr("Fields that agree")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.status = QLabel()
        self.status.setObjectName("victimsStatus")
        self.status.setWordWrap(True)
        self.identified = QLabel()
        self.identified.setObjectName("victimsIdentified")
        self.identified.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(bar)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.identified)
        services.events.changed.connect(self._changed)

    def _changed(self, what: str) -> None:
        if what in ("victims", "person", "review") and self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Reload the persons, the matches and the identified summary."""
        self.tasks.submit(lambda _p: self.services.persons(), self._persons, lambda _m: None,
                          latest=(self, "persons"))
        self.match()
        self.tasks.submit(lambda _p: self.services.victims_identified(), self._identified,
                          lambda _m: None, latest=(self, "identified"))

    def _persons(self, rows: list[PersonSummary]) -> None:
        current = self.person.currentData()
        self.person.blockSignals(True)
        while self.person.count() > 1:
            self.person.removeItem(1)
        for p in rows:
            self.person.addItem(p.label, p.id)
        self.person.setCurrentIndex(max(0, self.person.findData(current)))
        self.person.blockSignals(False)

    def _choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("A documented-victims list"),
                                              "", self.tr("CSV files (*.csv)"))
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        """Import a list in the background; bad rows are listed, the good ones kept."""
        self.status.setText(self.tr("Importing %1…").replace("%1", path.name))
        self.tasks.submit(lambda _p: self.services.import_victims(path), self._imported,
                          lambda msg: show_error(self, self.tr("The list was not imported"),
                                                 msg), write=True)

    def _imported(self, done: VictimImportResult) -> None:
        lines = [self.tr("Rows: %1 = added %2 + left out %3").replace("%1", str(done.rows))
                 .replace("%2", str(done.added)).replace("%3", str(len(done.errors)))]
        lines += list(done.errors[:20])
        if len(done.errors) > 20:
            lines.append(self.tr("… and %1 more (athar victims import lists them all)")
                         .replace("%1", str(len(done.errors) - 20)))
        self.status.setText("\n".join(lines))

    def match(self) -> None:
        """Match the chosen person (or everyone) against the lists."""
        pid = self.person.currentData()
        self.tasks.submit(lambda _p: self.services.victim_matches(pid), self._show,
                          lambda msg: self.status.setText(msg), latest=(self, "matches"))

    def _show(self, found: list[PersonMatches]) -> None:
        self.found = found
        rows = [(p, m) for p in found for m in p.matches]
        self.table.setRowCount(len(rows))
        for row, (p, m) in enumerate(rows):
            agreed = ", ".join(self._field(f) for f in m.agreed)
            for col, text in enumerate((p.label, m.source_id, m.name, f"{m.score:.2f}", agreed)):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()

    def _field(self, key: str) -> str:
        names = {"name": self.tr("name"), "father_name": self.tr("father's name"),
                 "mother_name": self.tr("mother's name"), "birth": self.tr("birth year"),
                 "origin": self.tr("origin")}
        return names.get(key, key)

    def _identified(self, rows: list[IdentifiedRow]) -> None:
        known = sum(1 for r in rows if r.listed)
        by_name = sum(1 for r in rows if r.name_only)
        self.identified.setText(self.tr("Confirmed identifications: %1 — already in a "
                                        "victims' list: %2; a record of the same name "
                                        "only: %3; not found there: %4")
                                .replace("%1", str(len(rows))).replace("%2", str(known))
                                .replace("%3", str(by_name))
                                .replace("%4", str(len(rows) - known - by_name)))
