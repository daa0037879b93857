"""Roles' permissions and the acting user: every service checks its caller here."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from athar.casework.domain.entities import Role
from athar.casework.domain.errors import AtharError, RuleViolation


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
    REVIEW = "review"
    """Assess a candidate (and propose an identification): every role."""
    SIGN_OFF = "sign_off"
    """Confirm, return or revoke an identification (supervisors, never their own)."""
    REPORT = "report"
    """Produce an identification report."""
    ANNOTATE = "annotate"
    """Record, edit, withdraw and link distinctive marks (forensic examiners, supervisors)."""


_IDENTIFIER = {Permission.IMPORT, Permission.ADD_PERSON, Permission.EDIT_RECORDS,
               Permission.SEARCH, Permission.VERIFY, Permission.VIEW_RECORDS,
               Permission.REVIEW, Permission.REPORT}
ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.IDENTIFIER: frozenset(_IDENTIFIER),
    Role.EXAMINER: frozenset({Permission.VERIFY, Permission.VIEW_RECORDS, Permission.REVIEW,
                              Permission.ANNOTATE}),
    Role.SUPERVISOR: frozenset(_IDENTIFIER | {
        Permission.MANAGE_USERS, Permission.AUDIT_EXPORT, Permission.CHECKPOINT,
        Permission.BACKUP, Permission.CHANGE_PASSPHRASE, Permission.SETTINGS,
        Permission.SIGN_OFF, Permission.ANNOTATE}),
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
