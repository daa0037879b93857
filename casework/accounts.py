"""Local accounts, roles and permissions; every service checks its caller here."""

from __future__ import annotations

import enum
import time
from collections.abc import Callable
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import select
from sqlalchemy.orm import Session

from athar.casework import audit
from athar.casework.entities import Role, Setting, User
from athar.casework.errors import AtharError, InvalidRequest, RuleViolation

MIN_PASSWORD = 10
DEFAULT_IDLE_LOCK_S = 15 * 60


class Permission(enum.StrEnum):
    """What a service call needs."""

    IMPORT = "import"
    ADD_PERSON = "add_person"
    EDIT_RECORDS = "edit_records"
    SEARCH = "search"
    VERIFY = "verify"
    MANAGE_USERS = "manage_users"
    AUDIT_EXPORT = "audit_export"
    CHECKPOINT = "checkpoint"
    BACKUP = "backup"
    CHANGE_PASSPHRASE = "change_passphrase"
    SETTINGS = "settings"
    VIEW_CONTACT = "view_contact"
    VIEW_RECORDS = "view_records"
    """See collections, bodies, persons, candidates and images (every role)."""


_IDENTIFIER = {Permission.IMPORT, Permission.ADD_PERSON, Permission.EDIT_RECORDS,
               Permission.SEARCH, Permission.VERIFY, Permission.VIEW_RECORDS}
ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.IDENTIFIER: frozenset(_IDENTIFIER),
    Role.EXAMINER: frozenset({Permission.VERIFY, Permission.VIEW_RECORDS}),
    Role.SUPERVISOR: frozenset(_IDENTIFIER | {
        Permission.MANAGE_USERS, Permission.AUDIT_EXPORT, Permission.CHECKPOINT,
        Permission.BACKUP, Permission.CHANGE_PASSPHRASE, Permission.SETTINGS}),
}
"""Seeing a submitter's contact is not a role's: it is granted to each user on its own."""


class PermissionDenied(RuleViolation):
    """The acting user's role does not allow this action."""


class AuthenticationFailed(AtharError):
    """Unknown user, wrong password or deactivated account (deliberately not which)."""


class SessionLocked(RuleViolation):
    """The session was idle too long and must be unlocked again."""


@dataclass(frozen=True)
class Actor:
    """The authenticated user a service acts for."""

    user_id: int
    username: str
    role: Role
    can_view_contact: bool = False

    def may(self, permission: Permission) -> bool:
        """Whether this user holds the permission."""
        if permission is Permission.VIEW_CONTACT:
            return self.can_view_contact
        return permission in ROLE_PERMISSIONS[self.role]


def require(actor: Actor, permission: Permission) -> None:
    """Raise PermissionDenied unless the actor holds the permission."""
    if not actor.may(permission):
        raise PermissionDenied(
            f"{actor.username} ({actor.role.value}) may not {permission.value.replace('_', ' ')}")


_HASHER = PasswordHasher()


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise InvalidRequest(f"a password needs at least {MIN_PASSWORD} characters")


def _actor(user: User) -> Actor:
    return Actor(user.id, user.username, user.role, user.can_view_contact)


@dataclass(frozen=True)
class CreateUser:
    """Command: add a local account."""

    username: str
    password: str
    role: Role
    can_view_contact: bool = False


def create_user(session: Session, cmd: CreateUser, actor: Actor | None) -> Actor:
    """Add an account; `actor` None only for the first supervisor of a new workspace.

    Raises:
        PermissionDenied: the actor may not manage users.
        InvalidRequest: bad name or password, or the name is taken.
    """
    if actor is None:
        if session.scalars(select(User.id).limit(1)).first() is not None:
            raise PermissionDenied("only a supervisor may add users")
        if cmd.role is not Role.SUPERVISOR:
            raise InvalidRequest("the first account of a workspace must be a supervisor")
    else:
        require(actor, Permission.MANAGE_USERS)
    name = cmd.username.strip()
    if not name or len(name) > 80 or not name.isprintable():
        raise InvalidRequest("a user name must be 1 to 80 printable characters")
    _check_password(cmd.password)
    if session.scalars(select(User.id).where(User.username == name)).first() is not None:
        raise InvalidRequest(f"user name {name!r} is already taken")
    user = User(username=name, role=cmd.role, password_hash=_HASHER.hash(cmd.password),
                can_view_contact=cmd.can_view_contact, active=True)
    session.add(user)
    session.flush()
    audit.record(session, actor.username if actor else "(workspace creation)", "user.create",
                 "user", user.id, {"username": name, "role": cmd.role.value,
                                   "can_view_contact": cmd.can_view_contact})
    return _actor(user)


