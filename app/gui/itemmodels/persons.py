"""Item model of the missing-persons list and its as-you-type filter."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from athar.app.gui import labels
from athar.app.gui.widgets.common import KEY_ROLE, NameFilter
from athar.casework.intake.persons import PersonSummary

ID_ROLE = Qt.ItemDataRole.UserRole + 1


FACE = 96


class PersonTableModel(QAbstractTableModel):
    """Missing persons as rows: label, Arabic name, Latin name, sex, born, photos, faces."""

    COLUMNS = 7

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[PersonSummary] = []

    def set_persons(self, rows: list[PersonSummary]) -> None:
        """Replace the rows."""
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()  # noqa: B008
                 ) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()  # noqa: B008
                    ) -> int:
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        names = (self.tr("Label"), self.tr("Name (Arabic)"), self.tr("Name (Latin)"),
                 self.tr("Sex"), self.tr("Born"), self.tr("Photos"), self.tr("Faces"))
        return names[section] if 0 <= section < len(names) else None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        p = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            values = (p.label, p.name_ar or "", p.name or "", labels.sex_name(p.sex),
                      p.born or "", str(p.photos), str(p.faces))
            return values[index.column()]
        if role == ID_ROLE:
            return p.id
        if role == KEY_ROLE:
            return p.key
        return None


class PersonFilter(NameFilter):
    """Keeps persons whose label or names contain what was typed (Arabic or Latin)."""
