"""The crash handler: an error nobody expected (a bug) is logged with its traceback in the
log folder, which belongs to the machine's user and no workspace, and the user is told.

What is logged is the exception's type, message and traceback, never a photo or a vector.
Workspaces stay consistent by construction: every change is one unit of work that rolls
back unless it committed, so a bug in the middle of a use case leaves nothing half-done.
"""

from __future__ import annotations

import faulthandler
import logging
import os
import sys
import threading
import traceback
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import IO

logger = logging.getLogger(__name__)

LOG_ENV = "ATHAR_LOG_DIR"
CRASH_LOG = "crash.log"
FAULT_LOG = "faults.log"

Notify = Callable[[str, Path], None]
"""Tells the user: (one line on what happened, the log file with the details)."""


def log_dir() -> Path:
    """ATHAR_LOG_DIR, else $XDG_STATE_HOME/athar/logs, else ~/.local/state/athar/logs
    (created, readable by its owner only)."""
    configured = os.environ.get(LOG_ENV)
    if configured:
        folder = Path(configured)
    else:
        state = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
        folder = Path(state) / "athar" / "logs"
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder


def _append(name: str, text: str) -> Path:
    path = log_dir() / name
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    with os.fdopen(fd, "a", encoding="utf-8") as fh:
        fh.write(text)
    return path


class CrashHandler:
    """Catches what nothing else caught: `sys.excepthook`, `threading.excepthook`, bugs in
    background tasks (`report`), and fatal signals (`faulthandler`, into faults.log)."""

    def __init__(self, notify: Notify | None = None) -> None:
        self.notify = notify
        self._previous: tuple[object, object] | None = None
        self._faults: IO[str] | None = None
        self._lock = threading.Lock()

    def install(self) -> CrashHandler:
        """Take over the hooks (until `uninstall`)."""
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self._excepthook
        threading.excepthook = self._thread_hook
        fd = os.open(log_dir() / FAULT_LOG, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        self._faults = os.fdopen(fd, "a", encoding="utf-8")
        faulthandler.enable(file=self._faults)
        return self

    def uninstall(self) -> None:
        """Give the hooks back."""
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous  # type: ignore[assignment]  # restoring what was there
            self._previous = None
        if self._faults is not None:
            faulthandler.disable()
            self._faults.close()
            self._faults = None

    def report(self, exc: BaseException, where: str) -> Path:
        """Log an unexpected exception with its traceback; tell the user. Returns the log."""
        stamp = datetime.now(UTC).isoformat(timespec="seconds")
        text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        with self._lock:
            path = _append(CRASH_LOG, f"--- {stamp} {where} (pid {os.getpid()})\n{text}\n")
        logger.error("unexpected error in %s, logged to %s", where, path)
        if self.notify is not None:
            self.notify(f"{type(exc).__name__}: {exc}", path)
        return path

    def _excepthook(self, exc_type: type[BaseException], exc: BaseException,
                    tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        self.report(exc.with_traceback(tb), "the main thread")

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or isinstance(args.exc_value, SystemExit):
            return
        name = args.thread.name if args.thread is not None else "?"
        self.report(args.exc_value, f"thread {name}")


_active: CrashHandler | None = None


def install(notify: Notify | None = None) -> CrashHandler:
    """Install the process's crash handler (replacing an earlier one)."""
    global _active
    if _active is not None:
        _active.uninstall()
    _active = CrashHandler(notify).install()
    return _active


def active() -> CrashHandler | None:
    """The installed crash handler, if any."""
    return _active


def uninstall() -> None:
    """Remove the process's crash handler."""
    global _active
    if _active is not None:
        _active.uninstall()
        _active = None


QT_LOG = "qt.log"


def log_qt(line: str) -> None:
    """One of Qt's own messages (warnings, criticals), with the time."""
    _append(QT_LOG, f"{datetime.now(UTC).isoformat(timespec='seconds')} {line}\n")
