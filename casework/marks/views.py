"""Reading marks: a photo's, a Body's or a person's, one mark with its history, and the
links between them (every role sees marks; only examiners and supervisors change them)."""

from __future__ import annotations

from dataclasses import dataclass

from athar.casework.domain.errors import InvalidRequest, NotFoundError
from athar.casework.domain.permissions import Actor, Permission, require
from athar.casework.marks.annotate import resolve_photo
from athar.casework.storage.repositories.marks import LinkView, MarkView, RevisionView
from athar.casework.storage.workspace import Workspace


@dataclass(frozen=True)
class MarkList:
    """Marks with the links that touch them."""

    marks: tuple[MarkView, ...]
    links: tuple[LinkView, ...]
    """Every link of these marks, oldest first (superseded ones marked `current=False`)."""


def marks_of(ws: Workspace, actor: Actor, *, photo: str | None = None,
             body_id: int | None = None, person_id: int | None = None,
             include_withdrawn: bool = True) -> MarkList:
    """The marks of one photo (id or SHA-256), one Body or one person (their photos'
    and the described ones), withdrawn ones included unless asked otherwise.

    Raises:
        PermissionDenied, NotFoundError, InvalidRequest (not exactly one of the three).
    """
    require(actor, Permission.VIEW_RECORDS)
    if sum(x is not None for x in (photo, body_id, person_id)) != 1:
        raise InvalidRequest("name exactly one of a photo, a Body or a missing person")
    with ws.uow(actor) as uow:
        if photo is not None:
            found = resolve_photo(uow, photo)
            marks = uow.marks.views(photo_ids=[found.id], include_withdrawn=include_withdrawn)
        elif body_id is not None:
            uow.owners.get_body(body_id)
            marks = uow.marks.views(body_id=body_id, include_withdrawn=include_withdrawn)
        else:
            assert person_id is not None
            uow.owners.person(person_id)
            marks = uow.marks.views(person_id=person_id, include_withdrawn=include_withdrawn)
        links = uow.marks.links([m.id for m in marks])
    return MarkList(tuple(marks), tuple(links))


def marks_by_id(ws: Workspace, actor: Actor, mark_ids: list[int]) -> list[MarkView]:
    """Marks by id (those that exist), in id order."""
    require(actor, Permission.VIEW_RECORDS)
    with ws.uow(actor) as uow:
        return uow.marks.views(mark_ids=mark_ids)


@dataclass(frozen=True)
class MarkDetail:
    """One mark, its history and its links."""

    mark: MarkView
    history: tuple[RevisionView, ...]
    links: tuple[LinkView, ...]


def mark_detail(ws: Workspace, actor: Actor, mark_id: int) -> MarkDetail:
    """A mark with its history (every create, edit and withdrawal) and links.

    Raises:
        PermissionDenied, NotFoundError.
    """
    require(actor, Permission.VIEW_RECORDS)
    with ws.uow(actor) as uow:
        views = uow.marks.views(mark_ids=[mark_id])
        if not views:
            raise NotFoundError(f"no mark with id {mark_id} (athar mark list shows them)")
        return MarkDetail(views[0], tuple(uow.marks.revisions(mark_id)),
                          tuple(uow.marks.links([mark_id])))
