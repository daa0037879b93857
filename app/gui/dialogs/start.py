"""Opening a workspace (recent ones remembered), creating one, and unlocking after idle."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from athar.app.bootstrap import create_ws, device_used, open_ws_lenient
from athar.app.gui.i18n import LANGUAGES, AppSettings
from athar.app.gui.services import Services
from athar.app.gui.tasks import Progress, TaskRunner
from athar.casework.accounts.users import login, start_session
from athar.casework.domain.errors import AtharError
from athar.casework.storage.crypto import KdfParams


def _services(root: Path, passphrase: str, username: str, password: str,
              create: bool, kdf: KdfParams | None, device: str = "auto") -> Services:
    problem = None
    if create:
        ws, _ = create_ws(root, passphrase, username, password, kdf)
    else:
        ws, problem = open_ws_lenient(root, passphrase, device=device)
    try:
        actor = login(ws, username, password)
        session = start_session(ws, actor)
    except BaseException:
        ws.close()
        raise
    return Services(ws, session, device_used(ws), model_problem=problem)


def _password(edit: QLineEdit) -> QLineEdit:
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class WorkspaceDialog(QDialog):
    """Open (or create) a workspace, unlock it with its passphrase and log in."""

    opened = Signal(object)
    language_chosen = Signal(str)

    def __init__(self, settings: AppSettings, tasks: TaskRunner,
                 kdf: KdfParams | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workspaceDialog")
        self.setWindowTitle(self.tr("Athar — open a workspace"))
        self.settings, self.tasks, self.kdf = settings, tasks, kdf
        self.services: Services | None = None
        form = self._build_fields()
        self._build_modes()
        self.message = QLabel()
        self.message.setObjectName("openMessage")
        self.message.setWordWrap(True)
        self.go = QPushButton(self.tr("Unlock and open"))
        self.go.setObjectName("openWorkspace")
        self.go.setDefault(True)
        self.go.clicked.connect(self.submit)
        self.mode.currentChanged.connect(self._mode_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.mode)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.go, 0, Qt.AlignmentFlag.AlignRight)
        if settings.recent():
            self.recent.setCurrentRow(0)
        self.resize(620, 520)

    def _build_fields(self) -> QFormLayout:
        """Folder, passphrase, user, password and language."""
        self.recent = QListWidget()
        self.recent.setObjectName("recentWorkspaces")
        for folder in self.settings.recent():
            self.recent.addItem(folder)
        self.folder = QLineEdit()
        self.recent.currentTextChanged.connect(self.folder.setText)
        self.folder.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # paths read left to right
        self.folder.setObjectName("workspaceFolder")
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._choose)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        self.passphrase = _password(QLineEdit())
        self.passphrase.setObjectName("passphrase")
        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.password = _password(QLineEdit())
        self.password.setObjectName("password")
        self.language = QComboBox()
        self.language.setObjectName("language")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(self.settings.language))
        self.language.currentIndexChanged.connect(self._language)
        form = QFormLayout()
        form.addRow(self.tr("Workspace folder"), folder_row)
        form.addRow(self.tr("Passphrase"), self.passphrase)
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Language"), self.language)
        return form

    def _build_modes(self) -> None:
        """Open a recent workspace, or create a new one (passphrase asked twice)."""
        self.mode = QTabWidget()
        self.mode.setObjectName("openOrCreate")
        open_page = QWidget()
        open_layout = QVBoxLayout(open_page)
        open_layout.addWidget(QLabel(self.tr("Recent workspaces")))
        open_layout.addWidget(self.recent)
        create_page = QWidget()
        self.confirm = _password(QLineEdit())
        self.confirm.setObjectName("confirmPassphrase")
        create_form = QFormLayout(create_page)
        create_form.addRow(QLabel(self.tr(
            "A new workspace is an encrypted folder. Choose a long passphrase: it cannot be "
            "recovered. The user below becomes its first supervisor.")))
        create_form.addRow(self.tr("Repeat the passphrase"), self.confirm)
        self.mode.addTab(open_page, self.tr("Open"))
        self.mode.addTab(create_page, self.tr("Create new"))

    @property
    def creating(self) -> bool:
        """Whether the Create tab is chosen."""
        return self.mode.currentIndex() == 1

    def _mode_changed(self) -> None:
        self.go.setText(self.tr("Create and open") if self.creating
                        else self.tr("Unlock and open"))

    def _language(self) -> None:
        code = str(self.language.currentData())
        self.settings.language = code
        self.language_chosen.emit(code)

    def _choose(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Workspace folder"))
        if folder:
            self.folder.setText(folder)

    def submit(self) -> None:
        """Open or create in the background (key stretching and index loading take time)."""
        text = self.folder.text().strip()
        root = Path(text).expanduser()
        if not text:
            self.message.setText(self.tr("Choose a workspace folder."))
            return
        if self.creating and self.passphrase.text() != self.confirm.text():
            self.message.setText(self.tr("The two passphrases differ."))
            return
        args = (root, self.passphrase.text(), self.username.text().strip(),
                self.password.text(), self.creating, self.kdf, self.settings.device)
        self.go.setEnabled(False)
        self.message.setText(self.tr("Creating the workspace…") if self.creating
                             else self.tr("Unlocking…"))

        def work(_: Progress) -> Services:
            return _services(*args)

        self.tasks.submit(work, self._opened, self._failed, write=True)

    def _opened(self, services: Services) -> None:
        self.services = services
        self.settings.remember(services.workspace_path)
        self.passphrase.clear()
        self.password.clear()
        self.confirm.clear()
        self.opened.emit(services)
        self.accept()

    def _failed(self, message: str) -> None:
        self.go.setEnabled(True)
        self.message.setText(message)


class LockDialog(QDialog):
    """Shown when the session locked itself after inactivity: only its user can resume."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockDialog")
        self.setWindowTitle(self.tr("Session locked"))
        self.setModal(True)
        self.services = services
        self.password = _password(QLineEdit())
        self.password.setObjectName("unlockPassword")
        self.message = QLabel(self.tr("The session locked itself after a period without "
                                      "activity. Enter your password to continue."))
        self.message.setWordWrap(True)
        self.user = QLabel()
        unlock = QPushButton(self.tr("Unlock"))
        unlock.setObjectName("unlockButton")
        unlock.setDefault(True)
        unlock.clicked.connect(self.submit)
        form = QFormLayout()
        form.addRow(self.tr("User"), self.user)
        form.addRow(self.tr("Password"), self.password)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(form)
        layout.addWidget(unlock, 0, Qt.AlignmentFlag.AlignRight)

    def set_user(self, username: str) -> None:
        """Whose session is locked."""
        self.user.setText(username)

    def submit(self) -> None:
        """Check the password (same user only); close on success."""
        try:
            self.services.unlock(self.user.text(), self.password.text())
        except AtharError as exc:
            self.message.setText(str(exc))
            self.password.clear()
            return
        self.password.clear()
        self.accept()

    def reject(self) -> None:
        """Escape does not dismiss the lock."""
