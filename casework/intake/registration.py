"""Registering a missing person with the family's photos: checked first, then filed.

One service for the command line and the desktop: the photos are checked before any
record is made (each must exist, be readable, be given once and not be filed already),
so a person is never created empty by accident; what the import of the photos then
reports (an undecodable file) is returned for the caller to show.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from athar.casework.domain.commands import Command
from athar.casework.domain.entities import Side
from athar.casework.domain.errors import InvalidRequest
from athar.casework.domain.imaging import MAX_FILE_BYTES
from athar.casework.domain.permissions import Actor, Permission, require
from athar.casework.intake.grouping import ImportItem
from athar.casework.intake.ingest import ImportPhotos, ImportReport, ProgressFn, handle_import
from athar.casework.intake.persons import MANUAL_SOURCE, AddPerson, handle_add_person
from athar.casework.storage.evidence import sha256_hex
from athar.casework.storage.uow import UnitOfWork, execute
from athar.casework.storage.workspace import Workspace


@dataclass(frozen=True)
class RegisterPerson(Command["Registration"]):
    """Command: a family's report and the photos they handed in."""

    person: AddPerson
    photos: tuple[Path, ...] = ()
    progress: ProgressFn | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Registration:
    """The new person and what became of each photo."""

    person_id: int
    label: str
    report: ImportReport | None
    """None when no photo was given."""

    @property
    def photos_filed(self) -> int:
        """Photos now in the person's record."""
        return 0 if self.report is None else self.report.filed


def _read(path: Path) -> bytes:
    if not path.exists():
        raise InvalidRequest(f"photo {path}: no such file; nothing was recorded")
    if not path.is_file():
        raise InvalidRequest(f"photo {path}: not a file; nothing was recorded")
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise InvalidRequest(f"photo {path}: cannot be read ({exc.strerror or exc}); "
                             "nothing was recorded") from exc
    if not data:
        raise InvalidRequest(f"photo {path}: empty file; nothing was recorded")
    if len(data) > MAX_FILE_BYTES:
        raise InvalidRequest(f"photo {path}: larger than {MAX_FILE_BYTES // 2**20} MiB; "
                             "nothing was recorded")
    return data


def check_photos(uow: UnitOfWork, photos: Sequence[Path]) -> None:
    """Refuse the whole registration when a photo cannot be filed under a new person.

    Raises:
        InvalidRequest: a file is missing, unreadable, empty, given twice, or its content
            is already filed under a Body or another person (named), so the new person
            would silently lack it.
    """
    seen: dict[str, Path] = {}
    for path in photos:
        sha = sha256_hex(_read(path))
        if sha in seen:
            raise InvalidRequest(f"photo {path}: same file as {seen[sha]} given earlier; "
                                 "give each photo once")
        seen[sha] = path
        photo = uow.photos.by_sha(sha)
        if photo is not None:
            raise InvalidRequest(
                f"photo {path}: this file is already in the workspace as photo "
                f"{photo.id}, filed under {uow.owners.filed_as(photo)}; a photo is "
                "filed once, so leave it out (nothing was recorded)")
        uow.release()


def handle_register_person(cmd: RegisterPerson, uow: UnitOfWork, actor: Actor
                           ) -> Registration:
    """Check the photos, create the MissingPerson, then file and analyse the photos.

    Raises:
        PermissionDenied, InvalidRequest: see `handle_add_person` and `check_photos`;
            nothing is recorded then.
    """
    require(actor, Permission.ADD_PERSON)
    photos = tuple(Path(os.path.abspath(p)) for p in cmd.photos)
    check_photos(uow, photos)
    person_id, label = handle_add_person(cmd.person, uow, actor)
    if not photos:
        return Registration(person_id, label, None)
    items = tuple(ImportItem(str(p), label) for p in photos)
    report = handle_import(
        ImportPhotos(photos[0].parent, Side.AM, workers=1, items=items, source=MANUAL_SOURCE,
                     into_person=person_id, progress=cmd.progress), uow, actor)
    return Registration(person_id, label, report)


def register_person(ws: Workspace, cmd: RegisterPerson, actor: Actor) -> Registration:
    """Register in its own unit of work (see `handle_register_person`)."""
    return execute(ws, handle_register_person, cmd, actor)
