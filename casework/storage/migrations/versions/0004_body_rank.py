"""candidate rank in the Body's list; the folder an imported submission came from

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 21:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Until now a PM→AM search wrote its ranks into `rank`, the person's list. Which rows
    # were written that way cannot be told afterwards, so the existing ranks are left as
    # they are (the next search of each person recomputes them) and body_rank starts empty.
    with op.batch_alter_table("candidate") as batch:
        batch.add_column(sa.Column("body_rank", sa.Integer(), nullable=True))
    with op.batch_alter_table("submission") as batch:
        batch.add_column(sa.Column("source_key", sa.String(300), nullable=True))
    # Before this revision an imported folder went to the person labelled like the folder,
    # so an imported submission's folder is its person's label.
    op.execute(
        "UPDATE submission SET source_key = (SELECT label FROM missing_person "
        "WHERE missing_person.id = submission.person_id) WHERE source_label LIKE 'import:%'"
    )


def downgrade() -> None:
    # Not a batch (table copy): photo rows reference submission, and SQLite (3.35+) drops
    # a column in place.
    op.execute("ALTER TABLE submission DROP COLUMN source_key")
    with op.batch_alter_table("candidate") as batch:
        batch.drop_column("body_rank")
