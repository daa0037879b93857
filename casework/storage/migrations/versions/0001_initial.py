"""initial schema: evidence, faces, embeddings, candidates, audit

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-28 21:00:59.293185
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_event",
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("at", sa.String(length=40), nullable=False),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.Column("action", sa.String(length=80), nullable=False),
        sa.Column("object_type", sa.String(length=40), nullable=False),
        sa.Column("object_id", sa.String(length=80), nullable=False),
        sa.Column("details", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("seq"),
        sa.UniqueConstraint("hash"),
    )
    op.create_table(
        "collection",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
    )
    op.create_table(
        "missing_person",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=300), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=True),
        sa.Column("name_ar", sa.String(length=300), nullable=True),
        sa.Column("sex", sa.String(length=10), nullable=True),
        sa.Column("born", sa.String(length=20), nullable=True),
        sa.Column("origin", sa.String(length=300), nullable=True),
        sa.Column("arrest_date", sa.String(length=20), nullable=True),
        sa.Column("arrest_place", sa.String(length=300), nullable=True),
        sa.Column("arresting_branch", sa.String(length=200), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("known_marks", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("label"),
    )
    op.create_table(
        "search_run",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("direction", sa.String(length=10), nullable=False),
        sa.Column("model_id", sa.String(length=200), nullable=False),
        sa.Column("index_version", sa.String(length=80), nullable=False),
        sa.Column("params", sa.JSON(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "body",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("collection_id", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=300), nullable=False),
        sa.Column("detainee_no", sa.String(length=100), nullable=True),
        sa.Column("branch_no", sa.String(length=100), nullable=True),
        sa.Column("forensic_no", sa.String(length=100), nullable=True),
        sa.Column("photo_date", sa.String(length=40), nullable=True),
        sa.ForeignKeyConstraint(
            ["collection_id"],
            ["collection.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("collection_id", "label"),
    )
    op.create_table(
        "submission",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("submitter", sa.String(length=300), nullable=True),
        sa.Column("contact", sa.Text(), nullable=True),
        sa.Column("source_label", sa.String(length=300), nullable=True),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["missing_person.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "photo",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column(
            "side", sa.Enum("pm", "am", name="side", native_enum=False, length=4), nullable=False
        ),
        sa.Column("body_id", sa.Integer(), nullable=True),
        sa.Column("submission_id", sa.Integer(), nullable=True),
        sa.Column("size_bytes", sa.Integer(), nullable=False),
        sa.Column("format", sa.String(length=20), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("exif_orientation", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["body_id"],
            ["body.id"],
        ),
        sa.ForeignKeyConstraint(
            ["submission_id"],
            ["submission.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("sha256"),
    )
    with op.batch_alter_table("photo", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_photo_body_id"), ["body_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_photo_submission_id"), ["submission_id"], unique=False)

    op.create_table(
        "face",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("photo_id", sa.Integer(), nullable=False),
        sa.Column("box_left", sa.Float(), nullable=False),
        sa.Column("box_top", sa.Float(), nullable=False),
        sa.Column("box_width", sa.Float(), nullable=False),
        sa.Column("box_height", sa.Float(), nullable=False),
        sa.Column("landmarks", sa.JSON(), nullable=False),
        sa.Column("det_score", sa.Float(), nullable=False),
        sa.Column("det_method", sa.String(length=40), nullable=False),
        sa.Column("rotation", sa.Integer(), nullable=False),
        sa.Column("size_px", sa.Float(), nullable=False),
        sa.Column("sharpness", sa.Float(), nullable=False),
        sa.Column(
            "source",
            sa.Enum("auto", "manual", name="facesource", native_enum=False, length=8),
            nullable=False,
        ),
        sa.Column("is_subject", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["photo_id"],
            ["photo.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("face", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_face_photo_id"), ["photo_id"], unique=False)

    op.create_table(
        "photo_analysis",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("photo_id", sa.Integer(), nullable=False),
        sa.Column("model_id", sa.String(length=200), nullable=False),
        sa.Column("faces_found", sa.Integer(), nullable=False),
        sa.Column("analysed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["photo_id"],
            ["photo.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("photo_id", "model_id"),
    )
    with op.batch_alter_table("photo_analysis", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_photo_analysis_photo_id"), ["photo_id"], unique=False)

    op.create_table(
        "provenance",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("photo_id", sa.Integer(), nullable=False),
        sa.Column("original_path", sa.Text(), nullable=False),
        sa.Column("target", sa.String(length=400), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("imported_by", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["photo_id"],
            ["photo.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("photo_id", "original_path", "target"),
    )
    with op.batch_alter_table("provenance", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_provenance_photo_id"), ["photo_id"], unique=False)

    op.create_table(
        "candidate",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("body_id", sa.Integer(), nullable=False),
        sa.Column(
            "state",
            sa.Enum(
                "queued",
                "in_review",
                "excluded",
                "possible",
                "needs_info",
                "proposed",
                name="candidatestate",
                native_enum=False,
                length=12,
            ),
            nullable=False,
        ),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("score_mean3", sa.Float(), nullable=False),
        sa.Column("rank", sa.Integer(), nullable=True),
        sa.Column("am_face_id", sa.Integer(), nullable=False),
        sa.Column("pm_face_id", sa.Integer(), nullable=False),
        sa.Column("model_id", sa.String(length=200), nullable=False),
        sa.Column("index_version", sa.String(length=80), nullable=False),
        sa.Column("search_run_id", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["am_face_id"],
            ["face.id"],
        ),
        sa.ForeignKeyConstraint(
            ["body_id"],
            ["body.id"],
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["missing_person.id"],
        ),
        sa.ForeignKeyConstraint(
            ["pm_face_id"],
            ["face.id"],
        ),
        sa.ForeignKeyConstraint(
            ["search_run_id"],
            ["search_run.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("person_id", "body_id"),
    )
    with op.batch_alter_table("candidate", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_candidate_body_id"), ["body_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_candidate_person_id"), ["person_id"], unique=False)

    op.create_table(
        "embedding",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("face_id", sa.Integer(), nullable=False),
        sa.Column("model_id", sa.String(length=200), nullable=False),
        sa.Column("dim", sa.Integer(), nullable=False),
        sa.Column("vector", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["face_id"],
            ["face.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("face_id", "model_id"),
    )
    with op.batch_alter_table("embedding", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_embedding_face_id"), ["face_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_embedding_model_id"), ["model_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("embedding", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_embedding_model_id"))
        batch_op.drop_index(batch_op.f("ix_embedding_face_id"))

    op.drop_table("embedding")
    with op.batch_alter_table("candidate", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_candidate_person_id"))
        batch_op.drop_index(batch_op.f("ix_candidate_body_id"))

    op.drop_table("candidate")
    with op.batch_alter_table("provenance", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_provenance_photo_id"))

    op.drop_table("provenance")
    with op.batch_alter_table("photo_analysis", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_photo_analysis_photo_id"))

    op.drop_table("photo_analysis")
    with op.batch_alter_table("face", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_face_photo_id"))

    op.drop_table("face")
    with op.batch_alter_table("photo", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_photo_submission_id"))
        batch_op.drop_index(batch_op.f("ix_photo_body_id"))

    op.drop_table("photo")
    op.drop_table("submission")
    op.drop_table("body")
    op.drop_table("search_run")
    op.drop_table("missing_person")
    op.drop_table("collection")
    op.drop_table("audit_event")
