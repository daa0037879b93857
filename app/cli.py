"""The `athar` command line: builds commands, dispatches them, prints the results."""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from tqdm import tqdm

from athar.app.bootstrap import create_ws, open_ws
from athar.casework.context import Workspace
from athar.casework.entities import Side
from athar.casework.errors import AtharError
from athar.casework.grouping import ImportItem
from athar.casework.ingest import ImportPhotos, ImportProgress, ImportReport, ImportService
from athar.casework.persons import AddPerson, add_person
from athar.casework.search import DEFAULT_TOP, QueryResult, RunSearch, SearchService
from athar.casework.verify import verify_workspace

logger = logging.getLogger(__name__)


def actor() -> str:
    """Who is acting: ATHAR_USER, else the operating-system user."""
    return os.environ.get("ATHAR_USER") or getpass.getuser()


def _progress_bar(total: int, quiet: bool) -> tuple[tqdm[None], object]:
    bar: tqdm[None] = tqdm(total=total, unit="img", disable=quiet, file=sys.stderr,
                           dynamic_ncols=True)

    def update(p: ImportProgress) -> None:
        bar.total = p.total
        bar.n = p.done
        bar.set_postfix(faces=p.faces, skipped=p.skipped, refresh=False)
        bar.refresh()

    return bar, update


def run_import(ws: Workspace, cmd: ImportPhotos, quiet: bool = False) -> ImportReport:
    """Run an import with a progress bar on stderr, then print its summary."""
    bar, update = _progress_bar(0, quiet)
    try:
        report = ImportService(ws).run(cmd, actor(), progress=update)  # type: ignore[arg-type]
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
        print(f"  skipped {skipped.path}: {skipped.reason}")
    for path in report.no_face:
        print(f"  no face found in {path} (photo kept; the face can be marked by hand)")
    for note in report.notes:
        print(f"  note: {note}")
    if report.cancelled:
        print("import cancelled: what was done is kept; run the same import again to resume")


def print_results(results: Sequence[QueryResult], as_json: bool) -> None:
    """A table per query, or the JSON list of the issue's shape."""
    if as_json:
        key, label_key = ("person", "body") if not results or \
            results[0].direction == "am->pm" else ("body", "person")
        out = [{
            key: r.query_id, f"{key}_label": r.query_label,
            "candidates": [{label_key: m.owner_id, f"{label_key}_label": m.label,
                            "score": round(m.score, 6), "score_mean3": round(m.score_mean3, 6),
                            "rank": m.rank, "state": m.state} for m in r.matches],
            **({"note": r.note} if r.note else {}),
        } for r in results]
        print(json.dumps(out, ensure_ascii=False, indent=1))
        return
    for r in results:
        kind = "Person" if r.direction == "am->pm" else "Body"
        print(f"{kind} {r.query_id} «{r.query_label}»" + (f": {r.note}" if r.note else ""))
        if r.matches:
            print(f"  {'rank':>4}  {'id':>6}  {'best':>6}  {'mean3':>6}  {'state':<10} label")
        for m in r.matches:
            print(f"  {m.rank:>4}  {m.owner_id:>6}  {m.score:6.3f}  {m.score_mean3:6.3f}  "
                  f"{m.state:<10} {m.label}")


def _cmd_init(args: argparse.Namespace) -> int:
    ws = create_ws(Path(args.workspace))
    ws.close()
    print(f"workspace created: {args.workspace}")
    return 0


def _cmd_import(args: argparse.Namespace, side: Side) -> int:
    ws = open_ws(Path(args.workspace))
    try:
        cmd = ImportPhotos(Path(args.dir).absolute(), side, args.group_by,
                           getattr(args, "collection", None), args.workers)
        run_import(ws, cmd, args.quiet)
    finally:
        ws.close()
    return 0


def _cmd_add_person(args: argparse.Namespace) -> int:
    ws = open_ws(Path(args.workspace))
    try:
        pid, label = add_person(ws, AddPerson(args.name, args.name_ar, args.sex, args.born),
                                actor())
        items = tuple(ImportItem(str(Path(p).absolute()), label) for p in args.photo)
        cmd = ImportPhotos(Path.cwd(), Side.AM, workers=1, items=items,
                           source="manual entry")
        run_import(ws, cmd, quiet=True)
        print(f"missing person {pid} «{label}» added")
    finally:
        ws.close()
    return 0


def _cmd_search(args: argparse.Namespace) -> int:
    ws = open_ws(Path(args.workspace))
    try:
        cmd = RunSearch(person_ids=tuple(args.person or ()), all_persons=args.all,
                        body_ids=tuple(args.body or ()), top=args.top)
        print_results(SearchService(ws).run(cmd, actor()), args.json)
    finally:
        ws.close()
    return 0


def _cmd_verify(args: argparse.Namespace) -> int:
    ws = open_ws(Path(args.workspace), repair=False)
    try:
        report = verify_workspace(ws)
    finally:
        ws.engine.dispose()
    print(f"audit events: {report.events}  evidence files: {report.photos}  "
          f"indexed vectors: {report.vectors}")
    for warning in report.warnings:
        print(f"warning: {warning}")
    for problem in report.problems:
        print(f"PROBLEM: {problem}")
    print("verified: OK" if report.ok else f"verification FAILED ({len(report.problems)})")
    return 0 if report.ok else 1


def _cmd_reindex(args: argparse.Namespace) -> int:
    ws = open_ws(Path(args.workspace))
    try:
        for side in (Side.PM, Side.AM):
            index = ws.indexes.rebuild(ws.model, side)
            print(f"{side.value}: {len(index)} vectors, version {index.version()}")
    finally:
        ws.close()
    return 0


def _cmd_demo(args: argparse.Namespace) -> int:
    from athar.app.demo import run_demo

    return run_demo(Path(args.dir) if args.dir else None,
                    Path(args.workspace) if args.workspace else None, args.workers)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every subcommand."""
    p = argparse.ArgumentParser(prog="athar", description=__doc__)
    p.add_argument("-v", "--verbose", action="store_true", help="log progress details")
    sub = p.add_subparsers(dest="command", required=True)
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
    s = sub.add_parser("verify", help="check audit chain, evidence files and indexes")
    s.add_argument("workspace")
    s = sub.add_parser("reindex", help="rebuild the indexes from the database")
    s.add_argument("workspace")
    s = sub.add_parser("demo", help="import a folder of identities and measure the ranking")
    s.add_argument("dir", nargs="?")
    s.add_argument("--workspace", help="where to create the demo workspace")
    s.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `athar` console script."""
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    handlers = {
        "init": _cmd_init, "add-person": _cmd_add_person, "search": _cmd_search,
        "verify": _cmd_verify, "reindex": _cmd_reindex, "demo": _cmd_demo,
    }
    try:
        if args.command in ("import-pm", "import-am"):
            return _cmd_import(args, args.side)
        return handlers[args.command](args)
    except AtharError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
