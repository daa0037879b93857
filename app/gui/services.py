"""What the views call: the open workspace, the logged-in session and the services.

The views never touch the database, the index or the model: they call these methods,
from a background task when the call can be slow.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal

from athar.casework import browse, candidates, persons, users
from athar.casework.accounts import Actor, Permission, UserSession
from athar.casework.context import Workspace
from athar.casework.entities import CandidateState
from athar.casework.ingest import ImportPhotos, ImportProgress, ImportReport, ImportService
from athar.casework.marking import FaceMarker, FacePreview, MarkFace, preview_faces
from athar.casework.pictures import Picture, PictureService
from athar.casework.registration import RegisterPerson, Registration, register_person
from athar.casework.search import RunSearch, SearchService


class Events(QObject):
    """Tells every view that the workspace changed (they refresh what they show)."""

    changed = Signal(str)
    """What changed: "import", "person", "body", "face", "search", "settings"."""


@dataclass
class Services:
    """The open workspace and the session of the user working on it."""

    ws: Workspace
    session: UserSession
    device: str = "CPU"
    events: Events = field(default_factory=Events)

    def __post_init__(self) -> None:
        app = QCoreApplication.instance()
        if app is not None and self.events.thread() is not app.thread():
            # Made in a background task (opening takes time): deliver on the GUI thread.
            self.events.moveToThread(app.thread())
        self.pictures = PictureService(self.ws)
        self.marker = FaceMarker(self.ws)
        self._search = SearchService(self.ws)

    # -- who --------------------------------------------------------------------------

    def actor(self) -> Actor:
        """The logged-in user; SessionLocked once the session locked itself."""
        return self.session.actor()

    def may(self, permission: Permission) -> bool:
        """Whether the logged-in user holds a permission (False while locked)."""
        return not self.session.locked and self.session.actor().may(permission)

    def unlock(self, username: str, password: str) -> None:
        """Resume a locked session after a fresh login of the same user."""
        self.session.unlock(users.login(self.ws, username, password))

    @property
    def workspace_path(self) -> Path:
        """The workspace folder."""
        return self.ws.paths.root

    # -- reading -------------------------------------------------------------------------

    def overview(self) -> browse.Overview:
        """Counts, candidates by state and recent activity."""
        return browse.overview(self.ws, self.actor())

    def collections(self) -> list[browse.CollectionView]:
        """Post-mortem collections."""
        return browse.collections(self.ws, self.actor())

    def bodies(self, collection_id: int | None) -> list[browse.BodySummary]:
        """Bodies of a collection (or all)."""
        return browse.bodies(self.ws, self.actor(), collection_id)

    def body(self, body_id: int) -> browse.BodyDetail:
        """One Body's page."""
        return browse.body_detail(self.ws, self.actor(), body_id)

    def persons(self) -> list[persons.PersonSummary]:
        """All missing persons."""
        return persons.list_persons(self.ws, self.actor())

    def person(self, person_id: int) -> persons.PersonDetail:
        """One missing person's record."""
        return persons.person_detail(self.ws, self.actor(), person_id)

    def submissions(self, person_id: int) -> list[persons.SubmissionView]:
        """Submitters (contact only for users granted it; viewing it is audited)."""
        return persons.submissions_of(self.ws, person_id, self.actor())

    def candidates(self, person_id: int, states: frozenset[CandidateState] | None
                   ) -> list[candidates.CandidateView]:
        """The person's Candidates, best first."""
        return candidates.candidates_of(self.ws, self.actor(), person_id, states)

    def activity(self, limit: int, before: int | None = None) -> list[browse.ActivityView]:
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
        return users.preference(self.ws, self.actor(), "blur_pm_photos") == "1"

    def set_blur_pm_photos(self, on: bool) -> None:
        """Change the user's blur preference."""
        users.set_preference(self.ws, self.actor(), "blur_pm_photos", "1" if on else "0")

    def preview(self, path: Path) -> FacePreview:
        """Faces the model finds in a file about to be added (nothing is stored)."""
        self.actor()
        return preview_faces(self.marker, path)

    # -- changing (call from the write pool) -----------------------------------------------

    def import_folder(self, cmd: ImportPhotos, progress: Callable[[ImportProgress], None],
                      cancel: threading.Event) -> ImportReport:
        """Run an import; what is done stays done when cancelled."""
        return ImportService(self.ws).run(cmd, self.actor(), progress, cancel)

    def add_person(self, cmd: persons.AddPerson, photos: list[Path]) -> Registration:
        """Create a missing person and file the family's photos (checked first: nothing is
        recorded when one cannot be filed)."""
        return register_person(self.ws, RegisterPerson(cmd, tuple(photos)), self.actor())

    def search(self, person_id: int, top: int = 20) -> None:
        """Search the post-mortem index for a person; Candidates are stored."""
        self._search.run(RunSearch(person_ids=(person_id,), top=top), self.actor())

    def update_body(self, body_id: int, changes: dict[str, str]) -> dict[str, list[str | None]]:
        """Edit a Body's numbers (audited)."""
        return browse.update_body(self.ws, browse.UpdateBody(body_id, changes), self.actor())

    def mark_face(self, cmd: MarkFace) -> int:
        """Mark a face by hand; returns the new face id."""
        return self.marker.mark(cmd, self.actor())

    def close(self) -> None:
        """Save indexes and release the workspace."""
        self.ws.close()
