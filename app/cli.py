"""The `athar` command line: builds commands, dispatches them, prints the results."""

from __future__ import annotations

import argparse
import csv
import json
import logging
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from tqdm import tqdm

from athar.app import credentials
from athar.app.bootstrap import create_ws, open_ws
from athar.casework.accounts import Actor, CreateUser
from athar.casework.backup import backup, change_passphrase, rebuild_indexes, restore
from athar.casework.checkpoint import check_extends, export_log, make_checkpoint
from athar.casework.context import Workspace
from athar.casework.entities import Role, Side
from athar.casework.errors import AtharError
from athar.casework.grouping import ImportItem
from athar.casework.ingest import ImportPhotos, ImportProgress, ImportReport, ImportService
from athar.casework.offline import forbid_network
from athar.casework.persons import AddPerson, add_person
from athar.casework.search import DEFAULT_TOP, QueryResult, RunSearch, SearchService
from athar.casework.text import csv_cell, neutralise
from athar.casework.users import add_user, deactivate_user, login, set_idle_lock
from athar.casework.verify import verify_workspace

logger = logging.getLogger(__name__)


@contextmanager
def session(root: str, repair: bool = True) -> Iterator[tuple[Workspace, Actor]]:
    """Unlock the workspace and log the user in (environment or prompt); close at the end."""
    ws = open_ws(Path(root), credentials.passphrase(), repair=repair)
    try:
        yield ws, login(ws, credentials.username(), credentials.password())
    finally:
        ws.close()


def _progress_bar(total: int, quiet: bool
                  ) -> tuple[tqdm[None], Callable[[ImportProgress], None]]:
    bar: tqdm[None] = tqdm(total=total, unit="img", disable=quiet, file=sys.stderr,
                           dynamic_ncols=True)

    def update(p: ImportProgress) -> None:
        bar.total = p.total
        bar.n = p.done
        bar.set_postfix(faces=p.faces, skipped=p.skipped, refresh=False)
        bar.refresh()

    return bar, update


def run_import(ws: Workspace, actor: Actor, cmd: ImportPhotos,
               quiet: bool = False) -> ImportReport:
    """Run an import with a progress bar on stderr, then print its summary."""
    bar, update = _progress_bar(0, quiet)
    try:
        report = ImportService(ws).run(cmd, actor, progress=update)
    finally:
        bar.close()
    print_import_summary(report)
    return report


def print_import_summary(report: ImportReport) -> None:
    """Counts, then every skipped file with its reason."""
    rate = report.new_photos / report.elapsed_s if report.elapsed_s else 0.0
    print(f"files: {report.total}  new photos: {report.new_photos}  "
          f"duplicates: {report.duplicates}  already imported: {report.already_done}  "
          f"faces: {report.faces}  skipped: {len(report.skipped)}  "
          f"no face: {len(report.no_face)}  ({report.elapsed_s:.1f} s, {rate:.2f} img/s)")
    for skipped in report.skipped:
        print(f"  skipped {neutralise(skipped.path)}: {neutralise(skipped.reason)}")
    for path in report.no_face:
        print(f"  no face found in {neutralise(path)} (photo kept; the face can be marked "
              "by hand)")
    for note in report.notes:
        print(f"  note: {neutralise(note)}")
    if report.cancelled:
        print("import cancelled: what was done is kept; run the same import again to resume")


