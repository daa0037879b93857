"""Cross-checking with a documented-victims list: import the list (a UTF-8 CSV), find for
each missing person (and each confirmed identification) the records that may be the same
person, best first, with the fields that agreed.

The CSV has a header row naming its columns: `source_id, name, father_name,
mother_name, birth, origin, arrest_date, death_date, death_place`; any may be empty
except `source_id` and `name`. A bad row is listed with its row number and reason and
left out; the good rows are imported; a `source_id` already imported is kept as it was.

Matching compares names in either script (checks.names), the parents' names, the birth
year (within a year), and the place of origin. Candidate records come from blocking keys
(pairs of name-word skeletons: first and last name, first name and father's first
name, last name and father's first name), so a list of 100,000 records is matched
against 10,000 persons in minutes, not the hours every pair would take.
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from athar.casework.checks.names import middle_word, similarity, skeleton
from athar.casework.domain.commands import Command
from athar.casework.domain.dates import parse_date
from athar.casework.domain.entities import IdentificationState, MissingPerson, VictimRecord
from athar.casework.domain.entities import VictimImport as ImportRow
from athar.casework.domain.errors import InvalidRequest
from athar.casework.domain.events import AuditAction
from athar.casework.domain.permissions import Actor, Permission, require
from athar.casework.domain.text import clean_name
from athar.casework.storage.uow import UnitOfWork, execute
from athar.casework.storage.workspace import Workspace

COLUMNS = ("source_id", "name", "father_name", "mother_name", "birth", "origin",
           "arrest_date", "death_date", "death_place")
REQUIRED = ("source_id", "name")
LIMITS = {"source_id": 120, "birth": 20, "arrest_date": 20, "death_date": 20}
MAX_FILE = 200 * 2**20
MATCH_MIN = 0.75
"""A record is listed for a person from this score up (0..1)."""
NAME_MIN = 0.80
"""... and only when the names themselves are at least this alike."""
AGREE = 0.85
"""A field agrees from this similarity up."""
WEIGHTS = {"name": 0.5, "father_name": 0.2, "mother_name": 0.15, "birth": 0.1,
           "origin": 0.05}
"""How much each field counts, among those both records hold."""


@dataclass(frozen=True)
class ImportVictims(Command["VictimImportResult"]):
    """Command: import a documented-victims list."""

    path: Path


@dataclass(frozen=True)
class VictimImportResult:
    """What an import did: rows read, records added, rows left out with their reasons."""

    import_id: int
    rows: int
    added: int
    errors: tuple[str, ...]


def _read(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InvalidRequest(f"{path}: cannot read the file ({exc.strerror or exc})") from exc
    if len(data) > MAX_FILE:
        raise InvalidRequest(f"{path}: larger than {MAX_FILE // 2**20} MiB")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvalidRequest(f"{path}: not UTF-8 text (byte {exc.start}); save the list as "
                             "UTF-8 CSV") from exc


def _header(reader: csv.DictReader[str], path: Path) -> None:
    names = [(n or "").strip() for n in reader.fieldnames or []]
    missing = [c for c in REQUIRED if c not in names]
    unknown = [n for n in names if n not in COLUMNS]
    if missing:
        raise InvalidRequest(f"{path}: the header row lacks the column(s) "
                             f"{', '.join(missing)} (columns: {', '.join(COLUMNS)})")
    if unknown:
        raise InvalidRequest(f"{path}: unknown column(s) {', '.join(unknown)} (columns: "
                             f"{', '.join(COLUMNS)})")


def _row(raw: dict[str, str | None], number: int) -> dict[str, str | None]:
    """One row's values, cleaned, or InvalidRequest naming the row and the field."""
    row = {c: clean_name(raw.get(c) or "") or None for c in COLUMNS}
    for c in REQUIRED:
        if not row[c]:
            raise InvalidRequest(f"row {number}: {c} is empty")
    for c, limit in {**LIMITS, **{c: 300 for c in COLUMNS if c not in LIMITS}}.items():
        value = row[c]
        if value is not None and len(value) > limit:
            raise InvalidRequest(f"row {number}: {c} is longer than {limit} characters")
    for c in ("birth", "arrest_date", "death_date"):
        value = row[c]
        if value is not None and parse_date(value) is None:
            raise InvalidRequest(f"row {number}: {c} «{value}» is not a year or a date "
                                 "(YYYY, YYYY-MM or YYYY-MM-DD)")
    return row


def keys_of(name: str) -> tuple[str, str]:
    """A name's first and last words' skeletons."""
    words = skeleton(name).split()
    return (words[0], words[-1]) if words else ("", "")


