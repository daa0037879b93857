"""Files the user asks Athar to write (exports, reports): checked before any work, written
whole or not at all."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO

from athar.casework.domain.errors import InvalidRequest


def check_output(path: Path) -> Path:
    """Refuse an output path that cannot be written, before anything is done.

    Returns:
        The absolute path.
    Raises:
        InvalidRequest: the folder does not exist or is not writable, or the path is a
            folder.
    """
    path = Path(os.path.abspath(path))
    if path.is_dir():
        raise InvalidRequest(f"{path} is a folder: give a file name to write")
    if not path.parent.is_dir():
        raise InvalidRequest(f"cannot write {path}: the folder {path.parent} does not exist")
    if not os.access(path.parent, os.W_OK):
        raise InvalidRequest(f"cannot write {path}: the folder {path.parent} is not writable")
    return path


def write_atomically(path: Path, write: Callable[[IO[str]], None]) -> None:
    """Write a text file through a temporary file in the same folder, then rename it, so a
    failure leaves no half-written file (and an existing file is replaced only whole).

    Raises:
        InvalidRequest: the path cannot be written (see `check_output`) or the disk fails.
    """
    path = check_output(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        raise InvalidRequest(f"cannot write {path}: {exc.strerror or exc}") from exc
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def write_bytes_atomically(path: Path, data: bytes) -> None:
    """Write a binary file whole or not at all (see `write_atomically`)."""
    path = check_output(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        raise InvalidRequest(f"cannot write {path}: {exc.strerror or exc}") from exc
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def read_text(path: Path, what: str) -> str:
    """A text file the user names as input, or a clear error naming it.

    Raises:
        InvalidRequest: missing, a folder, unreadable or not UTF-8.
    """
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise InvalidRequest(f"{what} {path}: no such file") from exc
    except IsADirectoryError as exc:
        raise InvalidRequest(f"{what} {path}: is a folder, not a file") from exc
    except UnicodeDecodeError as exc:
        raise InvalidRequest(f"{what} {path}: not a UTF-8 text file") from exc
    except OSError as exc:
        raise InvalidRequest(f"{what} {path}: cannot be read ({exc.strerror or exc})") from exc
