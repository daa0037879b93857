"""Overview: the workspace's counts, candidates by review state, recent activity."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from athar.app.gui import labels
from athar.app.gui.services import Services
from athar.app.gui.tasks import TaskRunner
from athar.app.gui.widgets.common import BarChart, CountCard, isolate
from athar.casework.records.browse import Overview

COUNTS = ("collections", "bodies", "photos", "pm_faces", "manual_faces", "missing_persons",
          "candidates", "proposed", "confirmed", "returned", "revoked")


class OverviewView(QWidget):
    """Numbers from the services; refreshed after every change to the workspace."""

    def __init__(self, services: Services, tasks: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.tasks = services, tasks
        self.cards = {name: CountCard(labels.count_name(name)) for name in COUNTS}
        grid = QGridLayout()
        for i, name in enumerate(COUNTS):
            grid.addWidget(self.cards[name], i // 4, i % 4)
        self.chart = BarChart()
        chart_box = QGroupBox(self.tr("Candidates by review state"))
        QVBoxLayout(chart_box).addWidget(self.chart)
        self.activity = QListWidget()
        self.activity.setObjectName("recentActivity")
        activity_box = QGroupBox(self.tr("Recent activity"))
        QVBoxLayout(activity_box).addWidget(self.activity)
        lower = QHBoxLayout()
        lower.addWidget(chart_box, 1)
        lower.addWidget(activity_box, 1)
        title = QLabel(self.tr("Overview"))
        title.setObjectName("pageTitle")
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(grid)
        layout.addLayout(lower, 1)
        self.loaded: Overview | None = None
        services.events.changed.connect(self._changed)

    def _changed(self, _what: str) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Ask the services for fresh numbers (in the background)."""
        self.tasks.submit(lambda _p: self.services.overview(), self._show, lambda _m: None,
                          latest=(self, "overview"))

    def _show(self, data: Overview) -> None:
        self.loaded = data
        values = dict(data.counts)
        values.update(data.identifications_by_state)
        for name, card in self.cards.items():
            card.set_value(values.get(name, 0))
        self.chart.set_rows([(labels.state_name(s), n)
                             for s, n in data.candidates_by_state.items()])
        self.activity.clear()
        for e in data.recent:
            self.activity.addItem(isolate(f"{e.at[:19].replace('T', ' ')}  {e.actor}  "
                                          f"{e.action}  {e.object_type} {e.object_id}"))
