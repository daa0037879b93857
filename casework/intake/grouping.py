"""Turns a folder (and optionally a CSV) into import items: which file goes to which owner."""

from __future__ import annotations

import csv
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from athar.casework.domain.errors import InvalidRequest
from athar.casework.domain.imaging import SUPPORTED_SUFFIXES
from athar.casework.domain.text import clean_name

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


@dataclass(frozen=True)
class PlanNote:
    """Something the user must hear about a planned import that is not a skipped file
    (e.g. two CSV rows giving one Body different numbers)."""

    where: str
    message: str


PlanEntry = ImportItem | Skipped | PlanNote


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


def _by_csv(root: Path, csv_path: Path) -> Iterator[PlanEntry]:
    real_root = root.resolve()
    try:
        fh = open(csv_path, newline="", encoding="utf-8-sig")  # noqa: SIM115  # closed below
    except OSError as exc:
        raise InvalidRequest(f"cannot read CSV {csv_path}: {exc.strerror}") from exc
    rows = _CsvRows(root, real_root, csv_path)
    with fh:
        reader = csv.reader(fh)
        try:
            columns = _csv_header(next(reader, []), csv_path)
            for line_no, row in enumerate(reader, start=2):
                yield from rows.entries(line_no, row, columns)
        except (csv.Error, UnicodeDecodeError) as exc:
            raise InvalidRequest(f"{csv_path}: not a readable UTF-8 CSV: {exc}") from exc
    yield from _unlisted(root, csv_path, rows.listed)


def _unlisted(root: Path, csv_path: Path, listed: set[Path]) -> Iterator[Skipped]:
    """Every file under root that no CSV row names: reported, never dropped silently."""
    real_csv = csv_path.resolve()
    for entry in _walk(root):
        if isinstance(entry, Skipped):
            yield entry
        elif entry.resolve() == real_csv:
            yield Skipped(str(entry), "the grouping CSV itself (not a photo)")
        elif entry.resolve() not in listed:
            yield Skipped(str(entry), "not listed in the grouping CSV: not imported")


class _CsvRows:
    """Turns CSV rows into items; reports rows that repeat a file or contradict a Body."""

    def __init__(self, root: Path, real_root: Path, csv_path: Path) -> None:
        self.root, self.real_root, self.csv_path = root, real_root, csv_path
        self.listed: set[Path] = set()
        self._line_of: dict[Path, int] = {}
        self._numbers: dict[str, dict[str, tuple[str, int]]] = {}

    def entries(self, line_no: int, row: list[str], columns: dict[str, int]
                ) -> Iterator[PlanEntry]:
        def cell(key: str) -> str:
            idx = columns.get(key)
            return clean_name(row[idx]) if idx is not None and idx < len(row) else ""

        where = f"{self.csv_path}:{line_no}"
        name = row[columns["file"]].strip() if columns["file"] < len(row) else ""
        body = cell("body")
        if not name or not body:
            yield Skipped(where, "row without file or body key")
            return
        path = self.root / name
        real = path.resolve()
        if not real.is_relative_to(self.real_root):
            yield Skipped(f"{where} ({name})", "path leads outside the imported folder")
            return
        if not path.is_file():
            yield Skipped(f"{where} ({name})", "file listed in the CSV does not exist")
            return
        if real in self._line_of:
            yield Skipped(f"{where} ({name})", f"file already listed at line "
                          f"{self._line_of[real]}; this row is ignored")
            return
        self.listed.add(real)
        self._line_of[real] = line_no
        fields = {k: cell(k) for k in CSV_COLUMNS if k not in ("file", "body") and cell(k)}
        yield from self._conflicts(where, line_no, body, fields)
        yield ImportItem(str(path), body, fields)

    def _conflicts(self, where: str, line_no: int, body: str, fields: dict[str, str]
                   ) -> Iterator[PlanNote]:
        """Keep the first row's number for a Body; a later, different one is reported and
        dropped from its item (results arrive in any order, so "first" must be decided here)."""
        known = self._numbers.setdefault(body, {})
        for key, value in list(fields.items()):
            if key not in known:
                known[key] = (value, line_no)
            elif known[key][0] != value:
                first, first_line = known[key]
                del fields[key]
                yield PlanNote(where, f"body «{body}»: {key} «{value}» differs from «{first}» "
                               f"given at line {first_line}; kept «{first}»")


def plan(root: Path, group_by: str) -> Iterator[PlanEntry]:
    """Items of an import, in a stable order.

    Args:
        root: the folder to import.
        group_by: "folder" (each subfolder is one owner), "file" (one owner per file), or
            "csv:PATH" (columns file, body, detainee_no, branch_no, forensic_no, photo_date;
            every file under root that the CSV does not list is reported as skipped).

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
