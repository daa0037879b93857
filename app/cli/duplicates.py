"""`athar duplicates suggest | list | merge | fragment | distinct | undo` (post-mortem
duplicates) and `athar match-new` (the searches new material made due)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from athar.app.cli.output import print_json
from athar.casework.bus import MessageBus
from athar.casework.checks.duplicates import (
    PairEvidence,
    RelateBodies,
    RelationView,
    UndoRelation,
    relations,
    suggestions,
)
from athar.casework.domain.permissions import Actor
from athar.casework.domain.text import neutralise
from athar.casework.matching.continuous import MatchNew, pending
from athar.casework.matching.search import DEFAULT_TOP

if TYPE_CHECKING:
    Sub = argparse._SubParsersAction[argparse.ArgumentParser]

DECISIONS = {"merge": "same_body", "fragment": "fragment", "distinct": "distinct"}


def add_parsers(sub: Sub) -> None:
    """`athar duplicates ACTION` and `athar match-new`."""
    s = sub.add_parser("duplicates", help="post-mortem duplicates: Bodies that may be one "
                       "body (suggested from faces and numbers), merged, linked as "
                       "fragments or kept apart by a person")
    actions = s.add_subparsers(dest="duplicates_command", required=True, metavar="ACTION")
    a = actions.add_parser("suggest", help="pairs of Bodies that may be one body, best "
                           "first, with the evidence (read-only)")
    a.add_argument("workspace", metavar="WS", help="the workspace folder")
    a.add_argument("--body", type=int, metavar="ID", help="only pairs with this Body")
    a.add_argument("--json", action="store_true", help="print the pairs as JSON")
    a = actions.add_parser("list", help="every decision about two Bodies, undone ones "
                           "included (read-only)")
    a.add_argument("workspace", metavar="WS", help="the workspace folder")
    a.add_argument("--body", type=int, metavar="ID", help="only decisions about this Body")
    a.add_argument("--json", action="store_true", help="print the decisions as JSON")
    for name, words in (("merge", "merge Body OTHER into Body KEPT (the same body "
                         "photographed twice): OTHER's photos count as KEPT's in every "
                         "search while the merge stands"),
                        ("fragment", "link two Bodies as fragments of one person's "
                         "remains (both stay)"),
                        ("distinct", "record that two Bodies are not one body (the pair "
                         "is not suggested again)")):
        a = actions.add_parser(name, help=words)
        a.add_argument("workspace", metavar="WS", help="the workspace folder")
        a.add_argument("body", type=int, metavar="KEPT" if name == "merge" else "BODY",
                       help="the Body kept (its id)" if name == "merge" else "a Body's id")
        a.add_argument("other", type=int, metavar="OTHER",
                       help="the Body merged into KEPT" if name == "merge" else
                       "the other Body's id")
        a.add_argument("--reason", required=True, help="what you compared (recorded)")
    a = actions.add_parser("undo", help="undo a decision (it stays on record with the undo)")
    a.add_argument("workspace", metavar="WS", help="the workspace folder")
    a.add_argument("decision", type=int, metavar="DECISION", help="its id (duplicates list)")
    a.add_argument("--reason", required=True, help="why (recorded)")
    m = sub.add_parser("match-new", help="run the searches that new photos, persons or "
                       "merges made due (open persons against new Bodies, new Bodies and "
                       "persons against the other side)")
    m.add_argument("workspace", metavar="WS", help="the workspace folder")
    m.add_argument("--dry-run", action="store_true",
                   help="only list what is due, search nothing")
    m.add_argument("--top", type=int, default=DEFAULT_TOP, help="list length")


def _pair_json(p: PairEvidence) -> dict[str, Any]:
    return {"body": p.body_id, "body_label": neutralise(p.body_label),
            "collection": neutralise(p.collection), "other": p.other_id,
            "other_label": neutralise(p.other_label),
            "other_collection": neutralise(p.other_collection),
            "score": p.score, "log10_lr": p.log10_lr, "agreeing": p.agreeing,
            "differing": p.differing, "reasons": [neutralise(r) for r in p.reasons()]}


def _relation_json(r: RelationView) -> dict[str, Any]:
    return {"id": r.id, "kind": r.kind, "body": r.body_id, "other": r.other_id,
            "reason": neutralise(r.reason), "by": r.created_by, "at": r.created_at,
            "standing": r.standing, "undone_by": r.undone_by, "undone_at": r.undone_at,
            "undo_reason": None if r.undo_reason is None else neutralise(r.undo_reason),
            "evidence": r.evidence}


def _print_relation(r: RelationView) -> None:
    what = {"same_body": "merged into", "fragment": "fragment with",
            "distinct": "distinct from"}[r.kind]
    print(f"{r.id}  Body {neutralise(r.other_label)} ({r.other_id}) {what} Body "
          f"{neutralise(r.body_label)} ({r.body_id})  by {r.created_by} {r.created_at}: "
          f"{neutralise(r.reason)}")
    if not r.standing:
        print(f"    undone by {r.undone_by} {r.undone_at}: {neutralise(r.undo_reason or '')}")


def run(args: argparse.Namespace, bus: MessageBus, actor: Actor) -> int:
    """Carry out `athar duplicates ACTION` in an open session."""
    command = args.duplicates_command
    if command == "suggest":
        found = suggestions(bus.ws, actor, args.body)
        if args.json:
            print_json([_pair_json(p) for p in found])
            return 0
        if not found:
            print("no Bodies suggested as duplicates")
        for p in found:
            print(f"Body {neutralise(p.body_label)} ({p.body_id}, {neutralise(p.collection)})"
                  f" ~ Body {neutralise(p.other_label)} ({p.other_id}, "
                  f"{neutralise(p.other_collection)})")
            for reason in p.reasons():
                print(f"    {neutralise(reason)}")
        return 0
    if command == "list":
        rows = relations(bus.ws, actor, args.body)
        if args.json:
            print_json([_relation_json(r) for r in rows])
            return 0
        if not rows:
            print("no decision about Bodies yet")
        for r in rows:
            _print_relation(r)
        return 0
    if command == "undo":
        bus.handle(UndoRelation(args.decision, args.reason), actor)
        print(f"decision {args.decision} undone (kept on record with your reason); run "
              "athar match-new to bring the lists it changed up to date")
        return 0
    rid = bus.handle(RelateBodies(args.body, args.other, DECISIONS[command], args.reason),
                     actor)
    (done,) = [r for r in relations(bus.ws, actor, args.body) if r.id == rid]
    _print_relation(done)
    if command == "merge":
        print("run athar match-new to bring the lists it changed up to date")
    return 0


def run_match_new(args: argparse.Namespace, bus: MessageBus, actor: Actor) -> int:
    """Carry out `athar match-new`."""
    if args.dry_run:
        due = pending(bus.ws, actor)
        if due.empty:
            print("every search is up to date")
        for pid, why in sorted(due.persons.items()):
            print(f"person {pid}: {why}")
        for bid, why in sorted(due.bodies.items()):
            print(f"Body {bid}: {why}")
        return 0
    summary = bus.handle(MatchNew(top=args.top), actor)
    print(summary.sentence())
    return 0
