"""Database entities (SQLAlchemy 2.0 typed ORM), named as in disaster-victim identification."""

from __future__ import annotations

import enum
from datetime import UTC, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    DateTime,
    Enum,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def _values(enum_cls: type[enum.Enum]) -> list[str]:
    return [str(m.value) for m in enum_cls]


def _enum(enum_cls: type[enum.Enum], length: int) -> Enum:
    """A portable enum column that stores the values ("pm"), not the Python names."""
    return Enum(enum_cls, native_enum=False, length=length, values_callable=_values,
                validate_strings=True)


def utcnow() -> datetime:
    """The current time, timezone-aware UTC."""
    return datetime.now(UTC)


class Base(DeclarativeBase):
    """Declarative base of every Athar table."""


class Side(enum.StrEnum):
    """Which side of the identification a photo or face belongs to."""

    PM = "pm"
    AM = "am"


class FaceSource(enum.StrEnum):
    """Whether a face was found by the detector or drawn by a person."""

    AUTO = "auto"
    MANUAL = "manual"


class CandidateState(enum.StrEnum):
    """Review states of a Candidate (DESIGN.md)."""

    QUEUED = "queued"
    IN_REVIEW = "in_review"
    EXCLUDED = "excluded"
    POSSIBLE = "possible"
    NEEDS_INFO = "needs_info"
    PROPOSED = "proposed"


UNDECIDED_STATES = frozenset({CandidateState.QUEUED})
"""States that a new search may update; any other state is a person's decision (or a
review in progress)."""


class ReviewDecision(enum.StrEnum):
    """What one reviewer decided about a Candidate."""

    EXCLUDED = "excluded"
    POSSIBLE = "possible"
    NEEDS_INFO = "needs_info"
    PROPOSE = "propose"


STATE_AFTER: dict[ReviewDecision, CandidateState] = {
    ReviewDecision.EXCLUDED: CandidateState.EXCLUDED,
    ReviewDecision.POSSIBLE: CandidateState.POSSIBLE,
    ReviewDecision.NEEDS_INFO: CandidateState.NEEDS_INFO,
    ReviewDecision.PROPOSE: CandidateState.PROPOSED,
}
"""A Candidate's state follows its latest review."""


class IdentificationState(enum.StrEnum):
    """proposed -> confirmed | returned; confirmed -> revoked (DESIGN.md)."""

    PROPOSED = "proposed"
    CONFIRMED = "confirmed"
    RETURNED = "returned"
    REVOKED = "revoked"


class Collection(Base):
    """An imported batch of post-mortem images."""

    __tablename__ = "collection"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    bodies: Mapped[list[Body]] = relationship(back_populates="collection")


