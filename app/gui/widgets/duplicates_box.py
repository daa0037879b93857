"""A Body's possible duplicates on its page: the pairs Athar suggests (faces and numbers,
with the evidence), the decisions taken (merged, fragments, distinct; undone ones kept),
and the buttons to decide, each with a written reason. The services check the roles and
the rules; this box only shows what they say."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from athar.app.gui.services import Services
from athar.app.gui.tasks import TaskRunner
from athar.app.gui.widgets.common import isolate
from athar.casework.checks.duplicates import (
    PairEvidence,
    RelateBodies,
    RelationView,
    UndoRelation,
)
from athar.casework.checks.strength import lr_figure
from athar.casework.domain.permissions import Permission

ROLE_PAIR = Qt.ItemDataRole.UserRole
ROLE_DECISION = Qt.ItemDataRole.UserRole + 1


class DuplicatesBox(QGroupBox):
    """Suggested duplicates of the Body shown and the decisions about it."""

    open_body = Signal(int)
    """A Body id, on a double-click of a row (to compare its photos)."""

    def __init__(self, services: Services, tasks: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Possible duplicates"), parent)
        self.setObjectName("duplicatesBox")
        self.services, self.tasks = services, tasks
        self.body_id: int | None = None
        self.pairs: list[PairEvidence] = []
        self.decisions: list[RelationView] = []
        self.list = QListWidget()
        self.list.setObjectName("duplicatesList")
        self.list.setMaximumHeight(110)
        self.list.setWordWrap(True)
        self.list.currentRowChanged.connect(lambda _r: self._buttons())
        self.list.itemDoubleClicked.connect(self._double_clicked)
        self.reason = QLineEdit()
        self.reason.setObjectName("duplicateReason")
        self.reason.setPlaceholderText(self.tr("What you compared (required)"))
        self.merge = QPushButton(self.tr("Same body: merge it into this one"))
        self.merge.setObjectName("mergeBodies")
        self.fragment = QPushButton(self.tr("Fragments"))
        self.fragment.setObjectName("fragmentBodies")
        self.distinct = QPushButton(self.tr("Not the same"))
        self.distinct.setObjectName("distinctBodies")
        self.undo = QPushButton(self.tr("Undo decision"))
        self.undo.setObjectName("undoRelation")
        for button, kind in ((self.merge, "same_body"), (self.fragment, "fragment"),
                             (self.distinct, "distinct")):
            button.clicked.connect(lambda _c=False, k=kind: self.decide(k))
        self.undo.clicked.connect(self.undo_decision)
        self.message = QLabel()
        self.message.setObjectName("duplicatesMessage")
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        for b in (self.merge, self.fragment, self.distinct):
            buttons.addWidget(b)
        last = QHBoxLayout()
        last.addWidget(self.undo)
        last.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(self.reason)
        layout.addLayout(buttons)
        layout.addLayout(last)
        layout.addWidget(self.message)
        self._buttons()

    def load(self, body_id: int) -> None:
        """Show a Body's suggestions and decisions (loaded in the background)."""
        self.body_id = body_id
        self.tasks.submit(lambda _p: self.services.duplicates(body_id),
                          lambda found: self._loaded(body_id, found), self.message.setText,
                          latest=(self, "duplicates"))

    def reload(self) -> None:
        """Load the shown Body's again (after a decision anywhere)."""
        if self.body_id is not None:
            self.load(self.body_id)

    def _loaded(self, body_id: int,
                found: tuple[list[PairEvidence], list[RelationView]]) -> None:
        if body_id != self.body_id:
            return
        self.pairs, self.decisions = found
        self.list.clear()
        for pair in self.pairs:
            item = QListWidgetItem(self._pair_text(pair))
            item.setData(ROLE_PAIR, pair.other_id)
            item.setToolTip("\n".join(pair.reasons()))
            self.list.addItem(item)
        for d in self.decisions:
            item = QListWidgetItem(self._decision_text(d))
            item.setData(ROLE_DECISION, d.id)
            item.setToolTip(d.reason + ("" if d.standing else "\n" + (d.undo_reason or "")))
            if not d.standing:
                item.setForeground(Qt.GlobalColor.gray)
            self.list.addItem(item)
        if not self.pairs and not self.decisions:
            self.list.addItem(QListWidgetItem(self.tr("No possible duplicate found.")))
        self._buttons()

    def _pair_text(self, pair: PairEvidence) -> str:
        face = (self.tr("no face to compare") if pair.score is None else
                self.tr("faces: LR %1").replace("%1", lr_figure(pair.log10_lr))
                if pair.log10_lr is not None else
                self.tr("face score %1").replace("%1", f"{pair.score:.3f}"))
        numbers = ", ".join(self.tr("same %1").replace("%1", self._field(n))
                            for n in pair.numbers if n.outcome == "same"
                            and n.field in ("detainee_no", "forensic_no"))
        differ = ", ".join(self.tr("%1 differs").replace("%1", self._field(n))
                           for n in pair.numbers if n.outcome == "differs"
                           and n.field in ("detainee_no", "forensic_no"))
        return self.tr("Suggested: Body %1 (%2) — %3").replace(
            "%1", isolate(pair.other_label)).replace("%2", isolate(pair.other_collection)
                                                    ).replace(
            "%3", "; ".join(x for x in (face, numbers, differ) if x))

    def _field(self, n: object) -> str:
        name = getattr(n, "field", "")
        return {"detainee_no": self.tr("detainee number"),
                "forensic_no": self.tr("forensic number")}.get(name, name)

    def _decision_text(self, d: RelationView) -> str:
        other = d.other_label if d.body_id == self.body_id else d.body_label
        if d.kind == "same_body":
            text = (self.tr("Body %1 is merged into this one").replace("%1", isolate(other))
                    if d.body_id == self.body_id else
                    self.tr("Merged into Body %1: its photos are searched there").replace(
                        "%1", isolate(other)))
        elif d.kind == "fragment":
            text = self.tr("Fragment of the same person as Body %1").replace(
                "%1", isolate(other))
        else:
            text = self.tr("Not the same body as Body %1").replace("%1", isolate(other))
        by = self.tr("decision %1 by %2, %3").replace("%1", str(d.id)).replace(
            "%2", d.created_by).replace("%3", d.created_at)
        if not d.standing:
            by += " — " + self.tr("undone by %1, %2").replace("%1", d.undone_by or "").replace(
                "%2", d.undone_at or "")
        return f"{text} ({by})"

    def _chosen(self) -> tuple[int | None, int | None]:
        row = self.list.currentRow()
        if row < 0:
            return None, None
        item = self.list.item(row)
        return item.data(ROLE_PAIR), item.data(ROLE_DECISION)

    def _buttons(self) -> None:
        may = self.services.may(Permission.ANNOTATE)
        pair, decision = self._chosen()
        standing = any(d.id == decision and d.standing for d in self.decisions)
        for b in (self.merge, self.fragment, self.distinct):
            b.setEnabled(may and pair is not None)
        self.undo.setEnabled(may and standing)
        self.reason.setEnabled(may)

    def _double_clicked(self, item: QListWidgetItem) -> None:
        pair = item.data(ROLE_PAIR)
        decision = next((d for d in self.decisions if d.id == item.data(ROLE_DECISION)), None)
        if pair is not None:
            self.open_body.emit(int(pair))
        elif decision is not None:
            self.open_body.emit(decision.other_id if decision.body_id == self.body_id
                                else decision.body_id)

    def decide(self, kind: str) -> None:
        """Record a decision about this Body and the chosen suggestion."""
        pair, _ = self._chosen()
        if pair is None or self.body_id is None:
            return
        cmd = RelateBodies(self.body_id, int(pair), kind, self.reason.text())
        self.tasks.submit(lambda _p: self.services.handle(cmd), self._done,
                          self.message.setText, write=True)

    def undo_decision(self) -> None:
        """Undo the chosen decision (it stays on record)."""
        _, decision = self._chosen()
        if decision is None:
            return
        cmd = UndoRelation(int(decision), self.reason.text())
        self.tasks.submit(lambda _p: self.services.handle(cmd), self._done,
                          self.message.setText, write=True)

    def _done(self, _result: object) -> None:
        self.reason.clear()
        self.message.setText(self.tr("Recorded. The searches it changes run again in the "
                                     "background."))
        self.reload()
