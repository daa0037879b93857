"""What the user sees when Athar meets an error nobody expected (a bug): what happened,
that their work is kept, and where the details were written for the developers."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMessageLogContext as _Context
from PySide6.QtCore import QObject, QtMsgType, Signal, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from athar.app import crash
from athar.app.gui.widgets.common import isolate


class CrashDialog(QMessageBox):
    """A non-modal report of one unexpected error."""

    def __init__(self, summary: str, log: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.setIcon(QMessageBox.Icon.Critical)
        self.setWindowTitle(self.tr("Unexpected error"))
        self.setText(self.tr("Athar met an error it did not expect. What you were doing "
                             "was not saved half-way: every change is saved whole or not "
                             "at all, and everything saved before is kept."))
        self.setInformativeText(self.tr("Details for the developers were written to %1. "
                                        "Please send them that file.")
                                .replace("%1", isolate(str(log))))
        self.setDetailedText(summary)
        self.setStandardButtons(QMessageBox.StandardButton.Ok)
        self.summary, self.log = summary, log


class CrashNotifier(QObject):
    """Brings reports from any thread to the GUI thread and shows them."""

    reported = Signal(str, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.dialogs: list[CrashDialog] = []
        self.reported.connect(self._show)

    def notify(self, summary: str, log: Path) -> None:
        """`crash.Notify`: callable from any thread."""
        self.reported.emit(summary, str(log))

    def _show(self, summary: str, log: str) -> None:
        app = QApplication.instance()
        parent = app.activeWindow() if isinstance(app, QApplication) else None
        dialog = CrashDialog(summary, Path(log), parent)
        self.dialogs.append(dialog)
        dialog.finished.connect(lambda _r, d=dialog: self.dialogs.remove(d))
        dialog.show()


def _qt_messages(kind: QtMsgType, context: _Context, message: str) -> None:
    """Qt's own warnings go to the log folder instead of a terminal nobody watches."""
    if kind in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg, QtMsgType.QtWarningMsg):
        where = f"{context.file}:{context.line}" if context.file else "qt"
        crash.log_qt(f"{kind.name} {where}: {message}")


_previous_qt_handler: list[object] = []


def install(parent: QObject | None = None) -> CrashNotifier:
    """The desktop's crash handler: hooks, fault log, Qt messages, and the dialog."""
    notifier = CrashNotifier(parent)
    crash.install(notifier.notify)
    _previous_qt_handler.append(qInstallMessageHandler(_qt_messages))
    return notifier


def uninstall() -> None:
    """Give the hooks and Qt's message handler back (tests; the app keeps them)."""
    crash.uninstall()
    while _previous_qt_handler:
        qInstallMessageHandler(_previous_qt_handler.pop())  # type: ignore[arg-type]  # what Qt handed back
