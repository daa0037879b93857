"""Continuous matching in the desktop: after new photos, persons, faces or merges, the
searches they made due run in the background (casework.matching.continuous), and the
status bar says what they found."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from athar.app.gui.services import Services
from athar.app.gui.tasks import TaskRunner
from athar.casework.domain.permissions import Permission
from athar.casework.matching.continuous import MatchNew, MatchSummary

TRIGGERS = frozenset({"import", "person", "face", "body"})
"""Changes that can make a search due (see casework.matching.continuous)."""
DELAY_MS = 1500
"""Wait for a burst of changes (an import commits file by file) to settle."""
PAUSE_S = 0.15
"""Between two background queries, the write lock is left free this long: every
transaction takes it (BEGIN IMMEDIATE), so the screens' reads get their turn."""


class ContinuousMatcher(QObject):
    """Runs MatchNew when new material arrives, one run at a time, for users who may
    search; a change during a run schedules one more."""

    finished = Signal(object)
    """A MatchSummary, after a run."""

    def __init__(self, services: Services, tasks: TaskRunner, parent: QObject | None = None
                 ) -> None:
        super().__init__(parent)
        self.services, self.tasks = services, tasks
        self.running = False
        self.stopped = False
        self._again = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DELAY_MS)
        self.timer.timeout.connect(self.run)
        services.events.changed.connect(self._changed)

    def _changed(self, what: str) -> None:
        if what in TRIGGERS:
            self.timer.start()

    def stop(self) -> None:
        """Start no more runs (the window closes; the running one is waited for)."""
        self.stopped = True
        self.timer.stop()

    def run(self) -> None:
        """Run the due searches now (or once the running run has finished)."""
        if self.stopped or not self.services.may(Permission.SEARCH):
            return
        if self.running:
            self._again = True
            return
        self.running = True
        self.tasks.submit(lambda _p: self.services.handle(MatchNew(pause_s=PAUSE_S)), self._done,
                          self._failed, write=True)

    def _done(self, summary: MatchSummary) -> None:
        self.running = False
        self.finished.emit(summary)
        self._next()

    def _failed(self, _message: str) -> None:  # the window's status bar shows task errors
        self.running = False
        self._next()

    def _next(self) -> None:
        if self._again and not self.stopped:
            self._again = False
            self.timer.start()
