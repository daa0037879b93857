"""What an identification report says, gathered from the records (no layout here)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

from athar.casework.checks.consistency import Consistency, consistency_in
from athar.casework.checks.fusion import Fused, fuse
from athar.casework.checks.strength import Calibration, Strength, calibration_for, strength
from athar.casework.domain.entities import IdentificationState, Side
from athar.casework.domain.errors import AtharError, RuleViolation
from athar.casework.domain.permissions import Actor
from athar.casework.intake.persons import SubmissionView
from athar.casework.marks.search import MarksAgreement, agreements_in
from athar.casework.records.pictures import PictureService
from athar.casework.reports.weight import marks_tally
from athar.casework.review.signoff import IdentificationView, identification_in
from athar.casework.storage import audit_log
from athar.casework.storage.repositories.marks import LinkView, MarkView
from athar.casework.storage.uow import UnitOfWork

REPORTABLE = frozenset({IdentificationState.CONFIRMED, IdentificationState.REVOKED})
PICTURE_SIZE = 900
MARK_CROP_SIZE = 600


class ReportRefused(RuleViolation):
    """A report the workflow does not allow (an identification not yet confirmed)."""


@dataclass(frozen=True)
class Picture:
    """An image shown in the report and the evidence file it comes from."""

    caption: str
    """A wording key ("Family photo (ante-mortem)", "Post-mortem photo {id} (full)")."""
    png: bytes
    sha256: str
    photo_id: int = 0


@dataclass(frozen=True)
class AuditLine:
    """One audit event about this case."""

    seq: int
    at: str
    actor: str
    action: str
    object: str


@dataclass(frozen=True)
class MarkPair:
    """An examiner's link between the person's mark and the Body's, with both crops."""

    am: MarkView
    pm: MarkView
    link: LinkView
    am_crop: bytes | None
    """None for a mark the family described without a photo."""
    pm_crop: bytes | None


@dataclass(frozen=True)
class ReportContent:
    """Everything one identification report shows."""

    ident: IdentificationView
    person_fields: dict[str, str | None]
    body_fields: dict[str, str | None]
    pictures: tuple[Picture, ...]
    full_body: bool
    audit: tuple[AuditLine, ...]
    chain_events: int
    chain_head: str
    contacts: tuple[SubmissionView, ...] | None
    """Only when a user holding the contact grant chose to include them."""
    generated_by: str
    generated_at: str
    evidence_files: tuple[tuple[str, int, str], ...]
    """(wording key, photo id, SHA-256) of every evidence file shown or scored."""
    language: str = "en"
    mark_pairs: tuple[MarkPair, ...] = ()
    """The linked marks (current links between the person's and the Body's marks)."""
    agreement: MarksAgreement | None = None
    """What the Body's marks say about each of the person's (None: the person has none)."""
    records: Consistency | None = None
    """What the two records say about each other, rule by rule."""
    calibration: Calibration | None = None
    """The calibration of the frozen score's model (None: none stored)."""
    face: Strength | None = None
    """The frozen score read as a likelihood ratio."""
    fused: Fused | None = None
    """The face's likelihood ratio combined with the records and the marks."""


def _pictures(uow: UnitOfWork, actor: Actor, view: IdentificationView,
              full: list[tuple[int, str]]) -> list[Picture]:
    pairs = view.evidence.get("pairs") or []
    if not isinstance(pairs, list) or not pairs:
        return []
    best = pairs[0]
    render = PictureService(uow.ws)
    shown = [Picture("Family photo (ante-mortem)",
                     render.photo(actor, int(best["am_photo"]), PICTURE_SIZE).png,
                     str(best["am_sha256"]), int(best["am_photo"])),
             Picture("Post-mortem face (crop)",
                     render.face_crop(actor, int(best["pm_face"]), PICTURE_SIZE).png,
                     str(best["pm_sha256"]), int(best["pm_photo"]))]
    for photo_id, sha in full:
        shown.append(Picture("Post-mortem photo {id} (full)",
                             render.photo(actor, photo_id, PICTURE_SIZE).png, sha, photo_id))
    return shown


def _mark_pairs(uow: UnitOfWork, view: IdentificationView
                ) -> list[tuple[MarkView, MarkView, LinkView]]:
    am = {m.id: m for m in uow.marks.views(person_id=view.person_id, side=Side.AM)}
    pm = {m.id: m for m in uow.marks.views(body_id=view.body_id, side=Side.PM)}
    return [(am[k.am_mark_id], pm[k.pm_mark_id], k)
            for k in uow.marks.links(list(am), current_only=True)
            if k.am_mark_id in am and k.pm_mark_id in pm]


