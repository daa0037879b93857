"""candidate pooled faces' score (the search's rank rule since issue 17's faces-tune check)

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06 21:30:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Nullable: candidates stored before were ranked with the mean faces' cosine (or the
    # best pair alone); their ranked score keeps that rule.
    with op.batch_alter_table("candidate") as batch:
        batch.add_column(sa.Column("score_pooled", sa.Float(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("candidate") as batch:
        batch.drop_column("score_pooled")
