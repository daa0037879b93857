"""The main window: navigation rail, the screens, the status bar and the idle lock."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from athar.app.gui import labels
from athar.app.gui.dialogs.import_folder import ImportDialog
from athar.app.gui.dialogs.start import LockDialog
from athar.app.gui.i18n import LANGUAGES
from athar.app.gui.matching import ContinuousMatcher
from athar.app.gui.pages.audit import AuditView
from athar.app.gui.pages.candidates import CandidatesView
from athar.app.gui.pages.marks import MarkSearchView
from athar.app.gui.pages.models import ModelsView
from athar.app.gui.pages.overview import OverviewView
from athar.app.gui.pages.persons import PersonsView
from athar.app.gui.pages.postmortem import PostMortemView
from athar.app.gui.pages.registry import KEYS, PAGES, PageContext
from athar.app.gui.pages.review import ReviewQueueView
from athar.app.gui.pages.signoff import SignOffView
from athar.app.gui.pages.victims import VictimsView
from athar.app.gui.services import Services
from athar.app.gui.tasks import TaskRunner
from athar.app.gui.thumbnails import ThumbnailCache
from athar.app.gui.widgets.common import isolate
from athar.casework.domain.permissions import Permission
from athar.casework.matching.continuous import MatchSummary

P = TypeVar("P", bound=QWidget)
LOCK_CHECK_MS = 2000
STYLE = """
QLabel#pageTitle { font-size: 17pt; font-weight: 600; padding: 2px 0 6px 0; }
QListWidget#navigation { font-size: 11pt; }
QListWidget#navigation::item { padding: 9px 8px; }
QLabel#countValue { color: #1f4e79; }
"""

_ACTIVITY = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel,
             QEvent.Type.MouseMove}


class _ActivityFilter(QObject):
    """Counts keyboard and mouse use anywhere in the app as activity for the idle lock."""

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        if event.type() in _ACTIVITY:
            self.services.session.touch()
        return False


class MainWindow(QMainWindow):
    """Everything after login; every screen works through `services`."""

    language_change = Signal(str)
    closed = Signal()

    def __init__(self, services: Services, tasks: TaskRunner | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.services = services
        self.tasks = tasks or TaskRunner(self)
        self.thumbs = ThumbnailCache(services, self.tasks, parent=self)
        services.events.changed.connect(
            lambda what: self.thumbs.forget("mark") if what == "marks" else None)
        self.setWindowTitle(self.tr("Athar — %1").replace("%1", services.workspace_path.name))
        self.import_dialog: ImportDialog | None = None
        self._loaded: set[str] = set()
        self._build_pages()
        self._status_bar()
        self._menus()
        self._build_lock()
        self.matcher = ContinuousMatcher(services, self.tasks, self)
        self.matcher.finished.connect(self._matched)
        self.tasks.busy_changed.connect(self._busy)
        self.tasks.failed.connect(self._failed)
        self.setStyleSheet(STYLE)
        self.resize(1280, 800)
        self.rail.setCurrentRow(0)

    def _build_pages(self) -> None:
        """The navigation rail and one screen per registry entry."""
        self.rail = QListWidget()
        self.rail.setObjectName("navigation")
        self.rail.setFixedWidth(190)
        self.stack = QStackedWidget()
        context = PageContext(self.services, self.tasks, self.thumbs, self)
        self.pages: dict[str, QWidget] = {}
        for spec in PAGES:
            item = QListWidgetItem(spec.title())
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            if not spec.enabled:
                item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.rail.addItem(item)
            self.pages[spec.key] = spec.build(context)
            self.stack.addWidget(self.pages[spec.key])
        self.rail.currentRowChanged.connect(self._go)
        self.central = QWidget()
        row = QHBoxLayout(self.central)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.rail)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(self.central)

    def _build_lock(self) -> None:
        """The idle lock: activity anywhere keeps the session open; a timer checks it."""
        self.lock_dialog = LockDialog(self.services, self)
        self._filter = _ActivityFilter(self.services)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self._filter)
        self.lock_timer = QTimer(self)
        self.lock_timer.setInterval(LOCK_CHECK_MS)
        self.lock_timer.timeout.connect(self.check_lock)
        self.lock_timer.start()

    def _page(self, key: str, kind: type[P]) -> P:
        page = self.pages[key]
        if not isinstance(page, kind):
            raise TypeError(f"page {key} is a {type(page).__name__}, not a {kind.__name__}")
        return page

    @property
    def overview(self) -> OverviewView:
        """The Overview screen."""
        return self._page("overview", OverviewView)

    @property
    def postmortem(self) -> PostMortemView:
        """The Post-mortem screen (collections, the Body grid, a Body's page)."""
        return self._page("postmortem", PostMortemView)

    @property
    def persons(self) -> PersonsView:
        """The Missing persons screen."""
        return self._page("persons", PersonsView)

    @property
    def candidates(self) -> CandidatesView:
        """The Candidates screen."""
        return self._page("candidates", CandidatesView)

    @property
    def review(self) -> ReviewQueueView:
        """The Review screen (queue, comparison, decision)."""
        return self._page("review", ReviewQueueView)

    @property
    def signoff(self) -> SignOffView:
        """The Sign-off screen (supervisor queue, identifications)."""
        return self._page("signoff", SignOffView)

    @property
    def marks(self) -> MarkSearchView:
        """The mark search screen."""
        return self._page("marks", MarkSearchView)

    @property
    def victims(self) -> VictimsView:
        """The Victims' lists screen."""
        return self._page("victims", VictimsView)

    @property
    def audit(self) -> AuditView:
        """The Audit screen."""
        return self._page("audit", AuditView)

    @property
    def models(self) -> ModelsView:
        """The Models screen (packs, licences, re-embedding, device)."""
        return self._page("models", ModelsView)

    def _status_bar(self) -> None:
        s = self.services
        actor = s.session.actor()
        self.owner = actor.username
        self.status_workspace = QLabel(self.tr("Workspace: %1").replace(
            "%1", isolate(str(s.workspace_path))))
        self.status_user = QLabel(self.tr("User: %1 (%2)").replace("%1", actor.username)
                                  .replace("%2", labels.role_name(actor.role.value)))
        self.status_model = QLabel()
        self.status_model.setObjectName("statusModel")
        self.status_device = QLabel()
        self.status_device.setObjectName("statusDevice")
        self.status_busy = QLabel()
        for w in (self.status_workspace, self.status_user, self.status_model,
                  self.status_device):
            self.statusBar().addPermanentWidget(w)
        self.statusBar().addWidget(self.status_busy)
        self.show_model()
        s.events.changed.connect(lambda what: self.show_model() if what == "settings" else None)

    def show_model(self) -> None:
        """The model and device this session works with, and why it is not the workspace's
        active model when that one is not installed here."""
        s = self.services
        model = s.ws.model
        text = self.tr("Model: %1").replace("%1", isolate(model.model_id[:40]))
        tip = model.model_id
        if s.model_problem:
            text = self.tr("Model: %1 (not the workspace's: see the tooltip)").replace(
                "%1", isolate(model.model_id[:40]))
            tip = s.model_problem
        self.status_model.setText(text)
        self.status_model.setToolTip(tip)
        self.status_model.setStyleSheet("color: #b00020;" if s.model_problem else "")
        self.status_device.setText(self.tr("Device: %1").replace("%1", s.device))

    def _menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&Workspace"))
        imp = QAction(self.tr("Import post-mortem photos…"), self)
        imp.triggered.connect(self.open_import)
        person = QAction(self.tr("New missing person…"), self)
        person.triggered.connect(self._new_person)
        lock = QAction(self.tr("Lock now"), self)
        lock.triggered.connect(self.lock_now)
        quit_action = QAction(self.tr("Close workspace"), self)
        quit_action.triggered.connect(self.close)
        imp.setEnabled(self.services.may(Permission.IMPORT))
        person.setEnabled(self.services.may(Permission.ADD_PERSON))
        for a in (imp, person, lock, quit_action):
            file_menu.addAction(a)
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        self.blur_action = QAction(self.tr("Blur post-mortem photos until clicked"), self)
        self.blur_action.setCheckable(True)
        self.blur_action.setChecked(True)
        self.blur_action.toggled.connect(self._set_blur)
        view_menu.addAction(self.blur_action)
        language_menu = view_menu.addMenu(self.tr("Language"))
        for code, name in LANGUAGES.items():
            action = QAction(name, self)
            action.triggered.connect(lambda _c=False, code=code: self._language(code))
            language_menu.addAction(action)
        self.tasks.submit(lambda _p: self.services.blur_pm_photos(), self._blur_loaded,
                          lambda _m: None)

    def _new_person(self) -> None:
        self.navigate("persons")
        self.persons.open_intake()

    def _language(self, code: str) -> None:
        if self.tasks.writing:  # the window is rebuilt: not while an import or search runs
            self.statusBar().showMessage(self.tr(
                "Change the language when the running import or search has finished."), 10_000)
            return
        self.language_change.emit(code)

    def _blur_loaded(self, on: bool) -> None:
        self.blur_action.blockSignals(True)
        self.blur_action.setChecked(on)
        self.blur_action.blockSignals(False)

    def _set_blur(self, on: bool) -> None:
        self.tasks.submit(lambda _p: self.services.set_blur_pm_photos(on),
                          lambda _r: None,
                          lambda _m: None, write=True)

    # -- navigation -----------------------------------------------------------------------

    def navigate(self, key: str) -> None:
        """Show a screen by its key (see pages.registry)."""
        self.rail.setCurrentRow(KEYS.index(key))

    def _go(self, row: int) -> None:
        if not 0 <= row < len(KEYS):
            return
        key = KEYS[row]
        self.stack.setCurrentIndex(row)
        if key not in self._loaded:
            self._loaded.add(key)
            page = self.stack.widget(row)
            refresh = getattr(page, "refresh", None)
            if refresh is not None:
                refresh()

    def open_import(self) -> ImportDialog:
        """The import dialog (non-modal: the window stays usable during the import)."""
        if self.import_dialog is None or not (self.import_dialog.isVisible()
                                              or self.import_dialog.running):
            self.import_dialog = ImportDialog(self.services, self.tasks, self)
        self.import_dialog.show()
        self.import_dialog.raise_()
        return self.import_dialog

    def show_candidates(self, person_id: int) -> None:
        """The Candidates screen for a person."""
        self.navigate("candidates")
        self.candidates.choose(person_id)

    def review_candidate(self, candidate_id: int) -> None:
        """The Review screen at a candidate (whatever its state)."""
        self.navigate("review")
        self.review.show_candidate(candidate_id)

    def show_body(self, body_id: int) -> None:
        """The post-mortem screen at a Body's page."""
        self.navigate("postmortem")
        self.postmortem.open_body(body_id)

    def _failed(self, message: str) -> None:
        if not self.services.session.locked:  # while locked, the lock dialog says it all
            self.statusBar().showMessage(self.tr("Error: %1").replace("%1", message), 15_000)

    def _matched(self, summary: MatchSummary) -> None:
        if summary.persons_searched or summary.bodies_searched:
            self.statusBar().showMessage(self.tr(
                "New material searched: %1 persons and %2 Bodies, %3 new candidates in the "
                "review queue.").replace("%1", str(summary.persons_searched)).replace(
                "%2", str(summary.bodies_searched)).replace(
                "%3", str(summary.new_candidates)), 20_000)

    def _busy(self, busy: bool) -> None:
        self.status_busy.setText(self.tr("Working…") if busy else "")

    # -- idle lock ------------------------------------------------------------------------

    def check_lock(self) -> None:
        """Lock the window when the session locked itself."""
        if self.services.session.locked and not self.lock_dialog.isVisible():
            self._show_lock()

    def lock_now(self) -> None:
        """Lock at once (leaving the desk)."""
        self.services.session.lock()
        self._show_lock()

    def _show_lock(self) -> None:
        self.central.setVisible(False)
        self.lock_dialog.set_user(self.owner)
        self.lock_dialog.open()
        self.lock_dialog.finished.connect(self._unlocked)

    def _unlocked(self) -> None:
        self.lock_dialog.finished.disconnect(self._unlocked)
        self.central.setVisible(True)

    def retire(self) -> None:
        """Stop watching the session and let running work finish (before closing or
        being replaced by a window in another language)."""
        if self.import_dialog is not None and self.import_dialog.running:
            self.import_dialog.request_cancel()
        self.lock_timer.stop()
        self.matcher.stop()  # no background search may start once the window is gone
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self._filter)
        self.tasks.wait(30_000)

    def closeEvent(self, event: QCloseEvent) -> None:  # Qt override
        self.retire()
        self.closed.emit()
        super().closeEvent(event)
