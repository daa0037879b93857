"""a Body's forensic estimates (sex, age range) and the date of death on a certificate

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02 00:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("body") as batch:
        batch.add_column(sa.Column("est_sex", sa.String(length=10), nullable=True))
        batch.add_column(sa.Column("est_age_min", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("est_age_max", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("death_date", sa.String(length=20), nullable=True))


def downgrade() -> None:
    # in place (SQLite 3.35+): a copied table would be dropped under its references
    with op.batch_alter_table("body", recreate="never") as batch:
        for column in ("death_date", "est_age_max", "est_age_min", "est_sex"):
            batch.drop_column(column)
