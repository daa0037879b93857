"""Sign-off: proposed identifications with all their evidence (every pair's score with the
model, every review and rationale) for a supervisor to confirm or return with a reason;
confirmed, returned and revoked ones with their history; revocation with a reason; the
report."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from athar.app.gui import labels
from athar.app.gui.services import Services
from athar.app.gui.tasks import TaskRunner
from athar.app.gui.widgets.common import show_error
from athar.casework.domain.entities import IdentificationState
from athar.casework.domain.permissions import Permission
from athar.casework.reports.service import ReportResult
from athar.casework.review.signoff import IdentificationView

ID_ROLE = Qt.ItemDataRole.UserRole + 1


def _escape(text: object) -> str:
    return (str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("\n", "<br>"))


class SignOffView(QWidget):
    """The supervisor queue and the record of identifications."""

    compare_requested = Signal(int)
    """A candidate id to look at in the review screen."""

    def __init__(self, services: Services, tasks: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.tasks = services, tasks
        self.rows: list[IdentificationView] = []
        self.shown: IdentificationView | None = None
        self.state = QComboBox()
        self.state.setObjectName("identState")
        self.state.addItem(labels.identification_state_name("proposed"), "proposed")
        for s in ("confirmed", "returned", "revoked"):
            self.state.addItem(labels.identification_state_name(s), s)
        self.state.addItem(self.tr("All"), None)
        self.state.currentIndexChanged.connect(lambda _i: self.refresh())
        self.list = QListWidget()
        self.list.setObjectName("identifications")
        self.list.currentRowChanged.connect(self._chosen)
        self.detail = QTextBrowser()
        self.detail.setObjectName("identDetail")
        actions = self._build_actions()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.state)
        left_layout.addWidget(self.list, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.detail, 1)
        right_layout.addLayout(actions)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([380, 860])
        title = QLabel(self.tr("Sign-off"))
        title.setObjectName("pageTitle")
        note = QLabel(self.tr("Four eyes: whoever proposed an identification, or reviewed the "
                              "pair with 'propose', cannot confirm it."))
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(note)
        layout.addWidget(split, 1)
        services.events.changed.connect(self._changed)

    def _build_actions(self) -> QVBoxLayout:
        """The reason, Confirm / Return / Revoke, Compare and the report."""
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("signoffReason")
        self.reason.setPlaceholderText(self.tr("Your reason (required)"))
        self.reason.setFixedHeight(60)
        self.confirm = QPushButton(self.tr("Confirm"))
        self.confirm.setObjectName("confirmIdent")
        self.give_back = QPushButton(self.tr("Return to review"))
        self.give_back.setObjectName("returnIdent")
        self.revoke = QPushButton(self.tr("Revoke"))
        self.revoke.setObjectName("revokeIdent")
        self.compare = QPushButton(self.tr("Compare the photos…"))
        self.compare.setObjectName("compareIdent")
        self.report = QPushButton(self.tr("Report (PDF)…"))
        self.report.setObjectName("reportIdent")
        self.confirm.clicked.connect(lambda: self.act("confirm"))
        self.give_back.clicked.connect(lambda: self.act("return"))
        self.revoke.clicked.connect(lambda: self.act("revoke"))
        self.compare.clicked.connect(self._compare)
        self.report.clicked.connect(self._choose_report)
        self.message = QLabel()
        self.message.setObjectName("signoffMessage")
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        for b in (self.confirm, self.give_back, self.revoke, self.compare, self.report):
            buttons.addWidget(b)
        layout = QVBoxLayout()
        layout.addWidget(self.reason)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self._enable()
        return layout

    # -- loading ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Load the identifications of the chosen state."""
        state = self.state.currentData()
        wanted = IdentificationState(state) if state else None
        self.tasks.submit(lambda _p: self.services.identifications(wanted), self._show,
                          self.message.setText, latest=(self, "list"))

    def _changed(self, what: str) -> None:
        if what == "review" and self.isVisible():
            self.refresh()

    def _show(self, rows: list[IdentificationView]) -> None:
        keep = self.shown.id if self.shown else None
        self.rows = rows
        self.list.blockSignals(True)
        self.list.clear()
        for v in rows:
            item = QListWidgetItem(self.tr("#%1 %2 — %3 = Body %4 (proposed by %5)")
                                   .replace("%1", str(v.id))
                                   .replace("%2", labels.identification_state_name(v.state))
                                   .replace("%3", v.person_label).replace("%4", v.body_label)
                                   .replace("%5", v.proposed_by))
            item.setData(ID_ROLE, v.id)
            self.list.addItem(item)
        self.list.blockSignals(False)
        rows_ids = [v.id for v in rows]
        self.list.setCurrentRow(rows_ids.index(keep) if keep in rows_ids else 0)
        if not rows:
            self.shown = None
            self.detail.setHtml(_escape(self.tr("Nothing here.")))
            self._enable()

    def _chosen(self, row: int) -> None:
        self.shown = self.rows[row] if 0 <= row < len(self.rows) else None
        self.detail.setHtml(self._html(self.shown) if self.shown else "")
        self._enable()

    def _enable(self) -> None:
        may = self.services.may(Permission.SIGN_OFF)
        state = self.shown.state if self.shown else None
        self.confirm.setEnabled(may and state is IdentificationState.PROPOSED)
        self.give_back.setEnabled(may and state is IdentificationState.PROPOSED)
        self.revoke.setEnabled(may and state is IdentificationState.CONFIRMED)
        self.compare.setEnabled(self.shown is not None)
        self.report.setEnabled(self.services.may(Permission.REPORT) and state in (
            IdentificationState.CONFIRMED, IdentificationState.REVOKED))

    def _html(self, v: IdentificationView) -> str:
        ev = v.evidence
        title = self.tr("Identification %1").replace("%1", str(v.id))
        state, model, version = self.tr("State"), self.tr("Model"), self.tr("Index version")
        pairs_title = self.tr("Every photo pair, frozen at the proposal")
        parts = [f"<h3>{_escape(title)}: {_escape(v.person_label)} = "
                 f"{_escape(v.body_label)}</h3>",
                 f"<p>{_escape(state)}: "
                 f"<b>{_escape(labels.identification_state_name(v.state))}</b><br>"
                 f"{_escape(model)}: {_escape(ev.get('model_id'))}<br>"
                 f"{_escape(version)}: {_escape(ev.get('index_version'))}</p>",
                 f"<h4>{_escape(pairs_title)}</h4><p>"]
        pairs = ev.get("pairs")
        for p in pairs if isinstance(pairs, list) else []:
            parts.append(_escape(self.tr("family photo %1 × post-mortem photo %2: %3")
                                 .replace("%1", str(p["am_photo"]))
                                 .replace("%2", str(p["pm_photo"]))
                                 .replace("%3", f"{float(p['score']):.4f}")) + "<br>")
        reviews, history = self.tr("Reviews"), self.tr("History")
        parts.append(f"</p><h4>{_escape(reviews)}</h4>")
        for r in v.reviews:
            parts.append(f"<p><b>{_escape(r.reviewer)}</b> — "
                         f"{_escape(labels.decision_name(r.decision.value))} "
                         f"({_escape(r.at.strftime('%Y-%m-%d %H:%M'))})<br>"
                         f"{_escape(r.rationale)}</p>")
        parts.append(f"<h4>{_escape(history)}</h4><p>")
        for step in v.history:
            parts.append(_escape(f"{step.at.strftime('%Y-%m-%d %H:%M')} "
                                 f"{labels.identification_state_name(step.state)} — "
                                 f"{step.actor}: {step.reason or ''}") + "<br>")
        parts.append("</p>")
        return "".join(parts)

    # -- acting -----------------------------------------------------------------------------

    def act(self, action: str) -> None:
        """Confirm, return or revoke the identification shown, with the reason typed."""
        if self.shown is None:
            return
        ident, reason = self.shown.id, self.reason.toPlainText()
        self.message.setText(self.tr("Working…"))
        self.tasks.submit(lambda _p: self.services.sign_off(action, ident, reason),
                          lambda _r: self._done(action), self._failed, write=True)

    def _done(self, action: str) -> None:
        text = {"confirm": self.tr("Confirmed."), "return": self.tr("Returned to review."),
                "revoke": self.tr("Revoked; the record and its history stay.")}
        self.message.setText(text[action])
        self.reason.clear()
        self.refresh()

    def _failed(self, message: str) -> None:
        self.message.setText(message)

    def _compare(self) -> None:
        if self.shown is not None:
            self.compare_requested.emit(self.shown.candidate_id)

    def _choose_report(self) -> None:
        if self.shown is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the report"), f"identification-{self.shown.id}.pdf",
            self.tr("PDF (*.pdf)"))
        if path:
            self.make_report(Path(path))

    def make_report(self, path: Path, full_body: bool = False) -> None:
        """Write the report of the identification shown to `path` (in the background)."""
        if self.shown is None:
            return
        ident = self.shown.id
        language = "ar" if self.layoutDirection() == Qt.LayoutDirection.RightToLeft else "en"
        self.message.setText(self.tr("Writing the report…"))
        self.tasks.submit(lambda _p: self.services.make_report(ident, path, full_body,
                                                               language=language),
                          self._reported,
                          lambda msg: show_error(self, self.tr("The report was not written"),
                                                 msg), write=True)

    def _reported(self, result: ReportResult) -> None:
        self.message.setText(self.tr("Report written to %1 (SHA-256 %2).").replace(
            "%1", str(result.path)).replace("%2", result.sha256[:16] + "…"))
