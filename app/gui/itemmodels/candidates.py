"""Item model of a person's ranked Candidates (read model rows, face crops from the cache)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from athar.app.gui import labels
from athar.app.gui.thumbnails import PictureKey, ThumbnailCache
from athar.app.gui.widgets.common import SCORE_ROLE
from athar.casework.matching.candidates import CandidateView

FACE = 88


BODY_ROLE = Qt.ItemDataRole.UserRole + 1


COL_RANK, COL_AM, COL_PM, COL_BODY, COL_SCORE, COL_STATE = range(6)


class CandidateTableModel(QAbstractTableModel):
    """Ranked Candidates of one person; face crops come from the thumbnail cache."""

    def __init__(self, thumbs: ThumbnailCache) -> None:
        super().__init__()
        self.thumbs = thumbs
        self._rows: list[CandidateView] = []
        thumbs.ready.connect(self._picture_ready)

    def set_candidates(self, rows: list[CandidateView]) -> None:
        """Replace the rows."""
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def candidate(self, row: int) -> CandidateView:
        """The Candidate of a row."""
        return self._rows[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()  # noqa: B008
                 ) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()  # noqa: B008
                    ) -> int:
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        names = (self.tr("Rank"), self.tr("Family photo"), self.tr("Post-mortem face"),
                 self.tr("Body"), self.tr("Score (best pair and mean faces)"),
                 self.tr("Review state"))
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
                return flag + labels.state_name(c.state)
            if col == COL_SCORE and c.score is None:
                return self.tr("hidden until you decide")
            return None
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_STATE and c.attention:
            return c.attention
        if role == Qt.ItemDataRole.DecorationRole and col in (COL_AM, COL_PM):
            face = c.am_face_id if col == COL_AM else c.pm_face_id
            return self.thumbs.get(PictureKey("face", face, FACE))
        if role == SCORE_ROLE and col == COL_SCORE:
            return c.score
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_SCORE:
            if c.best is None or c.score_mean3 is None:
                return self.tr("Blind review: the scores are shown once you have recorded "
                               "your own review of this pair")
            if c.mean_faces is None:
                return self.tr("Best pair %1, mean of best three %2 (cosine similarity; "
                               "stored before mean faces)").replace(
                    "%1", f"{c.best:.3f}").replace("%2", f"{c.score_mean3:.3f}")
            return self.tr("Mean of best pair %1 and mean faces %2; mean of best three "
                           "pairs %3 (cosine similarity)").replace(
                "%1", f"{c.best:.3f}").replace("%2", f"{c.mean_faces:.3f}").replace(
                "%3", f"{c.score_mean3:.3f}")
        if role == BODY_ROLE:
            return c.body_id
        if role == Qt.ItemDataRole.TextAlignmentRole and col == COL_RANK:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _picture_ready(self, key: object) -> None:
        if not isinstance(key, PictureKey) or key.kind != "face":
            return
        for row, c in enumerate(self._rows):
            if key.id in (c.am_face_id, c.pm_face_id):
                col = COL_AM if key.id == c.am_face_id else COL_PM
                idx = self.index(row, col)
                self.dataChanged.emit(idx, idx, [Qt.ItemDataRole.DecorationRole])
