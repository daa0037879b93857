"""A workspace folder: the database, content-addressed evidence, index files and caches."""

from __future__ import annotations

import importlib.resources
import json
import logging
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event

from athar.casework.errors import WorkspaceError

logger = logging.getLogger(__name__)

MARKER = "athar-workspace.json"
FORMAT = 1
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
    location = importlib.resources.files("athar.casework") / "migrations"
    cfg.set_main_option("script_location", str(location))
    cfg.attributes["engine"] = engine
    return cfg


def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    # Autocommit at the driver level; SQLAlchemy's "begin" event below issues
    # BEGIN IMMEDIATE so that concurrent writers queue instead of failing mid-way.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys = ON")
    cur.execute("PRAGMA journal_mode = WAL")
    cur.execute("PRAGMA synchronous = FULL")
    cur.execute("PRAGMA busy_timeout = 30000")
    cur.close()


def make_engine(database: Path) -> Engine:
    """An engine on the workspace database with the safety pragmas set on every connection."""
    engine = create_engine(f"sqlite:///{database}")
    event.listen(engine, "connect", _on_connect)

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")

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


def init_workspace(root: Path) -> WorkspacePaths:
    """Create a new workspace in an empty (or absent) folder.

    Raises:
        WorkspaceError: the folder exists and is not empty.
    """
    paths = WorkspacePaths(root)
    if root.exists() and any(root.iterdir()):
        raise WorkspaceError(f"{root} is not empty: choose a new folder for the workspace")
    for folder in (root, paths.evidence, paths.index, paths.cache, paths.tmp):
        folder.mkdir(parents=True, exist_ok=True)
    engine = make_engine(paths.database)
    try:
        _upgrade(engine)
    finally:
        engine.dispose()
    paths.marker.write_text(json.dumps({"format": FORMAT, "app": "athar"}) + "\n")
    logger.info("workspace created at %s", root)
    return paths


def open_workspace(root: Path) -> tuple[WorkspacePaths, Engine]:
    """Open an existing workspace, upgrading its schema when it is older.

    Raises:
        WorkspaceError: the folder is not a workspace or is from a newer Athar.
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
    for folder in (paths.evidence, paths.index, paths.cache, paths.tmp):
        folder.mkdir(exist_ok=True)
    engine = make_engine(paths.database)
    if not schema_is_current(engine):
        logger.info("upgrading workspace schema at %s", root)
        _upgrade(engine)
    return paths, engine
