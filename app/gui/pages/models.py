"""The Models screen: the embedded default model and the installed packs, each with its
licence, published accuracy and how many faces have its vectors; installing a pack; adding
a model's vectors to every face in the background (progress, Cancel: what is done stays);
where ONNX packs compute."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from athar.app.gui.i18n import AppSettings
from athar.app.gui.services import Services
from athar.app.gui.tasks import TaskRunner
from athar.app.gui.widgets.common import show_error
from athar.app.model_admin import ModelRow
from athar.casework.domain.permissions import Permission
from athar.casework.intake.reembed import ReembedProgress, ReembedReport

DEVICES = ("auto", "cpu", "cuda")


class ModelsView(QWidget):
    """Models: list, licence, install, re-embed, device."""

    def __init__(self, services: Services, tasks: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.tasks = services, tasks
        self.rows: list[ModelRow] = []
        self.cancel: threading.Event | None = None
        self.last_report: ReembedReport | None = None
        title = QLabel(self.tr("Face models"))
        title.setObjectName("pageTitle")
        intro = QLabel(self.tr(
            "Searches use the model named in the status bar. A model pack a team provisions "
            "offline is installed here, then its vectors are added to every face; nothing "
            "is ever downloaded. Read a pack's licence before using it."))
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("modelTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("Model"), self.tr("Kind"), self.tr("Dimension"),
            self.tr("Faces with its vectors"), self.tr("In use"),
            self.tr("Workspace's model")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selected)
        self.licence = QTextBrowser()
        self.licence.setObjectName("modelLicence")
        self.install_button = QPushButton(self.tr("Install a pack…"))
        self.install_button.setObjectName("installPack")
        self.install_button.clicked.connect(self._choose_pack)
        self.reembed_button = QPushButton(self.tr("Add its vectors to every face"))
        self.reembed_button.setObjectName("reembed")
        self.reembed_button.setEnabled(False)
        self.reembed_button.clicked.connect(self._confirm_reembed)
        self.activate_button = QPushButton(self.tr("Make it the workspace's model"))
        self.activate_button.setObjectName("activateModel")
        self.activate_button.setToolTip(self.tr(
            "Every session's searches and imports then use it. Its vectors must be on "
            "every face first."))
        self.activate_button.setEnabled(False)
        self.activate_button.clicked.connect(self._confirm_activate)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("cancelReembed")
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel_reembed)
        self.device = QComboBox()
        self.device.setObjectName("modelDevice")
        for key, name in zip(DEVICES, (self.tr("Automatic (GPU when present)"),
                                       self.tr("CPU"), self.tr("GPU (CUDA)")), strict=True):
            self.device.addItem(name, key)
        self.settings = AppSettings()
        self.device.setCurrentIndex(max(0, self.device.findData(self.settings.device)))
        self.device.currentIndexChanged.connect(self._device_changed)
        self.progress = QProgressBar()
        self.progress.setObjectName("reembedProgress")
        self.progress.setVisible(False)
        self.status = QLabel()
        self.status.setObjectName("modelsStatus")
        self.status.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(self.install_button)
        bar.addWidget(self.reembed_button)
        bar.addWidget(self.cancel_button)
        bar.addWidget(self.activate_button)
        bar.addStretch(1)
        bar.addWidget(QLabel(self.tr("Packs compute on")))
        bar.addWidget(self.device)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(self.table, 2)
        layout.addWidget(QLabel(self.tr("Licence and published accuracy")))
        layout.addWidget(self.licence, 1)
        layout.addLayout(bar)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        services.events.changed.connect(self._changed)

    def _changed(self, what: str) -> None:
        if what == "search" and self.isVisible() and self.cancel is None:
            self.refresh()

    def refresh(self) -> None:
        """Reload the models and their counts."""
        self.tasks.submit(lambda _p: self.services.models(), self._show,
                          lambda msg: self.status.setText(msg), latest=(self, "models"))

    def _show(self, rows: list[ModelRow]) -> None:
        chosen = self.selected()
        self.rows = rows
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            name = QTableWidgetItem(row.name if not row.problem else
                                    self.tr("%1 (cannot be used)").replace("%1", row.name))
            name.setToolTip(row.model_id or (row.problem or ""))
            cells = [name, QTableWidgetItem(row.kind), QTableWidgetItem(str(row.dim or "")),
                     QTableWidgetItem(self.tr("%1 of %2").replace("%1", str(
                         row.faces_with_vectors)).replace("%2", str(row.faces))),
                     QTableWidgetItem(self.tr("yes") if row.in_use else ""),
                     QTableWidgetItem(self.tr("yes") if row.active else "")]
            for c, item in enumerate(cells):
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        again = next((i for i, row in enumerate(rows) if chosen and row.model_id ==
                      chosen.model_id), 0 if rows else -1)
        if again >= 0:
            self.table.selectRow(again)
        self._selected()

    def selected(self) -> ModelRow | None:
        """The model row chosen in the table."""
        picked = self.table.selectionModel().selectedRows() if self.table.selectionModel() \
            else []
        if not picked or picked[0].row() >= len(self.rows):
            return None
        return self.rows[picked[0].row()]

    def _selected(self) -> None:
        row = self.selected()
        if row is None:
            self.licence.clear()
            self.reembed_button.setEnabled(False)
            self.activate_button.setEnabled(False)
            return
        if row.problem:
            self.licence.setPlainText(row.problem)
        else:
            licence = self.tr("Licence: %1").replace("%1", row.licence)
            accuracy = self.tr("Published accuracy (as its author states it): %1").replace(
                "%1", row.published_accuracy)
            self.licence.setPlainText(f"{row.model_id}\n\n{licence}\n\n{accuracy}")
        self.reembed_button.setEnabled(
            self.cancel is None and not row.problem and bool(row.model_id)
            and row.faces_with_vectors < row.faces and self.services.may(Permission.SETTINGS))
        # a click on an incomplete model is explained by the service's refusal
        self.activate_button.setEnabled(
            self.cancel is None and not row.problem and bool(row.model_id)
            and not (row.active and row.in_use) and self.services.may(Permission.SETTINGS))

    def _device_changed(self, _index: int) -> None:
        self.settings.device = str(self.device.currentData())

    def _choose_pack(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("A model pack folder"))
        if folder:
            self.install_pack(Path(folder))

    def install_pack(self, path: Path) -> None:
        """Verify and install a pack in the background, then show it."""
        self.status.setText(self.tr("Checking %1…").replace("%1", path.name))
        self.tasks.submit(lambda _p: self.services.install_model(path), self._installed,
                          lambda msg: show_error(self, self.tr("The pack was not installed"),
                                                 msg))

    def _installed(self, done: tuple[str, bool]) -> None:
        model_id, new = done
        self.status.setText((self.tr("Installed %1") if new else
                             self.tr("%1 was already installed; nothing was copied"))
                            .replace("%1", model_id))
        self.refresh()

    def _confirm_reembed(self) -> None:
        row = self.selected()
        if row is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Use this model?"),
            self.tr("Its licence:\n\n%1\n\nAdd its vectors to the %2 faces that have none? "
                    "This runs in the background; Cancel keeps what is done.")
            .replace("%1", row.licence).replace("%2", str(row.faces - row.faces_with_vectors)))
        if answer == QMessageBox.StandardButton.Yes:
            self.start_reembed(row.model_id)

    def _confirm_activate(self) -> None:
        row = self.selected()
        if row is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Make it the workspace's model?"),
            self.tr("Its licence:\n\n%1\n\nEvery session's searches and imports will use "
                    "%2 unless a command names another model.")
            .replace("%1", row.licence).replace("%2", row.name))
        if answer == QMessageBox.StandardButton.Yes:
            self.activate(row.model_id)

    def activate(self, model_id: str) -> None:
        """Make the model the workspace's active one, in the background (the service
        refuses while faces lack its vectors, and says how to add them)."""
        device = str(self.device.currentData())
        self.status.setText(self.tr("Activating %1…").replace("%1", model_id))
        self.tasks.submit(lambda _p: self.services.activate_model(model_id, device),
                          self._activated, self._activate_failed, write=True)

    def _activated(self, model_id: str) -> None:
        self.status.setText(self.tr("%1 is the workspace's model: searches and imports "
                                    "use it").replace("%1", model_id))
        self.refresh()

    def _activate_failed(self, message: str) -> None:
        self.status.setText(message)
        show_error(self, self.tr("The model was not made the workspace's"), message)

    def start_reembed(self, model_id: str) -> None:
        """Add the model's vectors to every face, in the write pool, with progress."""
        self.cancel = cancel = threading.Event()
        device = str(self.device.currentData())
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)
        self.reembed_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.status.setText(self.tr("Adding vectors of %1…").replace("%1", model_id))
        self.tasks.submit(
            lambda progress: self.services.reembed(model_id, device, progress, cancel),
            self._reembedded, self._reembed_failed, self._progress, write=True)

    def cancel_reembed(self) -> None:
        """Stop after the batch in progress (what is done is kept)."""
        if self.cancel is not None:
            self.cancel.set()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("Stopping after the photos in progress…"))

    def _progress(self, p: object) -> None:
        if isinstance(p, ReembedProgress):
            self.progress.setRange(0, max(1, p.total))
            self.progress.setValue(p.done)
            self.progress.setFormat(self.tr("%v of %m faces"))

    def _finish(self) -> None:
        self.cancel = None
        self.cancel_button.setEnabled(False)
        self.progress.setVisible(False)
        self.refresh()

    def _reembedded(self, report: ReembedReport) -> None:
        self.last_report = report
        lines = [(self.tr("Stopped: %1 faces got vectors; run it again to finish")
                  if report.cancelled else self.tr("Done: %1 faces got vectors"))
                 .replace("%1", str(report.added))]
        if report.estimated:
            lines.append(self.tr("%1 faces: the model's detector found no face in the stored "
                                 "box; keypoints placed from the box (less reliable)")
                         .replace("%1", str(report.estimated)))
        lines += report.failed[:10]
        self.status.setText("\n".join(lines))
        self._finish()

    def _reembed_failed(self, message: str) -> None:
        self.status.setText(message)
        self._finish()
        show_error(self, self.tr("The vectors were not added"), message)
