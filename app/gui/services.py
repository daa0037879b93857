"""What the views call: the open workspace, the logged-in session and the use cases.

The views never touch the database, the index or the model: changes go through the
message bus (`handle`), reads through the features' query functions, both from a
background task when the call can be slow. Committed changes come back as `Events.changed`
(one per kind of record), delivered on the GUI thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Signal

from athar.app import model_admin
from athar.app.bootstrap import device_used
from athar.app.gui.tasks import hold_until_delivered
from athar.casework.accounts import preferences
from athar.casework.accounts.preferences import SetPreference
from athar.casework.accounts.users import Login, UserSession
from athar.casework.bus import MessageBus
from athar.casework.checks import consistency as consistency_checks
from athar.casework.checks import duplicates, victims
from athar.casework.checks.consistency import Consistency
from athar.casework.checks.victims import IdentifiedRow, PersonMatches, VictimImportResult
from athar.casework.domain.commands import Command
from athar.casework.domain.entities import CandidateState, IdentificationState, ReviewDecision
from athar.casework.domain.events import Changed
from athar.casework.domain.permissions import Actor, Permission
from athar.casework.intake import persons as person_records
from athar.casework.intake.ingest import ImportPhotos, ImportProgress, ImportReport
from athar.casework.intake.persons import AddPerson, PersonDetail, PersonSummary, SubmissionView
from athar.casework.intake.reembed import ReembedProgress, ReembedReport
from athar.casework.intake.registration import RegisterPerson, Registration
from athar.casework.integrity.verify import VerifyReport, verify_workspace
from athar.casework.marks import search as mark_search
from athar.casework.marks import views as mark_views
from athar.casework.marks.annotate import AddMark, DescribeMark, EditMark, WithdrawMark
from athar.casework.marks.links import LinkMarks
from athar.casework.marks.search import MarkQuery, MarksAgreement, SearchResult
from athar.casework.marks.views import MarkDetail, MarkList
from athar.casework.matching import candidates as candidate_lists
from athar.casework.matching.candidates import CandidateView
from athar.casework.matching.search import DEFAULT_TOP, RunSearch
from athar.casework.records import browse
from athar.casework.records.browse import (
    ActivityView,
    AuditFilter,
    BodyDetail,
    BodySummary,
    CollectionView,
    Overview,
    UpdateBody,
)
from athar.casework.records.estimates import RecordEstimates
from athar.casework.records.manual_faces import FacePreview, MarkFace, preview_faces
from athar.casework.records.pictures import Picture, PictureService
from athar.casework.records.subject import ChooseSubject
from athar.casework.reports import weight
from athar.casework.reports.service import MakeReport, ReportResult
from athar.casework.reports.weight import Weighed
from athar.casework.review import context, queue, signoff
from athar.casework.review.context import ReviewContext
from athar.casework.review.reviews import (
    CloseCandidate,
    OpenCandidate,
    RecordReview,
    ReviewResult,
)
from athar.casework.review.signoff import IdentificationView
from athar.casework.storage.workspace import Workspace

R = TypeVar("R")


class Events(QObject):
    """Tells every view that the workspace changed (they refresh what they show)."""

    changed = Signal(str)
    """What changed: a `Topic` ("import", "person", "body", "face", "search", "settings",
    "review", "users", "marks")."""

    def publish(self, changed: Changed) -> None:
        """A committed change (from any thread): one signal per kind of record. Made by a
        background task, it is delivered after that task's own callback."""
        if not hold_until_delivered(lambda: self._emit(changed)):
            self._emit(changed)

    def _emit(self, changed: Changed) -> None:
        for topic in sorted(changed.topics):
            self.changed.emit(str(topic))


