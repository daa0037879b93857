"""Item model of a person's ranked Candidates (read model rows, face crops from the cache)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from athar.app.gui import labels
from athar.app.gui.services import Services
from athar.app.gui.tasks import TaskRunner
from athar.app.gui.thumbnails import PictureKey, ThumbnailCache
from athar.app.gui.widgets.common import SCORE_ROLE
from athar.casework.checks.consistency import Consistency
from athar.casework.marks.search import MarksAgreement
from athar.casework.matching.candidates import CandidateView, FusedScores
from athar.casework.reports.weight import FACE_ORDER, Weighed, ordered

FACE = 88


def model_name(model_id: str) -> str:
    """A model's name without its SHA-256 (the full id is on the Models page)."""
    return model_id.split("@", 1)[0]


BODY_ROLE = Qt.ItemDataRole.UserRole + 1


(COL_RANK, COL_AM, COL_PM, COL_BODY, COL_SCORE, COL_EVIDENCE, COL_STATE, COL_MARKS,
 COL_RECORDS) = range(9)


class CandidateTableModel(QAbstractTableModel):
    """Ranked Candidates of one person; face crops come from the thumbnail cache."""

    def __init__(self, thumbs: ThumbnailCache) -> None:
        super().__init__()
        self.thumbs = thumbs
        self._rows: list[CandidateView] = []
        self._marks: dict[tuple[int, int], MarksAgreement] = {}
        self._records: dict[tuple[int, int], Consistency] = {}
        self._weighed: dict[tuple[int, int], Weighed] = {}
        self._given: list[CandidateView] = []
        self._order = FACE_ORDER
        self.new_ids: frozenset[int] = frozenset()
        """Candidates shown as new (the review queue: proposed since the last visit)."""
        thumbs.ready.connect(self._picture_ready)

    def set_new(self, ids: frozenset[int]) -> None:
        """Mark these candidates as new (bold, with a "new" tag in the state column)."""
        self.new_ids = ids
        if self._rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._rows) - 1, self.columnCount() - 1))

    def set_candidates(self, rows: list[CandidateView]) -> None:
        """Replace the rows (shown in the chosen order once their evidence is weighed)."""
        self.beginResetModel()
        self._given = list(rows)
        self._weighed = {}
        self._rows = list(rows)
        self.endResetModel()

    def set_evidence(self, weighed: dict[tuple[int, int], Weighed]) -> None:
        """Every row's weighed evidence: the likelihood ratios, the record checks and the
        marks (the Evidence, Records and Marks columns), and the fused order."""
        self._weighed = weighed
        self._records = {k: w.records for k, w in weighed.items()}
        self._marks = {k: w.marks for k, w in weighed.items() if w.marks is not None}
        self._reorder()

    def set_order(self, order: str) -> None:
        """Rank the rows by the face score ("face") or by all the evidence ("fused")."""
        self._order = order
        self._reorder()

    @property
    def order(self) -> str:
        """The order the rows are shown in."""
        return self._order

    def _reorder(self) -> None:
        rows = ordered(self._given, self._weighed, self._order)
        if [c.id for c in rows] == [c.id for c in self._rows]:
            if rows:  # same order: keep the selection, refresh the columns
                self.dataChanged.emit(self.index(0, 0),
                                      self.index(len(rows) - 1, self.columnCount() - 1))
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def weighed(self, row: int) -> Weighed | None:
        """A row's weighed evidence, once loaded."""
        c = self._rows[row]
        return self._weighed.get((c.person_id, c.body_id))

    def consistency(self, row: int) -> Consistency | None:
        """The record checks of a row's pair, once loaded."""
        c = self._rows[row]
        return self._records.get((c.person_id, c.body_id))

    def pairs(self) -> list[tuple[int, int]]:
        """(person, Body) of every row."""
        return [(c.person_id, c.body_id) for c in self._given]

    def given(self) -> list[CandidateView]:
        """The rows as loaded (face order)."""
        return list(self._given)

    def candidate(self, row: int) -> CandidateView:
        """The Candidate of a row."""
        return self._rows[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()  # noqa: B008
                 ) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()  # noqa: B008
                    ) -> int:
        return 0 if parent.isValid() else 9

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        names = (self.tr("Rank"), self.tr("Family photo"), self.tr("Post-mortem face"),
                 self.tr("Body"), self.tr("Score (best pair and pooled faces)"),
                 self.tr("Strength of evidence"), self.tr("Review state"),
                 self.tr("Distinctive marks"), self.tr("Records"))
        return names[section]

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        c, col = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_RANK:
                return "" if c.rank is None else str(c.rank)
            if col == COL_BODY:
                return f"{c.body_label}\n{c.collection}"
            if col == COL_STATE:
                flag = "⚠ " if c.attention else ""
                new = "\n" + self.tr("new") if c.id in self.new_ids else ""
                return flag + labels.state_name(c.state) + new
            if col == COL_SCORE and c.score is None:
                return self.tr("hidden until you decide")
            if col == COL_MARKS:
                return self._marks_text(c)
            if col == COL_RECORDS:
                return self._records_text(c)
            if col == COL_EVIDENCE:
                return self._evidence_text(c)
            return None
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_EVIDENCE:
            return self._evidence_tip(c)
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_RECORDS:
            found = self._records.get((c.person_id, c.body_id))
            return None if found is None else "\n".join(
                f"{labels.rule_name(r.rule)}: {labels.outcome_name(r.outcome.value)} — "
                f"{labels.reason_text(r.code, r.values)}" for r in found.results)
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_RECORDS:
            found = self._records.get((c.person_id, c.body_id))
            return QColor("#b71c1c") if found is not None and found.flagged else None
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_MARKS:
            agreement = self._marks.get((c.person_id, c.body_id))
            return None if agreement is None else "\n".join(
                f"#{i.person_mark.id} {labels.category_name(i.person_mark.category)}, "
                f"{labels.location_name(i.person_mark.location)}: "
                f"{labels.relation_name(i.agreement.value)}" for i in agreement.items)
        if role == Qt.ItemDataRole.FontRole and c.id in self.new_ids:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_STATE and c.attention:
            return c.attention
        if role == Qt.ItemDataRole.DecorationRole and col in (COL_AM, COL_PM):
            face = c.am_face_id if col == COL_AM else c.pm_face_id
            return self.thumbs.get(PictureKey("face", face, FACE))
        if role == SCORE_ROLE and col == COL_SCORE:
            return c.score
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_SCORE:
            if c.fusion is not None:
                return self._fusion_tip(c.fusion, c.model_id)
            if c.best is None or c.score_mean3 is None:
                return self.tr("Blind review: the scores are shown once you have recorded "
                               "your own review of this pair")
            if c.mean_faces is None:
                return self.tr("Best pair %1, mean of best three %2 (cosine similarity; "
                               "stored before mean faces)").replace(
                    "%1", f"{c.best:.3f}").replace("%2", f"{c.score_mean3:.3f}")
            if c.pooled is None:
                return self.tr("Mean of best pair %1 and mean faces %2; mean of best three "
                               "pairs %3 (cosine similarity; stored before pooled faces)"
                               ).replace("%1", f"{c.best:.3f}").replace(
                    "%2", f"{c.mean_faces:.3f}").replace("%3", f"{c.score_mean3:.3f}")
            return self.tr("Mean of best pair %1 and pooled faces %2 (all photos of both "
                           "sides; mean faces %3); mean of best three pairs %4 (cosine "
                           "similarity)").replace("%1", f"{c.best:.3f}").replace(
                "%2", f"{c.pooled:.3f}").replace("%3", f"{c.mean_faces:.3f}").replace(
                "%4", f"{c.score_mean3:.3f}")
        if role == BODY_ROLE:
            return c.body_id
        if role == Qt.ItemDataRole.TextAlignmentRole and col == COL_RANK:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _records_text(self, c: CandidateView) -> str:
        found = self._records.get((c.person_id, c.body_id))
        if found is None:
            return ""
        if found.flagged:
            return "⚠ " + self.tr("disagree: %1").replace("%1", ", ".join(
                labels.rule_name(r.rule) for r in found.inconsistent))
        known = sum(1 for r in found.results if r.outcome.value == "consistent")
        if not known:
            return self.tr("nothing to compare yet")
        return self.tr("agree: %1; cannot tell: %2").replace("%1", str(known)).replace(
            "%2", str(len(found.results) - known))

    def _fusion_tip(self, fusion: FusedScores, shown: str) -> str:
        """Each fused model's own score and calibrated log10 LR, and their mean."""
        lines = [self.tr("Ranked by %n models together: the mean of their calibrated "
                         "scores (log10 likelihood ratio) is %1", "", len(fusion.models))
                 .replace("%1", f"{fusion.fused_log10_lr:+.2f}")]
        for m in fusion.models:
            if m in fusion.scores:
                lines.append(self.tr("%1: score %2, log10 LR %3").replace(
                    "%1", model_name(m)).replace("%2", f"{fusion.scores[m]:.3f}").replace(
                    "%3", f"{fusion.log10_lr.get(m, 0.0):+.2f}"))
            else:
                lines.append(self.tr("%1: could not score this pair (no face with its "
                                     "vectors)").replace("%1", model_name(m)))
        lines.append(self.tr("The bar and the strength of evidence are those of %1.")
                     .replace("%1", model_name(shown)))
        return "\n".join(lines)

    def _evidence_text(self, c: CandidateView) -> str:
        text = self._face_evidence_text(c)
        if c.fusion is not None:
            text = (text + "\n" if text else "") + self.tr(
                "Models together: mean log10 LR %1").replace(
                "%1", f"{c.fusion.fused_log10_lr:+.2f}")
        return text

    def _face_evidence_text(self, c: CandidateView) -> str:
        found = self._weighed.get((c.person_id, c.body_id))
        if found is None:
            return ""
        if found.face is None:
            if c.score is None:
                return self.tr("hidden until you decide")
            if found.earlier_rule:
                return self.tr("scored before the pooled faces: search again for its "
                               "likelihood ratio")
            return self.tr("no calibration for this model")
        text = self.tr("Face: %1").replace("%1", labels.strength_text(
            found.face.log10_lr, found.face.verbal, found.face.for_same))
        if found.fused is not None and len(found.fused.terms) > 1:
            text += "\n" + self.tr("All evidence: %1").replace("%1", labels.strength_text(
                found.fused.log10_lr, found.fused.verbal, found.fused.for_same))
        return text

    def _evidence_tip(self, c: CandidateView) -> str | None:
        found = self._weighed.get((c.person_id, c.body_id))
        if found is None or found.face is None or found.calibration is None:
            return None
        cal = found.calibration
        lines = [self.tr("Likelihood ratio: how much more probable this score is if the "
                         "two are the same person than if they are different people. "
                         "Not a probability of identity."),
                 self.tr("Calibration: %1, fitted %2 on %3 same-person and %4 "
                         "different-person pairs (%5)").replace("%1", cal.model_id)
                 .replace("%2", cal.date).replace("%3", str(cal.pairs.get("same", 0)))
                 .replace("%4", str(cal.pairs.get("different", 0)))
                 .replace("%5", cal.fitted_on)]
        if found.fused is not None:
            lines.append(self.tr("What the fused score adds up (log10 of each ratio):"))
            lines += [f"  {labels.term_name(t.source)}: {t.log10_lr:+.2f}"
                      for t in found.fused.terms]
        return "\n".join(lines)

    def _marks_text(self, c: CandidateView) -> str:
        agreement = self._marks.get((c.person_id, c.body_id))
        if agreement is None:
            return ""
        text = self.tr("%1 of %2 supported").replace("%1", str(agreement.supporting)).replace(
            "%2", str(len(agreement.items)))
        if agreement.contradicted:
            text += "; " + self.tr("%n contradicted", "", agreement.contradicted)
        return text

    def _picture_ready(self, key: object) -> None:
        if not isinstance(key, PictureKey) or key.kind != "face":
            return
        for row, c in enumerate(self._rows):
            if key.id in (c.am_face_id, c.pm_face_id):
                col = COL_AM if key.id == c.am_face_id else COL_PM
                idx = self.index(row, col)
                self.dataChanged.emit(idx, idx, [Qt.ItemDataRole.DecorationRole])


def load_agreements(model: CandidateTableModel, services: Services, tasks: TaskRunner) -> None:
    """Fill the Evidence, Marks and Records columns of the rows now shown (in the
    background), and order them as chosen."""
    rows = model.given()
    pairs = model.pairs()
    if pairs:
        tasks.submit(lambda _p: services.evidence(rows),
                     lambda found: model.set_evidence(found) if model.pairs() == pairs
                     else None, lambda _m: None)
