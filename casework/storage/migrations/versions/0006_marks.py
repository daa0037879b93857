"""distinctive marks on photos and described by families, their history, and the links
examiners record between ante-mortem and post-mortem marks

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01 23:30:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# Marks are never removed (a withdrawal is recorded with its reason) and a withdrawn mark
# never changes again; a mark's history and the links are never changed or removed.
TRIGGERS = {
    "mark_never_deleted":
        "BEFORE DELETE ON mark BEGIN SELECT RAISE(ABORT, "
        "'a mark is never deleted: withdraw it with a reason'); END",
    "mark_withdrawn_final":
        "BEFORE UPDATE ON mark WHEN OLD.withdrawn_at IS NOT NULL BEGIN SELECT RAISE(ABORT, "
        "'a withdrawn mark is never changed'); END",
    "mark_owner_fixed":
        "BEFORE UPDATE ON mark WHEN NEW.photo_id IS NOT OLD.photo_id OR "
        "NEW.person_id IS NOT OLD.person_id OR NEW.side <> OLD.side BEGIN SELECT "
        "RAISE(ABORT, 'a mark never moves to another photo or person'); END",
    "mark_revision_never_updated":
        "BEFORE UPDATE ON mark_revision BEGIN SELECT RAISE(ABORT, "
        "'the history of a mark is never edited'); END",
    "mark_revision_never_deleted":
        "BEFORE DELETE ON mark_revision BEGIN SELECT RAISE(ABORT, "
        "'the history of a mark is never deleted'); END",
    "mark_link_never_updated":
        "BEFORE UPDATE ON mark_link BEGIN SELECT RAISE(ABORT, "
        "'a mark link is never edited: record a later link'); END",
    "mark_link_never_deleted":
        "BEFORE DELETE ON mark_link BEGIN SELECT RAISE(ABORT, "
        "'a mark link is never deleted: record a later link'); END",
}


def upgrade() -> None:
    op.create_table(
        "mark",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("photo_id", sa.Integer(), sa.ForeignKey("photo.id"), nullable=True),
        sa.Column("person_id", sa.Integer(), sa.ForeignKey("missing_person.id"),
                  nullable=True),
        sa.Column("side", sa.Enum("pm", "am", name="side", native_enum=False, length=4),
                  nullable=False),
        sa.Column("shape_kind", sa.String(length=8), nullable=True),
        sa.Column("shape", sa.JSON(), nullable=True),
        sa.Column("category", sa.String(length=24), nullable=False),
        sa.Column("location", sa.String(length=24), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("family_words", sa.Text(), nullable=True),
        sa.Column("terms", sa.Text(), nullable=False),
        sa.Column("created_by", sa.String(length=80), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("updated_by", sa.String(length=80), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("withdrawn_by", sa.String(length=80), nullable=True),
        sa.Column("withdrawn_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("withdraw_reason", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.CheckConstraint("(photo_id IS NULL) <> (person_id IS NULL)",
                           name="ck_mark_photo_or_person"),
    )
    for column in ("photo_id", "person_id", "side", "category"):
        op.create_index(f"ix_mark_{column}", "mark", [column])
    op.create_table(
        "mark_revision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("mark_id", sa.Integer(), sa.ForeignKey("mark.id"), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=12), nullable=False),
        sa.Column("values", sa.JSON(), nullable=False),
        sa.Column("changes", sa.JSON(), nullable=False),
        sa.Column("actor", sa.String(length=80), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_mark_revision_mark_id", "mark_revision", ["mark_id"])
    op.create_table(
        "mark_link",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("am_mark_id", sa.Integer(), sa.ForeignKey("mark.id"), nullable=False),
        sa.Column("pm_mark_id", sa.Integer(), sa.ForeignKey("mark.id"), nullable=False),
        sa.Column("relation", sa.String(length=20), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("author_id", sa.Integer(), sa.ForeignKey("user_account.id"),
                  nullable=False),
        sa.Column("author", sa.String(length=80), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("supersedes_id", sa.Integer(), sa.ForeignKey("mark_link.id"),
                  nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_mark_link_am_mark_id", "mark_link", ["am_mark_id"])
    op.create_index("ix_mark_link_pm_mark_id", "mark_link", ["pm_mark_id"])
    if op.get_context().dialect.name == "sqlite":
        for name, body in TRIGGERS.items():
            op.execute(f"CREATE TRIGGER {name} {body}")


def downgrade() -> None:
    if op.get_context().dialect.name == "sqlite":
        for name in TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table("mark_link")
    op.drop_table("mark_revision")
    op.drop_table("mark")