def handle_import_victims(cmd: ImportVictims, uow: UnitOfWork, actor: Actor
                          ) -> VictimImportResult:
    """Import the list: good rows added, bad rows listed, known source ids kept as they are.

    Raises:
        PermissionDenied: not allowed to import. InvalidRequest: unreadable file, not
            UTF-8, no header with source_id and name, an unknown column.
    """
    require(actor, Permission.IMPORT)
    text = _read(cmd.path)
    reader = csv.DictReader(io.StringIO(text))
    _header(reader, cmd.path)
    known = uow.victims.source_ids()
    seen: set[str] = set()
    errors: list[str] = []
    added: list[VictimRecord] = []
    rows = 0
    for number, raw in enumerate(reader, start=2):
        rows += 1
        try:
            row = _row({(k or "").strip(): v for k, v in raw.items()}, number)
        except InvalidRequest as exc:
            errors.append(str(exc))
            continue
        source = str(row["source_id"])
        if source in seen:
            errors.append(f"row {number}: source_id {source} appears twice in the file; "
                          "the first is kept")
            continue
        seen.add(source)
        if source in known:
            errors.append(f"row {number}: source_id {source} was imported before; kept as "
                          "it was")
            continue
        first, last = keys_of(str(row["name"]))
        added.append(VictimRecord(**row, first_key=first, last_key=last))
    record = uow.victims.add_import(ImportRow(
        file_name=cmd.path.name, sha256=hashlib.sha256(text.encode()).hexdigest(),
        imported_by=actor.username, rows=rows, added=len(added), errors=errors))
    uow.victims.add_records(record.id, added)
    uow.record(AuditAction.VICTIMS_IMPORT, "victim_import", record.id, {
        "file": cmd.path.name, "sha256": record.sha256, "rows": rows, "added": len(added),
        "left_out": len(errors)})
    uow.commit()
    return VictimImportResult(record.id, rows, len(added), tuple(errors))


def import_victims(ws: Workspace, path: Path, actor: Actor) -> VictimImportResult:
    """Import a list in its own unit of work (see `handle_import_victims`)."""
    return execute(ws, handle_import_victims, ImportVictims(path), actor)


@dataclass(frozen=True)
class Probe:
    """What is compared of one side (a missing person or a victims' record)."""

    names: tuple[str, ...]
    father_name: str | None = None
    mother_name: str | None = None
    birth: str | None = None
    origin: str | None = None

    def blocks(self) -> set[tuple[str, str, str]]:
        """Its blocking keys (see the module docstring)."""
        father = keys_of(self.father_name)[0] if self.father_name else ""
        out = set()
        for name in self.names:
            first, last = keys_of(name)
            if first and last and first != last:
                out.add(("fl", first, last))
            if first and father:
                out.add(("ff", first, father))
            if last and father and last != first:
                out.add(("lf", last, father))
        return out


def probe_of_person(person: MissingPerson) -> Probe:
    """A missing person as matching sees it."""
    return Probe(tuple(n for n in (person.name, person.name_ar) if n), person.father_name,
                 person.mother_name, person.born, person.origin)


def probe_of_record(r: VictimRecord) -> Probe:
    """A victims' record as matching sees it."""
    return Probe((r.name,), r.father_name, r.mother_name, r.birth, r.origin)


@dataclass(frozen=True)
class VictimMatch:
    """A victims' record that may be the person, with why."""

    source_id: str
    record_id: int
    name: str
    score: float
    agreed: tuple[str, ...]
    """The fields that agree (name, father_name, mother_name, birth, origin)."""
    fields: dict[str, float] = field(default_factory=dict)
    """Each compared field's similarity (0..1)."""
    corroborated: bool = True
    """Whether something beside the name agrees (a parent's name, the birth year within a
    year): with a large list, a name alone is shared by many people."""


def _birth(a: str | None, b: str | None) -> float | None:
    da, db = parse_date(a) if a else None, parse_date(b) if b else None
    if da is None or db is None:
        return None
    gap = abs(da.year - db.year)
    return 1.0 if gap == 0 else 0.8 if gap == 1 else 0.0


def _father(probe: Probe) -> str | None:
    """The father's name as given, or else the middle word of a three-word name (lists
    often write "given father family")."""
    if probe.father_name:
        return probe.father_name
    return next((m for m in map(middle_word, probe.names) if m), None)


def compare(person: Probe, record: Probe) -> dict[str, float]:
    """Each field both sides hold, and how alike it is (0..1)."""
    out = {"name": max(similarity(a, b) for a in person.names for b in record.names)}
    father_a, father_b = _father(person), _father(record)
    if father_a and father_b:
        out["father_name"] = similarity(father_a, father_b)
    for key in ("mother_name", "origin"):
        a, b = getattr(person, key), getattr(record, key)
        if a and b:
            out[key] = similarity(a, b)
    birth = _birth(person.birth, record.birth)
    if birth is not None:
        out["birth"] = birth
    return out


