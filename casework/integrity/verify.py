"""`verify`: the audit chain, every evidence file, and the indexes against the database."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from athar.casework.domain.entities import Side
from athar.casework.domain.errors import IndexCorruptError
from athar.casework.domain.permissions import Actor, Permission, require
from athar.casework.domain.ports import ModelInfo
from athar.casework.storage import audit_log
from athar.casework.storage.indexes import index_name
from athar.casework.storage.workspace import Workspace

VECTOR_TOLERANCE = 1e-6


@dataclass
class VerifyReport:
    """Findings of a verification; `ok` only when nothing is wrong."""

    events: int = 0
    photos: int = 0
    vectors: int = 0
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when no problem was found."""
        return not self.problems


def verify_workspace(ws: Workspace, actor: Actor) -> VerifyReport:
    """Check the chain, re-hash every evidence file, compare each index with the database.

    Raises:
        PermissionDenied: the actor may not verify.
    """
    require(actor, Permission.VERIFY)
    report = VerifyReport()
    with ws.uow() as uow:
        report.events, chain = audit_log.verify_chain(uow.session)
        report.problems += [f"audit event {p.seq}: {p.message}" for p in chain]
        hashes = uow.photos.all_hashes()
        model_sides = uow.faces.model_sides()
        no_vec, no_face = uow.faces.orphans()
    if no_vec:
        report.problems.append(f"{no_vec} face(s) have no embedding")
    if no_face:
        report.problems.append(f"{no_face} embedding(s) belong to no face")
    report.photos = len(hashes)
    for sha in hashes:
        wrong = ws.evidence.check(sha)
        if wrong is not None:
            report.problems.append(f"evidence file {sha}: {wrong}")
    strays = ws.evidence.stored_names() - {ws.evidence.name_of(h) for h in hashes}
    report.warnings += [f"evidence file {s} is not recorded in the database" for s in strays]
    for model_id, side, dim in model_sides:
        _check_index(ws, ModelInfo(model_id, dim), side, report)
    return report


def _check_index(ws: Workspace, model: ModelInfo, side: Side, report: VerifyReport) -> None:
    name = index_name(model.model_id, side)
    with ws.uow() as uow:
        ids, vectors = uow.faces.subject_vectors(model.model_id, side, model.dim)
    report.vectors += len(ids)
    try:
        index = ws.indexes.factory(str(ws.paths.index), name, model.model_id, model.dim,
                                   ws.indexes.sealer)
    except IndexCorruptError as exc:
        report.problems.append(f"index {name}: {exc}")
        return
    stored = index.ids()
    missing, extra = set(ids) - stored, stored - set(ids)
    if missing:
        report.problems.append(f"index {name}: {len(missing)} vector(s) of the database "
                               f"are missing (e.g. face {min(missing)})")
    if extra:
        report.problems.append(f"index {name}: {len(extra)} vector(s) not in the database "
                               f"(e.g. face {min(extra)})")
    common = [i for i in ids if i in stored]
    if common:
        position = {face_id: row for row, face_id in enumerate(ids)}
        expected = vectors[np.asarray([position[i] for i in common])]
        diff = np.abs(index.vectors(common) - expected).max(axis=1)
        bad = [common[i] for i in np.nonzero(diff > VECTOR_TOLERANCE)[0]]
        if bad:
            report.problems.append(f"index {name}: {len(bad)} vector(s) differ from the "
                                   f"database (e.g. face {bad[0]})")
