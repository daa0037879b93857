"""What each `athar` command does: build the service's command, call it, print the result.

Every handler returns the exit status: 0 done, 1 done but with problems to look at (an
import that imported nothing, a failed verification), 2 refused (printed by `main`), 130
interrupted with Ctrl-C.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from types import FrameType
from typing import IO, Never, TypeVar

from tqdm import tqdm

from athar.app import credentials, model_admin
from athar.app.bootstrap import (
    DEFAULT_MODEL,
    create_ws,
    device_used,
    open_ws,
    open_ws_lenient,
    pipeline_factory,
)
from athar.app.cli import duplicates, marks, models, output, victims
from athar.casework.accounts.users import CreateUser, Login, SetActive, SetIdleLock
from athar.casework.bus import MessageBus
from athar.casework.domain.entities import (
    CandidateState,
    IdentificationState,
    ReviewDecision,
    Role,
)
from athar.casework.domain.errors import InvalidRequest
from athar.casework.domain.permissions import Actor
from athar.casework.domain.text import neutralise
from athar.casework.intake import persons
from athar.casework.intake.active_model import SetActiveModel, active_model_id
from athar.casework.intake.ingest import ImportPhotos, ImportProgress, ImportReport
from athar.casework.intake.reembed import Reembed, ReembedProgress
from athar.casework.intake.registration import RegisterPerson
from athar.casework.integrity.backup import Backup, ChangePassphrase, RebuildIndexes, restore
from athar.casework.integrity.checkpoint import (
    ExportAudit,
    MakeCheckpoint,
    audit_key,
    check_extends,
)
from athar.casework.integrity.verify import verify_workspace
from athar.casework.matching import candidates, continuous
from athar.casework.matching.search import RunSearch
from athar.casework.records import browse
from athar.casework.reports import weight
from athar.casework.reports.service import MakeReport
from athar.casework.review import signoff
from athar.casework.review.reviews import RecordReview, SetBlindScores
from athar.casework.storage.outputs import check_output, read_text, write_atomically
from athar.casework.storage.workspace import Workspace

T = TypeVar("T")
INTERRUPTED = 130
"""Exit status after Ctrl-C (128 + SIGINT), as shells report it."""


@contextmanager
def session(root: str, repair: bool = True, model: str | None = None,
            device: str = "auto", computes: bool = True) -> Iterator[tuple[MessageBus, Actor]]:
    """Unlock the workspace and log the user in (environment or prompt); close at the end.

    Yields the workspace's message bus (every change goes through it; `bus.ws` for reads)
    and the logged-in user. `model` and `device`: the model the workspace is opened with
    (default: the workspace's active model) and where an ONNX pack computes. A command
    that `computes` no vectors and searches nothing still runs when the active model is
    not installed here (with the embedded default, saying so on stderr).
    """
    pipeline_factory(model, device)  # a model not installed: refused before the prompts
    if model is None and not computes:
        ws, problem = open_ws_lenient(Path(root), credentials.passphrase(), repair=repair,
                                      device=device)
        if problem:
            print(f"warning: {problem}", file=sys.stderr)
    else:
        ws = open_ws(Path(root), credentials.passphrase(), repair=repair, model=model,
                     device=device)
    try:
        bus = MessageBus(ws)
        yield bus, bus.handle(Login(credentials.username(), credentials.password()), None)
    finally:
        ws.close()


def _progress_bar(quiet: bool) -> tuple[tqdm[Never], Callable[[ImportProgress], None]]:
    bar: tqdm[Never] = tqdm(total=0, unit="img", disable=quiet, file=sys.stderr,
                            dynamic_ncols=True)

    def update(p: ImportProgress) -> None:
        bar.total = p.total
        bar.n = p.done
        bar.set_postfix(faces=p.faces, skipped=p.skipped, refresh=False)
        bar.refresh()

    return bar, update


@contextmanager
def cancel_on_interrupt() -> Iterator[threading.Event]:
    """Ctrl-C sets the event (the import stops within a second and keeps what it did); a
    second Ctrl-C stops at once."""
    cancel = threading.Event()

    def handler(_signum: int, _frame: FrameType | None) -> None:
        if cancel.is_set():
            raise KeyboardInterrupt
        cancel.set()
        print("\ninterrupted: finishing the files in progress (Ctrl-C again to stop now)",
              file=sys.stderr)

    try:
        previous = signal.signal(signal.SIGINT, handler)
    except ValueError:  # not the main thread (embedded use): no handler to install
        yield cancel
        return
    try:
        yield cancel
    finally:
        signal.signal(signal.SIGINT, previous)


def run_import(bus: MessageBus, actor: Actor, cmd: ImportPhotos,
               quiet: bool = False) -> ImportReport:
    """Run an import with a progress bar on stderr (Ctrl-C cancels), then print its summary."""
    bar, update = _progress_bar(quiet)
    try:
        with cancel_on_interrupt() as cancel:
            report = bus.handle(replace(cmd, progress=update, cancel=cancel), actor)
    finally:
        bar.close()
    output.print_import_summary(report)
    return report


def import_status(report: ImportReport) -> int:
    """130 when interrupted; 1 with a warning when nothing was imported; else 0."""
    if report.cancelled:
        return INTERRUPTED
    if report.filed == 0:
        reason = ("the folder holds no file" if report.total == 0 else
                  "no file could be filed (see the reasons above)")
        print(f"warning: nothing was imported: {reason}", file=sys.stderr)
        return 1
    return 0


def _write(fh: IO[str], text: str) -> None:
    fh.write(text)


def cmd_init(args: argparse.Namespace) -> int:
    phrase = credentials.passphrase(confirm=True)
    user = credentials.username()
    ws, _ = create_ws(Path(args.workspace), phrase, user, credentials.password(confirm=True))
    ws.close()
    print(f"workspace created: {args.workspace} (first supervisor: {user})")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    with session(args.workspace, model=args.model, device=args.device) as (bus, actor):
        if args.model or bus.ws.model.model_id != pipeline_factory().model_info().model_id:
            print(f"model: {bus.ws.model.model_id} (faces get this model's vectors only; "
                  f"`athar reembed WS --model ID` adds another's)", file=sys.stderr)
        cmd = ImportPhotos(Path(args.dir).absolute(), args.side, args.group_by,
                           getattr(args, "collection", None), args.workers,
                           into_person=getattr(args, "into", None))
        status = import_status(run_import(bus, actor, cmd, args.quiet))
        _say_due(bus, actor)
        return status


def _say_due(bus: MessageBus, actor: Actor) -> None:
    """After new material: which searches it made due (the desktop runs them itself)."""
    due = continuous.pending(bus.ws, actor)
    if not due.empty:
        print(f"searches due: {len(due.persons)} missing person(s), {len(due.bodies)} "
              f"Body(ies); `athar match-new {bus.ws.paths.root}` runs them")


def _person_command(args: argparse.Namespace) -> persons.AddPerson:
    return persons.AddPerson(
        args.name, args.name_ar, args.sex, args.born, args.label, args.submitter,
        args.contact, args.origin, args.arrest_date, args.arrest_place,
        args.arresting_branch, args.description, args.marks, args.father, args.mother)


def cmd_add_person(args: argparse.Namespace) -> int:
    with session(args.workspace) as (bus, actor):
        photos = tuple(Path(p) for p in args.photo or ())
        done = bus.handle(RegisterPerson(_person_command(args), photos), actor)
        if done.report is not None:
            output.print_import_summary(done.report)
        print(f"missing person {done.person_id} «{neutralise(done.label)}» added with "
              f"{done.photos_filed} of {len(photos)} photo(s)")
        if done.photos_filed:
            _say_due(bus, actor)
        if not photos:
            print("no photo given: add the family's photos later with "
                  f"`athar import-am {args.workspace} DIR --into {done.person_id}`")
        elif done.photos_filed < len(photos):
            print(f"warning: {len(photos) - done.photos_filed} photo(s) were not filed "
                  "(reasons above); the person's record is kept", file=sys.stderr)
            return 1
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    csv_path = check_output(Path(args.csv)) if args.csv else None  # before any search runs
    with session(args.workspace, model=args.model, device=args.device) as (bus, actor):
        print(f"model: {bus.ws.model.model_id}", file=sys.stderr)
        fusion = model_admin.fusion(bus.ws, args.fuse or [], args.device)
        if fusion:
            print("fused with: " + ", ".join(f.model.model_id for f in fusion[1:]),
                  file=sys.stderr)
        cmd = RunSearch(person_ids=tuple(args.person or ()), all_persons=args.all,
                        body_ids=tuple(args.body or ()), top=args.top, fusion=fusion)
        results = bus.handle(cmd, actor)
        if csv_path is not None:
            output.write_results_csv(results, csv_path)
        output.print_results(results, args.json)
    return 0


def _show(args: argparse.Namespace, read: Callable[[Workspace, Actor], T],
          show: Callable[[T, bool], None]) -> int:
    """A read-only listing: unlock, read as the user, print (table or JSON)."""
    with session(args.workspace, computes=False) as (bus, actor):
        show(read(bus.ws, actor), args.json)
    return 0


def cmd_persons(args: argparse.Namespace) -> int:
    return _show(args, persons.list_persons, output.print_persons)


def cmd_bodies(args: argparse.Namespace) -> int:
    return _show(args, lambda ws, actor: browse.find_bodies(ws, actor, args.collection,
                                                            args.number),
                 output.print_bodies)


def cmd_collections(args: argparse.Namespace) -> int:
    return _show(args, browse.collections, output.print_collections)


def cmd_candidates(args: argparse.Namespace) -> int:
    states = frozenset({CandidateState(args.state)}) if args.state else None
    with session(args.workspace, computes=False) as (bus, actor):
        ws = bus.ws
        if args.person is not None:
            rows = candidates.candidates_of(ws, actor, args.person, states)
        elif args.body is not None:
            rows = candidates.candidates_of_body(ws, actor, args.body, states)
        else:
            rows = candidates.all_candidates(ws, actor, states)
        weighed = weight.weigh(ws, actor, rows)
        if args.records is not None:  # flagged candidates are filtered, never dropped unasked
            rows = [c for c in rows if weighed[(c.person_id, c.body_id)].records.flagged
                    == (args.records == "disagree")]
        output.print_candidates(weight.ordered(rows, weighed, args.order), args.json,
                                weighed, args.order)
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    note = read_text(Path(args.checkpoint), "checkpoint") if args.checkpoint else None
    with session(args.workspace, repair=False, computes=False) as (bus, actor):
        report = verify_workspace(bus.ws, actor)
        if note is not None:
            report.problems += [f"checkpoint: {p}"
                                for p in check_extends(bus.ws, note, actor)]
    print(f"audit events: {report.events}  evidence files: {report.photos}  "
          f"indexed vectors: {report.vectors}")
    for warning in report.warnings:
        print(f"warning: {warning}")
    for problem in report.problems:
        print(f"PROBLEM: {problem}")
    print("verified: OK" if report.ok else f"verification FAILED ({len(report.problems)})")
    return 0 if report.ok else 1


def cmd_reindex(args: argparse.Namespace) -> int:
    with session(args.workspace) as (bus, actor):
        for side, count, version in bus.handle(RebuildIndexes(), actor):
            print(f"{side}: {count} vectors, version {version}")
    return 0


def cmd_reembed(args: argparse.Namespace) -> int:
    if not args.model:
        raise InvalidRequest("give --model ID: the installed model to add (athar models list)")
    bar: tqdm[Never] = tqdm(total=0, unit="face", disable=args.quiet, file=sys.stderr,
                            dynamic_ncols=True)

    def update(p: ReembedProgress) -> None:
        bar.total, bar.n = p.total, p.done
        bar.set_postfix(failed=p.failed, refresh=False)
        bar.refresh()

    with session(args.workspace, model=args.model, device=args.device) as (bus, actor):
        device = device_used(bus.ws)
        print(f"model {bus.ws.model.model_id} on {device}", file=sys.stderr)
        try:
            with cancel_on_interrupt() as cancel:
                report = bus.handle(Reembed(progress=update, cancel=cancel), actor)
        finally:
            bar.close()
    print(f"{report.model_id}: {report.added} faces embedded now, {report.already} before")
    if report.estimated:
        print(f"warning: {report.estimated} faces: the model's detector found no face in the "
              "stored box; their keypoints were placed from the box (less reliable vectors)")
    for failure in report.failed:
        print(f"PROBLEM: {failure}")
    if report.cancelled:
        print("interrupted: what was embedded is kept; run it again to finish",
              file=sys.stderr)
        return INTERRUPTED
    return 1 if report.failed else 0


def cmd_models(args: argparse.Namespace) -> int:
    if args.models_command == "list" and args.workspace:
        # opened with the embedded model: the list also serves when the active one is
        # missing here
        with session(args.workspace, model=DEFAULT_MODEL) as (bus, _):
            return models.run(args, bus.ws)
    if args.models_command == "activate":
        return _activate_model(args)
    return models.run(args)


def _activate_model(args: argparse.Namespace) -> int:
    with session(args.workspace, model=args.model) as (bus, actor):
        model_id = bus.ws.model.model_id
        print(f"licence of {model_id}:\n{models.licence_of(model_id)}\n")
        before = active_model_id(bus.ws)
        bus.handle(SetActiveModel(allow_missing=args.allow_missing), actor)
    was = f" (was {before})" if before and before != model_id else ""
    print(f"{model_id} is the active model of {args.workspace}{was}: its searches and "
          f"imports use it unless --model names another")
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    out = check_output(Path(args.out)) if getattr(args, "out", None) else None
    with session(args.workspace, computes=False) as (bus, actor):
        if args.audit_command == "checkpoint":
            note = bus.handle(MakeCheckpoint(args.origin), actor)
            if out is not None:
                write_atomically(out, lambda fh: _write(fh, note))
            print(note, end="")
        elif args.audit_command == "key":
            print(audit_key(bus.ws, args.origin, actor))
        else:
            count = bus.handle(ExportAudit(Path(args.out)), actor)
            print(f"{count} events written to {args.out}")
    return 0


def cmd_user(args: argparse.Namespace) -> int:
    with session(args.workspace, computes=False) as (bus, actor):
        if args.user_command == "add":
            new_password = credentials.secret("ATHAR_NEW_PASSWORD", f"password for {args.name}",
                                              confirm=True)
            bus.handle(CreateUser(args.name, new_password, Role(args.role), args.contact),
                       actor)
            print(f"user {args.name} ({args.role}) added")
        else:
            bus.handle(SetActive(args.name, False), actor)
            print(f"user {args.name} deactivated")
    return 0


def cmd_passphrase(args: argparse.Namespace) -> int:
    with session(args.workspace, computes=False) as (bus, actor):
        new = credentials.secret("ATHAR_NEW_PASSPHRASE", "new workspace passphrase",
                                 confirm=True)
        bus.handle(ChangePassphrase(credentials.passphrase(), new), actor)
    print("passphrase changed")
    return 0


def cmd_settings(args: argparse.Namespace) -> int:
    if args.idle_lock is None and args.blind_scores is None:
        raise InvalidRequest("give --idle-lock SECONDS or --blind-scores on|off")
    with session(args.workspace, computes=False) as (bus, actor):
        if args.idle_lock is not None:
            bus.handle(SetIdleLock(args.idle_lock), actor)
            print(f"idle lock set to {args.idle_lock} s")
        if args.blind_scores is not None:
            bus.handle(SetBlindScores(args.blind_scores == "on"), actor)
            print(f"blind review of scores and ranks: {args.blind_scores}")
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    with session(args.workspace, computes=False) as (bus, actor):
        done = bus.handle(RecordReview(args.candidate, ReviewDecision(args.decision),
                                       args.rationale), actor)
    print(f"review {done.review_id} recorded; candidate {args.candidate} is now "
          f"{done.state.value}")
    if done.identification_id is not None:
        print(f"identification {done.identification_id} is proposed: a supervisor who did "
              "not propose it confirms or returns it")
    return 0


def cmd_identifications(args: argparse.Namespace) -> int:
    state = IdentificationState(args.state) if args.state else None
    return _show(args, lambda ws, actor: signoff.identifications(ws, actor, state),
                 output.print_identifications)


def cmd_signoff(args: argparse.Namespace) -> int:
    commands = {"confirm": signoff.ConfirmIdentification, "return": signoff.ReturnIdentification,
                "revoke": signoff.RevokeIdentification}
    past = {"confirm": "confirmed", "return": "returned", "revoke": "revoked"}
    with session(args.workspace, computes=False) as (bus, actor):
        bus.handle(commands[args.command](args.identification, args.reason), actor)
    print(f"identification {args.identification} {past[args.command]}")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    out = check_output(Path(args.out))
    with session(args.workspace, computes=False) as (bus, actor):
        done = bus.handle(MakeReport(args.identification, out, args.full_body, args.contact,
                                     args.language), actor)
    print(f"report written to {done.path} ({done.size} bytes, SHA-256 {done.sha256})")
    return 0


def cmd_mark(args: argparse.Namespace) -> int:
    with session(args.workspace, computes=False) as (bus, actor):
        return marks.run(args, bus, actor)


def cmd_photos(args: argparse.Namespace) -> int:
    with session(args.workspace, computes=False) as (bus, actor):
        return marks.cmd_photos(args, bus, actor)


def cmd_victims(args: argparse.Namespace) -> int:
    if getattr(args, "out", None):
        check_output(Path(args.out))  # before unlocking anything
    with session(args.workspace, computes=False) as (bus, actor):
        return victims.run(args, bus, actor)


def cmd_duplicates(args: argparse.Namespace) -> int:
    with session(args.workspace) as (bus, actor):
        return duplicates.run(args, bus, actor)


def cmd_match_new(args: argparse.Namespace) -> int:
    with session(args.workspace) as (bus, actor):
        return duplicates.run_match_new(args, bus, actor)


def cmd_body(args: argparse.Namespace) -> int:
    with session(args.workspace, computes=False) as (bus, actor):
        return marks.cmd_body(args, bus, actor)


def cmd_subject(args: argparse.Namespace) -> int:
    with session(args.workspace) as (bus, actor):  # checks the face's vector of the model
        return marks.cmd_subject(args, bus, actor)


def cmd_backup(args: argparse.Namespace) -> int:
    with session(args.workspace, computes=False) as (bus, actor):
        bus.handle(Backup(Path(args.dest)), actor)
    print(f"backup written to {args.dest}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    restore(Path(args.backup), Path(args.dest))
    with session(args.dest, computes=False) as (bus, actor):
        report = verify_workspace(bus.ws, actor)
    for problem in report.problems:
        print(f"PROBLEM: {problem}")
    print(f"restored to {args.dest}: " + ("verified OK" if report.ok else "verification FAILED"))
    return 0 if report.ok else 1


def cmd_demo(args: argparse.Namespace) -> int:
    from athar.app.demo import run_demo

    return run_demo(Path(args.dir) if args.dir else None,
                    Path(args.workspace) if args.workspace else None, args.workers)


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "init": cmd_init, "import-pm": cmd_import, "import-am": cmd_import,
    "add-person": cmd_add_person, "search": cmd_search, "persons": cmd_persons,
    "bodies": cmd_bodies, "collections": cmd_collections, "candidates": cmd_candidates,
    "verify": cmd_verify, "reindex": cmd_reindex, "demo": cmd_demo, "audit": cmd_audit,
    "user": cmd_user, "passphrase": cmd_passphrase, "settings": cmd_settings,
    "backup": cmd_backup, "restore": cmd_restore, "review": cmd_review,
    "identifications": cmd_identifications, "confirm": cmd_signoff, "return": cmd_signoff,
    "revoke": cmd_signoff, "report": cmd_report, "mark": cmd_mark, "photos": cmd_photos,
    "subject": cmd_subject, "body": cmd_body, "victims": cmd_victims,
    "duplicates": cmd_duplicates, "match-new": cmd_match_new, "reembed": cmd_reembed,
    "models": cmd_models,
}
