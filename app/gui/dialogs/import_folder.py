"""Import of post-mortem photos: folder, grouping, collection; runs in the background.

Progress shows files done of total, faces found and the time left; Cancel stops after the
files in flight and keeps everything done (a later import of the same folder resumes).
At the end, every file not imported is listed with its reason.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from athar.app.gui import labels
from athar.app.gui.services import Services
from athar.app.gui.tasks import Progress, TaskRunner
from athar.casework.domain.entities import Side
from athar.casework.intake.ingest import ImportPhotos, ImportProgress, ImportReport


def _duration(seconds: float) -> str:
    seconds = max(0, round(seconds))
    if seconds >= 3600:
        return f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"
    return f"{seconds // 60}:{seconds % 60:02d}"


class ImportDialog(QDialog):
    """Chooses what to import and shows the background import until it ends."""

    finished_import = Signal(object)

    def __init__(self, services: Services, tasks: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("Import post-mortem photos"))
        self.services, self.tasks = services, tasks
        self.cancel_event = threading.Event()
        self.report: ImportReport | None = None
        self.running = False
        self.cancel_requested_at: float | None = None
        form = self._build_form()
        self._build_progress()
        buttons = self._build_buttons()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.skipped, 1)
        layout.addLayout(buttons)
        self.resize(720, 420)

    def _build_form(self) -> QFormLayout:
        """Folder, grouping (and its CSV), collection name."""
        self.folder = QLineEdit()
        self.folder.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # paths read left to right
        self.folder.setObjectName("importFolder")
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._choose)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        self.grouping = QComboBox()
        self.grouping.setObjectName("grouping")
        for value in ("folder", "file", "csv"):
            self.grouping.addItem(labels.grouping_name(value), value)
        self.grouping.currentIndexChanged.connect(self._grouping_changed)
        self.csv = QLineEdit()
        self.csv.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # paths read left to right
        self.csv.setObjectName("csvPath")
        self.csv.setPlaceholderText(self.tr("CSV file with columns file, body, …"))
        self.csv.setEnabled(False)
        self.collection = QLineEdit()
        self.collection.setObjectName("collectionName")
        form = QFormLayout()
        form.addRow(self.tr("Folder"), folder_row)
        form.addRow(self.tr("Grouping"), self.grouping)
        form.addRow(self.tr("CSV list"), self.csv)
        form.addRow(self.tr("Collection name"), self.collection)
        return form

    def _build_progress(self) -> None:
        """The progress bar, the status line and the table of files not imported."""
        self.progress = QProgressBar()
        self.progress.setObjectName("importProgress")
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status = QLabel(self.tr("Choose a folder and a collection name."))
        self.status.setObjectName("importStatus")
        self.status.setWordWrap(True)
        self.skipped = QTableWidget(0, 2)
        self.skipped.setObjectName("skippedFiles")
        self.skipped.setHorizontalHeaderLabels([self.tr("File"), self.tr("Reason")])
        self.skipped.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch)
        self.skipped.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Stretch)
        self.skipped.verticalHeader().hide()
        self.skipped.hide()

    def _build_buttons(self) -> QHBoxLayout:
        """Start, Cancel (stops within about a second, keeps what was done), Close."""
        self.start = QPushButton(self.tr("Start import"))
        self.start.setObjectName("startImport")
        self.start.setDefault(True)
        self.start.clicked.connect(self.begin)
        self.cancel = QPushButton(self.tr("Cancel import"))
        self.cancel.setObjectName("cancelImport")
        self.cancel.setEnabled(False)
        self.cancel.clicked.connect(self.request_cancel)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("closeImport")
        self.close_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.start)
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.close_button)
        return buttons

    def _choose(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder of post-mortem photos"))
        if folder:
            self.folder.setText(folder)
            if not self.collection.text():
                self.collection.setText(Path(folder).name)

    def _grouping_changed(self) -> None:
        self.csv.setEnabled(self.grouping.currentData() == "csv")

    def command(self) -> ImportPhotos | str:
        """The ImportPhotos command, or what is missing in the form."""
        folder = Path(self.folder.text().strip()).expanduser()
        if not self.folder.text().strip() or not folder.is_dir():
            return self.tr("The folder %1 does not exist.").replace("%1", str(folder))
        name = self.collection.text().strip()
        if not name:
            return self.tr("Give the collection a name.")
        group = str(self.grouping.currentData())
        if group == "csv":
            csv = self.csv.text().strip()
            if not csv or not Path(csv).is_file():
                return self.tr("The CSV list %1 does not exist.").replace("%1", csv)
            group = f"csv:{csv}"
        return ImportPhotos(folder, Side.PM, group_by=group, collection=name)

    def begin(self) -> None:
        """Start the import in the write pool."""
        cmd = self.command()
        if isinstance(cmd, str):
            self.status.setText(cmd)
            return
        self.cancel_event.clear()
        self.running = True
        self.cancel_requested_at = None
        self.report = None
        self.start.setEnabled(False)
        self.cancel.setEnabled(True)
        self.close_button.setEnabled(False)
        self.skipped.hide()
        self.status.setText(self.tr("Preparing (counting files, loading the model)…"))
        self.progress.setRange(0, 0)

        def work(progress: Progress) -> ImportReport:
            return self.services.import_folder(cmd, progress, self.cancel_event)

        self.tasks.submit(work, self._done, self._failed, self._progress, write=True)

    def request_cancel(self) -> None:
        """Stop after the files in flight; what is done is kept."""
        self.cancel_event.set()
        self.cancel_requested_at = time.monotonic()
        self.cancel.setEnabled(False)
        self.status.setText(self.tr("Cancelling: finishing the files in progress…"))

    def _progress(self, p: ImportProgress) -> None:
        self.progress.setRange(0, max(1, p.total))
        self.progress.setValue(p.done)
        left = (p.elapsed_s / p.done * (p.total - p.done)) if p.done else 0.0
        if not self.cancel_event.is_set():
            self.status.setText(
                self.tr("%1 of %2 files, %3 faces found, %4 skipped; about %5 left")
                .replace("%1", str(p.done)).replace("%2", str(p.total))
                .replace("%3", str(p.faces)).replace("%4", str(p.skipped))
                .replace("%5", _duration(left)))

    def _done(self, report: ImportReport) -> None:
        self.running = False
        self.report = report
        self.start.setEnabled(True)
        self.cancel.setEnabled(False)
        self.close_button.setEnabled(True)
        self.progress.setRange(0, max(1, report.total))
        self.progress.setValue(min(report.accounted, report.total))
        head = (self.tr("Cancelled; everything imported so far is kept. Import the same "
                        "folder again to resume.") if report.cancelled
                else self.tr("Import finished."))
        self.status.setText(head + " " + self.tr(
            "%1 files: %2 new photos, %3 already imported, %4 duplicates, %5 already filed "
            "elsewhere (not filed again), %6 skipped; %7 faces, %8 photos without a face "
            "(%9).").replace("%1", str(report.total)).replace("%2", str(report.new_photos))
            .replace("%3", str(report.already_done)).replace("%4", str(report.duplicates))
            .replace("%5", str(report.filed_elsewhere)).replace("%6", str(len(report.skipped)))
            .replace("%7", str(report.faces)).replace("%8", str(len(report.no_face)))
            .replace("%9", _duration(report.elapsed_s)))
        rows = [(s.path, s.reason) for s in report.skipped]
        rows += [(p, self.tr("no face found (it can be marked by hand on the Body page)"))
                 for p in report.no_face]
        rows += [("", note) for note in (*report.created, *report.notes)]
        self.skipped.setRowCount(len(rows))
        for i, (path, reason) in enumerate(rows):
            self.skipped.setItem(i, 0, QTableWidgetItem(path))
            self.skipped.setItem(i, 1, QTableWidgetItem(reason))
        self.skipped.setVisible(bool(rows))
        self.finished_import.emit(report)

    def _failed(self, message: str) -> None:
        self.running = False
        self.start.setEnabled(True)
        self.cancel.setEnabled(False)
        self.close_button.setEnabled(True)
        self.progress.setRange(0, 1)
        self.status.setText(self.tr("The import stopped: %1. Everything imported before "
                                    "this is kept.").replace("%1", message))

    def reject(self) -> None:
        """Escape closes the dialog only when no import runs (Cancel stops one)."""
        if not self.running:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # Qt override
        if self.running:
            event.ignore()
            return
        super().closeEvent(event)
