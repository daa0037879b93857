"""Background work for the views: nothing slow runs on the GUI thread.

Two pools: `read` (thumbnails, lists, previews; several at once) and `write` (import,
search, edits, face marking; one at a time, in submission order, so that two actions
never change the workspace together). Results and errors come back as queued signals,
so they are handled on the GUI thread.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from athar.app import crash
from athar.casework.domain.errors import AtharError

logger = logging.getLogger(__name__)

Progress = Callable[[object], None]

_held = threading.local()


def hold_until_delivered(deliver: Callable[[], None]) -> bool:
    """Inside a background task, keep `deliver` to run on the GUI thread right after the
    task's own result (or error) callback, so that a view's update of its own action
    comes before the other views hear of the change.

    Returns:
        False outside a task: the caller delivers at once.
    """
    held: list[Callable[[], None]] | None = getattr(_held, "items", None)
    if held is None:
        return False
    held.append(deliver)
    return True


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(str)
    progress = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.held: list[Callable[[], None]] = []


class _Task(QRunnable):
    def __init__(self, fn: Callable[[Progress], Any], signals: _Signals) -> None:
        super().__init__()
        self.fn, self.signals = fn, signals
        self.setAutoDelete(True)

    def run(self) -> None:
        _held.items = self.signals.held
        try:
            result = self.fn(self.signals.progress.emit)
        except AtharError as exc:
            _held.items = None
            self.signals.failed.emit(str(exc))
        except Exception as exc:  # noqa: BLE001  # a bug: to the crash handler, then shown
            _held.items = None
            handler = crash.active()
            if handler is not None:
                handler.report(exc, "a background task")
            else:
                logger.error("background task failed:\n%s", traceback.format_exc())
            self.signals.failed.emit(f"{type(exc).__name__}: {exc}")
        else:
            _held.items = None
            self.signals.done.emit(result)


class TaskRunner(QObject):
    """Runs callables off the GUI thread and reports back on it."""

    busy_changed = Signal(bool)
    failed = Signal(str)
    """Every failure, also those a view ignores (the window shows them in its status bar)."""

    def __init__(self, parent: QObject | None = None, readers: int = 2) -> None:
        super().__init__(parent)
        self.read_pool = QThreadPool(self)
        self.read_pool.setMaxThreadCount(readers)
        self.write_pool = QThreadPool(self)
        self.write_pool.setMaxThreadCount(1)
        self._writing = 0
        self._latest: dict[tuple[int, str], int] = {}

    def _if_latest(self, key: tuple[int, str], serial: int,
                   callback: Callable[[Any], None]) -> Callable[[Any], None]:
        def deliver(value: Any) -> None:
            if self._latest.get(key) == serial:
                callback(value)
            else:
                logger.debug("dropped a superseded %s", key[1])
        return deliver

    def submit(self, fn: Callable[[Progress], Any], on_done: Callable[[Any], None],
               on_error: Callable[[str], None], on_progress: Callable[[Any], None] | None = None,
               *, write: bool = False, priority: int = 0,
               latest: tuple[object, str] | None = None) -> None:
        """Run fn(progress) in the read or write pool; callbacks run on the GUI thread.

        Args:
            latest: (the view, a name for what the task loads), e.g. (page, "list"). A
                later task of the same view and name supersedes it: its result (or error)
                is dropped when it arrives, so that reads finishing out of order never
                show an older state over a newer one. Only for reads that change nothing.
        """
        signals = _Signals(self)  # owned by the runner until delivered, then deleteLater
        if latest is not None:
            key = (id(latest[0]), latest[1])
            serial = self._latest[key] = self._latest.get(key, 0) + 1
            on_done = self._if_latest(key, serial, on_done)
            on_error = self._if_latest(key, serial, on_error)

        def finish() -> None:
            for deliver in signals.held:  # changes the task committed, after its callback
                deliver()
            signals.held.clear()
            signals.deleteLater()
            if write:
                self._writing -= 1
                if not self._writing:
                    self.busy_changed.emit(False)

        signals.done.connect(on_done)
        signals.failed.connect(on_error)
        signals.failed.connect(self.failed.emit)
        signals.done.connect(finish)
        signals.failed.connect(finish)
        if on_progress is not None:
            signals.progress.connect(on_progress)
        if write:
            self._writing += 1
            if self._writing == 1:
                self.busy_changed.emit(True)
        (self.write_pool if write else self.read_pool).start(_Task(fn, signals), priority)

    @property
    def writing(self) -> bool:
        """Whether a write task is queued or running."""
        return self._writing > 0

    def wait(self, msecs: int = -1) -> bool:
        """Wait for every task (at shutdown)."""
        ok_w = self.write_pool.waitForDone(msecs)
        return self.read_pool.waitForDone(msecs) and ok_w
