"""Starting the desktop application: language, fonts, workspace dialog, main window."""

from __future__ import annotations

import gc
import sys

from PySide6.QtWidgets import QApplication

from athar.app.gui.dialogs import crash as crash_dialog
from athar.app.gui.dialogs.start import WorkspaceDialog
from athar.app.gui.i18n import AppSettings, apply_language
from athar.app.gui.main_window import MainWindow
from athar.app.gui.services import Services
from athar.app.gui.tasks import TaskRunner
from athar.casework.storage.crypto import KdfParams


class Controller:
    """Holds the open workspace across windows (a language change rebuilds the window)."""

    def __init__(self, app: QApplication, settings: AppSettings,
                 kdf: KdfParams | None = None) -> None:
        self.app, self.settings, self.kdf = app, settings, kdf
        self.tasks = TaskRunner()
        self.window: MainWindow | None = None
        self.services: Services | None = None
        self.crash_notifier: crash_dialog.CrashNotifier | None = None
        apply_language(app, settings.language)
        self.dialog = self._dialog()

    def _dialog(self) -> WorkspaceDialog:
        dialog = WorkspaceDialog(self.settings, self.tasks, self.kdf)
        dialog.opened.connect(self.show_main)
        dialog.language_chosen.connect(self._dialog_language)
        return dialog

    def _dialog_language(self, code: str) -> None:
        apply_language(self.app, code)
        old = self.dialog
        self.dialog = self._dialog()
        self.dialog.folder.setText(old.folder.text())
        old.hide()
        old.deleteLater()
        self.dialog.show()

    def show_main(self, services: Services) -> MainWindow:
        """The main window for an opened workspace."""
        self.services = services
        window = MainWindow(services, self.tasks)
        window.language_change.connect(self.change_language)
        window.closed.connect(self._closed)
        self.window = window
        window.show()
        # Everything made so far (Qt, numpy, SQLAlchemy, the model code) lives as long as
        # the app: keep it out of the cyclic collector's full passes, which otherwise
        # pause every thread, the GUI's too, for ~100 ms on a large heap.
        gc.collect()
        gc.freeze()
        return window

    def change_language(self, code: str) -> None:
        """Switch language: rebuild the window in the new language and direction."""
        if self.services is None or self.window is None:
            return
        self.settings.language = code
        apply_language(self.app, code)
        old = self.window
        old.closed.disconnect(self._closed)
        page = old.stack.currentIndex()
        old.retire()
        self.app.processEvents()  # deliver the results of finished tasks to the old window
        old.hide()
        old.deleteLater()
        self.show_main(self.services).rail.setCurrentRow(page)

    def _closed(self) -> None:
        if self.services is not None:
            self.services.close()
            self.services = None


def run(argv: list[str] | None = None) -> int:
    """Run the desktop application until its last window closes."""
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Athar")
    app.setOrganizationName("Athar")
    notifier = crash_dialog.install(app)
    controller = Controller(app, AppSettings())
    controller.crash_notifier = notifier
    controller.dialog.show()
    return app.exec()
