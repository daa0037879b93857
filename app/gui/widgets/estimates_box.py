"""A Body's forensic estimates on its page: sex, age range at death, the date of death on
a certificate; recorded by examiners and supervisors (the service checks it)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from athar.app.gui import labels
from athar.app.gui.services import Services
from athar.app.gui.tasks import TaskRunner
from athar.app.gui.widgets.common import show_error
from athar.casework.domain.permissions import Permission
from athar.casework.records.browse import BodyDetail
from athar.casework.records.estimates import RecordEstimates


class EstimatesBox(QGroupBox):
    """The estimates of the Body shown, and Save."""

    def __init__(self, services: Services, tasks: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Forensic estimates"), parent)
        self.setObjectName("estimatesBox")
        self.services, self.tasks = services, tasks
        self.body_id: int | None = None
        self._sex_edited = False
        self.sex = QComboBox()
        self.sex.setObjectName("estSex")
        self.sex.activated.connect(lambda _i: setattr(self, "_sex_edited", True))
        for value in ("", "male", "female", "unknown"):
            self.sex.addItem(labels.sex_name(value) or self.tr("not estimated"), value)
        self.age_min, self.age_max = QLineEdit(), QLineEdit()
        for edit, name in ((self.age_min, "ageMin"), (self.age_max, "ageMax")):
            edit.setObjectName(name)
            edit.setMaximumWidth(60)
            edit.setPlaceholderText(self.tr("years"))
        self.death_date = QLineEdit()
        self.death_date.setObjectName("deathDate")
        self.death_date.setPlaceholderText(self.tr("YYYY, YYYY-MM or YYYY-MM-DD"))
        ages = QHBoxLayout()
        ages.addWidget(self.age_min)
        ages.addWidget(QLabel(self.tr("to")))
        ages.addWidget(self.age_max)
        ages.addStretch(1)
        self.save = QPushButton(self.tr("Save estimates"))
        self.save.setObjectName("saveEstimates")
        self.save.clicked.connect(self.save_estimates)
        self.message = QLabel()
        self.message.setObjectName("estimatesMessage")
        may = services.may(Permission.ANNOTATE)
        for w in (self.sex, self.age_min, self.age_max, self.death_date, self.save):
            w.setEnabled(may)
        form = QFormLayout()
        form.addRow(self.tr("Sex (estimated)"), self.sex)
        form.addRow(self.tr("Age at death (estimated)"), ages)
        form.addRow(self.tr("Date of death (certificate)"), self.death_date)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.save)
        layout.addWidget(self.message)
        self.setMaximumWidth(420)

    def set_body(self, detail: BodyDetail) -> None:
        """Show a Body's estimates (a reload of the same Body keeps what is being typed
        and the last message)."""
        same = self.body_id == detail.id
        self.body_id = detail.id
        est = detail.estimates or {}
        if not (same and self._sex_edited):
            self.sex.setCurrentIndex(max(0, self.sex.findData(est.get("est_sex") or "")))
            self._sex_edited = False
        for edit, key in ((self.age_min, "est_age_min"), (self.age_max, "est_age_max"),
                          (self.death_date, "death_date")):
            if not (same and edit.isModified()):
                value = est.get(key)
                edit.setText("" if value is None else str(value))
        if not same:
            self.message.clear()

    def save_estimates(self) -> None:
        """Record what the form says (an empty field clears the estimate)."""
        if self.body_id is None:
            return
        cmd = RecordEstimates(self.body_id, str(self.sex.currentData()),
                              self.age_min.text().strip(), self.age_max.text().strip(),
                              self.death_date.text().strip())
        self.save.setEnabled(False)

        def done(changed: dict[str, list[object]]) -> None:
            self.save.setEnabled(True)
            self._sex_edited = False
            for edit in (self.age_min, self.age_max, self.death_date):
                edit.setModified(False)
            self.message.setText(self.tr("Estimates saved.") if changed
                                 else self.tr("Nothing changed."))

        def failed(message: str) -> None:
            self.save.setEnabled(True)
            show_error(self, self.tr("The estimates were not saved"), message)

        self.tasks.submit(lambda _p: self.services.record_estimates(cmd), done, failed,
                          write=True)
