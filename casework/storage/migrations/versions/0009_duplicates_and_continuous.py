"""post-mortem duplicates (body relations: merges, fragments, distinct), the query of each
search run, and when a candidate was first proposed

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 03:40:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "body_relation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("body_id", sa.Integer(), sa.ForeignKey("body.id"), nullable=False),
        sa.Column("other_body_id", sa.Integer(), sa.ForeignKey("body.id"), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("evidence", sa.JSON(), nullable=False),
        sa.Column("created_by", sa.String(length=80), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("undone_by", sa.String(length=80), nullable=True),
        sa.Column("undone_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("undo_reason", sa.Text(), nullable=True),
        sa.CheckConstraint("body_id <> other_body_id", name="two_bodies"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_body_relation_body_id", "body_relation", ["body_id"])
    op.create_index("ix_body_relation_other_body_id", "body_relation", ["other_body_id"])
    # add columns in place: copying these tables would drop tables others reference
    with op.batch_alter_table("search_run", recreate="never") as batch:
        batch.add_column(sa.Column("query_side", sa.String(length=4), nullable=True))
        batch.add_column(sa.Column("query_id", sa.Integer(), nullable=True))
    op.create_index("ix_search_run_query_side", "search_run", ["query_side"])
    op.create_index("ix_search_run_query_id", "search_run", ["query_id"])
    with op.batch_alter_table("candidate", recreate="never") as batch:
        batch.add_column(sa.Column("created_at", sa.DateTime(timezone=True), nullable=True))
    # a pair stored before: first proposed no later than its last update
    op.execute("UPDATE candidate SET created_at = updated_at WHERE created_at IS NULL")


def downgrade() -> None:
    with op.batch_alter_table("candidate", recreate="never") as batch:
        batch.drop_column("created_at")
    op.drop_index("ix_search_run_query_id", "search_run")
    op.drop_index("ix_search_run_query_side", "search_run")
    with op.batch_alter_table("search_run", recreate="never") as batch:
        batch.drop_column("query_id")
        batch.drop_column("query_side")
    op.drop_index("ix_body_relation_other_body_id", "body_relation")
    op.drop_index("ix_body_relation_body_id", "body_relation")
    op.drop_table("body_relation")
