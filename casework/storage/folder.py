"""A workspace folder: the database, content-addressed evidence, index files and caches."""

from __future__ import annotations

import importlib.resources
import json
import logging
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlcipher3 import dbapi2 as sqlcipher

from athar.casework.domain.errors import InvalidRequest, WorkspaceError
from athar.casework.storage.crypto import KdfParams, WorkspaceKeys, create_keyring, unlock

logger = logging.getLogger(__name__)

MARKER = "athar-workspace.json"
MIN_PASSPHRASE = 12
FORMAT = 2
"""2: encrypted at rest (SQLCipher database, AES-GCM files, passphrase-wrapped key)."""
DB_NAME = "athar.db"


@dataclass(frozen=True)
class WorkspacePaths:
    """The fixed layout of a workspace folder."""

    root: Path

    @property
    def marker(self) -> Path:
        """The file that says this folder is an Athar workspace."""
        return self.root / MARKER

    @property
    def database(self) -> Path:
        """The SQLite database."""
        return self.root / DB_NAME

    @property
    def evidence(self) -> Path:
        """Content-addressed originals, read-only."""
        return self.root / "evidence"

    @property
    def index(self) -> Path:
        """FAISS files: a cache rebuildable from the database."""
        return self.root / "index"

    @property
    def cache(self) -> Path:
        """Thumbnails and crops."""
        return self.root / "cache"

    @property
    def tmp(self) -> Path:
        """Scratch space on the same file system, for atomic renames."""
        return self.root / "tmp"


def _alembic_config(engine: Engine) -> Config:
    cfg = Config()
    location = importlib.resources.files("athar.casework.storage") / "migrations"
    cfg.set_main_option("script_location", str(location))
    cfg.attributes["engine"] = engine
    return cfg


READ_ONLY = "athar_read_only"
"""Execution option of an engine whose transactions only read (`read_only_engine`)."""


def read_only_engine(engine: Engine) -> Engine:
    """The same engine and pool, its transactions begun deferred (reads only)."""
    return engine.execution_options(**{READ_ONLY: True})


def make_engine(database: Path, key: bytes) -> Engine:
    """An engine on the encrypted workspace database, safety pragmas on every connection.

    Args:
        database: the SQLCipher file.
        key: the 32-byte raw database key (derived, never the passphrase itself, so a
            connection costs no key stretching).
    """

    def connect() -> Any:
        conn = sqlcipher.connect(str(database), timeout=30, check_same_thread=False)
        # Autocommit at the driver level; the "begin" listener issues BEGIN IMMEDIATE so
        # that concurrent writers queue instead of failing half-way.
        conn.isolation_level = None
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        for pragma in ("foreign_keys = ON", "journal_mode = WAL", "synchronous = FULL",
                       "busy_timeout = 30000", "secure_delete = ON"):
            conn.execute(f"PRAGMA {pragma}")
        return conn

    engine = create_engine(f"sqlite:///{database}", creator=connect)

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        # A read marked READ_ONLY begins deferred: under WAL it never waits for a writer,
        # so it can run while a use case in the same thread holds the write lock (the
        # indexes read the database when they are first opened).
        deferred = conn.get_execution_options().get(READ_ONLY, False)
        conn.exec_driver_sql("BEGIN" if deferred else "BEGIN IMMEDIATE")

    return engine


def _upgrade(engine: Engine) -> None:
    cfg = _alembic_config(engine)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def schema_is_current(engine: Engine) -> bool:
    """Whether the database is at the newest migration."""
    head = ScriptDirectory.from_config(_alembic_config(engine)).get_current_head()
    with engine.connect() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
    return bool(current == head)


def init_workspace(root: Path, passphrase: str,
                   kdf: KdfParams | None = None) -> WorkspacePaths:
    """Create a new, passphrase-locked workspace in an empty (or absent) folder.

    Raises:
        WorkspaceError: the folder exists and is not empty.
    """
    paths = WorkspacePaths(root)
    if root.exists() and any(root.iterdir()):
        raise WorkspaceError(f"{root} is not empty: choose a new folder for the workspace")
    if len(passphrase) < MIN_PASSPHRASE:
        raise InvalidRequest(f"a workspace passphrase needs at least {MIN_PASSPHRASE} characters")
    for folder in (root, paths.evidence, paths.index, paths.cache, paths.tmp):
        folder.mkdir(parents=True, exist_ok=True)
    keys = WorkspaceKeys.derive(create_keyring(root, passphrase, kdf or KdfParams()))
    engine = make_engine(paths.database, keys.database)
    try:
        _upgrade(engine)
    finally:
        engine.dispose()
    paths.marker.write_text(json.dumps({"format": FORMAT, "app": "athar"}) + "\n")
    logger.info("workspace created at %s", root)
    return paths


STALE_PART_S = 3600


def _remove_stale_parts(tmp: Path) -> None:
    """Drop half-written temp files a killed run left (sealed, never a final name)."""
    cutoff = time.time() - STALE_PART_S
    for part in tmp.glob("*.part"):
        try:
            if part.stat().st_mtime < cutoff:
                part.unlink()
        except OSError as exc:
            logger.warning("cannot remove stale temp file %s: %s", part.name, exc)


def open_workspace(root: Path, passphrase: str
                   ) -> tuple[WorkspacePaths, Engine, WorkspaceKeys]:
    """Unlock and open an existing workspace, upgrading its schema when it is older.

    Raises:
        WorkspaceError: the folder is not a workspace or is from another Athar version.
        WrongPassphrase: the passphrase does not unlock it (nothing is opened).
    """
    paths = WorkspacePaths(root)
    if not paths.marker.is_file() or not paths.database.is_file():
        raise WorkspaceError(f"{root} is not an Athar workspace (run `athar init` first)")
    try:
        fmt = json.loads(paths.marker.read_text()).get("format")
    except (OSError, ValueError) as exc:
        raise WorkspaceError(f"{paths.marker} is unreadable: {exc}") from exc
    if fmt != FORMAT:
        raise WorkspaceError(f"{root} has workspace format {fmt!r}; this Athar reads {FORMAT}")
    keys = WorkspaceKeys.derive(unlock(root, passphrase))
    for folder in (paths.evidence, paths.index, paths.cache, paths.tmp):
        folder.mkdir(exist_ok=True)
    _remove_stale_parts(paths.tmp)
    engine = make_engine(paths.database, keys.database)
    if not schema_is_current(engine):
        logger.info("upgrading workspace schema at %s", root)
        _upgrade(engine)
    return paths, engine, keys
