"""Missing-person intake: registering a family's report by hand, audited; the persons
list and a person's record."""

from __future__ import annotations

from dataclasses import dataclass

from athar.casework.domain.commands import Command
from athar.casework.domain.dates import check_date
from athar.casework.domain.entities import MissingPerson
from athar.casework.domain.errors import InvalidRequest
from athar.casework.domain.events import AuditAction
from athar.casework.domain.permissions import Actor, Permission, PermissionDenied, require
from athar.casework.domain.text import clean_name, neutralise
from athar.casework.storage.repositories.records import (
    PERSON_FIELDS,
    PersonDetail,
    PersonSummary,
    SubmissionView,
)
from athar.casework.storage.uow import UnitOfWork, execute
from athar.casework.storage.workspace import Workspace

__all__ = ["PERSON_FIELDS", "AddPerson", "PersonDetail", "PersonSummary", "SubmissionView",
           "add_person", "check_date", "handle_add_person", "list_persons", "person_detail",
           "submissions_of"]

MANUAL_SOURCE = "manual entry"
SEXES = frozenset({"male", "female", "unknown"})


@dataclass(frozen=True)
class AddPerson(Command[tuple[int, str]]):
    """Command: register a missing person from a family's report."""

    name: str
    name_ar: str | None = None
    sex: str | None = None
    born: str | None = None
    label: str | None = None
    submitter: str | None = None
    contact: str | None = None
    """The submitter's contact: the most sensitive field; shown only to users granted it."""
    origin: str | None = None
    arrest_date: str | None = None
    arrest_place: str | None = None
    arresting_branch: str | None = None
    description: str | None = None
    known_marks: str | None = None
    """Scars, tattoos, dental work... as the family describes them."""
    father_name: str | None = None
    mother_name: str | None = None


MAX_TEXT = 4000
_SHORT_FIELDS = {"name": 300, "name_ar": 300, "born": 20, "label": 300, "submitter": 300,
                 "origin": 300, "arrest_date": 20, "arrest_place": 300,
                 "arresting_branch": 200, "father_name": 300, "mother_name": 300}
def _validate(cmd: AddPerson) -> None:
    for key, limit in _SHORT_FIELDS.items():
        value = getattr(cmd, key)
        if value is not None and len(value) > limit:
            raise InvalidRequest(f"{key}: longer than {limit} characters")
    for key in ("description", "known_marks", "contact"):
        value = getattr(cmd, key)
        if value is not None and len(value) > MAX_TEXT:
            raise InvalidRequest(f"{key}: longer than {MAX_TEXT} characters")
    for key in ("born", "arrest_date"):
        value = getattr(cmd, key)
        if value:
            check_date(key, value)


def _text(value: str | None) -> str | None:
    if value is None:
        return None
    return neutralise(value).strip() or None


def _short(value: str | None) -> str | None:
    return clean_name(value) or None if value else None


def handle_add_person(cmd: AddPerson, uow: UnitOfWork, actor: Actor) -> tuple[int, str]:
    """Create the MissingPerson; returns its id and (unique) label.

    Raises:
        PermissionDenied: the actor may not add persons, or gives a submitter's contact
            without the contact grant (writing it needs the same grant as reading it).
        InvalidRequest: empty name, unknown sex value, a date that does not exist.
    """
    require(actor, Permission.ADD_PERSON)
    if cmd.contact and cmd.contact.strip() and not actor.may(Permission.VIEW_CONTACT):
        raise PermissionDenied(
            f"{actor.username} may not record a submitter's contact details: that needs "
            "the contact grant (ask a supervisor, or leave the contact empty)")
    name = clean_name(cmd.name)
    if not name:
        raise InvalidRequest("--name must not be empty")
    if cmd.sex is not None and cmd.sex not in SEXES:
        raise InvalidRequest(f"--sex must be one of {', '.join(sorted(SEXES))}")
    _validate(cmd)
    label = uow.owners.unique_person_label(clean_name(cmd.label or name))
    name_ar = clean_name(cmd.name_ar) if cmd.name_ar else None
    person = uow.owners.add_person(MissingPerson(
        label=label, name=name, name_ar=name_ar, sex=cmd.sex, born=cmd.born,
        origin=_short(cmd.origin), arrest_date=cmd.arrest_date or None,
        arrest_place=_short(cmd.arrest_place),
        arresting_branch=_short(cmd.arresting_branch),
        description=_text(cmd.description), known_marks=_text(cmd.known_marks),
        father_name=_short(cmd.father_name), mother_name=_short(cmd.mother_name)))
    if cmd.submitter or cmd.contact:
        sub = uow.owners.submission(person, MANUAL_SOURCE)
        sub.submitter = clean_name(cmd.submitter) if cmd.submitter else None
        sub.contact = _text(cmd.contact)
    uow.record(AuditAction.PERSON_CREATE, "missing_person", person.id,
               {"label": label, "source": MANUAL_SOURCE, "contact_recorded": bool(cmd.contact)})
    uow.commit()
    return person.id, label


def add_person(ws: Workspace, cmd: AddPerson, actor: Actor) -> tuple[int, str]:
    """Create the MissingPerson in its own unit of work (see `handle_add_person`)."""
    return execute(ws, handle_add_person, cmd, actor)


HIDDEN = "(hidden: not permitted)"


def submissions_of(ws: Workspace, person_id: int, actor: Actor) -> list[SubmissionView]:
    """A person's submissions; the contact is shown only with the VIEW_CONTACT grant.

    Viewing a contact is itself audited, since it is the most sensitive field.
    """
    require(actor, Permission.SEARCH)
    may_see = actor.may(Permission.VIEW_CONTACT)
    with ws.uow(actor) as uow:
        person = uow.owners.person(person_id)
        views = [SubmissionView(s.id, s.submitter,
                                (s.contact if may_see else HIDDEN) if s.contact else None)
                 for s in person.submissions]
        if may_see and any(v.contact for v in views):
            uow.record(AuditAction.CONTACT_VIEW, "missing_person", person_id, {})
            uow.commit()
    return views


def list_persons(ws: Workspace, actor: Actor) -> list[PersonSummary]:
    """All missing persons by label, with photo and face counts."""
    require(actor, Permission.VIEW_RECORDS)
    with ws.uow() as uow:
        return uow.records.persons()


def person_detail(ws: Workspace, actor: Actor, person_id: int) -> PersonDetail:
    """The person's record and photos.

    Raises:
        NotFoundError: no such person.
    """
    require(actor, Permission.VIEW_RECORDS)
    with ws.uow() as uow:
        person = uow.owners.person(person_id)
        photos = uow.records.photos_of_person(person_id)
        return PersonDetail(person.id, person.label,
                            {k: getattr(person, k) for k in PERSON_FIELDS},
                            uow.records.photo_views(photos, ws.model.model_id))