def print_results(results: Sequence[QueryResult], as_json: bool) -> None:
    """A table per query, or the JSON list of the issue's shape."""
    if as_json:
        key, label_key = ("person", "body") if not results or \
            results[0].direction == "am->pm" else ("body", "person")
        out = [{
            key: r.query_id, f"{key}_label": neutralise(r.query_label),
            "candidates": [{label_key: m.owner_id, f"{label_key}_label": neutralise(m.label),
                            "score": round(m.score, 6), "best_pair": round(m.best, 6),
                            "mean_faces": round(m.mean_faces, 6),
                            "score_mean3": round(m.score_mean3, 6),
                            "rank": m.rank, "state": m.state} for m in r.matches],
            **({"note": r.note} if r.note else {}),
        } for r in results]
        print(json.dumps(out, ensure_ascii=False, indent=1))
        return
    for r in results:
        kind = "Person" if r.direction == "am->pm" else "Body"
        print(f"{kind} {r.query_id} «{neutralise(r.query_label)}»"
              + (f": {r.note}" if r.note else ""))
        if r.matches:
            print(f"  {'rank':>4}  {'id':>6}  {'score':>6}  {'best':>6}  {'means':>6}  "
                  f"{'mean3':>6}  {'state':<10} label")
        for m in r.matches:
            print(f"  {m.rank:>4}  {m.owner_id:>6}  {m.score:6.3f}  {m.best:6.3f}  "
                  f"{m.mean_faces:6.3f}  {m.score_mean3:6.3f}  {m.state:<10} "
                  f"{neutralise(m.label)}")


def write_results_csv(results: Sequence[QueryResult], path: Path) -> None:
    """The ranked lists as CSV, cells neutralised against formulas and direction tricks."""
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["direction", "query_id", "query_label", "rank", "match_id",
                         "match_label", "score", "best_pair", "mean_faces", "score_mean3",
                         "state"])
        for r in results:
            for m in r.matches:
                writer.writerow([csv_cell(v) for v in (
                    r.direction, r.query_id, r.query_label, m.rank, m.owner_id, m.label,
                    f"{m.score:.6f}", f"{m.best:.6f}", f"{m.mean_faces:.6f}",
                    f"{m.score_mean3:.6f}", m.state)])


def _cmd_init(args: argparse.Namespace) -> int:
    phrase = credentials.passphrase(confirm=True)
    user = credentials.username()
    ws, _ = create_ws(Path(args.workspace), phrase, user, credentials.password(confirm=True))
    ws.close()
    print(f"workspace created: {args.workspace} (first supervisor: {user})")
    return 0


def _cmd_import(args: argparse.Namespace, side: Side) -> int:
    with session(args.workspace) as (ws, actor):
        cmd = ImportPhotos(Path(args.dir).absolute(), side, args.group_by,
                           getattr(args, "collection", None), args.workers)
        run_import(ws, actor, cmd, args.quiet)
    return 0


def _cmd_add_person(args: argparse.Namespace) -> int:
    with session(args.workspace) as (ws, actor):
        pid, label = add_person(ws, AddPerson(args.name, args.name_ar, args.sex, args.born),
                                actor)
        items = tuple(ImportItem(str(Path(p).absolute()), label) for p in args.photo)
        cmd = ImportPhotos(Path.cwd(), Side.AM, workers=1, items=items,
                           source="manual entry")
        run_import(ws, actor, cmd, quiet=True)
        print(f"missing person {pid} «{neutralise(label)}» added")
    return 0


def _cmd_search(args: argparse.Namespace) -> int:
    with session(args.workspace) as (ws, actor):
        cmd = RunSearch(person_ids=tuple(args.person or ()), all_persons=args.all,
                        body_ids=tuple(args.body or ()), top=args.top)
        results = SearchService(ws).run(cmd, actor)
        if args.csv:
            write_results_csv(results, Path(args.csv))
        print_results(results, args.json)
    return 0


def _cmd_verify(args: argparse.Namespace) -> int:
    with session(args.workspace, repair=False) as (ws, actor):
        report = verify_workspace(ws, actor)
        if args.checkpoint:
            note = Path(args.checkpoint).read_text(encoding="utf-8")
            report.problems += [f"checkpoint: {p}" for p in check_extends(ws, note, actor)]
    print(f"audit events: {report.events}  evidence files: {report.photos}  "
          f"indexed vectors: {report.vectors}")
    for warning in report.warnings:
        print(f"warning: {warning}")
    for problem in report.problems:
        print(f"PROBLEM: {problem}")
    print("verified: OK" if report.ok else f"verification FAILED ({len(report.problems)})")
    return 0 if report.ok else 1


