"""reviews, identifications and their history; candidates opened for review and flagged

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 23:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

DECISIONS = ("excluded", "possible", "needs_info", "propose")
STATES = ("proposed", "confirmed", "returned", "revoked")

# The record of reviews and sign-offs is append-only in the database itself, not only in
# the services: a review or a step is never changed or removed, an identification never
# removed, and once returned or revoked never changed; confirmed may only become revoked.
TRIGGERS = {
    "review_never_updated":
        "BEFORE UPDATE ON review BEGIN SELECT RAISE(ABORT, "
        "'a review is never edited: add a later review'); END",
    "review_never_deleted":
        "BEFORE DELETE ON review BEGIN SELECT RAISE(ABORT, "
        "'a review is never deleted'); END",
    "step_never_updated":
        "BEFORE UPDATE ON identification_step BEGIN SELECT RAISE(ABORT, "
        "'the history of an identification is never edited'); END",
    "step_never_deleted":
        "BEFORE DELETE ON identification_step BEGIN SELECT RAISE(ABORT, "
        "'the history of an identification is never deleted'); END",
    "identification_never_deleted":
        "BEFORE DELETE ON identification BEGIN SELECT RAISE(ABORT, "
        "'an identification is never deleted: revoke it with a reason'); END",
    "identification_final_states":
        "BEFORE UPDATE ON identification WHEN OLD.state IN ('returned', 'revoked') "
        "BEGIN SELECT RAISE(ABORT, 'a returned or revoked identification is never "
        "changed'); END",
    "identification_confirmed_only_revoked":
        "BEFORE UPDATE ON identification WHEN OLD.state = 'confirmed' AND "
        "NEW.state <> 'revoked' BEGIN SELECT RAISE(ABORT, 'a confirmed identification "
        "can only be revoked'); END",
    "identification_evidence_frozen":
        "BEFORE UPDATE ON identification WHEN NEW.evidence IS NOT OLD.evidence OR "
        "NEW.person_id <> OLD.person_id OR NEW.body_id <> OLD.body_id OR "
        "NEW.candidate_id <> OLD.candidate_id OR NEW.proposed_by <> OLD.proposed_by "
        "BEGIN SELECT RAISE(ABORT, 'the evidence of a proposal is frozen'); END",
}


def upgrade() -> None:
    with op.batch_alter_table("candidate") as batch:
        batch.add_column(sa.Column("opened_by", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("opened_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("attention", sa.Text(), nullable=True))
        batch.create_foreign_key("fk_candidate_opened_by", "user_account", ["opened_by"],
                                 ["id"])
    op.create_table(
        "review",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), sa.ForeignKey("candidate.id"), nullable=False),
        sa.Column("reviewer_id", sa.Integer(), sa.ForeignKey("user_account.id"),
                  nullable=False),
        sa.Column("reviewer", sa.String(length=80), nullable=False),
        sa.Column("decision", sa.Enum(*DECISIONS, name="reviewdecision", native_enum=False,
                                      length=12), nullable=False),
        sa.Column("rationale", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("shown", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_review_candidate_id", "review", ["candidate_id"])
    op.create_table(
        "identification",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), sa.ForeignKey("candidate.id"), nullable=False),
        sa.Column("person_id", sa.Integer(), sa.ForeignKey("missing_person.id"),
                  nullable=False),
        sa.Column("body_id", sa.Integer(), sa.ForeignKey("body.id"), nullable=False),
        sa.Column("state", sa.Enum(*STATES, name="identificationstate", native_enum=False,
                                   length=12), nullable=False),
        sa.Column("proposed_by_id", sa.Integer(), sa.ForeignKey("user_account.id"),
                  nullable=False),
        sa.Column("proposed_by", sa.String(length=80), nullable=False),
        sa.Column("proposed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("proposal_review_id", sa.Integer(), sa.ForeignKey("review.id"),
                  nullable=False),
        sa.Column("evidence", sa.JSON(), nullable=False),
        sa.Column("decided_by", sa.String(length=80), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("decision_reason", sa.Text(), nullable=True),
        sa.Column("revoked_by", sa.String(length=80), nullable=True),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoke_reason", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    for column in ("candidate_id", "person_id", "body_id"):
        op.create_index(f"ix_identification_{column}", "identification", [column])
    for name, column, state in (("uq_identification_body_confirmed", "body_id", "confirmed"),
                                ("uq_identification_person_confirmed", "person_id",
                                 "confirmed"),
                                ("uq_identification_candidate_proposed", "candidate_id",
                                 "proposed")):
        where = sa.text(f"state = '{state}'")
        op.create_index(name, "identification", [column], unique=True, sqlite_where=where,
                        postgresql_where=where)
    op.create_table(
        "identification_step",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("identification_id", sa.Integer(), sa.ForeignKey("identification.id"),
                  nullable=False),
        sa.Column("state", sa.Enum(*STATES, name="identificationstate", native_enum=False,
                                   length=12), nullable=False),
        sa.Column("actor", sa.String(length=80), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_identification_step_identification_id", "identification_step",
                    ["identification_id"])
    if op.get_context().dialect.name == "sqlite":
        for name, body in TRIGGERS.items():
            op.execute(f"CREATE TRIGGER {name} {body}")


def downgrade() -> None:
    if op.get_context().dialect.name == "sqlite":
        for name in TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table("identification_step")
    op.drop_table("identification")
    op.drop_table("review")
    with op.batch_alter_table("candidate") as batch:
        batch.drop_constraint("fk_candidate_opened_by", type_="foreignkey")
        batch.drop_column("attention")
        batch.drop_column("opened_at")
        batch.drop_column("opened_by")
