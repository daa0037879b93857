"""Alembic environment: runs on the connection the workspace hands over."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

from athar.casework.domain.entities import Base

target_metadata = Base.metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    """Use the caller's connection; fall back to the configured URL for the alembic CLI."""
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = context.config.get_main_option("sqlalchemy.url")
    if not url:
        raise RuntimeError("no connection or sqlalchemy.url given to the migration")
    with create_engine(url).connect() as conn:
        _run(conn)


run_migrations_online()