class Body(Base):
    """One deceased person as documented in the post-mortem photographs."""

    __tablename__ = "body"
    __table_args__ = (UniqueConstraint("collection_id", "label"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    collection_id: Mapped[int] = mapped_column(ForeignKey("collection.id"))
    label: Mapped[str] = mapped_column(String(300))
    detainee_no: Mapped[str | None] = mapped_column(String(100))
    branch_no: Mapped[str | None] = mapped_column(String(100))
    forensic_no: Mapped[str | None] = mapped_column(String(100))
    photo_date: Mapped[str | None] = mapped_column(String(40))
    est_sex: Mapped[str | None] = mapped_column(String(10), nullable=True)
    """The examiner's estimate: male, female or unknown."""
    est_age_min: Mapped[int | None] = mapped_column(Integer, nullable=True)
    est_age_max: Mapped[int | None] = mapped_column(Integer, nullable=True)
    """The examiner's estimated age range at death, in years."""
    death_date: Mapped[str | None] = mapped_column(String(20), nullable=True)
    """The date of death on a death certificate, where one is recorded."""
    collection: Mapped[Collection] = relationship(back_populates="bodies")
    photos: Mapped[list[Photo]] = relationship(back_populates="body")


class MissingPerson(Base):
    """A family's report of a missing relative (the ante-mortem side)."""

    __tablename__ = "missing_person"
    id: Mapped[int] = mapped_column(primary_key=True)
    label: Mapped[str] = mapped_column(String(300), unique=True)
    name: Mapped[str | None] = mapped_column(String(300))
    name_ar: Mapped[str | None] = mapped_column(String(300))
    sex: Mapped[str | None] = mapped_column(String(10))
    born: Mapped[str | None] = mapped_column(String(20))
    origin: Mapped[str | None] = mapped_column(String(300))
    arrest_date: Mapped[str | None] = mapped_column(String(20))
    arrest_place: Mapped[str | None] = mapped_column(String(300))
    arresting_branch: Mapped[str | None] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(Text)
    known_marks: Mapped[str | None] = mapped_column(Text)
    father_name: Mapped[str | None] = mapped_column(String(300), nullable=True)
    mother_name: Mapped[str | None] = mapped_column(String(300), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    submissions: Mapped[list[Submission]] = relationship(back_populates="person")


class Submission(Base):
    """What a family handed in for one MissingPerson: photos, documents, contact."""

    __tablename__ = "submission"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("missing_person.id"))
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    submitter: Mapped[str | None] = mapped_column(String(300))
    contact: Mapped[str | None] = mapped_column(Text)
    source_label: Mapped[str | None] = mapped_column(String(300))
    source_key: Mapped[str | None] = mapped_column(String(300), nullable=True)
    """The folder (owner key) of an imported folder that this submission came from, so a
    resumed import finds its own person again and a folder name never merges two
    families (None for manual entry)."""
    person: Mapped[MissingPerson] = relationship(back_populates="submissions")
    photos: Mapped[list[Photo]] = relationship(back_populates="submission")


class Photo(Base):
    """One source image, stored once under evidence/ by its SHA-256."""

    __tablename__ = "photo"
    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    side: Mapped[Side] = mapped_column(_enum(Side, 4))
    body_id: Mapped[int | None] = mapped_column(ForeignKey("body.id"), index=True)
    submission_id: Mapped[int | None] = mapped_column(ForeignKey("submission.id"), index=True)
    size_bytes: Mapped[int] = mapped_column(Integer)
    format: Mapped[str] = mapped_column(String(20))
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    exif_orientation: Mapped[int] = mapped_column(Integer, default=1)
    role: Mapped[str] = mapped_column(String(20), default="face")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    body: Mapped[Body | None] = relationship(back_populates="photos")
    submission: Mapped[Submission | None] = relationship(back_populates="photos")
    faces: Mapped[list[Face]] = relationship(back_populates="photo")
    provenance: Mapped[list[Provenance]] = relationship(back_populates="photo")


class Provenance(Base):
    """Where and when a Photo's file was imported, and by whom (one row per import path)."""

    __tablename__ = "provenance"
    __table_args__ = (UniqueConstraint("photo_id", "original_path", "target"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    photo_id: Mapped[int] = mapped_column(ForeignKey("photo.id"), index=True)
    original_path: Mapped[str] = mapped_column(Text)
    target: Mapped[str] = mapped_column(String(400))
    imported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    imported_by: Mapped[str] = mapped_column(String(200))
    photo: Mapped[Photo] = relationship(back_populates="provenance")


class Face(Base):
    """A region of a Photo holding a face, found by the detector or drawn by hand."""

    __tablename__ = "face"
    id: Mapped[int] = mapped_column(primary_key=True)
    photo_id: Mapped[int] = mapped_column(ForeignKey("photo.id"), index=True)
    box_left: Mapped[float] = mapped_column(Float)
    box_top: Mapped[float] = mapped_column(Float)
    box_width: Mapped[float] = mapped_column(Float)
    box_height: Mapped[float] = mapped_column(Float)
    landmarks: Mapped[list[list[float]]] = mapped_column(JSON)
    det_score: Mapped[float] = mapped_column(Float)
    det_method: Mapped[str] = mapped_column(String(40))
    rotation: Mapped[int] = mapped_column(Integer)
    size_px: Mapped[float] = mapped_column(Float)
    sharpness: Mapped[float] = mapped_column(Float)
    source: Mapped[FaceSource] = mapped_column(_enum(FaceSource, 8))
    is_subject: Mapped[bool] = mapped_column(Boolean)
    photo: Mapped[Photo] = relationship(back_populates="faces")
    embeddings: Mapped[list[Embedding]] = relationship(back_populates="face")


class Embedding(Base):
    """One model's vector of one Face: (dim,) float32, L2-normalised, stored as bytes."""

    __tablename__ = "embedding"
    __table_args__ = (UniqueConstraint("face_id", "model_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    face_id: Mapped[int] = mapped_column(ForeignKey("face.id"), index=True)
    model_id: Mapped[str] = mapped_column(String(200), index=True)
    dim: Mapped[int] = mapped_column(Integer)
    vector: Mapped[bytes] = mapped_column(LargeBinary)
    face: Mapped[Face] = relationship(back_populates="embeddings")


class PhotoAnalysis(Base):
    """Marks a Photo as fully analysed by one model (faces found and embedded, or none)."""

    __tablename__ = "photo_analysis"
    __table_args__ = (UniqueConstraint("photo_id", "model_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    photo_id: Mapped[int] = mapped_column(ForeignKey("photo.id"), index=True)
    model_id: Mapped[str] = mapped_column(String(200))
    faces_found: Mapped[int] = mapped_column(Integer)
    analysed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class SearchRun(Base):
    """One search as run: model, index version and parameters, so it can be re-derived."""

    __tablename__ = "search_run"
    id: Mapped[int] = mapped_column(primary_key=True)
    direction: Mapped[str] = mapped_column(String(10))
    model_id: Mapped[str] = mapped_column(String(200))
    index_version: Mapped[str] = mapped_column(String(80))
    params: Mapped[dict[str, object]] = mapped_column(JSON)
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    actor: Mapped[str] = mapped_column(String(200))
    query_side: Mapped[str | None] = mapped_column(String(4), nullable=True, index=True)
    """Whose faces were the query: "am" (a missing person) or "pm" (a Body); None for runs
    stored before it was recorded (continuous matching then reads the candidates)."""
    query_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)


class Candidate(Base):
    """A MissingPerson and Body pair proposed by a search, with its review state."""

    __tablename__ = "candidate"
    __table_args__ = (UniqueConstraint("person_id", "body_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("missing_person.id"), index=True)
    body_id: Mapped[int] = mapped_column(ForeignKey("body.id"), index=True)
    state: Mapped[CandidateState] = mapped_column(
        _enum(CandidateState, 12), default=CandidateState.QUEUED
    )
    score: Mapped[float] = mapped_column(Float)
    """Cosine of the best face pair."""
    score_mean3: Mapped[float] = mapped_column(Float)
    score_mean_faces: Mapped[float | None] = mapped_column(Float, nullable=True)
    """Cosine of the two owners' mean faces (None: stored before it existed, when the rank
    was by the best pair alone)."""
    score_pooled: Mapped[float | None] = mapped_column(Float, nullable=True)
    """The pooled faces' score the search ranked by with the best pair (matching.search
    AGGREGATION; None: stored before it existed, when the mean faces' cosine was pooled)."""
    rank: Mapped[int | None] = mapped_column(Integer)
    """Rank in the missing person's list (the latest AM→PM search that returned the pair);
    None once it fell out of that list or when only a Body's search found the pair."""
    body_rank: Mapped[int | None] = mapped_column(Integer, nullable=True)
    """Rank in the Body's list (the latest PM→AM search that returned the pair). Kept apart
    from `rank` so that a search in one direction never rewrites the other's list."""
    am_face_id: Mapped[int] = mapped_column(ForeignKey("face.id"))
    pm_face_id: Mapped[int] = mapped_column(ForeignKey("face.id"))
    model_id: Mapped[str] = mapped_column(String(200))
    index_version: Mapped[str] = mapped_column(String(80))
    search_run_id: Mapped[int] = mapped_column(ForeignKey("search_run.id"))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    created_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=utcnow,
                                                        nullable=True)
    """When a search first proposed the pair (what the review queue calls new)."""
    opened_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"),
                                                  nullable=True)
    """Who has the pair open for review now (its state is in_review meanwhile)."""
    opened_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    attention: Mapped[str | None] = mapped_column(Text, nullable=True)
    """Why the pair needs a reviewer's attention (the person or the Body was identified
    elsewhere, a proposal was returned or revoked); its state is kept."""

    @property
    def ranked_score(self) -> float:
        """The score the search ranked by: the mean of the best pair's cosine and the
        pooled faces' score; for candidates stored before the pooled score, the rule of
        their search: the mean of the best pair's and the mean faces' cosines, or the best
        pair's alone before mean faces."""
        if self.score_pooled is not None:
            return (self.score + self.score_pooled) / 2
        if self.score_mean_faces is None:
            return self.score
        return (self.score + self.score_mean_faces) / 2


class Review(Base):
    """One person's assessment of one Candidate; kept for ever, never edited."""

    __tablename__ = "review"
    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidate.id"), index=True)
    reviewer_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    reviewer: Mapped[str] = mapped_column(String(80))
    decision: Mapped[ReviewDecision] = mapped_column(_enum(ReviewDecision, 12))
    rationale: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    shown: Mapped[dict[str, object]] = mapped_column(JSON)
    """What the reviewer was shown and what was hidden from them (blind review)."""


class Identification(Base):
    """A proposed identification of a MissingPerson as a Body, and its sign-off."""

    __tablename__ = "identification"
    __table_args__ = (
        Index("uq_identification_body_confirmed", "body_id", unique=True,
              sqlite_where=text("state = 'confirmed'"),
              postgresql_where=text("state = 'confirmed'")),
        Index("uq_identification_person_confirmed", "person_id", unique=True,
              sqlite_where=text("state = 'confirmed'"),
              postgresql_where=text("state = 'confirmed'")),
        Index("uq_identification_candidate_proposed", "candidate_id", unique=True,
              sqlite_where=text("state = 'proposed'"),
              postgresql_where=text("state = 'proposed'")),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidate.id"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("missing_person.id"), index=True)
    body_id: Mapped[int] = mapped_column(ForeignKey("body.id"), index=True)
    state: Mapped[IdentificationState] = mapped_column(_enum(IdentificationState, 12))
    proposed_by_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    proposed_by: Mapped[str] = mapped_column(String(80))
    proposed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    proposal_review_id: Mapped[int] = mapped_column(ForeignKey("review.id"))
    evidence: Mapped[dict[str, object]] = mapped_column(JSON)
    """Frozen at the proposal: every photo pair's score, model, index version, reviews."""
    decided_by: Mapped[str | None] = mapped_column(String(80), nullable=True)
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    decision_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    revoked_by: Mapped[str | None] = mapped_column(String(80), nullable=True)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    revoke_reason: Mapped[str | None] = mapped_column(Text, nullable=True)


class IdentificationStep(Base):
    """One step of an Identification's history (proposed, confirmed, returned, revoked)."""

    __tablename__ = "identification_step"
    id: Mapped[int] = mapped_column(primary_key=True)
    identification_id: Mapped[int] = mapped_column(ForeignKey("identification.id"),
                                                   index=True)
    state: Mapped[IdentificationState] = mapped_column(_enum(IdentificationState, 12))
    actor: Mapped[str] = mapped_column(String(80))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    reason: Mapped[str | None] = mapped_column(Text, nullable=True)


class Mark(Base):
    """A distinctive mark: drawn on one Photo (either side) or described by a family for a
    MissingPerson without a photo. Never deleted: edited with its history kept, or
    withdrawn with a reason."""

    __tablename__ = "mark"
    __table_args__ = (CheckConstraint("(photo_id IS NULL) <> (person_id IS NULL)",
                                      name="ck_mark_photo_or_person"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    photo_id: Mapped[int | None] = mapped_column(ForeignKey("photo.id"), index=True,
                                                 nullable=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("missing_person.id"),
                                                  index=True, nullable=True)
    """Set for a described mark (no photo); a photo's mark belongs to the photo's owner."""
    side: Mapped[Side] = mapped_column(_enum(Side, 4), index=True)
    shape_kind: Mapped[str | None] = mapped_column(String(8), nullable=True)
    shape: Mapped[list[float] | None] = mapped_column(JSON, nullable=True)
    """The region in the upright photo's pixels (see domain.marks.Shape)."""
    category: Mapped[str] = mapped_column(String(24), index=True)
    location: Mapped[str] = mapped_column(String(24))
    description: Mapped[str | None] = mapped_column(Text, nullable=True)
    family_words: Mapped[str | None] = mapped_column(Text, nullable=True)
    """What the family said, verbatim (described marks)."""
    terms: Mapped[str] = mapped_column(Text, default="")
    """The description's search terms (derived; recomputed on every edit)."""
    created_by: Mapped[str] = mapped_column(String(80))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    revision: Mapped[int] = mapped_column(Integer, default=1)
    updated_by: Mapped[str | None] = mapped_column(String(80), nullable=True)
    updated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True),
                                                        nullable=True)
    withdrawn_by: Mapped[str | None] = mapped_column(String(80), nullable=True)
    withdrawn_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True),
                                                          nullable=True)
    withdraw_reason: Mapped[str | None] = mapped_column(Text, nullable=True)


class MarkRevision(Base):
    """One step of a mark's history: created, edited (old and new values) or withdrawn."""

    __tablename__ = "mark_revision"
    id: Mapped[int] = mapped_column(primary_key=True)
    mark_id: Mapped[int] = mapped_column(ForeignKey("mark.id"), index=True)
    revision: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(12))
    values: Mapped[dict[str, object]] = mapped_column(JSON)
    """The mark's values after this step."""
    changes: Mapped[dict[str, object]] = mapped_column(JSON)
    """Field -> [old, new] for an edit (empty otherwise)."""
    actor: Mapped[str] = mapped_column(String(80))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    reason: Mapped[str | None] = mapped_column(Text, nullable=True)


class MarkLink(Base):
    """An examiner's judgement of an ante-mortem mark against a post-mortem mark. Never
    edited: a later link of the same pair supersedes it."""

    __tablename__ = "mark_link"
    id: Mapped[int] = mapped_column(primary_key=True)
    am_mark_id: Mapped[int] = mapped_column(ForeignKey("mark.id"), index=True)
    pm_mark_id: Mapped[int] = mapped_column(ForeignKey("mark.id"), index=True)
    relation: Mapped[str] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text)
    author_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    author: Mapped[str] = mapped_column(String(80))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    supersedes_id: Mapped[int | None] = mapped_column(ForeignKey("mark_link.id"),
                                                      nullable=True)


class BodyRelationKind(enum.StrEnum):
    """What a person decided about two Bodies."""

    SAME_BODY = "same_body"
    """Duplicates: one body photographed in several folders or collections. The second
    Body's photos count as the first's in every search while the merge stands."""
    FRAGMENT = "fragment"
    """Parts of one person's remains recorded as two Bodies; both stay, linked."""
    DISTINCT = "distinct"
    """Not the same body: the suggestion is not made again."""


class BodyRelation(Base):
    """A decision about two Bodies (a merge, a fragment link, or "distinct"), never edited
    or deleted: an undo is recorded on it, with who, when and why."""

    __tablename__ = "body_relation"
    __table_args__ = (CheckConstraint("body_id <> other_body_id", name="two_bodies"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    body_id: Mapped[int] = mapped_column(ForeignKey("body.id"), index=True)
    """The Body kept (for a merge: the one the other's photos are counted under)."""
    other_body_id: Mapped[int] = mapped_column(ForeignKey("body.id"), index=True)
    kind: Mapped[BodyRelationKind] = mapped_column(_enum(BodyRelationKind, 12))
    reason: Mapped[str] = mapped_column(Text)
    evidence: Mapped[dict[str, object]] = mapped_column(JSON)
    """What the decision was taken on (face score and LR, agreeing and differing numbers)."""
    created_by: Mapped[str] = mapped_column(String(80))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    undone_by: Mapped[str | None] = mapped_column(String(80), nullable=True)
    undone_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    undo_reason: Mapped[str | None] = mapped_column(Text, nullable=True)


class VictimImport(Base):
    """One import of a documented-victims list (a CSV the team was given)."""

    __tablename__ = "victim_import"
    id: Mapped[int] = mapped_column(primary_key=True)
    file_name: Mapped[str] = mapped_column(String(400))
    sha256: Mapped[str] = mapped_column(String(64))
    imported_by: Mapped[str] = mapped_column(String(80))
    imported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    rows: Mapped[int] = mapped_column(Integer)
    added: Mapped[int] = mapped_column(Integer)
    errors: Mapped[list[str]] = mapped_column(JSON)


class VictimRecord(Base):
    """A person on a documented-victims list (name in Arabic or Latin script)."""

    __tablename__ = "victim_record"
    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[str] = mapped_column(String(120), unique=True)
    import_id: Mapped[int] = mapped_column(ForeignKey("victim_import.id"), index=True)
    name: Mapped[str] = mapped_column(String(300))
    father_name: Mapped[str | None] = mapped_column(String(300), nullable=True)
    mother_name: Mapped[str | None] = mapped_column(String(300), nullable=True)
    birth: Mapped[str | None] = mapped_column(String(20), nullable=True)
    origin: Mapped[str | None] = mapped_column(String(300), nullable=True)
    arrest_date: Mapped[str | None] = mapped_column(String(20), nullable=True)
    death_date: Mapped[str | None] = mapped_column(String(20), nullable=True)
    death_place: Mapped[str | None] = mapped_column(String(300), nullable=True)
    first_key: Mapped[str] = mapped_column(String(80), index=True)
    last_key: Mapped[str] = mapped_column(String(80), index=True)
    """Blocking keys: the name's first and last words' skeletons (checks.names)."""


class AuditEvent(Base):
    """One action, hash-chained to the one before it (append-only)."""

    __tablename__ = "audit_event"
    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    at: Mapped[str] = mapped_column(String(40))
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(80))
    object_type: Mapped[str] = mapped_column(String(40))
    object_id: Mapped[str] = mapped_column(String(80))
    details: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)


class Role(enum.StrEnum):
    """What a user does in the team (DESIGN.md)."""

    IDENTIFIER = "identifier"
    EXAMINER = "examiner"
    SUPERVISOR = "supervisor"


class User(Base):
    """A local account; the password is kept only as an Argon2id hash."""

    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    role: Mapped[Role] = mapped_column(_enum(Role, 12))
    password_hash: Mapped[str] = mapped_column(String(200))
    can_view_contact: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Setting(Base):
    """A workspace-wide setting (e.g. the idle-lock delay), changed only through services."""

    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
