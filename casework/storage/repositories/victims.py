"""Documented-victims lists: their imports and records."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from athar.casework.domain.entities import VictimImport, VictimRecord


class VictimRepository:
    """Imports and records of documented-victims lists (a record is never overwritten)."""

    def __init__(self, session: Session) -> None:
        self._s = session

    def source_ids(self) -> set[str]:
        """Every source id already imported."""
        return {str(s) for s in self._s.scalars(select(VictimRecord.source_id))}

    def add_import(self, row: VictimImport) -> VictimImport:
        """Record an import."""
        self._s.add(row)
        self._s.flush()
        return row

    def add_records(self, import_id: int, records: list[VictimRecord]) -> None:
        """Insert the records of one import."""
        for r in records:
            r.import_id = import_id
        self._s.add_all(records)
        self._s.flush()

    def records(self) -> list[VictimRecord]:
        """Every record, by id."""
        return list(self._s.scalars(select(VictimRecord).order_by(VictimRecord.id)))

    def imports(self) -> list[VictimImport]:
        """Every import, oldest first."""
        return list(self._s.scalars(select(VictimImport).order_by(VictimImport.id)))