def _cmd_reindex(args: argparse.Namespace) -> int:
    with session(args.workspace) as (ws, actor):
        for side, count, version in rebuild_indexes(ws, actor):
            print(f"{side}: {count} vectors, version {version}")
    return 0


def _cmd_audit(args: argparse.Namespace) -> int:
    with session(args.workspace) as (ws, actor):
        if args.audit_command == "checkpoint":
            note = make_checkpoint(ws, args.origin, actor)
            if args.out:
                Path(args.out).write_text(note, encoding="utf-8")
            print(note, end="")
        else:
            count = export_log(ws, Path(args.out), actor)
            print(f"{count} events written to {args.out}")
    return 0


def _cmd_user(args: argparse.Namespace) -> int:
    with session(args.workspace) as (ws, actor):
        if args.user_command == "add":
            new_password = credentials.secret("ATHAR_NEW_PASSWORD", f"password for {args.name}",
                                              confirm=True)
            add_user(ws, CreateUser(args.name, new_password, Role(args.role), args.contact),
                     actor)
            print(f"user {args.name} ({args.role}) added")
        else:
            deactivate_user(ws, args.name, actor)
            print(f"user {args.name} deactivated")
    return 0


def _cmd_passphrase(args: argparse.Namespace) -> int:
    with session(args.workspace) as (ws, actor):
        new = credentials.secret("ATHAR_NEW_PASSPHRASE", "new workspace passphrase",
                                 confirm=True)
        change_passphrase(ws, credentials.passphrase(), new, actor)
    print("passphrase changed")
    return 0


def _cmd_settings(args: argparse.Namespace) -> int:
    with session(args.workspace) as (ws, actor):
        set_idle_lock(ws, args.idle_lock, actor)
    print(f"idle lock set to {args.idle_lock} s")
    return 0


def _cmd_backup(args: argparse.Namespace) -> int:
    with session(args.workspace) as (ws, actor):
        backup(ws, Path(args.dest), actor)
    print(f"backup written to {args.dest}")
    return 0


def _cmd_restore(args: argparse.Namespace) -> int:
    restore(Path(args.backup), Path(args.dest))
    with session(args.dest) as (ws, actor):
        report = verify_workspace(ws, actor)
    for problem in report.problems:
        print(f"PROBLEM: {problem}")
    print(f"restored to {args.dest}: " + ("verified OK" if report.ok else "verification FAILED"))
    return 0 if report.ok else 1


