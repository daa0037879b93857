"""A Body's forensic estimates: sex, an age range at death, and the date of death on a
death certificate where one is recorded. Recorded by forensic examiners (and
supervisors); each change audited with its old and new values. The consistency checks
compare them with what the family told (casework.checks)."""

from __future__ import annotations

from dataclasses import dataclass

from athar.casework.domain.commands import Command
from athar.casework.domain.dates import check_date
from athar.casework.domain.errors import InvalidRequest
from athar.casework.domain.events import AuditAction
from athar.casework.domain.permissions import Actor, Permission, require
from athar.casework.storage.uow import UnitOfWork, execute
from athar.casework.storage.workspace import Workspace

SEXES = ("male", "female", "unknown")
MAX_AGE = 110
CLEAR = ""
"""Give this to clear a field."""


@dataclass(frozen=True)
class RecordEstimates(Command[dict[str, list[object]]]):
    """Command: set some of a Body's estimates (None leaves one as it is, "" clears it)."""

    body_id: int
    est_sex: str | None = None
    est_age_min: int | str | None = None
    est_age_max: int | str | None = None
    death_date: str | None = None


def _age(name: str, value: int | str | None) -> int | None | str:
    """The age given, None to clear, or "keep" when not given."""
    if value is None:
        return "keep"
    if value == CLEAR:
        return None
    try:
        age = int(value)
    except (TypeError, ValueError):
        raise InvalidRequest(f"{name}: «{value}» is not a whole number of years") from None
    if not 0 <= age <= MAX_AGE:
        raise InvalidRequest(f"{name}: {age} is outside 0-{MAX_AGE} years")
    return age


def handle_record_estimates(cmd: RecordEstimates, uow: UnitOfWork, actor: Actor
                            ) -> dict[str, list[object]]:
    """Apply the estimates; returns {field: [old, new]} for what changed (audited).

    Raises:
        PermissionDenied: not an examiner or supervisor. NotFoundError: no such Body.
        InvalidRequest: an unknown sex, an age outside 0-110 or a range whose lower end
            lies above its upper end, a date that is not one.
    """
    require(actor, Permission.ANNOTATE)
    body = uow.owners.get_body(cmd.body_id)
    new: dict[str, object] = {}
    if cmd.est_sex is not None:
        sex = cmd.est_sex.strip().lower()
        if sex and sex not in SEXES:
            raise InvalidRequest(f"est_sex: «{cmd.est_sex}» is not one of {', '.join(SEXES)}")
        new["est_sex"] = sex or None
    for name in ("est_age_min", "est_age_max"):
        age = _age(name, getattr(cmd, name))
        if age != "keep":
            new[name] = age
    if cmd.death_date is not None:
        if cmd.death_date.strip():
            check_date("death_date", cmd.death_date.strip())
        new["death_date"] = cmd.death_date.strip() or None
    low = new.get("est_age_min", body.est_age_min)
    high = new.get("est_age_max", body.est_age_max)
    if isinstance(low, int) and isinstance(high, int) and low > high:
        raise InvalidRequest(f"the age range {low}-{high} runs backwards: the lower age "
                             "comes first")
    changed = {k: [getattr(body, k), v] for k, v in new.items() if getattr(body, k) != v}
    for key, (_old, value) in changed.items():
        setattr(body, key, value)
    if changed:
        uow.record(AuditAction.BODY_ESTIMATES, "body", body.id,
                   {"label": body.label, "changes": changed})
        uow.commit()
    return changed


def record_estimates(ws: Workspace, cmd: RecordEstimates, actor: Actor
                     ) -> dict[str, list[object]]:
    """Record estimates in their own unit of work (see `handle_record_estimates`)."""
    return execute(ws, handle_record_estimates, cmd, actor)
