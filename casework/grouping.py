"""Turns a folder (and optionally a CSV) into import items: which file goes to which owner."""

from __future__ import annotations

import csv
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from athar.casework.errors import InvalidRequest
from athar.casework.imaging import SUPPORTED_SUFFIXES
from athar.casework.text import clean_name

CSV_COLUMNS = {
    "file": ("file", "path", "filename"),
    "body": ("body", "body_key", "body key", "key"),
    "detainee_no": ("detainee_no", "detainee number", "detainee"),
    "branch_no": ("branch_no", "branch number", "branch"),
    "forensic_no": ("forensic_no", "forensic number", "forensic"),
    "photo_date": ("photo_date", "photo date", "date"),
}
REQUIRED_CSV = ("file", "body")


@dataclass(frozen=True)
class ImportItem:
    """One file to import and the owner (Body or MissingPerson label) it belongs to."""

    path: str
    owner: str
    fields: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Skipped:
    """A file (or folder) that was not imported, and why."""

    path: str
    reason: str


def _walk(root: Path) -> Iterator[Path | Skipped]:
    """Every file under root in a stable order; symlinks never lead outside root."""
    real_root = root.resolve()
    errors: list[OSError] = []
    for folder, dirs, files in os.walk(root, followlinks=False, onerror=errors.append):
        while errors:
            err = errors.pop()
            yield Skipped(str(err.filename), f"folder cannot be read: {err.strerror}")
        dirs.sort()
        for d in list(dirs):
            if (Path(folder) / d).is_symlink():
                dirs.remove(d)
                yield Skipped(str(Path(folder) / d), "symbolic link to a folder: not followed")
        for name in sorted(files):
            path = Path(folder) / name
            if path.is_symlink():
                target = path.resolve()
                if not target.exists():
                    yield Skipped(str(path), "broken symbolic link: file cannot be read")
                    continue
                if not target.is_relative_to(real_root):
                    yield Skipped(str(path), "symbolic link leads outside the imported folder")
                    continue
            yield path
    while errors:
        err = errors.pop()
        yield Skipped(str(err.filename), f"folder cannot be read: {err.strerror}")


def _is_image_name(path: Path) -> bool:
    return path.suffix.lower() in SUPPORTED_SUFFIXES


def _by_layout(root: Path, mode: str) -> Iterator[ImportItem | Skipped]:
    for entry in _walk(root):
        if isinstance(entry, Skipped):
            yield entry
            continue
        if not _is_image_name(entry):
            yield Skipped(str(entry), f"not a supported image type ({entry.suffix or 'none'})")
            continue
        rel = entry.relative_to(root)
        if mode == "file":
            yield ImportItem(str(entry), clean_name(rel.with_suffix("").as_posix()))
        elif len(rel.parts) < 2:
            yield Skipped(str(entry), "not inside a subfolder (grouping by folder)")
        else:
            yield ImportItem(str(entry), clean_name(rel.parent.as_posix()))


def _csv_header(header: list[str], csv_path: Path) -> dict[str, int]:
    normalised = [h.strip().lower() for h in header]
    found: dict[str, int] = {}
    for key, aliases in CSV_COLUMNS.items():
        for alias in aliases:
            if alias in normalised:
                found[key] = normalised.index(alias)
                break
    missing = [k for k in REQUIRED_CSV if k not in found]
    if missing:
        raise InvalidRequest(f"{csv_path}: missing column(s) {', '.join(missing)}; "
                             f"expected {', '.join(CSV_COLUMNS)}")
    return found


def _by_csv(root: Path, csv_path: Path) -> Iterator[ImportItem | Skipped]:
    real_root = root.resolve()
    try:
        fh = open(csv_path, newline="", encoding="utf-8-sig")  # noqa: SIM115  # closed below
    except OSError as exc:
        raise InvalidRequest(f"cannot read CSV {csv_path}: {exc.strerror}") from exc
    with fh:
        reader = csv.reader(fh)
        try:
            columns = _csv_header(next(reader, []), csv_path)
            for line_no, row in enumerate(reader, start=2):
                yield _csv_row(root, real_root, csv_path, line_no, row, columns)
        except (csv.Error, UnicodeDecodeError) as exc:
            raise InvalidRequest(f"{csv_path}: not a readable UTF-8 CSV: {exc}") from exc


def _csv_row(root: Path, real_root: Path, csv_path: Path, line_no: int, row: list[str],
             columns: dict[str, int]) -> ImportItem | Skipped:
    def cell(key: str) -> str:
        idx = columns.get(key)
        return clean_name(row[idx]) if idx is not None and idx < len(row) else ""

    where = f"{csv_path}:{line_no}"
    name = row[columns["file"]].strip() if columns["file"] < len(row) else ""
    body = cell("body")
    if not name or not body:
        return Skipped(where, "row without file or body key")
    path = root / name
    if not path.resolve().is_relative_to(real_root):
        return Skipped(f"{where} ({name})", "path leads outside the imported folder")
    if not path.is_file():
        return Skipped(f"{where} ({name})", "file listed in the CSV does not exist")
    fields = {k: cell(k) for k in CSV_COLUMNS if k not in ("file", "body") and cell(k)}
    return ImportItem(str(path), body, fields)


def plan(root: Path, group_by: str) -> Iterator[ImportItem | Skipped]:
    """Items of an import, in a stable order.

    Args:
        root: the folder to import.
        group_by: "folder" (each subfolder is one owner), "file" (one owner per file), or
            "csv:PATH" (columns file, body, detainee_no, branch_no, forensic_no, photo_date).

    Raises:
        InvalidRequest: unknown mode, missing folder, or a CSV without the needed columns.
    """
    if not root.is_dir():
        raise InvalidRequest(f"{root} is not a folder")
    if group_by in ("folder", "file"):
        return _by_layout(root, group_by)
    if group_by.startswith("csv:"):
        return _by_csv(root, Path(group_by[4:]))
    raise InvalidRequest(f"unknown grouping {group_by!r}: use folder, file or csv:PATH")
