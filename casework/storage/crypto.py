"""Keys of a workspace: a random master key wrapped by an Argon2id passphrase key.

The master key never touches the disk unwrapped. Sub-keys for the database (SQLCipher raw
key), file encryption (AES-256-GCM), evidence file names (HMAC) and checkpoint signing
(Ed25519 seed) are derived from it with HKDF-SHA256, so changing the passphrase re-wraps
one key and re-encrypts nothing.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from athar.casework.domain.errors import EnvironmentFault, WorkspaceError

KEYRING = "keyring.json"
NONCE = 12


class WrongPassphrase(EnvironmentFault):
    """The passphrase does not unlock this workspace."""


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost; stored with the wrapped key so a workspace opens with its own."""

    time_cost: int = 3
    memory_kib: int = 64 * 1024
    parallelism: int = 2

    @classmethod
    def interactive(cls) -> KdfParams:
        """OWASP-level cost for a desktop unlock (about a quarter second here)."""
        return cls()


def _kek(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    if not passphrase:
        raise WrongPassphrase("the passphrase must not be empty")
    return hash_secret_raw(passphrase.encode("utf-8"), salt, params.time_cost,
                           params.memory_kib, params.parallelism, 32, Type.ID)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def _write_json_atomic(path: Path, obj: dict[str, object]) -> None:
    tmp = path.with_name(f".{path.name}.part")
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(obj, fh, indent=1)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def create_keyring(folder: Path, passphrase: str, params: KdfParams) -> bytes:
    """Make a new master key, wrap it with the passphrase, write keyring.json.

    Returns:
        The 32-byte master key.
    """
    master = AESGCM.generate_key(bit_length=256)
    write_keyring(folder, master, passphrase, params)
    return master


def write_keyring(folder: Path, master: bytes, passphrase: str, params: KdfParams) -> None:
    """(Re)wrap the master key under a passphrase; atomic, so a crash keeps the old one."""
    salt, nonce = os.urandom(16), os.urandom(NONCE)
    wrapped = AESGCM(_kek(passphrase, salt, params)).encrypt(nonce, master, b"athar-master-key")
    _write_json_atomic(folder / KEYRING, {
        "version": 1, "kdf": "argon2id", "params": asdict(params), "salt": _b64(salt),
        "nonce": _b64(nonce), "wrapped_key": _b64(wrapped),
    })


def unlock(folder: Path, passphrase: str) -> bytes:
    """Unwrap the master key.

    Raises:
        WrongPassphrase: the passphrase does not match.
        WorkspaceError: keyring.json is missing or damaged.
    """
    try:
        ring = json.loads((folder / KEYRING).read_text(encoding="utf-8"))
        params = KdfParams(**ring["params"])
        salt, nonce = _unb64(ring["salt"]), _unb64(ring["nonce"])
        wrapped = _unb64(ring["wrapped_key"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise WorkspaceError(f"{folder / KEYRING} is missing or damaged: {exc}") from exc
    try:
        return AESGCM(_kek(passphrase, salt, params)).decrypt(nonce, wrapped, b"athar-master-key")
    except InvalidTag as exc:
        raise WrongPassphrase("wrong passphrase for this workspace") from exc


def keyring_params(folder: Path) -> KdfParams:
    """The Argon2id parameters the workspace was locked with."""
    try:
        return KdfParams(**json.loads((folder / KEYRING).read_text(encoding="utf-8"))["params"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise WorkspaceError(f"{folder / KEYRING} is missing or damaged: {exc}") from exc


def subkey(master: bytes, purpose: str) -> bytes:
    """A 32-byte key for one purpose, derived with HKDF-SHA256."""
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                info=f"athar/{purpose}/v1".encode()).derive(master)


class FileCipher:
    """AES-256-GCM for files: a fresh nonce per file, the file's role bound as associated data.

    Picklable (it holds only key bytes) so worker processes can receive it.
    """

    def __init__(self, key: bytes) -> None:
        self._key = key

    def seal(self, data: bytes, aad: bytes) -> bytes:
        """nonce (12 bytes) + ciphertext with its 16-byte tag."""
        nonce = os.urandom(NONCE)
        return nonce + AESGCM(self._key).encrypt(nonce, data, aad)

    def open(self, blob: bytes, aad: bytes) -> bytes:
        """Decrypt and authenticate; EnvironmentFault when the file was altered."""
        if len(blob) < NONCE + 16:
            raise EnvironmentFault("encrypted file is truncated")
        try:
            return AESGCM(self._key).decrypt(blob[:NONCE], blob[NONCE:], aad)
        except InvalidTag as exc:
            raise EnvironmentFault("encrypted file failed authentication (altered or "
                                   "from another workspace)") from exc


@dataclass(frozen=True)
class WorkspaceKeys:
    """The sub-keys an unlocked workspace works with (held in memory only)."""

    database: bytes
    files: bytes
    names: bytes
    signing_seed: bytes

    @classmethod
    def derive(cls, master: bytes) -> WorkspaceKeys:
        """All sub-keys from the master key."""
        return cls(subkey(master, "sqlcipher"), subkey(master, "files"),
                   subkey(master, "evidence-names"), subkey(master, "checkpoint-ed25519"))

    def file_cipher(self) -> FileCipher:
        """The AES-GCM cipher for evidence, index and cache files."""
        return FileCipher(self.files)

    def evidence_name(self, sha256: str) -> str:
        """The on-disk name of an evidence file: HMAC of its hash, so names reveal nothing."""
        return hmac.new(self.names, sha256.encode("ascii"), hashlib.sha256).hexdigest()

    def signing_key(self) -> Ed25519PrivateKey:
        """The workspace's Ed25519 key for audit checkpoints."""
        return Ed25519PrivateKey.from_private_bytes(self.signing_seed)
