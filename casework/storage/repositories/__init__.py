"""Repositories: every query of the core lives in this package, one module per kind of
record; read models (frozen views for the screens and the command line) are plain query
functions here too."""

from __future__ import annotations

from athar.casework.storage.repositories.audit import AuditRepository
from athar.casework.storage.repositories.candidates import CandidateRepository
from athar.casework.storage.repositories.faces import FaceRepository
from athar.casework.storage.repositories.marks import MarkRepository
from athar.casework.storage.repositories.owners import OwnerRepository
from athar.casework.storage.repositories.photos import PhotoRepository
from athar.casework.storage.repositories.records import RecordRepository
from athar.casework.storage.repositories.relations import RelationRepository
from athar.casework.storage.repositories.reviews import ReviewRepository
from athar.casework.storage.repositories.users import UserRepository
from athar.casework.storage.repositories.victims import VictimRepository

__all__ = ["AuditRepository", "CandidateRepository", "FaceRepository", "MarkRepository",
           "OwnerRepository", "PhotoRepository", "RecordRepository", "RelationRepository",
           "ReviewRepository", "UserRepository", "VictimRepository"]
