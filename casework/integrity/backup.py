"""Consistent backups of a running workspace, restore, and passphrase change."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from athar.casework.domain.commands import Command
from athar.casework.domain.entities import Side
from athar.casework.domain.errors import InvalidRequest, WorkspaceError
from athar.casework.domain.events import AuditAction
from athar.casework.domain.permissions import Actor, Permission, require
from athar.casework.storage.crypto import KEYRING, keyring_params, unlock, write_keyring
from athar.casework.storage.folder import (
    DB_NAME,
    MARKER,
    MIN_PASSPHRASE,
    WorkspacePaths,
    make_engine,
)
from athar.casework.storage.uow import UnitOfWork, execute
from athar.casework.storage.workspace import Workspace


def _empty_target(dest: Path) -> None:
    if dest.exists() and any(dest.iterdir()):
        raise InvalidRequest(f"{dest} is not empty: choose a new folder")
    dest.mkdir(parents=True, exist_ok=True)


@dataclass(frozen=True)
class Backup(Command[None]):
    """Command: a consistent copy of the workspace in a new folder."""

    dest: Path


@dataclass(frozen=True)
class ChangePassphrase(Command[None]):
    """Command: re-wrap the master key under a new passphrase."""

    old: str
    new: str


@dataclass(frozen=True)
class RebuildIndexes(Command[list[tuple[str, int, str]]]):
    """Command: rebuild every index of the current model from the database."""


def handle_backup(cmd: Backup, uow: UnitOfWork, actor: Actor) -> None:
    """Copy the workspace to `cmd.dest` while it may be in use.

    The database goes through SQLite's online backup API (a consistent snapshot, still
    encrypted with the same key); evidence files are copied after it, so every photo the
    snapshot knows has its file. Index files are caches, repaired on open if they lag.
    """
    require(actor, Permission.BACKUP)
    ws, dest = uow.ws, cmd.dest
    _empty_target(dest)
    target = WorkspacePaths(dest)
    uow.record(AuditAction.WORKSPACE_BACKUP, "workspace", "-", {"destination": str(dest)})
    uow.commit()
    src_engine = ws.engine
    dst_engine = make_engine(target.database, ws.keys.database)
    try:
        src_raw = src_engine.raw_connection()
        dst_raw = dst_engine.raw_connection()
        try:
            src_raw.driver_connection.backup(dst_raw.driver_connection)  # type: ignore[union-attr]
        finally:
            dst_raw.close()
            src_raw.close()
    finally:
        dst_engine.dispose()
    for name in (MARKER, KEYRING):
        shutil.copy2(ws.paths.root / name, dest / name)
    shutil.copytree(ws.paths.evidence, target.evidence, dirs_exist_ok=True)
    shutil.copytree(ws.paths.index, target.index, dirs_exist_ok=True)
    for folder in (target.cache, target.tmp):
        folder.mkdir(exist_ok=True)


def backup(ws: Workspace, dest: Path, actor: Actor) -> None:
    """Back up in its own unit of work (see `handle_backup`)."""
    execute(ws, handle_backup, Backup(dest), actor)


def restore(backup_dir: Path, dest: Path) -> None:
    """Copy a backup into a new folder (opening and verifying it is the caller's next step).

    Raises:
        WorkspaceError: the folder is not a backup of a workspace.
    """
    for required in (MARKER, KEYRING, DB_NAME):
        if not (backup_dir / required).is_file():
            raise WorkspaceError(f"{backup_dir} is not an Athar backup ({required} missing)")
    _empty_target(dest)
    shutil.copytree(backup_dir, dest, dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("*.part", "*-wal", "*-shm"))


def handle_change_passphrase(cmd: ChangePassphrase, uow: UnitOfWork, actor: Actor) -> None:
    """Re-wrap the master key under a new passphrase (no file is re-encrypted).

    Raises:
        WrongPassphrase: `old` is not the current passphrase.
        InvalidRequest: the new passphrase is too short.
    """
    require(actor, Permission.CHANGE_PASSPHRASE)
    if len(cmd.new) < MIN_PASSPHRASE:
        raise InvalidRequest(f"a workspace passphrase needs at least {MIN_PASSPHRASE} characters")
    root = uow.ws.paths.root
    master = unlock(root, cmd.old)
    write_keyring(root, master, cmd.new, keyring_params(root))
    uow.record(AuditAction.WORKSPACE_PASSPHRASE, "workspace", "-", {})
    uow.commit()


def change_passphrase(ws: Workspace, old: str, new: str, actor: Actor) -> None:
    """Change the passphrase in its own unit of work (see `handle_change_passphrase`)."""
    execute(ws, handle_change_passphrase, ChangePassphrase(old, new), actor)


def handle_rebuild_indexes(cmd: RebuildIndexes, uow: UnitOfWork, actor: Actor
                           ) -> list[tuple[str, int, str]]:
    """Rebuild every index of the current model from the database (audited).

    Returns:
        (side, vectors, version) for each rebuilt index.
    """
    del cmd
    require(actor, Permission.IMPORT)
    ws = uow.ws
    done = []
    for side in Side:
        index = ws.indexes.rebuild(ws.model, side)
        done.append((side.value, len(index), index.version()))
    uow.record(AuditAction.INDEX_REBUILD, "index", ws.model.model_id,
               {"indexes": [list(d) for d in done]})
    uow.commit()
    return done


def rebuild_indexes(ws: Workspace, actor: Actor) -> list[tuple[str, int, str]]:
    """Rebuild in its own unit of work (see `handle_rebuild_indexes`)."""
    return execute(ws, handle_rebuild_indexes, RebuildIndexes(), actor)
