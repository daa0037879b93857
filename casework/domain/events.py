"""Domain events: what a use case did, with a typed name. The unit of work turns each into
one audit event in the same transaction, and after the commit the bus tells the views
which kinds of record changed (a typed `Changed` notification)."""

from __future__ import annotations

import enum
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any


class AuditAction(enum.StrEnum):
    """Every action the audit log records (the stored `action` strings)."""

    USER_CREATE = "user.create"
    USER_LOGIN = "user.login"
    USER_LOGIN_FAILED = "user.login_failed"
    USER_ACTIVATE = "user.activate"
    USER_DEACTIVATE = "user.deactivate"
    USER_PASSWORD = "user.password"
    SETTINGS_IDLE_LOCK = "settings.idle_lock"
    SETTINGS_PREFERENCE = "settings.preference"
    IMPORT_START = "import.start"
    IMPORT_FINISH = "import.finish"
    PHOTO_IMPORT = "photo.import"
    PERSON_CREATE = "person.create"
    CONTACT_VIEW = "contact.view"
    BODY_NUMBERS = "body.numbers"
    BODY_EDIT = "body.edit"
    BODY_ESTIMATES = "body.estimates"
    FACE_MARK = "face.mark"
    FACE_REEMBED = "face.reembed"
    FACE_SUBJECT = "face.subject"
    SEARCH_RUN = "search.run"
    INDEX_REBUILD = "index.rebuild"
    WORKSPACE_BACKUP = "workspace.backup"
    WORKSPACE_PASSPHRASE = "workspace.passphrase"
    AUDIT_CHECKPOINT = "audit.checkpoint"
    AUDIT_EXPORT = "audit.export"
    CANDIDATE_OPEN = "candidate.open"
    CANDIDATE_CLOSE = "candidate.close"
    REVIEW_RECORD = "review.record"
    IDENTIFICATION_PROPOSE = "identification.propose"
    IDENTIFICATION_CONFIRM = "identification.confirm"
    IDENTIFICATION_RETURN = "identification.return"
    IDENTIFICATION_REVOKE = "identification.revoke"
    SETTINGS_BLIND_REVIEW = "settings.blind_review"
    SETTINGS_ACTIVE_MODEL = "settings.active_model"
    REPORT_MAKE = "report.make"
    MARK_ADD = "mark.add"
    MARK_DESCRIBE = "mark.describe"
    MARK_EDIT = "mark.edit"
    MARK_WITHDRAW = "mark.withdraw"
    MARK_LINK = "mark.link"
    VICTIMS_IMPORT = "victims.import"
    BODY_RELATE = "body.relate"
    BODY_RELATION_UNDO = "body.relation_undo"
    MATCH_NEW = "search.match_new"
    REVIEW_QUEUE_VISIT = "review.queue_visit"


class Topic(enum.StrEnum):
    """Which kind of record a committed change touched (what a view refreshes)."""

    IMPORT = "import"
    PERSON = "person"
    BODY = "body"
    FACE = "face"
    SEARCH = "search"
    SETTINGS = "settings"
    REVIEW = "review"
    USERS = "users"
    MARKS = "marks"
    VICTIMS = "victims"


TOPIC_OF: Mapping[AuditAction, Topic] = {
    AuditAction.USER_CREATE: Topic.USERS,
    AuditAction.USER_ACTIVATE: Topic.USERS,
    AuditAction.USER_DEACTIVATE: Topic.USERS,
    AuditAction.SETTINGS_IDLE_LOCK: Topic.SETTINGS,
    AuditAction.SETTINGS_PREFERENCE: Topic.SETTINGS,
    AuditAction.IMPORT_FINISH: Topic.IMPORT,
    AuditAction.PHOTO_IMPORT: Topic.IMPORT,
    AuditAction.PERSON_CREATE: Topic.PERSON,
    AuditAction.BODY_NUMBERS: Topic.BODY,
    AuditAction.BODY_EDIT: Topic.BODY,
    AuditAction.BODY_ESTIMATES: Topic.BODY,
    AuditAction.FACE_MARK: Topic.FACE,
    AuditAction.FACE_SUBJECT: Topic.FACE,
    AuditAction.FACE_REEMBED: Topic.SEARCH,
    AuditAction.SEARCH_RUN: Topic.SEARCH,
    AuditAction.INDEX_REBUILD: Topic.SEARCH,
    AuditAction.CANDIDATE_OPEN: Topic.REVIEW,
    AuditAction.CANDIDATE_CLOSE: Topic.REVIEW,
    AuditAction.REVIEW_RECORD: Topic.REVIEW,
    AuditAction.IDENTIFICATION_PROPOSE: Topic.REVIEW,
    AuditAction.IDENTIFICATION_CONFIRM: Topic.REVIEW,
    AuditAction.IDENTIFICATION_RETURN: Topic.REVIEW,
    AuditAction.IDENTIFICATION_REVOKE: Topic.REVIEW,
    AuditAction.SETTINGS_BLIND_REVIEW: Topic.SETTINGS,
    AuditAction.SETTINGS_ACTIVE_MODEL: Topic.SETTINGS,
    AuditAction.MARK_ADD: Topic.MARKS,
    AuditAction.MARK_DESCRIBE: Topic.MARKS,
    AuditAction.MARK_EDIT: Topic.MARKS,
    AuditAction.MARK_WITHDRAW: Topic.MARKS,
    AuditAction.MARK_LINK: Topic.MARKS,
    AuditAction.VICTIMS_IMPORT: Topic.VICTIMS,
    AuditAction.BODY_RELATE: Topic.BODY,
    AuditAction.BODY_RELATION_UNDO: Topic.BODY,
    AuditAction.MATCH_NEW: Topic.SEARCH,
}
"""Actions that change what a screen shows; logins, exports and the like change none."""


@dataclass(frozen=True)
class DomainEvent:
    """One thing a use case did, recorded as one audit event when its transaction commits.

    Attributes:
        action: the typed name.
        object_type: what kind of record it concerns ("photo", "missing_person", ...).
        object_id: which one.
        details: what changed (JSON-serialisable; never images or vectors).
        actor: who, when not the unit of work's user (a failed login's attempted name,
            the workspace's creation).
    """

    action: AuditAction
    object_type: str
    object_id: object
    details: Mapping[str, Any] = field(default_factory=dict)
    actor: str | None = None

    @property
    def topic(self) -> Topic | None:
        """The kind of record this changed, if a screen shows it."""
        return TOPIC_OF.get(self.action)


@dataclass(frozen=True)
class Changed:
    """Published after a use case committed: the kinds of record it changed."""

    topics: frozenset[Topic]


Listener = Callable[[Changed], None]


class ChangeFeed:
    """Who hears about committed changes (the desktop's views; nobody on the command line).

    Thread-safe: use cases run on worker threads; listeners must hand over to their own
    thread themselves (Qt's queued signals do).
    """

    def __init__(self) -> None:
        self._listeners: list[Listener] = []
        self._lock = threading.Lock()

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Add a listener; returns the function that removes it again."""
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    def publish(self, changed: Changed) -> None:
        """Tell every listener (nothing when no kind of record changed)."""
        if not changed.topics:
            return
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            listener(changed)
