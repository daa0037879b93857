"""candidate score of the two owners' mean faces

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29 11:05:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Nullable: candidates stored before were ranked by their best pair alone.
    with op.batch_alter_table("candidate") as batch:
        batch.add_column(sa.Column("score_mean_faces", sa.Float(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("candidate") as batch:
        batch.drop_column("score_mean_faces")
