"""The marks of both sides of a candidate, for the comparison view: what the Body's marks
say about each of the person's, the two lists (choosing a mark shows its photo with the
mark highlighted), and Link: an examiner's judgement of one mark on each side, with a
note. Linked marks are drawn in the same colour on both sides."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from athar.app.gui import labels
from athar.app.gui.dialogs.mark_form import relation_combo
from athar.app.gui.services import Services
from athar.app.gui.tasks import TaskRunner
from athar.app.gui.widgets.common import show_error
from athar.app.gui.widgets.marks_panel import MARK_ROLE, link_colours, mark_text
from athar.casework.checks.consistency import Consistency, Outcome
from athar.casework.domain.permissions import Permission
from athar.casework.marks.links import LinkMarks
from athar.casework.marks.search import MarksAgreement
from athar.casework.marks.views import MarkList
from athar.casework.reports.weight import Weighed
from athar.casework.storage.repositories.marks import LinkView, MarkView


class MarksCompare(QWidget):
    """The person's and the Body's marks side by side, and linking them."""

    mark_chosen = Signal(str, object)
    """("am" or "pm", the MarkView chosen, or None)."""
    linked = Signal()

    def __init__(self, services: Services, tasks: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.tasks = services, tasks
        self.am_marks: list[MarkView] = []
        self.pm_marks: list[MarkView] = []
        self.links: list[LinkView] = []
        self.records = QLabel()
        self.records.setObjectName("recordsAgreement")
        self.records.setWordWrap(True)
        self.records.setTextFormat(Qt.TextFormat.RichText)
        self.summary = QLabel()
        self.summary.setObjectName("marksAgreement")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.am_list = self._list("amMarks")
        self.pm_list = self._list("pmMarks")
        self.am_list.currentItemChanged.connect(lambda cur, _p: self._chosen("am", cur))
        self.pm_list.currentItemChanged.connect(lambda cur, _p: self._chosen("pm", cur))
        self.relation = relation_combo()
        self.note = QLineEdit()
        self.note.setObjectName("linkNote")
        self.note.setPlaceholderText(self.tr("What you compared (required)"))
        self.link = QPushButton(self.tr("Link"))
        self.link.setObjectName("linkMarks")
        self.link.setToolTip(self.tr("Record your judgement of the two chosen marks"))
        self.link.setEnabled(services.may(Permission.ANNOTATE))
        self.link.clicked.connect(self.link_chosen)
        self.message = QLabel()
        self.message.setObjectName("linkMessage")
        self.message.setWordWrap(True)
        lists = QHBoxLayout()
        for title, widget in ((self.tr("The family's marks"), self.am_list),
                              (self.tr("The Body's marks"), self.pm_list)):
            column = QVBoxLayout()
            column.addWidget(QLabel(title))
            column.addWidget(widget, 1)
            lists.addLayout(column)
        row = QHBoxLayout()
        row.addWidget(self.relation, 1)
        row.addWidget(self.link)
        facts = QWidget()  # evidence, records and marks summary: scrolls when long
        column = QVBoxLayout(facts)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.records)
        column.addWidget(self.summary)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("comparisonFacts")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(facts)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll, 1)
        layout.addLayout(lists, 1)
        layout.addLayout(row)
        layout.addWidget(self.note)
        layout.addWidget(self.message)

    @staticmethod
    def _list(name: str) -> QListWidget:
        widget = QListWidget()
        widget.setObjectName(name)
        widget.setWordWrap(True)
        return widget

    def set_marks(self, am: MarkList, pm: MarkList, agreement: MarksAgreement | None) -> None:
        """Both sides' marks (withdrawn ones left out), their links, the agreement."""
        self.am_marks = [m for m in am.marks if not m.withdrawn]
        self.pm_marks = [m for m in pm.marks if not m.withdrawn]
        pm_ids = {m.id for m in self.pm_marks}
        self.links = [k for k in am.links if k.pm_mark_id in pm_ids]
        colours = link_colours(self.links)
        for widget, marks in ((self.am_list, self.am_marks), (self.pm_list, self.pm_marks)):
            widget.blockSignals(True)
            widget.clear()
            for m in marks:
                where = "" if m.photo_id else self.tr("(described) ")
                item = QListWidgetItem(where + mark_text(m))
                item.setData(MARK_ROLE, m.id)
                if m.id in colours:
                    item.setForeground(QBrush(QColor(colours[m.id]).darker(150)))
                widget.addItem(item)
            widget.blockSignals(False)
        self.summary.setText(self._summary(agreement))

    def set_records(self, found: Consistency | None, weighed: Weighed | None = None) -> None:
        """The strength of the evidence (the face's likelihood ratio and all the evidence
        combined) and what the two records say about each other (inconsistent rules in
        red)."""
        if found is None:
            self.records.clear()
            return
        lines = self._strength_lines(weighed)
        heading = self.tr("Records")
        lines.append(f"<b>{html.escape(heading)}</b>")
        for r in found.results:
            text = html.escape(f"{labels.rule_name(r.rule)}: "
                               f"{labels.outcome_name(r.outcome.value)} — "
                               f"{labels.reason_text(r.code, r.values)}")
            lines.append(f"<span style='color:#b71c1c'>⚠ {text}</span>"
                         if r.outcome is Outcome.INCONSISTENT else text)
        self.records.setText("<br>".join(lines))

    def _strength_lines(self, weighed: Weighed | None) -> list[str]:
        if weighed is None:
            return []
        title = self.tr("Strength of evidence")
        lines = [f"<b>{html.escape(title)}</b>"]
        if weighed.face is None:
            lines.append(html.escape(
                self.tr("No calibration for this model: the score is not read as a "
                        "likelihood ratio.") if weighed.calibration is None else
                self.tr("Scored before the search pooled all photos as it does now: search "
                        "again for its likelihood ratio.") if weighed.earlier_rule else
                self.tr("Shown once you have recorded your own review (blind review).")))
            return lines
        lines.append(html.escape(self.tr("Face: %1").replace("%1", labels.strength_text(
            weighed.face.log10_lr, weighed.face.verbal, weighed.face.for_same))))
        if weighed.fused is not None and len(weighed.fused.terms) > 1:
            terms = ", ".join(f"{labels.term_name(t.source)} {t.log10_lr:+.1f}"
                              for t in weighed.fused.terms)
            lines.append(html.escape(self.tr("All the evidence: %1 (log10: %2)").replace(
                "%1", labels.strength_text(weighed.fused.log10_lr, weighed.fused.verbal,
                                           weighed.fused.for_same)).replace("%2", terms)))
        lines.append("<small>" + html.escape(self.tr(
            "A likelihood ratio: how much more probable the evidence is if the two are the "
            "same person than if they are different people; not a probability of "
            "identity.")) + "</small>")
        return lines

    def _summary(self, agreement: MarksAgreement | None) -> str:
        if agreement is None:
            return self.tr("The family reported no distinctive mark for this person.")
        lines = [self.tr("Marks: %1 of %2 supported, %3 contradicted by an examiner")
                 .replace("%1", str(agreement.supporting))
                 .replace("%2", str(len(agreement.items)))
                 .replace("%3", str(agreement.contradicted))]
        for item in agreement.items:
            lines.append(f"#{item.person_mark.id} {labels.category_name(item.person_mark.category)}"
                         f", {labels.location_name(item.person_mark.location)}: "
                         f"{labels.relation_name(item.agreement.value)}")
        return "\n".join(lines)

    def colours(self) -> dict[int, str]:
        """Mark id -> its link's colour."""
        return link_colours(self.links)

    def chosen(self, side: str) -> MarkView | None:
        """The mark chosen on one side."""
        widget, marks = ((self.am_list, self.am_marks) if side == "am"
                         else (self.pm_list, self.pm_marks))
        row = widget.currentRow()
        if row < 0:
            return None
        mark_id = int(widget.item(row).data(MARK_ROLE))
        return next((m for m in marks if m.id == mark_id), None)

    def _chosen(self, side: str, item: QListWidgetItem | None) -> None:
        self.mark_chosen.emit(side, None if item is None else self.chosen(side))

    def link_chosen(self) -> None:
        """Record the link between the chosen marks, with the relation and note."""
        am, pm = self.chosen("am"), self.chosen("pm")
        if am is None or pm is None:
            self.message.setText(self.tr("Choose one mark on each side first."))
            return
        cmd = LinkMarks(am.id, pm.id, str(self.relation.currentData()), self.note.text())

        def done(link_id: int | None) -> None:
            self.message.setText(self.tr("Link %1 recorded: mark %2 and mark %3 are %4.")
                                 .replace("%1", str(link_id)).replace("%2", str(am.id))
                                 .replace("%3", str(pm.id))
                                 .replace("%4", labels.relation_name(cmd.relation)))
            self.note.clear()
            self.linked.emit()

        self.tasks.submit(lambda _p: self.services.change_mark(cmd), done,
                          lambda msg: show_error(self, self.tr("The link was not recorded"),
                                                 msg), write=True)