def authenticate(session: Session, username: str, password: str) -> Actor:
    """Check a password; the attempt is audited either way.

    Raises:
        AuthenticationFailed: unknown, inactive or wrong password.
    """
    user = session.scalars(select(User).where(User.username == username.strip())).first()
    ok = False
    if user is not None and user.active:
        try:
            ok = _HASHER.verify(user.password_hash, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            ok = False
    audit.record(session, username.strip()[:80], "user.login" if ok else "user.login_failed",
                 "user", user.id if user else "-", {})
    if not ok or user is None:
        raise AuthenticationFailed("unknown user or wrong password")
    return _actor(user)


def set_active(session: Session, username: str, active: bool, actor: Actor) -> None:
    """Deactivate (or re-activate) an account; accounts are never deleted (audit trail)."""
    require(actor, Permission.MANAGE_USERS)
    user = session.scalars(select(User).where(User.username == username)).first()
    if user is None:
        raise InvalidRequest(f"no user {username!r}")
    if user.id == actor.user_id and not active:
        raise InvalidRequest("a supervisor cannot deactivate their own account")
    user.active = active
    audit.record(session, actor.username, "user.activate" if active else "user.deactivate",
                 "user", user.id, {"username": username})


def set_password(session: Session, username: str, password: str, actor: Actor) -> None:
    """Change a password: one's own, or anyone's for a supervisor."""
    if username != actor.username:
        require(actor, Permission.MANAGE_USERS)
    _check_password(password)
    user = session.scalars(select(User).where(User.username == username)).first()
    if user is None:
        raise InvalidRequest(f"no user {username!r}")
    user.password_hash = _HASHER.hash(password)
    audit.record(session, actor.username, "user.password", "user", user.id, {})


def idle_lock_seconds(session: Session) -> int:
    """The configured idle-lock delay (seconds)."""
    row = session.get(Setting, "idle_lock_s")
    return int(row.value) if row is not None else DEFAULT_IDLE_LOCK_S


def set_idle_lock_seconds(session: Session, seconds: int, actor: Actor) -> None:
    """Configure after how long an idle session locks itself (60 s to 8 h)."""
    require(actor, Permission.SETTINGS)
    if not 60 <= seconds <= 8 * 3600:
        raise InvalidRequest("the idle lock must be between 60 seconds and 8 hours")
    row = session.get(Setting, "idle_lock_s")
    if row is None:
        session.add(Setting(key="idle_lock_s", value=str(seconds)))
    else:
        row.value = str(seconds)
    audit.record(session, actor.username, "settings.idle_lock", "setting", "idle_lock_s",
                 {"seconds": seconds})


class UserSession:
    """A logged-in user that locks after an idle delay; the UI calls `touch()` on activity."""

    def __init__(self, actor: Actor, idle_lock_s: int,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._actor: Actor | None = actor
        self._owner = actor.user_id
        self._idle = idle_lock_s
        self._clock = clock
        self._last = clock()

    @property
    def locked(self) -> bool:
        """True once the idle delay has passed (or `lock()` was called)."""
        if self._actor is not None and self._clock() - self._last > self._idle:
            self._actor = None
        return self._actor is None

    def touch(self) -> None:
        """Record activity (keeps the session open)."""
        if not self.locked:
            self._last = self._clock()

    def lock(self) -> None:
        """Lock now."""
        self._actor = None

    def actor(self) -> Actor:
        """The user, or SessionLocked when the session has locked itself."""
        if self.locked or self._actor is None:
            raise SessionLocked("the session locked itself after inactivity: log in again")
        self._last = self._clock()
        return self._actor

    def unlock(self, actor: Actor) -> None:
        """Resume after a fresh authentication of the same user."""
        if actor.user_id != self._owner:
            raise SessionLocked("a locked session can only be resumed by its own user")
        self._actor, self._last = actor, self._clock()
