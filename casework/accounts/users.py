"""Local accounts: creating users, logging in, passwords, the idle lock and sessions.

Every use case is a command with a handler `(cmd, uow, actor)`; the functions at the end
(`login`, `add_user`, ...) run one through its own unit of work, for scripts and tests.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from athar.casework.domain.commands import Command
from athar.casework.domain.entities import Role, User
from athar.casework.domain.errors import InvalidRequest
from athar.casework.domain.events import AuditAction
from athar.casework.domain.permissions import (
    Actor,
    AuthenticationFailed,
    Permission,
    PermissionDenied,
    SessionLocked,
    require,
)
from athar.casework.storage.uow import UnitOfWork, execute
from athar.casework.storage.workspace import Workspace

MIN_PASSWORD = 10
DEFAULT_IDLE_LOCK_S = 15 * 60
IDLE_LOCK_KEY = "idle_lock_s"
FIRST_SUPERVISOR = "(workspace creation)"

_HASHER = PasswordHasher()


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise InvalidRequest(f"a password needs at least {MIN_PASSWORD} characters")


def _actor(user: User) -> Actor:
    return Actor(user.id, user.username, user.role, user.can_view_contact)


@dataclass(frozen=True)
class CreateUser(Command[Actor]):
    """Command: add a local account."""

    username: str
    password: str
    role: Role
    can_view_contact: bool = False


@dataclass(frozen=True)
class Login(Command[Actor]):
    """Command: check a user's password (the attempt is audited either way)."""

    username: str
    password: str


@dataclass(frozen=True)
class SetActive(Command[None]):
    """Command: deactivate (or re-activate) an account; accounts are never deleted."""

    username: str
    active: bool


@dataclass(frozen=True)
class SetPassword(Command[None]):
    """Command: change a password (one's own, or anyone's for a supervisor)."""

    username: str
    password: str


@dataclass(frozen=True)
class SetIdleLock(Command[None]):
    """Command: after how long an idle session locks itself (60 s to 8 h)."""

    seconds: int


def handle_create_user(cmd: CreateUser, uow: UnitOfWork, actor: Actor | None) -> Actor:
    """Add an account; `actor` None only for the first supervisor of a new workspace.

    Raises:
        PermissionDenied: the actor may not manage users.
        InvalidRequest: bad name or password, or the name is taken.
    """
    if actor is None:
        if uow.users.any():
            raise PermissionDenied("only a supervisor may add users")
        if cmd.role is not Role.SUPERVISOR:
            raise InvalidRequest("the first account of a workspace must be a supervisor")
    else:
        require(actor, Permission.MANAGE_USERS)
    name = cmd.username.strip()
    if not name or len(name) > 80 or not name.isprintable():
        raise InvalidRequest("a user name must be 1 to 80 printable characters")
    _check_password(cmd.password)
    if uow.users.by_name(name) is not None:
        raise InvalidRequest(f"user name {name!r} is already taken")
    user = uow.users.add(User(username=name, role=cmd.role,
                              password_hash=_HASHER.hash(cmd.password),
                              can_view_contact=cmd.can_view_contact, active=True))
    uow.record(AuditAction.USER_CREATE, "user", user.id,
               {"username": name, "role": cmd.role.value,
                "can_view_contact": cmd.can_view_contact},
               actor=None if actor else FIRST_SUPERVISOR)
    uow.commit()
    return _actor(user)


