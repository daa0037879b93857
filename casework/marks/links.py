"""Links between an ante-mortem mark (on a family photo or described) and a post-mortem
mark: an examiner's judgement that they correspond, are similar, or do not correspond.

Like reviews, links are never edited: a later link of the same pair, with its own note,
supersedes the earlier one, and both stay in the record.
"""

from __future__ import annotations

from dataclasses import dataclass

from athar.casework.domain.commands import Command
from athar.casework.domain.entities import Mark, MarkLink, Side
from athar.casework.domain.errors import InvalidRequest, NotFoundError
from athar.casework.domain.events import AuditAction
from athar.casework.domain.marks import LinkRelation
from athar.casework.domain.permissions import Actor, Permission, require
from athar.casework.domain.text import neutralise
from athar.casework.marks.annotate import MAX_TEXT, MarkRefused
from athar.casework.storage.uow import UnitOfWork, execute
from athar.casework.storage.workspace import Workspace


@dataclass(frozen=True)
class LinkMarks(Command[int]):
    """Command: judge an ante-mortem mark against a post-mortem one, with a note."""

    am_mark_id: int
    pm_mark_id: int
    relation: str
    note: str


def _relation(value: str) -> LinkRelation:
    try:
        return LinkRelation(value.strip().lower())
    except ValueError:
        raise InvalidRequest(f"unknown link {value!r}: one of "
                             f"{', '.join(r.value for r in LinkRelation)}") from None


def _linkable(uow: UnitOfWork, mark_id: int, side: Side) -> Mark:
    mark = uow.marks.get(mark_id)
    if mark is None:
        raise NotFoundError(f"no mark with id {mark_id} (athar mark list shows them)")
    if mark.side != side:
        which = "first" if side is Side.AM else "second"
        raise InvalidRequest(f"mark {mark_id} is a {Side(mark.side).value.upper()} mark: the "
                             f"{which} mark of a link must be {side.value.upper()} "
                             "(ante-mortem first, then post-mortem)")
    if mark.withdrawn_at is not None:
        raise MarkRefused(f"mark {mark_id} was withdrawn by {mark.withdrawn_by} "
                          f"({mark.withdraw_reason}): it cannot be linked")
    return mark


def handle_link_marks(cmd: LinkMarks, uow: UnitOfWork, actor: Actor) -> int:
    """Record the link; returns its id.

    Raises:
        PermissionDenied: not an examiner or supervisor. NotFoundError: no such mark.
        InvalidRequest: sides swapped, unknown relation, no note, the same link again.
        MarkRefused: a withdrawn mark.
    """
    require(actor, Permission.ANNOTATE)
    relation = _relation(cmd.relation)
    note = neutralise(cmd.note).strip()
    if not note:
        raise InvalidRequest("a link needs a note: say what you compared")
    if len(note) > MAX_TEXT:
        raise InvalidRequest(f"the note is longer than {MAX_TEXT} characters")
    am = _linkable(uow, cmd.am_mark_id, Side.AM)
    pm = _linkable(uow, cmd.pm_mark_id, Side.PM)
    before = uow.marks.latest_link(am.id, pm.id)
    if before is not None and before.relation == relation and before.note == note:
        raise InvalidRequest(f"marks {am.id} and {pm.id} are already linked as "
                             f"{relation.value} with this note (link {before.id})")
    link = uow.marks.add_link(MarkLink(
        am_mark_id=am.id, pm_mark_id=pm.id, relation=relation.value, note=note,
        author_id=actor.user_id, author=actor.username,
        supersedes_id=before.id if before else None))
    uow.record(AuditAction.MARK_LINK, "mark_link", link.id, {
        "am_mark": am.id, "pm_mark": pm.id, "relation": relation.value, "note": note,
        "supersedes": link.supersedes_id,
        "previous_relation": before.relation if before else None})
    uow.commit()
    return link.id


def link_marks(ws: Workspace, cmd: LinkMarks, actor: Actor) -> int:
    """Record a link in its own unit of work (see `handle_link_marks`)."""
    return execute(ws, handle_link_marks, cmd, actor)