@dataclass
class Services:
    """The open workspace, its message bus, and the session of the user working on it."""

    ws: Workspace
    session: UserSession
    device: str = "CPU"
    events: Events = field(default_factory=Events)
    model_problem: str | None = None
    """Why the workspace's active model is not the one in use (not installed here)."""

    def __post_init__(self) -> None:
        app = QCoreApplication.instance()
        if app is not None and self.events.thread() is not app.thread():
            # Made in a background task (opening takes time): deliver on the GUI thread.
            self.events.moveToThread(app.thread())
        self.bus = MessageBus(self.ws)
        self.pictures = PictureService(self.ws)
        self._unsubscribe = self.ws.changes.subscribe(self.events.publish)

    # -- who --------------------------------------------------------------------------

    def actor(self) -> Actor:
        """The logged-in user; SessionLocked once the session locked itself."""
        return self.session.actor()

    def may(self, permission: Permission) -> bool:
        """Whether the logged-in user holds a permission (False while locked)."""
        return not self.session.locked and self.session.actor().may(permission)

    def unlock(self, username: str, password: str) -> None:
        """Resume a locked session after a fresh login of the same user."""
        self.session.unlock(self.bus.handle(Login(username, password), None))

    @property
    def workspace_path(self) -> Path:
        """The workspace folder."""
        return self.ws.paths.root

    def handle(self, cmd: Command[R]) -> R:
        """Run a use case as the logged-in user (call from the write pool)."""
        return self.bus.handle(cmd, self.actor())

    # -- reading -------------------------------------------------------------------------

    def overview(self) -> Overview:
        """Counts, candidates by state and recent activity."""
        return browse.overview(self.ws, self.actor())

    def collections(self) -> list[CollectionView]:
        """Post-mortem collections."""
        return browse.collections(self.ws, self.actor())

    def bodies(self, collection_id: int | None) -> list[BodySummary]:
        """Bodies of a collection (or all)."""
        return browse.bodies(self.ws, self.actor(), collection_id)

    def body(self, body_id: int) -> BodyDetail:
        """One Body's page."""
        return browse.body_detail(self.ws, self.actor(), body_id)

    def duplicates(self, body_id: int) -> tuple[list[duplicates.PairEvidence],
                                                list[duplicates.RelationView]]:
        """A Body's possible duplicates and the decisions about it (undone ones too)."""
        actor = self.actor()
        return (duplicates.suggestions(self.ws, actor, body_id),
                duplicates.relations(self.ws, actor, body_id))

    def persons(self) -> list[PersonSummary]:
        """All missing persons."""
        return person_records.list_persons(self.ws, self.actor())

    def person(self, person_id: int) -> PersonDetail:
        """One missing person's record."""
        return person_records.person_detail(self.ws, self.actor(), person_id)

    def submissions(self, person_id: int) -> list[SubmissionView]:
        """Submitters (contact only for users granted it; viewing it is audited)."""
        return person_records.submissions_of(self.ws, person_id, self.actor())

    def candidates(self, person_id: int, states: frozenset[CandidateState] | None
                   ) -> list[CandidateView]:
        """The person's Candidates, best first."""
        return candidate_lists.candidates_of(self.ws, self.actor(), person_id, states)

    def activity(self, limit: int, before: int | None = None) -> list[ActivityView]:
        """Audit events, newest first."""
        return browse.recent_activity(self.ws, self.actor(), limit, before)

    def face_crop(self, face_id: int, size: int) -> Picture:
        """An upright face crop."""
        return self.pictures.face_crop(self.actor(), face_id, size)

    def photo(self, photo_id: int, max_side: int, blur: bool) -> Picture:
        """A photo, fitted and optionally blurred."""
        return self.pictures.photo(self.actor(), photo_id, max_side, blur)

    def blur_pm_photos(self) -> bool:
        """The user's choice: blur post-mortem photos until clicked."""
        return preferences.preference(self.ws, self.actor(), "blur_pm_photos") == "1"

    def aligned_face(self, face_id: int, size: int) -> Picture:
        """A face warped onto the common landmark template (for the overlay)."""
        return self.pictures.aligned_face(self.actor(), face_id, size)

    def review_queue(self, person_id: int | None = None, collection: str | None = None,
                     states: frozenset[CandidateState] | None = None) -> list[CandidateView]:
        """Candidates awaiting review, as this user may see them."""
        return queue.review_queue(self.ws, self.actor(), person_id, collection, states)

    def queue_news(self, since: datetime | None = None) -> queue.QueueNews:
        """What reached the review queue since this user's last visit (or `since`)."""
        return queue.queue_news(self.ws, self.actor(), since)

    def record_queue_visit(self) -> None:
        """This user looked at the review queue now (call from the write pool)."""
        self.handle(queue.RecordQueueVisit())

    def review_context(self, candidate_id: int) -> ReviewContext:
        """One candidate as this user may see it (blind review applied)."""
        return context.review_context(self.ws, self.actor(), candidate_id)

    def identifications(self, state: IdentificationState | None = None
                        ) -> list[IdentificationView]:
        """Identifications with their evidence and history."""
        return signoff.identifications(self.ws, self.actor(), state)

    def verify(self) -> VerifyReport:
        """Check the audit chain, the evidence files and the indexes."""
        return verify_workspace(self.ws, self.actor())

    def filtered_activity(self, limit: int, before: int | None, where: AuditFilter
                          ) -> list[ActivityView]:
        """Audit events a filter keeps, newest first."""
        return browse.recent_activity(self.ws, self.actor(), limit, before, where)

    def marks(self, *, body_id: int | None = None, person_id: int | None = None
              ) -> MarkList:
        """A Body's or a person's marks (withdrawn ones too) with their links."""
        return mark_views.marks_of(self.ws, self.actor(), body_id=body_id,
                                   person_id=person_id)

    def mark_detail(self, mark_id: int) -> MarkDetail:
        """A mark with its history and links."""
        return mark_views.mark_detail(self.ws, self.actor(), mark_id)

    def mark_crop(self, mark_id: int, size: int) -> Picture:
        """A mark's region with its outline, fitted in size x size."""
        return self.pictures.mark_crop(self.actor(), mark_id, size)

    def search_marks(self, query: MarkQuery) -> SearchResult:
        """Bodies with marks that answer the query, best first."""
        return mark_search.search_marks(self.ws, self.actor(), query)

    def consistency(self, pairs: list[tuple[int, int]]) -> dict[tuple[int, int], Consistency]:
        """What each pair's two records say about each other, rule by rule."""
        return consistency_checks.consistency(self.ws, self.actor(), pairs)

    def record_estimates(self, cmd: RecordEstimates) -> dict[str, list[object]]:
        """Record a Body's forensic estimates (examiners and supervisors)."""
        return self.handle(cmd)

    def victim_matches(self, person_id: int | None = None) -> list[PersonMatches]:
        """The documented-victims records that may be each person (or one)."""
        return victims.match_persons(self.ws, self.actor(), person_id)

    def victims_identified(self) -> list[IdentifiedRow]:
        """Every confirmed identification, in a victims' list or not."""
        return victims.identified_report(self.ws, self.actor())

    def import_victims(self, path: Path) -> VictimImportResult:
        """Import a documented-victims list (bad rows listed, good ones kept)."""
        return self.handle(victims.ImportVictims(path))

    def evidence(self, rows: list[CandidateView]) -> dict[tuple[int, int], Weighed]:
        """Each candidate's evidence weighed: face LR, record checks, marks, fused."""
        return weight.weigh(self.ws, self.actor(), rows)

    def evidence_of(self, ctx: ReviewContext) -> Weighed:
        """The open candidate's evidence weighed (as this reviewer may see it)."""
        return weight.weigh_context(self.ws, self.actor(), ctx)

    def mark_agreements(self, pairs: list[tuple[int, int]]
                        ) -> dict[tuple[int, int], MarksAgreement]:
        """What each Body's marks say about its person's (pairs without marks left out)."""
        return mark_search.agreements(self.ws, self.actor(), pairs)

    def preview(self, path: Path) -> FacePreview:
        """Faces the model finds in a file about to be added (nothing is stored)."""
        return preview_faces(self.ws, self.actor(), path)

    # -- changing (call from the write pool) -----------------------------------------------

    def set_blur_pm_photos(self, on: bool) -> None:
        """Change the user's blur preference."""
        self.handle(SetPreference("blur_pm_photos", "1" if on else "0"))

    def import_folder(self, cmd: ImportPhotos, progress: Callable[[ImportProgress], None],
                      cancel: threading.Event) -> ImportReport:
        """Run an import; what is done stays done when cancelled."""
        return self.handle(replace(cmd, progress=progress, cancel=cancel))

    def models(self) -> list[model_admin.ModelRow]:
        """The embedded model and the installed packs, with this workspace's vectors."""
        return model_admin.model_rows(self.ws)

    def install_model(self, path: Path) -> tuple[str, bool]:
        """Verify and install a model pack (folder or zip): (its id, whether new)."""
        return model_admin.install(path)

    def activate_model(self, model_id: str, device: str) -> str:
        """Make a model the workspace's active one (supervisors; refused while faces lack
        its vectors) and work with it from now on in this session; returns its id."""
        target = model_admin.activate(self.ws, self.actor(), model_id, device)
        self.ws, self.bus = target, MessageBus(target)
        self.model_problem = None
        self.device = device_used(target)
        return target.model.model_id

    def reembed(self, model_id: str, device: str, progress: Callable[[ReembedProgress], None],
                cancel: threading.Event) -> ReembedReport:
        """Add a model's vectors to every face (supervisors); resumable, cancellable."""
        return model_admin.reembed(self.ws, self.actor(), model_id, device, progress, cancel)

    def add_person(self, cmd: AddPerson, photos: list[Path]) -> Registration:
        """Create a missing person and file the family's photos (checked first: nothing is
        recorded when one cannot be filed)."""
        return self.handle(RegisterPerson(cmd, tuple(photos)))

    def search(self, person_id: int, top: int = DEFAULT_TOP, fuse: tuple[str, ...] = (),
               device: str = "auto") -> None:
        """Search the post-mortem index for a person; Candidates are stored. With `fuse`,
        the list is ranked by this session's model and those models together (the mean of
        their calibrated scores; refused when one has no calibration)."""
        fusion = model_admin.fusion(self.ws, list(fuse), device)
        self.handle(RunSearch(person_ids=(person_id,), top=top, fusion=fusion))

    def fusion_choices(self) -> list[model_admin.FusionChoice]:
        """The models a search could be fused with, or why each cannot be."""
        return model_admin.fusion_choices(self.ws)

    def update_body(self, body_id: int, changes: dict[str, str]) -> dict[str, list[str | None]]:
        """Edit a Body's numbers (audited)."""
        return self.handle(UpdateBody(body_id, changes))

    def mark_face(self, cmd: MarkFace) -> int:
        """Mark a face by hand; returns the new face id."""
        return self.handle(cmd)

    def choose_subject(self, face_id: int) -> int:
        """Make a found face its photo's subject; returns the photo id."""
        return self.handle(ChooseSubject(face_id))

    def open_candidate(self, candidate_id: int) -> ReviewContext:
        """Open a candidate for review (its state is in_review meanwhile)."""
        return self.handle(OpenCandidate(candidate_id))

    def close_candidate(self, candidate_id: int) -> None:
        """Leave a candidate without deciding."""
        self.handle(CloseCandidate(candidate_id))

    def record_review(self, candidate_id: int, decision: ReviewDecision, rationale: str
                      ) -> ReviewResult:
        """Record this user's review."""
        return self.handle(RecordReview(candidate_id, decision, rationale))

    def sign_off(self, action: str, ident_id: int, reason: str) -> None:
        """Confirm, return or revoke an identification (supervisors)."""
        commands = {"confirm": signoff.ConfirmIdentification,
                    "return": signoff.ReturnIdentification,
                    "revoke": signoff.RevokeIdentification}
        self.handle(commands[action](ident_id, reason))

    def make_report(self, ident_id: int, out: Path, full_body: bool = False,
                    contact: bool = False, language: str = "en") -> ReportResult:
        """Write an identification's PDF report (in "en" or "ar")."""
        return self.handle(MakeReport(ident_id, out, full_body, contact, language))

    def change_mark(self, cmd: AddMark | DescribeMark | EditMark | WithdrawMark | LinkMarks
                    ) -> int | None:
        """Record, describe, edit, withdraw or link marks (examiners and supervisors)."""
        return self.handle(cmd)

    def close(self) -> None:
        """Stop listening, save indexes and release the workspace."""
        self._unsubscribe()
        self.ws.close()
