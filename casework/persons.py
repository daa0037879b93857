"""Missing-person intake: creating a MissingPerson by hand, audited."""

from __future__ import annotations

from dataclasses import dataclass

from athar.casework import audit
from athar.casework.accounts import Actor, Permission, require
from athar.casework.context import Workspace
from athar.casework.entities import MissingPerson
from athar.casework.errors import InvalidRequest
from athar.casework.text import clean_name

SEXES = frozenset({"male", "female", "unknown"})


@dataclass(frozen=True)
class AddPerson:
    """Command: register a missing person from a family's report."""

    name: str
    name_ar: str | None = None
    sex: str | None = None
    born: str | None = None
    label: str | None = None


def _unique_label(ws: Workspace, wanted: str) -> str:
    with ws.uow() as uow:
        label, n = wanted, 1
        while uow.owners.person_by_label(label) is not None:
            n += 1
            label = f"{wanted} #{n}"
    return label


def add_person(ws: Workspace, cmd: AddPerson, actor: Actor) -> tuple[int, str]:
    """Create the MissingPerson; returns its id and (unique) label.

    Raises:
        PermissionDenied: the actor may not add persons.
        InvalidRequest: empty name, unknown sex value.
    """
    require(actor, Permission.ADD_PERSON)
    name = clean_name(cmd.name)
    if not name:
        raise InvalidRequest("--name must not be empty")
    if cmd.sex is not None and cmd.sex not in SEXES:
        raise InvalidRequest(f"--sex must be one of {', '.join(sorted(SEXES))}")
    label = _unique_label(ws, clean_name(cmd.label or name))
    name_ar = clean_name(cmd.name_ar) if cmd.name_ar else None
    with ws.uow() as uow:
        person = MissingPerson(label=label, name=name, name_ar=name_ar, sex=cmd.sex,
                               born=cmd.born)
        uow.session.add(person)
        uow.session.flush()
        audit.record(uow.session, actor.username, "person.create", "missing_person", person.id,
                     {"label": label, "source": "manual entry"})
        uow.commit()
        return person.id, label
