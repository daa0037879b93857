"""Content-addressed, encrypted, read-only store of original files.

Each original is stored once, keyed by the SHA-256 of its bytes. On disk the file is named
by an HMAC of that hash (so a copied folder does not reveal which known photo it holds)
and sealed with AES-256-GCM, the hash bound as associated data.
"""

from __future__ import annotations

import hashlib
import os
import stat
import uuid
from pathlib import Path

from athar.casework.domain.errors import EnvironmentFault
from athar.casework.storage.crypto import WorkspaceKeys

READ_ONLY = stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH


def sha256_hex(data: bytes) -> str:
    """SHA-256 of bytes, lowercase hex."""
    return hashlib.sha256(data).hexdigest()


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _aad(sha256: str) -> bytes:
    return f"athar-evidence:{sha256}".encode("ascii")


class EvidenceStore:
    """Stores each original once under its hash; files are written once, then read-only."""

    def __init__(self, root: Path, tmp: Path, keys: WorkspaceKeys) -> None:
        self._root = root
        self._tmp = tmp
        self._keys = keys
        self._cipher = keys.file_cipher()

    def path_for(self, sha256: str) -> Path:
        """Where the file with this hash lives (whether or not it exists yet)."""
        name = self._keys.evidence_name(sha256)
        return self._root / name[:2] / name[2:4] / name

    def put(self, data: bytes, sha256: str) -> Path:
        """Seal and store bytes: temp file, fsync, read-only, atomic rename.

        Safe to call from several processes at once; an existing file is kept.

        Raises:
            EnvironmentFault: the bytes do not match the hash, or the disk refused.
        """
        if sha256_hex(data) != sha256:
            raise EnvironmentFault("evidence bytes do not match their hash (memory or disk fault)")
        final = self.path_for(sha256)
        if final.is_file():
            return final
        try:
            final.parent.mkdir(parents=True, exist_ok=True)
            tmp = self._tmp / f"{uuid.uuid4().hex}.part"
            with open(tmp, "xb") as fh:
                fh.write(self._cipher.seal(data, _aad(sha256)))
                fh.flush()
                os.fsync(fh.fileno())
            os.chmod(tmp, READ_ONLY)
            os.replace(tmp, final)
            _fsync_dir(final.parent)
        except OSError as exc:
            raise EnvironmentFault(f"cannot store evidence file {final}: {exc}") from exc
        return final

    def read(self, sha256: str) -> bytes:
        """The original bytes of a stored file, authenticated and re-hashed.

        Raises:
            EnvironmentFault: missing, unreadable, altered, or not matching its hash.
        """
        path = self.path_for(sha256)
        try:
            blob = path.read_bytes()
        except OSError as exc:
            raise EnvironmentFault(f"evidence file {sha256} cannot be read: {exc}") from exc
        data = self._cipher.open(blob, _aad(sha256))
        if sha256_hex(data) != sha256:
            raise EnvironmentFault(f"evidence file {sha256} does not match its hash")
        return data

    def check(self, sha256: str) -> str | None:
        """Re-hash one stored file; None when intact, else what is wrong."""
        if not self.path_for(sha256).is_file():
            return "missing"
        try:
            self.read(sha256)
        except EnvironmentFault as exc:
            return f"modified or unreadable ({exc})"
        return None

    def stored_names(self) -> set[str]:
        """The on-disk names of every stored file."""
        return {p.name for p in self._root.glob("??/??/*") if p.is_file()}

    def name_of(self, sha256: str) -> str:
        """The on-disk name a hash is stored under."""
        return self._keys.evidence_name(sha256)