def _crop(render: PictureService, actor: Actor, mark: MarkView) -> bytes | None:
    if mark.shape is None:
        return None
    try:
        return render.mark_crop(actor, mark.id, MARK_CROP_SIZE).png
    except AtharError:
        return None  # an evidence file that no longer decodes: verify names it


def _evidence_files(view: IdentificationView, pictures: list[Picture],
                    marks: list[MarkPair]) -> tuple[tuple[str, int, str], ...]:
    seen: dict[str, tuple[str, int]] = {}
    for p in pictures:
        seen.setdefault(p.sha256, (p.caption, p.photo_id))
    for pair in marks:
        for m, what in ((pair.am, "family photo {id}"), (pair.pm, "post-mortem photo {id}")):
            if m.photo_sha256 and m.photo_id:
                seen.setdefault(m.photo_sha256, (what, m.photo_id))
    pairs = view.evidence.get("pairs") or []
    for pair in pairs if isinstance(pairs, list) else []:
        seen.setdefault(str(pair["am_sha256"]), ("family photo {id}", int(pair["am_photo"])))
        seen.setdefault(str(pair["pm_sha256"]), ("post-mortem photo {id}",
                                                int(pair["pm_photo"])))
    return tuple((what, pid, sha) for sha, (what, pid) in seen.items())


def gather(uow: UnitOfWork, actor: Actor, ident_id: int, full_body: bool,
           contact: bool, language: str = "en") -> ReportContent:
    """Collect the report of a confirmed (or revoked) identification. Reads go through the
    use case's unit of work; the pictures are rendered after its transaction ends.

    Raises:
        NotFoundError: no such identification. ReportRefused: not confirmed or revoked.
    """
    view = identification_in(uow, actor, ident_id)
    if view.state not in REPORTABLE:
        raise ReportRefused(f"identification {ident_id} is {view.state.value}: a report is "
                            "made for a confirmed identification (or a revoked one)")
    person, body = uow.owners.person(view.person_id), uow.owners.get_body(view.body_id)
    person_fields, body_fields = uow.records.person_fields(person), uow.records.body_fields(body)
    contacts = tuple(SubmissionView(s.id, s.submitter, s.contact) for s in person.submissions
                     if s.submitter or s.contact) if contact else None
    full = [(p.id, p.sha256) for p in uow.records.photos_of_body(view.body_id)] \
        if full_body else []
    linked = _mark_pairs(uow, view)
    mark_objects = [(kind, str(i)) for am, pm, link in linked
                    for kind, i in (("mark", am.id), ("mark", pm.id), ("mark_link", link.id))]
    events = uow.audit.about([("identification", str(view.id)),
                              ("candidate", str(view.candidate_id)),
                              ("missing_person", str(view.person_id)),
                              ("body", str(view.body_id)), *mark_objects])
    audit = tuple(AuditLine(e.seq, e.at[:19].replace("T", " "), e.actor, e.action,
                            f"{e.object_type} {e.object_id}") for e in events)
    count, head = audit_log.head(uow.session)
    pair = (view.person_id, view.body_id)
    agreement = agreements_in(uow, [pair]).get(pair)
    records = consistency_in(uow, [pair]).get(pair)
    calibration, face = _face_strength(view)
    fused = fuse(face, records, marks_tally(agreement))
    uow.release()  # rendering pictures reads the database on its own, and takes a while
    pictures = _pictures(uow, actor, view, full)
    render = PictureService(uow.ws)
    pairs = [MarkPair(am, pm, link, _crop(render, actor, am), _crop(render, actor, pm))
             for am, pm, link in linked]
    return ReportContent(
        view, person_fields, body_fields, tuple(pictures), full_body, audit, count, head,
        contacts, actor.username, datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        _evidence_files(view, pictures, pairs), language, tuple(pairs), agreement, records,
        calibration, face, fused)


def frozen_before_pooling(evidence: Mapping[str, object]) -> bool:
    """Evidence frozen before the search pooled all photos as it does now (no pooled
    score): its score is of the rule before, which the calibration does not read."""
    return evidence.get("pooled") is None


def _face_strength(view: IdentificationView) -> tuple[Calibration | None, Strength | None]:
    """The frozen score's likelihood ratio under its model's calibration (none for a score
    frozen before the search pooled all photos as it does now: the calibration reads the
    current rule's scores, strength.SCORE_RULE)."""
    model, score = view.evidence.get("model_id"), view.evidence.get("score")
    calibration = calibration_for(str(model)) if model else None
    if (calibration is None or not isinstance(score, int | float)
            or frozen_before_pooling(view.evidence)):
        return calibration, None
    return calibration, strength(calibration, float(score))
