"""Test support shared by fixtures and tests: credentials and a fast workspace factory."""

from __future__ import annotations

from pathlib import Path

from athar.app.bootstrap import create_ws
from athar.casework.domain.permissions import Actor
from athar.casework.storage.crypto import KdfParams
from athar.casework.storage.workspace import Workspace

PASSPHRASE = "correct horse battery staple"
SUPERVISOR = "supervisor1"
PASSWORD = "test-password-1"
FAST_KDF = KdfParams(time_cost=1, memory_kib=8 * 1024, parallelism=1)
"""Cheap Argon2id for the many workspaces tests make; one test uses the real cost."""


def new_ws(root: Path) -> tuple[Workspace, Actor]:
    """A new workspace at root with the test supervisor (fast key derivation)."""
    return create_ws(root, PASSPHRASE, SUPERVISOR, PASSWORD, FAST_KDF)
