"""documented-victims lists (imports and records) and the parents' names of a missing
person

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 00:30:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("missing_person") as batch:
        batch.add_column(sa.Column("father_name", sa.String(length=300), nullable=True))
        batch.add_column(sa.Column("mother_name", sa.String(length=300), nullable=True))
    op.create_table(
        "victim_import",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.String(length=400), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("imported_by", sa.String(length=80), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("rows", sa.Integer(), nullable=False),
        sa.Column("added", sa.Integer(), nullable=False),
        sa.Column("errors", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "victim_record",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.String(length=120), nullable=False),
        sa.Column("import_id", sa.Integer(), sa.ForeignKey("victim_import.id"),
                  nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("father_name", sa.String(length=300), nullable=True),
        sa.Column("mother_name", sa.String(length=300), nullable=True),
        sa.Column("birth", sa.String(length=20), nullable=True),
        sa.Column("origin", sa.String(length=300), nullable=True),
        sa.Column("arrest_date", sa.String(length=20), nullable=True),
        sa.Column("death_date", sa.String(length=20), nullable=True),
        sa.Column("death_place", sa.String(length=300), nullable=True),
        sa.Column("first_key", sa.String(length=80), nullable=False),
        sa.Column("last_key", sa.String(length=80), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("source_id"),
    )
    for column in ("import_id", "first_key", "last_key"):
        op.create_index(f"ix_victim_record_{column}", "victim_record", [column])


def downgrade() -> None:
    op.drop_table("victim_record")
    op.drop_table("victim_import")
    # SQLite drops a column in place (3.35+): copying the table would drop and recreate
    # a table that submissions and candidates reference, which foreign keys refuse.
    with op.batch_alter_table("missing_person", recreate="never") as batch:
        batch.drop_column("mother_name")
        batch.drop_column("father_name")
