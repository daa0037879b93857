"""Content-addressed, read-only store of original files (evidence/aa/bb/<sha256>)."""

from __future__ import annotations

import hashlib
import os
import stat
import uuid
from pathlib import Path

from athar.casework.errors import EnvironmentFault

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


class EvidenceStore:
    """Stores each original once under its hash; files are written once, then read-only."""

    def __init__(self, root: Path, tmp: Path) -> None:
        self._root = root
        self._tmp = tmp

    def path_for(self, sha256: str) -> Path:
        """Where the file with this hash lives (whether or not it exists yet)."""
        return self._root / sha256[:2] / sha256[2:4] / sha256

    def put(self, data: bytes, sha256: str) -> Path:
        """Store bytes under their hash: temp file, fsync, read-only, atomic rename.

        Safe to call from several processes at once; an existing intact file is kept.

        Raises:
            EnvironmentFault: the bytes do not match the hash, or the disk refused.
        """
        if sha256_hex(data) != sha256:
            raise EnvironmentFault("evidence bytes do not match their hash (memory or disk fault)")
        final = self.path_for(sha256)
        if final.is_file() and final.stat().st_size == len(data):
            return final
        try:
            final.parent.mkdir(parents=True, exist_ok=True)
            tmp = self._tmp / f"{sha256}.{uuid.uuid4().hex}.part"
            with open(tmp, "xb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.chmod(tmp, READ_ONLY)
            os.replace(tmp, final)
            _fsync_dir(final.parent)
        except OSError as exc:
            raise EnvironmentFault(f"cannot store evidence file {final}: {exc}") from exc
        return final

    def read(self, sha256: str) -> bytes:
        """The stored bytes of a file.

        Raises:
            EnvironmentFault: the file is missing or unreadable.
        """
        try:
            return self.path_for(sha256).read_bytes()
        except OSError as exc:
            raise EnvironmentFault(f"evidence file {sha256} cannot be read: {exc}") from exc

    def check(self, sha256: str) -> str | None:
        """Re-hash one stored file; None when intact, else what is wrong."""
        path = self.path_for(sha256)
        if not path.is_file():
            return "missing"
        digest = hashlib.sha256()
        try:
            with open(path, "rb") as fh:
                for block in iter(lambda: fh.read(1 << 20), b""):
                    digest.update(block)
        except OSError as exc:
            return f"unreadable ({exc})"
        return None if digest.hexdigest() == sha256 else "modified (hash differs)"

    def stored_hashes(self) -> set[str]:
        """Every hash that has a file in the store."""
        return {p.name for p in self._root.glob("??/??/*") if p.is_file()}
