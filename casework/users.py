"""User services on a workspace: log in, add and deactivate users, change passwords."""

from __future__ import annotations

from athar.casework import accounts, audit
from athar.casework.accounts import Actor, AuthenticationFailed, CreateUser
from athar.casework.context import Workspace
from athar.casework.entities import Setting
from athar.casework.errors import InvalidRequest


def login(ws: Workspace, username: str, password: str) -> Actor:
    """Authenticate; the attempt is audited (and committed) whether or not it succeeds.

    Raises:
        AuthenticationFailed: unknown user, wrong password or deactivated account.
    """
    with ws.uow() as uow:
        try:
            actor = accounts.authenticate(uow.session, username, password)
        except AuthenticationFailed:
            uow.commit()
            raise
        uow.commit()
    return actor


def add_user(ws: Workspace, cmd: CreateUser, actor: Actor | None) -> Actor:
    """Create an account (the first supervisor when `actor` is None and none exists)."""
    with ws.uow() as uow:
        created = accounts.create_user(uow.session, cmd, actor)
        uow.commit()
    return created


def deactivate_user(ws: Workspace, username: str, actor: Actor) -> None:
    """Deactivate an account (it stays in the audit trail)."""
    with ws.uow() as uow:
        accounts.set_active(uow.session, username, False, actor)
        uow.commit()


def change_password(ws: Workspace, username: str, password: str, actor: Actor) -> None:
    """Change a password (one's own, or anyone's for a supervisor)."""
    with ws.uow() as uow:
        accounts.set_password(uow.session, username, password, actor)
        uow.commit()


def set_idle_lock(ws: Workspace, seconds: int, actor: Actor) -> None:
    """Configure the idle-lock delay of the workspace."""
    with ws.uow() as uow:
        accounts.set_idle_lock_seconds(uow.session, seconds, actor)
        uow.commit()


def start_session(ws: Workspace, actor: Actor) -> accounts.UserSession:
    """A user session that locks itself after the workspace's idle delay."""
    with ws.uow() as uow:
        idle = accounts.idle_lock_seconds(uow.session)
    return accounts.UserSession(actor, idle)


PREFERENCES: dict[str, str] = {"blur_pm_photos": "1"}
"""Per-user preferences and their defaults. Post-mortem photos other than face crops are
blurred until clicked, unless the user turns that off (exposure to these images is a
recognised occupational harm for analysts)."""


def _pref_key(actor: Actor, name: str) -> str:
    if name not in PREFERENCES:
        raise InvalidRequest(f"unknown preference {name!r}")
    return f"user.{actor.user_id}.{name}"


def preference(ws: Workspace, actor: Actor, name: str) -> str:
    """The actor's value of a preference (its default when never set)."""
    key = _pref_key(actor, name)
    with ws.uow() as uow:
        row = uow.session.get(Setting, key)
        return row.value if row is not None else PREFERENCES[name]


def set_preference(ws: Workspace, actor: Actor, name: str, value: str) -> None:
    """Change one of the actor's own preferences (audited)."""
    key = _pref_key(actor, name)
    with ws.uow() as uow:
        row = uow.session.get(Setting, key)
        if row is None:
            uow.session.add(Setting(key=key, value=value))
        else:
            row.value = value
        audit.record(uow.session, actor.username, "settings.preference", "setting", key,
                     {"value": value})
        uow.commit()
