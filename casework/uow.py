"""Unit of work: one Session per user action, rolled back unless committed."""

from __future__ import annotations

from types import TracebackType

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from athar.casework.repositories import (
    CandidateRepository,
    FaceRepository,
    OwnerRepository,
    PhotoRepository,
)


class UnitOfWork:
    """Opens a session and its repositories; `commit()` or everything is rolled back."""

    def __init__(self, engine: Engine) -> None:
        self._factory = sessionmaker(engine, expire_on_commit=False)
        self._session: Session | None = None

    @property
    def session(self) -> Session:
        """The open session (only inside `with`)."""
        if self._session is None:
            raise RuntimeError("unit of work used outside its `with` block")
        return self._session

    def __enter__(self) -> UnitOfWork:
        self._session = self._factory()
        self.owners = OwnerRepository(self._session)
        self.photos = PhotoRepository(self._session)
        self.faces = FaceRepository(self._session)
        self.candidates = CandidateRepository(self._session)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        # close() rolls back whatever was not committed and detaches the loaded objects
        # without expiring them, so read results stay usable after the block.
        self.session.close()
        self._session = None

    def commit(self) -> None:
        """Make the action's changes (and their audit events) durable together."""
        self.session.commit()