BIRTH_CLOSE = 0.8
"""A birth year a year off or nearer corroborates a name (lists get years wrong)."""
CONTRADICTS = 0.6
"""A parent's name this unlike the other record's is a contradiction, not a weak match."""
PENALTY = {"father_name": 0.8, "mother_name": 0.85, "birth": 0.85}
"""What a contradicting field multiplies the score by (a different father is the surest
sign of another man of the same name; a birth year more than a year off, less so: lists
get years wrong)."""


def corroborated(fields: dict[str, float]) -> bool:
    """Whether a field beside the name agrees: a parent's name, or the birth year within
    a year."""
    return (any(fields.get(k, 0.0) >= AGREE for k in ("father_name", "mother_name"))
            or fields.get("birth", 0.0) >= BIRTH_CLOSE)


def score_of(fields: dict[str, float]) -> float:
    """The weighted mean of the fields compared (weights renormalised to those present),
    lowered for each field that contradicts."""
    total = sum(WEIGHTS[k] for k in fields)
    score = sum(WEIGHTS[k] * v for k, v in fields.items()) / total if total else 0.0
    for key, factor in PENALTY.items():
        if key in fields and fields[key] < CONTRADICTS:
            score *= factor
    return score


class Register:
    """A victims' list in memory, indexed by blocking keys."""

    def __init__(self, records: Iterable[VictimRecord]) -> None:
        self.records = {r.id: (r.source_id, r.name, probe_of_record(r)) for r in records}
        self.index: dict[tuple[str, str, str], list[int]] = defaultdict(list)
        for rid, (_s, _n, probe) in self.records.items():
            for key in probe.blocks():
                self.index[key].append(rid)

    def candidates(self, person: Probe) -> set[int]:
        """The records sharing a blocking key with the person."""
        return {rid for key in person.blocks() for rid in self.index.get(key, ())}

    def match(self, person: Probe, limit: int = 10, name_only: bool = False
              ) -> list[VictimMatch]:
        """The records that may be the person, best first: those corroborated by a
        field beside the name, then (with `name_only`) those matching by name alone."""
        out = []
        for rid in self.candidates(person):
            source, name, probe = self.records[rid]
            fields = compare(person, probe)
            score = score_of(fields)
            backed = corroborated(fields)
            if fields["name"] >= NAME_MIN and score >= MATCH_MIN and (backed or name_only):
                agreed = tuple(k for k, v in fields.items() if v >= AGREE)
                out.append(VictimMatch(source, rid, name, round(score, 4), agreed,
                                       {k: round(v, 3) for k, v in fields.items()}, backed))
        return sorted(out, key=lambda m: (not m.corroborated, -m.score, m.source_id))[:limit]


def _persons(uow: UnitOfWork, person_id: int | None) -> Iterator[MissingPerson]:
    if person_id is not None:
        yield uow.owners.person(person_id)
        return
    for pid in uow.owners.person_ids():
        yield uow.owners.person(pid)


@dataclass(frozen=True)
class PersonMatches:
    """One missing person's matching records."""

    person_id: int
    label: str
    matches: tuple[VictimMatch, ...]


def match_persons(ws: Workspace, actor: Actor, person_id: int | None = None,
                  limit: int = 10, name_only: bool = False) -> list[PersonMatches]:
    """For each missing person (or one), the victims' records that may be them (with
    `name_only`, also those matching by the name alone, listed after the others).

    Raises:
        PermissionDenied, NotFoundError.
    """
    require(actor, Permission.VIEW_RECORDS)
    with ws.uow(actor) as uow:
        register = Register(uow.victims.records())
        return [PersonMatches(p.id, p.label,
                              tuple(register.match(probe_of_person(p), limit, name_only)))
                for p in _persons(uow, person_id)]


@dataclass(frozen=True)
class IdentifiedRow:
    """A confirmed identification and whether the victims' list holds the person."""

    identification_id: int
    person_id: int
    person_label: str
    body_label: str
    best: VictimMatch | None
    """The best record: corroborated by a field beside the name if any, else one that
    matches by the name alone."""

    @property
    def listed(self) -> bool:
        """Whether the list holds the person (a record corroborated beyond the name)."""
        return self.best is not None and self.best.corroborated

    @property
    def name_only(self) -> bool:
        """Whether only a record of the same name was found (perhaps the person)."""
        return self.best is not None and not self.best.corroborated


def identified_report(ws: Workspace, actor: Actor) -> list[IdentifiedRow]:
    """Every confirmed identification, with the victims' record that best matches its
    person (None: not in the list; a record matching by the name alone is kept, marked
    as such)."""
    require(actor, Permission.VIEW_RECORDS)
    with ws.uow(actor) as uow:
        register = Register(uow.victims.records())
        rows = []
        for ident in uow.reviews.identifications(state=IdentificationState.CONFIRMED):
            person = uow.owners.person(ident.person_id)
            body = uow.owners.get_body(ident.body_id)
            found = register.match(probe_of_person(person), 1, name_only=True)
            rows.append(IdentifiedRow(ident.id, person.id, person.label, body.label,
                                      found[0] if found else None))
        return rows
