"""Per-user preferences (what each analyst chooses for themself), audited."""

from __future__ import annotations

from dataclasses import dataclass

from athar.casework.domain.commands import Command
from athar.casework.domain.errors import InvalidRequest
from athar.casework.domain.events import AuditAction
from athar.casework.domain.permissions import Actor
from athar.casework.storage.uow import UnitOfWork, execute
from athar.casework.storage.workspace import Workspace

PREFERENCES: dict[str, str] = {"blur_pm_photos": "1"}
"""Per-user preferences and their defaults. Post-mortem photos other than face crops are
blurred until clicked, unless the user turns that off (exposure to these images is a
recognised occupational harm for analysts)."""


@dataclass(frozen=True)
class SetPreference(Command[None]):
    """Command: change one of the acting user's own preferences."""

    name: str
    value: str


def _pref_key(actor: Actor, name: str) -> str:
    if name not in PREFERENCES:
        raise InvalidRequest(f"unknown preference {name!r}")
    return f"user.{actor.user_id}.{name}"


def preference(ws: Workspace, actor: Actor, name: str) -> str:
    """The actor's value of a preference (its default when never set)."""
    key = _pref_key(actor, name)
    with ws.uow() as uow:
        value = uow.users.setting(key)
    return value if value is not None else PREFERENCES[name]


def handle_set_preference(cmd: SetPreference, uow: UnitOfWork, actor: Actor) -> None:
    """Store the preference for the acting user only (audited)."""
    key = _pref_key(actor, cmd.name)
    uow.users.set_setting(key, cmd.value)
    uow.record(AuditAction.SETTINGS_PREFERENCE, "setting", key, {"value": cmd.value})
    uow.commit()


def set_preference(ws: Workspace, actor: Actor, name: str, value: str) -> None:
    """Change one of the actor's own preferences (audited)."""
    execute(ws, handle_set_preference, SetPreference(name, value), actor)
