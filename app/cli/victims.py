"""`athar victims import | match | report`: cross-checking with a documented-victims list."""

from __future__ import annotations

import argparse
import csv
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from athar.app.cli.output import print_json
from athar.casework.bus import MessageBus
from athar.casework.checks.victims import (
    ImportVictims,
    VictimMatch,
    identified_report,
    match_persons,
)
from athar.casework.domain.permissions import Actor
from athar.casework.domain.text import csv_cell, neutralise
from athar.casework.storage.outputs import check_output, write_atomically

if TYPE_CHECKING:
    Sub = argparse._SubParsersAction[argparse.ArgumentParser]


def add_parsers(sub: Sub) -> None:
    """`athar victims ACTION`."""
    s = sub.add_parser("victims", help="cross-check with a documented-victims list: import "
                       "it, match missing persons, report the identified")
    actions = s.add_subparsers(dest="victims_command", required=True, metavar="ACTION")
    a = actions.add_parser("import", help="import a UTF-8 CSV list (columns source_id, name, "
                           "father_name, mother_name, birth, origin, arrest_date, "
                           "death_date, death_place); bad rows are listed and left out")
    a.add_argument("workspace", metavar="WS", help="the workspace folder")
    a.add_argument("file", metavar="FILE.csv", help="the list")
    a = actions.add_parser("match", help="per missing person, the list's records that may "
                           "be them, best first, with the fields that agreed")
    a.add_argument("workspace", metavar="WS", help="the workspace folder")
    a.add_argument("--person", type=int, metavar="ID", help="only this person")
    a.add_argument("--name-only", action="store_true",
                   help="also list records that match by the name alone (nothing else "
                   "agrees: with a large list, many people share a name), after the others")
    a.add_argument("--json", action="store_true", help="print the matches as JSON")
    a = actions.add_parser("report", help="every confirmed identification: in the list or "
                           "not (CSV)")
    a.add_argument("workspace", metavar="WS", help="the workspace folder")
    a.add_argument("--out", required=True, metavar="FILE.csv", help="the CSV to write")


def _match_json(m: VictimMatch) -> dict[str, Any]:
    return {"source_id": m.source_id, "name": neutralise(m.name), "score": m.score,
            "agreed": list(m.agreed), "fields": m.fields, "corroborated": m.corroborated}


def run(args: argparse.Namespace, bus: MessageBus, actor: Actor) -> int:
    """Carry out `athar victims ACTION` in an open session."""
    if args.victims_command == "import":
        done = bus.handle(ImportVictims(Path(args.file)), actor)
        print(f"rows: {done.rows} = added {done.added} + left out {len(done.errors)}")
        for error in done.errors:
            print(f"  {neutralise(error)}")
        return 0 if done.added or not done.rows else 1
    if args.victims_command == "match":
        found = match_persons(bus.ws, actor, args.person, name_only=args.name_only)
        if args.json:
            print_json([{"person": p.person_id, "person_label": neutralise(p.label),
                         "matches": [_match_json(m) for m in p.matches]} for p in found])
            return 0
        for p in found:
            print(f"person {p.person_id} {neutralise(p.label)}: "
                  + (f"{len(p.matches)} record(s)" if p.matches else "no matching record"))
            for m in p.matches:
                print(f"  {m.source_id}  {m.score:.2f}  {neutralise(m.name)}  agreed: "
                      f"{', '.join(m.agreed) or '-'}"
                      + ("" if m.corroborated else "  (name only)"))
        return 0
    out = check_output(Path(args.out))
    rows = identified_report(bus.ws, actor)

    def write(fh: IO[str]) -> None:
        w = csv.writer(fh)
        w.writerow(["identification", "person", "person_label", "body_label",
                    "in_victims_list", "source_id", "score", "agreed"])
        for r in rows:
            w.writerow([r.identification_id, r.person_id, csv_cell(r.person_label),
                        csv_cell(r.body_label),
                        "yes" if r.listed else "name only" if r.name_only else "no",
                        csv_cell(r.best.source_id) if r.best else "",
                        r.best.score if r.best else "", " ".join(r.best.agreed) if r.best else ""])

    write_atomically(out, write)
    known = sum(1 for r in rows if r.listed)
    by_name = sum(1 for r in rows if r.name_only)
    print(f"confirmed identifications: {len(rows)} = in the victims list {known} + a "
          f"record of the same name only {by_name} + not found there "
          f"{len(rows) - known - by_name}; written to {out}")
    return 0
