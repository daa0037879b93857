"""Recording distinctive marks: drawn on a photo of either side, or described by a family
for a missing person without a photo; edited with their history kept; withdrawn with a
reason, never removed.

Forensic examiners and supervisors annotate (`Permission.ANNOTATE`); everyone else sees
marks. Every step is one audit event with the old and new values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from athar.casework.domain import marks as vocab
from athar.casework.domain.commands import Command
from athar.casework.domain.entities import Mark, MarkRevision, Photo, Side, utcnow
from athar.casework.domain.errors import InvalidRequest, NotFoundError, RuleViolation
from athar.casework.domain.events import AuditAction
from athar.casework.domain.marks import Shape
from athar.casework.domain.permissions import Actor, Permission, require
from athar.casework.domain.text import neutralise
from athar.casework.marks.terms import index_terms
from athar.casework.storage.repositories.marks import mark_values
from athar.casework.storage.uow import UnitOfWork, execute
from athar.casework.storage.workspace import Workspace

MAX_TEXT = 4000
_SHA256 = re.compile(r"[0-9a-fA-F]{64}")


class MarkRefused(RuleViolation):
    """A change to a mark that the record does not allow (e.g. editing a withdrawn one)."""


@dataclass(frozen=True)
class AddMark(Command[int]):
    """Command: a mark drawn on a photo (`photo`: its id or its file's SHA-256)."""

    photo: str
    category: str
    location: str
    shape: Shape
    description: str | None = None


@dataclass(frozen=True)
class DescribeMark(Command[int]):
    """Command: a mark a family described for a missing person, without a photo.

    family_words: what the family said, verbatim (kept exactly as typed).
    """

    person_id: int
    category: str
    location: str
    description: str | None = None
    family_words: str | None = None


@dataclass(frozen=True)
class EditMark(Command[int]):
    """Command: change some of a mark's values (None leaves one as it is); returns the
    mark's new revision number."""

    mark_id: int
    category: str | None = None
    location: str | None = None
    shape: Shape | None = None
    description: str | None = None
    family_words: str | None = None
    reason: str | None = None


@dataclass(frozen=True)
class WithdrawMark(Command[None]):
    """Command: withdraw a mark recorded in error, with the reason (it stays visible)."""

    mark_id: int
    reason: str


def _text(value: str | None, what: str) -> str | None:
    if value is None:
        return None
    cleaned = neutralise(value).strip()
    if len(cleaned) > MAX_TEXT:
        raise InvalidRequest(f"the {what} is longer than {MAX_TEXT} characters")
    return cleaned or None


def resolve_photo(uow: UnitOfWork, ref: str) -> Photo:
    """The photo named by its id or by its original file's SHA-256.

    Raises:
        NotFoundError: no such photo (the message says how to list a record's photos).
    """
    ref = ref.strip()
    photo = None
    if ref.isdigit():
        photo = uow.photos.get(int(ref))
    elif _SHA256.fullmatch(ref):
        photo = uow.photos.by_sha(ref.lower())
    else:
        raise InvalidRequest(f"{ref!r} is neither a photo id nor a SHA-256 (64 hex digits)")
    if photo is None:
        raise NotFoundError(f"no photo {ref} (athar photos WS --body ID | --person ID lists "
                            "a record's photos)")
    return photo


def _shape_for(photo: Photo, shape: Shape) -> Shape:
    width, height = vocab.upright_size(photo.width, photo.height, photo.exif_orientation)
    return shape.validated(width, height)


def _mark_or_error(uow: UnitOfWork, mark_id: int) -> Mark:
    mark = uow.marks.get(mark_id)
    if mark is None:
        raise NotFoundError(f"no mark with id {mark_id} (athar mark list shows them)")
    return mark


def _history(uow: UnitOfWork, mark: Mark, action: str, actor: Actor,
             changes: dict[str, object] | None = None, reason: str | None = None) -> None:
    uow.marks.add_revision(MarkRevision(mark_id=mark.id, revision=mark.revision,
                                        action=action, values=mark_values(mark),
                                        changes=changes or {}, actor=actor.username,
                                        reason=reason))


def handle_add_mark(cmd: AddMark, uow: UnitOfWork, actor: Actor) -> int:
    """Record a mark drawn on a photo; returns its id.

    Raises:
        PermissionDenied: not an examiner or supervisor. NotFoundError: no such photo.
        InvalidRequest: unknown category or location, a region outside the photo, an
            empty or flat polygon.
    """
    require(actor, Permission.ANNOTATE)
    category = vocab.category(cmd.category)
    location = vocab.location(cmd.location)
    photo = resolve_photo(uow, cmd.photo)
    shape = _shape_for(photo, cmd.shape)
    description = _text(cmd.description, "description")
    mark = uow.marks.add(Mark(
        photo_id=photo.id, side=Side(photo.side), shape_kind=shape.kind.value,
        shape=list(shape.coords), category=category.value, location=location,
        description=description, terms=index_terms(category, location, description),
        created_by=actor.username, revision=1))
    _history(uow, mark, "create", actor)
    uow.record(AuditAction.MARK_ADD, "mark", mark.id, {
        "photo": photo.id, "side": photo.side, **mark_values(mark)})
    uow.commit()
    return mark.id


def handle_describe_mark(cmd: DescribeMark, uow: UnitOfWork, actor: Actor) -> int:
    """Record a mark a family described (no photo); returns its id.

    Raises:
        PermissionDenied, NotFoundError (no such person), InvalidRequest (unknown
        category or location, neither a description nor the family's words).
    """
    require(actor, Permission.ANNOTATE)
    category = vocab.category(cmd.category)
    location = vocab.location(cmd.location, described=True)
    person = uow.owners.person(cmd.person_id)
    description = _text(cmd.description, "description")
    words = None if cmd.family_words is None else neutralise(cmd.family_words).strip() or None
    if words is not None and len(words) > MAX_TEXT:
        raise InvalidRequest(f"the family's words are longer than {MAX_TEXT} characters")
    if description is None and words is None:
        raise InvalidRequest("a described mark needs a description or the family's words")
    mark = uow.marks.add(Mark(
        person_id=person.id, side=Side.AM, category=category.value, location=location,
        description=description, family_words=words,
        terms=index_terms(category, location, description, words),
        created_by=actor.username, revision=1))
    _history(uow, mark, "create", actor)
    uow.record(AuditAction.MARK_DESCRIBE, "mark", mark.id, {
        "person": person.id, **mark_values(mark)})
    uow.commit()
    return mark.id


def handle_edit_mark(cmd: EditMark, uow: UnitOfWork, actor: Actor) -> int:
    """Change a mark; the old and new values go to its history and the audit log.

    Raises:
        PermissionDenied, NotFoundError, InvalidRequest (bad values, nothing changed, a
        shape for a described mark), MarkRefused (the mark was withdrawn).
    """
    require(actor, Permission.ANNOTATE)
    mark = _mark_or_error(uow, cmd.mark_id)
    if mark.withdrawn_at is not None:
        raise MarkRefused(f"mark {mark.id} was withdrawn by {mark.withdrawn_by}: a withdrawn "
                          "mark is never changed; record a new one")
    described = mark.photo_id is None
    new: dict[str, object] = {}
    if cmd.category is not None:
        new["category"] = vocab.category(cmd.category).value
    if cmd.location is not None:
        new["location"] = vocab.location(cmd.location, described=described)
    if cmd.description is not None:
        new["description"] = _text(cmd.description, "description")
    if cmd.family_words is not None:
        if not described:
            raise InvalidRequest("the family's words belong to a described mark, not to a "
                                 "mark on a photo")
        new["family_words"] = neutralise(cmd.family_words).strip() or None
    if cmd.shape is not None:
        if described:
            raise InvalidRequest(f"mark {mark.id} was described without a photo: it has no "
                                 "region to change")
        photo = uow.photos.get(mark.photo_id or 0)
        assert photo is not None
        shape = _shape_for(photo, cmd.shape)
        new["shape_kind"], new["shape"] = shape.kind.value, list(shape.coords)
    before = mark_values(mark)
    for key, value in new.items():
        setattr(mark, key, value)
    after = mark_values(mark)
    changes: dict[str, object] = {k: [before[k], after[k]] for k in after
                                  if before[k] != after[k]}
    if not changes:
        raise InvalidRequest(f"nothing to change: mark {mark.id} already says this")
    mark.terms = index_terms(mark.category, mark.location, mark.description,
                             mark.family_words)
    mark.revision += 1
    mark.updated_by, mark.updated_at = actor.username, utcnow()
    reason = _text(cmd.reason, "reason")
    _history(uow, mark, "edit", actor, changes, reason)
    uow.record(AuditAction.MARK_EDIT, "mark", mark.id, {
        "revision": mark.revision, "changes": changes, "reason": reason})
    uow.commit()
    return mark.revision


def handle_withdraw_mark(cmd: WithdrawMark, uow: UnitOfWork, actor: Actor) -> None:
    """Withdraw a mark: it leaves searches and comparisons and stays in the record with
    who withdrew it, when and why.

    Raises:
        PermissionDenied, NotFoundError, InvalidRequest (no reason), MarkRefused (already
        withdrawn).
    """
    require(actor, Permission.ANNOTATE)
    reason = _text(cmd.reason, "reason")
    if reason is None:
        raise InvalidRequest("withdrawing a mark needs a written reason")
    mark = _mark_or_error(uow, cmd.mark_id)
    if mark.withdrawn_at is not None:
        raise MarkRefused(f"mark {mark.id} was already withdrawn by {mark.withdrawn_by}")
    mark.withdrawn_by, mark.withdrawn_at, mark.withdraw_reason = (actor.username, utcnow(),
                                                                  reason)
    mark.revision += 1
    _history(uow, mark, "withdraw", actor, reason=reason)
    uow.record(AuditAction.MARK_WITHDRAW, "mark", mark.id, {
        "revision": mark.revision, "reason": reason, **mark_values(mark)})
    uow.commit()


def add_mark(ws: Workspace, cmd: AddMark, actor: Actor) -> int:
    """Record a drawn mark in its own unit of work (see `handle_add_mark`)."""
    return execute(ws, handle_add_mark, cmd, actor)


def describe_mark(ws: Workspace, cmd: DescribeMark, actor: Actor) -> int:
    """Record a described mark in its own unit of work (see `handle_describe_mark`)."""
    return execute(ws, handle_describe_mark, cmd, actor)


def edit_mark(ws: Workspace, cmd: EditMark, actor: Actor) -> int:
    """Edit a mark in its own unit of work (see `handle_edit_mark`)."""
    return execute(ws, handle_edit_mark, cmd, actor)


def withdraw_mark(ws: Workspace, cmd: WithdrawMark, actor: Actor) -> None:
    """Withdraw a mark in its own unit of work (see `handle_withdraw_mark`)."""
    execute(ws, handle_withdraw_mark, cmd, actor)