def handle_login(cmd: Login, uow: UnitOfWork, actor: Actor | None) -> Actor:
    """Check a password; the attempt is audited (and committed) whether or not it succeeds.

    Raises:
        AuthenticationFailed: unknown, inactive or wrong password (deliberately not which).
    """
    del actor  # nobody is logged in yet
    name = cmd.username.strip()
    user = uow.users.by_name(name)
    ok = False
    if user is not None and user.active:
        try:
            ok = _HASHER.verify(user.password_hash, cmd.password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            ok = False
    uow.record(AuditAction.USER_LOGIN if ok else AuditAction.USER_LOGIN_FAILED, "user",
               user.id if user else "-", {}, actor=name[:80])
    uow.commit()
    if not ok or user is None:
        raise AuthenticationFailed("unknown user or wrong password")
    return _actor(user)


def handle_set_active(cmd: SetActive, uow: UnitOfWork, actor: Actor) -> None:
    """Deactivate (or re-activate) an account (it stays in the audit trail)."""
    require(actor, Permission.MANAGE_USERS)
    user = uow.users.by_name(cmd.username)
    if user is None:
        raise InvalidRequest(f"no user {cmd.username!r}")
    if user.id == actor.user_id and not cmd.active:
        raise InvalidRequest("a supervisor cannot deactivate their own account")
    user.active = cmd.active
    uow.record(AuditAction.USER_ACTIVATE if cmd.active else AuditAction.USER_DEACTIVATE,
               "user", user.id, {"username": cmd.username})
    uow.commit()


def handle_set_password(cmd: SetPassword, uow: UnitOfWork, actor: Actor) -> None:
    """Change a password: one's own, or anyone's for a supervisor."""
    if cmd.username != actor.username:
        require(actor, Permission.MANAGE_USERS)
    _check_password(cmd.password)
    user = uow.users.by_name(cmd.username)
    if user is None:
        raise InvalidRequest(f"no user {cmd.username!r}")
    user.password_hash = _HASHER.hash(cmd.password)
    uow.record(AuditAction.USER_PASSWORD, "user", user.id, {})
    uow.commit()


def handle_set_idle_lock(cmd: SetIdleLock, uow: UnitOfWork, actor: Actor) -> None:
    """Configure after how long an idle session locks itself (60 s to 8 h)."""
    require(actor, Permission.SETTINGS)
    if not 60 <= cmd.seconds <= 8 * 3600:
        raise InvalidRequest("the idle lock must be between 60 seconds and 8 hours")
    uow.users.set_setting(IDLE_LOCK_KEY, str(cmd.seconds))
    uow.record(AuditAction.SETTINGS_IDLE_LOCK, "setting", IDLE_LOCK_KEY,
               {"seconds": cmd.seconds})
    uow.commit()


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


def idle_lock_seconds(ws: Workspace) -> int:
    """The configured idle-lock delay (seconds)."""
    with ws.uow() as uow:
        value = uow.users.setting(IDLE_LOCK_KEY)
    return int(value) if value is not None else DEFAULT_IDLE_LOCK_S


def start_session(ws: Workspace, actor: Actor) -> UserSession:
    """A user session that locks itself after the workspace's idle delay."""
    return UserSession(actor, idle_lock_seconds(ws))


# -- one use case through its own unit of work (scripts, tests) ----------------------------

def login(ws: Workspace, username: str, password: str) -> Actor:
    """Authenticate (see `handle_login`)."""
    return execute(ws, handle_login, Login(username, password), None)


def add_user(ws: Workspace, cmd: CreateUser, actor: Actor | None) -> Actor:
    """Create an account (the first supervisor when `actor` is None and none exists)."""
    return execute(ws, handle_create_user, cmd, actor)


def deactivate_user(ws: Workspace, username: str, actor: Actor) -> None:
    """Deactivate an account (it stays in the audit trail)."""
    execute(ws, handle_set_active, SetActive(username, False), actor)


def change_password(ws: Workspace, username: str, password: str, actor: Actor) -> None:
    """Change a password (one's own, or anyone's for a supervisor)."""
    execute(ws, handle_set_password, SetPassword(username, password), actor)


def set_idle_lock(ws: Workspace, seconds: int, actor: Actor) -> None:
    """Configure the idle-lock delay of the workspace."""
    execute(ws, handle_set_idle_lock, SetIdleLock(seconds), actor)
