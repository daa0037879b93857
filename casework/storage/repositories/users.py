"""Accounts and workspace settings."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from athar.casework.domain.entities import Setting, User


class UserRepository:
    """User accounts (never deleted) and key/value workspace settings."""

    def __init__(self, session: Session) -> None:
        self._s = session

    def any(self) -> bool:
        """Whether the workspace has any account yet."""
        return self._s.scalars(select(User.id).limit(1)).first() is not None

    def by_name(self, username: str) -> User | None:
        """The account with that user name, if any."""
        return self._s.scalars(select(User).where(User.username == username)).first()

    def add(self, user: User) -> User:
        """Insert an account."""
        self._s.add(user)
        self._s.flush()
        return user

    def setting(self, key: str) -> str | None:
        """A setting's stored value (None: never set)."""
        row = self._s.get(Setting, key)
        return row.value if row is not None else None

    def set_setting(self, key: str, value: str) -> None:
        """Store a setting."""
        row = self._s.get(Setting, key)
        if row is None:
            self._s.add(Setting(key=key, value=value))
        else:
            row.value = value
