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
    submitter: str | None = None
    contact: str | None = None
    """The submitter's contact: the most sensitive field; shown only to users granted it."""


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
        if cmd.submitter or cmd.contact:
            sub = uow.owners.submission(person, "manual entry")
            sub.submitter = clean_name(cmd.submitter) if cmd.submitter else None
            sub.contact = cmd.contact
        audit.record(uow.session, actor.username, "person.create", "missing_person", person.id,
                     {"label": label, "source": "manual entry",
                      "contact_recorded": bool(cmd.contact)})
        uow.commit()
        return person.id, label


HIDDEN = "(hidden: not permitted)"


@dataclass(frozen=True)
class SubmissionView:
    """A submission as a given user may see it."""

    submission_id: int
    submitter: str | None
    contact: str | None


def submissions_of(ws: Workspace, person_id: int, actor: Actor) -> list[SubmissionView]:
    """A person's submissions; the contact is shown only with the VIEW_CONTACT grant.

    Viewing a contact is itself audited, since it is the most sensitive field.
    """
    require(actor, Permission.SEARCH)
    may_see = actor.may(Permission.VIEW_CONTACT)
    with ws.uow() as uow:
        person = uow.owners.person(person_id)
        views = [SubmissionView(s.id, s.submitter,
                                (s.contact if may_see else HIDDEN) if s.contact else None)
                 for s in person.submissions]
        if may_see and any(v.contact for v in views):
            audit.record(uow.session, actor.username, "contact.view", "missing_person",
                         person_id, {})
            uow.commit()
    return views