def _cmd_demo(args: argparse.Namespace) -> int:
    from athar.app.demo import run_demo

    return run_demo(Path(args.dir) if args.dir else None,
                    Path(args.workspace) if args.workspace else None, args.workers)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every subcommand."""
    p = argparse.ArgumentParser(prog="athar", description=__doc__)
    p.add_argument("-v", "--verbose", action="store_true", help="log progress details")
    sub = p.add_subparsers(dest="command", required=False)
    sub.add_parser("gui", help="open the desktop application (the default with no command)")
    s = sub.add_parser("init", help="create a workspace folder")
    s.add_argument("workspace")
    for name, side in (("import-pm", Side.PM), ("import-am", Side.AM)):
        s = sub.add_parser(name, help=f"import {side.value.upper()} photos from a folder")
        s.add_argument("workspace")
        s.add_argument("dir")
        if side is Side.PM:
            s.add_argument("--collection", required=True)
            s.add_argument("--group-by", default="folder",
                           help="folder | file | csv:PATH (default: folder)")
        else:
            s.add_argument("--group-by", default="folder", choices=["folder", "file"])
        s.add_argument("--workers", type=int, default=os.cpu_count() or 1)
        s.add_argument("--quiet", action="store_true", help="no progress bar")
        s.set_defaults(side=side)
    s = sub.add_parser("add-person", help="add one missing person with photos")
    s.add_argument("workspace")
    s.add_argument("--name", required=True)
    s.add_argument("--name-ar")
    s.add_argument("--sex", choices=["male", "female", "unknown"])
    s.add_argument("--born", help="birth date or year")
    s.add_argument("--photo", nargs="+", required=True)
    s = sub.add_parser("search", help="rank Bodies for missing persons (or the reverse)")
    s.add_argument("workspace")
    group = s.add_mutually_exclusive_group(required=True)
    group.add_argument("--person", type=int, action="append")
    group.add_argument("--all", action="store_true")
    group.add_argument("--body", type=int, action="append")
    s.add_argument("--top", type=int, default=DEFAULT_TOP)
    s.add_argument("--json", action="store_true")
    s.add_argument("--csv", help="also write the ranked lists to this CSV file")
    s = sub.add_parser("verify", help="check audit chain, evidence files and indexes")
    s.add_argument("workspace")
    s.add_argument("--checkpoint", help="also prove the log extends this signed checkpoint")
    s = sub.add_parser("audit", help="signed checkpoints and export of the audit log")
    audit_sub = s.add_subparsers(dest="audit_command", required=True)
    a = audit_sub.add_parser("checkpoint", help="print (and save) a signed checkpoint")
    a.add_argument("workspace")
    a.add_argument("--origin", default="athar-audit-log")
    a.add_argument("--out")
    a = audit_sub.add_parser("export", help="write the log with its chain (HASH JSON lines)")
    a.add_argument("workspace")
    a.add_argument("out")
    s = sub.add_parser("user", help="manage user accounts (supervisors)")
    user_sub = s.add_subparsers(dest="user_command", required=True)
    u = user_sub.add_parser("add", help="add a user (password from ATHAR_NEW_PASSWORD)")
    u.add_argument("workspace")
    u.add_argument("name")
    u.add_argument("--role", required=True, choices=[r.value for r in Role])
    u.add_argument("--contact", action="store_true",
                   help="may see submitters' contact details")
    u = user_sub.add_parser("deactivate", help="deactivate a user")
    u.add_argument("workspace")
    u.add_argument("name")
    s = sub.add_parser("passphrase", help="change the workspace passphrase "
                       "(new one from ATHAR_NEW_PASSPHRASE)")
    s.add_argument("workspace")
    s = sub.add_parser("settings", help="workspace settings (supervisors)")
    s.add_argument("workspace")
    s.add_argument("--idle-lock", type=int, required=True, help="seconds before locking")
    s = sub.add_parser("backup", help="consistent copy of a (possibly running) workspace")
    s.add_argument("workspace")
    s.add_argument("dest")
    s = sub.add_parser("restore", help="restore a backup into a new folder and verify it")
    s.add_argument("backup")
    s.add_argument("dest")
    s = sub.add_parser("reindex", help="rebuild the indexes from the database")
    s.add_argument("workspace")
    s = sub.add_parser("demo", help="import a folder of identities and measure the ranking")
    s.add_argument("dir", nargs="?")
    s.add_argument("--workspace", help="where to create the demo workspace")
    s.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `athar` console script."""
    forbid_network()
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    handlers: dict[str, Callable[[argparse.Namespace], int]] = {
        "init": _cmd_init, "add-person": _cmd_add_person, "search": _cmd_search,
        "verify": _cmd_verify, "reindex": _cmd_reindex, "demo": _cmd_demo,
        "audit": _cmd_audit, "user": _cmd_user, "passphrase": _cmd_passphrase,
        "settings": _cmd_settings, "backup": _cmd_backup, "restore": _cmd_restore,
    }
    if args.command in (None, "gui"):
        from athar.app.gui.application import run  # Qt only when the desktop app is asked

        return run([sys.argv[0]])
    try:
        if args.command in ("import-pm", "import-am"):
            return _cmd_import(args, args.side)
        return handlers[args.command](args)
    except AtharError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
