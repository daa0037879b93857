"""Import service: streams a folder through worker processes into the workspace, resumably."""

from __future__ import annotations

import logging
import multiprocessing
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from itertools import islice
from pathlib import Path

import numpy as np

from athar.casework.domain.commands import Command
from athar.casework.domain.entities import Body, FaceSource, MissingPerson, Photo, Side
from athar.casework.domain.errors import AtharError, InvalidRequest
from athar.casework.domain.events import AuditAction
from athar.casework.domain.permissions import Actor, Permission, require
from athar.casework.domain.ports import PipelineFactory
from athar.casework.intake.analysis import FileResult, analyse_in_worker, init_worker
from athar.casework.intake.grouping import ImportItem, PlanEntry, PlanNote, Skipped, plan
from athar.casework.storage.uow import UnitOfWork, execute
from athar.casework.storage.workspace import Workspace

logger = logging.getLogger(__name__)

CANCEL_GRACE_S = 1.0
"""After Cancel, files already in a worker get this long to finish; the rest are stopped
(not recorded, so a later import of the same folder does them)."""
INDEX_SAVE_EVERY = 500
"""Save the index after this many new searchable faces (it is repaired on open anyway)."""
PHOTOS_PER_TASK_ON_GPU = 8
"""On a GPU each worker detects the faces of this many photos on the CPU, then embeds them
all in one call (`Analyser.analyse_many`): the GPU's cost is per call, not per face, and
while one worker detects, another's batch is on the GPU. On the CPU batching gains
nothing (bench/README.md, GPU) and one photo per task keeps progress and Cancel fine."""


def photos_per_task(factory: PipelineFactory) -> int:
    """How many photos a worker analyses per task with this model (see ImportPhotos)."""
    return 1 if factory.device() == "CPU" else PHOTOS_PER_TASK_ON_GPU


@dataclass(frozen=True)
class ImportPhotos(Command["ImportReport"]):
    """Command: import a folder as post-mortem Bodies or ante-mortem MissingPersons."""

    root: Path
    side: Side
    group_by: str = "folder"
    collection: str | None = None
    workers: int = 2
    items: tuple[ImportItem, ...] | None = None
    """Explicit files to import instead of walking `root` (e.g. add-person's photos)."""
    source: str | None = None
    """Where an AM submission came from; defaults to `import:<root>`."""
    file_timeout_s: float = 120.0
    """A file that keeps a worker busy longer than this (alone) is reported and skipped."""
    photos_per_task: int | None = None
    """Files a worker analyses per task, their faces embedded together; None: one on the
    CPU, PHOTOS_PER_TASK_ON_GPU when the model computes on a GPU (`photos_per_task`)."""
    into_person: int | None = None
    """AM only: file every photo under this existing MissingPerson (a family's further
    photos). Without it each folder is its own person: a folder named like an existing
    person never adds to that person's record (two families are never merged by a name)."""
    progress: ProgressFn | None = field(default=None, compare=False)
    """Called after each file (from the importing thread)."""
    cancel: threading.Event | None = field(default=None, compare=False)
    """Set it to stop the import within about a second; what was done is kept."""


@dataclass(frozen=True)
class ImportProgress:
    """Progress of a running import, reported after each file."""

    done: int
    total: int
    faces: int
    skipped: int
    elapsed_s: float


@dataclass
class ImportReport:
    """What an import did; every file not imported is listed with its reason.

    The counts add up: total == new_photos + duplicates + filed_elsewhere + already_done
    + len(skipped) + not_done.
    """

    total: int = 0
    """Files (and unreadable folders or CSV rows) the import found."""
    new_photos: int = 0
    duplicates: int = 0
    """Same content as a photo already filed under the same Body or person (another path
    to it is recorded as provenance)."""
    filed_elsewhere: int = 0
    """Same content as a photo filed under another Body or person: recorded as provenance
    only, not filed again, and no empty record is created for it."""
    already_done: int = 0
    faces: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    no_face: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    created: list[str] = field(default_factory=list)
    """Records this import created under another name than their folder, in words."""
    cancelled: bool = False
    not_done: int = 0
    """Files not reached because the import was cancelled (a later run does them)."""
    elapsed_s: float = 0.0

    @property
    def filed(self) -> int:
        """Files now filed where the import put them (new or already there)."""
        return self.new_photos + self.duplicates + self.already_done

    @property
    def accounted(self) -> int:
        """Every file the import has an outcome for."""
        return (self.new_photos + self.duplicates + self.filed_elsewhere + self.already_done
                + len(self.skipped))


ProgressFn = Callable[[ImportProgress], None]


def _target(cmd: ImportPhotos, owner: str) -> str:
    """Where a file was imported to, as recorded in its provenance."""
    return f"pm:{cmd.collection}/{owner}" if cmd.side is Side.PM else f"am:{owner}"


def _target_prefix(cmd: ImportPhotos) -> str:
    return f"pm:{cmd.collection}/" if cmd.side is Side.PM else "am:"


class _Recorder:
    """Records worker results in the database and the index, one transaction per file."""

    def __init__(self, uow: UnitOfWork, cmd: ImportPhotos, actor: Actor, report: ImportReport):
        self.uow, self.ws, self.cmd, self.actor, self.report = uow, uow.ws, cmd, actor, report
        self.index = self.ws.indexes.get(self.ws.model, cmd.side)
        self.unsaved = 0
        self.source = cmd.source or f"import:{cmd.root}"
        self._persons: dict[str, int] = {}

    def record(self, item: ImportItem, result: FileResult) -> None:
        if result.error is not None or result.sha256 is None:
            self.report.skipped.append(Skipped(item.path, result.error or "unknown error"))
            return
        try:
            new_vectors = self._record(self.uow, item, result)
            self.uow.commit()
        except AtharError as exc:  # this file only: its transaction is rolled back
            self.uow.rollback()
            self.report.skipped.append(Skipped(item.path, str(exc)))
            return
        if new_vectors:
            ids, vecs = zip(*new_vectors, strict=True)
            self.index.add(list(ids), np.stack(vecs))
            self.unsaved += len(ids)
            if self.unsaved >= INDEX_SAVE_EVERY:
                self.flush()

    def flush(self) -> None:
        self.index.save()
        self.unsaved = 0

    # -- owners: found without creating; created only when a photo is filed under them --

    def _find_owner(self, uow: UnitOfWork, item: ImportItem) -> int | None:
        """The Body (PM) or MissingPerson (AM) id the item goes to, if it exists yet."""
        if self.cmd.side is Side.PM:
            collection = uow.owners.find_collection(str(self.cmd.collection))
            body = (uow.owners.find_body(collection.id, item.owner)
                    if collection is not None else None)
            return body.id if body is not None else None
        if self.cmd.into_person is not None:
            return self.cmd.into_person
        if item.owner in self._persons:
            return self._persons[item.owner]
        # A resumed import finds the person its own earlier run made for this folder.
        return uow.owners.person_for_source(self.source, item.owner)

    def _make_owner(self, uow: UnitOfWork, item: ImportItem) -> tuple[int | None, int | None]:
        """(Body id, Submission id) to file a new photo under, creating them when new."""
        if self.cmd.side is Side.PM:
            collection = uow.owners.collection(str(self.cmd.collection))
            body = uow.owners.body(collection.id, item.owner)
            self._fill_numbers(uow, body, item)
            return body.id, None
        found = self._find_owner(uow, item)
        person = uow.owners.person(found) if found is not None else self._new_person(uow, item)
        key = None if self.cmd.into_person is not None else item.owner
        submission = uow.owners.submission(person, self.source, key)
        return None, submission.id

    def _new_person(self, uow: UnitOfWork, item: ImportItem) -> MissingPerson:
        label = uow.owners.unique_person_label(item.owner)
        person = uow.owners.add_person(MissingPerson(label=label, name=item.owner))
        uow.record(AuditAction.PERSON_CREATE, "missing_person", person.id,
                   {"label": label, "source": "import", "folder": item.owner})
        if label != item.owner:
            existing = uow.owners.person_by_label(item.owner)
            self.report.created.append(
                f"folder «{item.owner}»: a missing person with that label already exists "
                f"(id {existing.id if existing else '?'}); a new record «{label}» (id "
                f"{person.id}) was created for this folder, nothing was merged (to add "
                f"photos to an existing record, import them with --into ID)")
        return person

    def _fill_numbers(self, uow: UnitOfWork, body: Body, item: ImportItem) -> None:
        """Numbers from the CSV fill a Body's empty fields (audited); a different value
        already on the Body is kept and reported, never overwritten."""
        filled: dict[str, str] = {}
        for key, value in item.fields.items():
            current = getattr(body, key)
            if current in (None, ""):
                setattr(body, key, value)
                filled[key] = value
            elif current != value:
                self.report.notes.append(
                    f"{item.path}: Body «{body.label}» already has {key} «{current}»; the CSV "
                    f"gives «{value}»; kept «{current}» (edit the Body to change it)")
        if filled:
            uow.record(AuditAction.BODY_NUMBERS, "body", body.id,
                       {"label": body.label, "source": "csv", "set": filled})

    def _record(self, uow: UnitOfWork, item: ImportItem, result: FileResult
                ) -> list[tuple[int, np.ndarray]]:
        sha = str(result.sha256)
        photo = uow.photos.by_sha(sha)
        new_vectors: list[tuple[int, np.ndarray]] = []
        if photo is None:
            if result.already_analysed:
                raise InvalidRequest(f"{item.path}: analysed hash {sha} has no Photo")
            body_id, submission_id = self._make_owner(uow, item)
            photo = uow.photos.add(Photo(
                sha256=sha, side=self.cmd.side, body_id=body_id, submission_id=submission_id,
                size_bytes=result.size_bytes, format=result.format, width=result.width,
                height=result.height, exif_orientation=result.exif_orientation,
            ))
            new_vectors = self._add_faces(uow, photo, result)
            outcome = "new"
            self.report.new_photos += 1
            self.report.faces += len(result.faces)
            if not result.faces:
                self.report.no_face.append(item.path)
        else:
            outcome = self._duplicate(uow, item, photo)
        if self.cmd.side is Side.AM and outcome != "filed_elsewhere":
            self._remember_person(uow, item, photo)
        added = uow.photos.add_provenance(photo, item.path, _target(self.cmd, item.owner),
                                          self.actor.username)
        uow.record(AuditAction.PHOTO_IMPORT, "photo", photo.id, {
            "sha256": sha, "path": item.path, "target": _target(self.cmd, item.owner),
            "outcome": outcome, "faces": len(result.faces), "new_provenance": added,
        })
        return new_vectors

    def _remember_person(self, uow: UnitOfWork, item: ImportItem, photo: Photo) -> None:
        person = uow.owners.owner_of_photo(photo)[1]
        if person is not None and self.cmd.into_person is None:
            self._persons[item.owner] = person

    def _duplicate(self, uow: UnitOfWork, item: ImportItem, photo: Photo) -> str:
        owner = self._find_owner(uow, item)
        body_id, person_id = uow.owners.owner_of_photo(photo)
        mine = body_id if self.cmd.side is Side.PM else person_id
        if photo.side is self.cmd.side and owner is not None and mine == owner:
            self.report.duplicates += 1
            return "duplicate"
        self.report.filed_elsewhere += 1
        self.report.notes.append(
            f"{item.path}: same file as photo {photo.id}, already filed under "
            f"{uow.owners.filed_as(photo)}; recorded as provenance only, not filed again "
            "(no record was created for it)")
        return "filed_elsewhere"

    def _add_faces(self, uow: UnitOfWork, photo: Photo, result: FileResult
                   ) -> list[tuple[int, np.ndarray]]:
        model = self.ws.model
        searchable: list[tuple[int, np.ndarray]] = []
        for i, f in enumerate(result.faces):
            face = uow.faces.add_detection(photo.id, f.detection, size_px=f.size_px,
                                           sharpness=f.sharpness, source=FaceSource.AUTO,
                                           is_subject=(i == result.subject))
            vec = np.frombuffer(f.vector, dtype=np.float32)
            if vec.shape != (model.dim,):
                raise InvalidRequest(f"model returned a {vec.shape} vector, expected {model.dim}")
            uow.faces.add_embedding(face.id, model.model_id, vec)
            if face.is_subject:
                searchable.append((face.id, vec))
        uow.photos.mark_analysed(photo.id, model.model_id, len(result.faces))
        return searchable


class _Importer:
    """One ImportPhotos command: plan the files, analyse them in workers, record each."""

    def __init__(self, uow: UnitOfWork, cmd: ImportPhotos, actor: Actor) -> None:
        self.uow, self.ws, self.cmd, self.actor = uow, uow.ws, cmd, actor

    def plan(self) -> Iterator[PlanEntry]:
        cmd = self.cmd
        if cmd.items is not None:
            return iter(cmd.items)
        if cmd.into_person is None:
            return plan(cmd.root, cmd.group_by)
        label = self.uow.owners.person(cmd.into_person).label
        # Every file goes to the one person, whatever folder it lies in.
        return (ImportItem(e.path, label) if isinstance(e, ImportItem) else e
                for e in plan(cmd.root, "file"))

    def items(self, report: ImportReport, done: set[str]) -> Iterator[ImportItem]:
        for entry in self.plan():
            if isinstance(entry, Skipped):
                report.skipped.append(entry)
            elif isinstance(entry, PlanNote):
                report.notes.append(f"{entry.where}: {entry.message}")
            elif entry.path in done:
                report.already_done += 1
            else:
                yield entry

    def check(self) -> None:
        cmd, actor = self.cmd, self.actor
        require(actor, Permission.IMPORT)
        if cmd.side is Side.AM:
            require(actor, Permission.ADD_PERSON)
        if cmd.side is Side.PM and not cmd.collection:
            raise InvalidRequest("a post-mortem import needs a collection name")
        if cmd.into_person is not None:
            if cmd.side is not Side.AM:
                raise InvalidRequest("--into adds photos to a missing person: only for "
                                     "ante-mortem imports")
            self.uow.owners.person(cmd.into_person)  # NotFoundError names a wrong id

    def run(self) -> ImportReport:
        cmd, uow, model_id = self.cmd, self.uow, self.ws.model.model_id
        self.check()
        total = sum(1 for e in self.plan() if not isinstance(e, PlanNote))
        report = ImportReport(total=total)
        started = time.monotonic()
        done = uow.photos.done_paths(_target_prefix(cmd), model_id)
        analysed = frozenset(uow.photos.analysed_hashes(model_id))
        uow.record(AuditAction.IMPORT_START, "import", cmd.root, {
            "root": str(cmd.root), "side": cmd.side.value, "group_by": cmd.group_by,
            "collection": cmd.collection, "model_id": model_id, "files": total,
            "into_person": cmd.into_person})
        uow.commit()
        recorder = _Recorder(uow, cmd, self.actor, report)
        counter = _Counter(report, total, started, cmd.progress)
        per_task = cmd.photos_per_task or photos_per_task(self.ws.pipeline_factory)
        try:
            _Pool(self.ws, cmd.workers, analysed, cmd.file_timeout_s, per_task).run(
                self.items(report, done), recorder.record, counter.tick, cmd.cancel)
        finally:
            recorder.flush()
            report.cancelled = bool(cmd.cancel and cmd.cancel.is_set())
            report.not_done = max(0, report.total - report.accounted)
            report.elapsed_s = time.monotonic() - started
            self.finish(report)
        return report

    def finish(self, report: ImportReport) -> None:
        self.uow.rollback()  # a file interrupted half-way (a crash) leaves nothing pending
        self.uow.record(AuditAction.IMPORT_FINISH, "import", self.cmd.root, {
            "new_photos": report.new_photos, "duplicates": report.duplicates,
            "already_done": report.already_done, "faces": report.faces,
            "filed_elsewhere": report.filed_elsewhere, "skipped": len(report.skipped),
            "no_face": len(report.no_face), "not_done": report.not_done,
            "cancelled": report.cancelled})
        self.uow.commit()


def handle_import(cmd: ImportPhotos, uow: UnitOfWork, actor: Actor) -> ImportReport:
    """Import every file of the folder; resumable, each file committed on its own.

    Cancelling (`cmd.cancel` set, e.g. by Ctrl-C) stops within about a second; what was
    done is kept, the report says how many files were not reached, and running the same
    import again resumes.

    Raises:
        PermissionDenied: the actor may not import (or, for AM, add persons).
        InvalidRequest: the command is inconsistent (PM without collection, bad CSV...).
        NotFoundError: `into_person` names no missing person.
    """
    return _Importer(uow, cmd, actor).run()


class ImportService:
    """Runs ImportPhotos commands in their own unit of work (scripts, tests, benchmarks)."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws

    def run(self, cmd: ImportPhotos, actor: Actor, progress: ProgressFn | None = None,
            cancel: threading.Event | None = None) -> ImportReport:
        """See `handle_import`; `progress` and `cancel` replace the command's own."""
        if progress is not None or cancel is not None:
            cmd = replace(cmd, progress=progress or cmd.progress, cancel=cancel or cmd.cancel)
        return execute(self.ws, handle_import, cmd, actor)


@dataclass
class _Counter:
    report: ImportReport
    total: int
    started: float
    progress: ProgressFn | None
    done: int = 0

    def tick(self) -> None:
        self.done += 1
        if self.progress is not None:
            r = self.report
            self.progress(ImportProgress(r.accounted, self.total, r.faces,
                                         len(r.skipped), time.monotonic() - self.started))


Task = Future[list[FileResult]]
"""A worker's analysis of one or a few files (`analyse_in_worker`)."""


class _Pool:
    """A bounded window of files in flight across worker processes, surviving crashes."""

    def __init__(self, ws: Workspace, workers: int, analysed: frozenset[str],
                 timeout_s: float, per_task: int = 1) -> None:
        self.ws, self.workers, self.analysed = ws, max(1, workers), analysed
        self.per_task = max(1, per_task)
        self.window = self.workers * (4 if self.per_task == 1 else 2)  # tasks in flight
        self.timeout_s = timeout_s

    def _executor_factory(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=init_worker,
            initargs=(self.ws.pipeline_factory, str(self.ws.paths.evidence),
                      str(self.ws.paths.tmp), self.ws.keys, self.analysed),
        )

    def run(self, items: Iterator[ImportItem], record: Callable[[ImportItem, FileResult], None],
            tick: Callable[[], None], cancel: threading.Event | None) -> None:
        """Analyse items in workers and record each result in this (the calling) thread.

        When a worker dies (a file crashed native code) or overruns the time limit (the
        per-file limit times the files of its task), the files in flight are retried one
        at a time, so only a file that kills or stalls a worker on its own is reported,
        and every other file is still imported.
        """
        self._suspects: list[ImportItem] = []
        self._retrying: set[Task] = set()
        self._executor = self._executor_factory()
        self._inflight: dict[Task, tuple[list[ImportItem], float]] = {}
        cancelled_at: float | None = None
        try:
            while True:
                solo = bool(self._suspects or self._retrying)
                self._fill(items, 1 if solo else self.window, cancel)
                if not self._inflight:
                    return
                if cancel is not None and cancel.is_set():
                    cancelled_at = cancelled_at or time.monotonic()
                    if time.monotonic() - cancelled_at > CANCEL_GRACE_S:
                        return  # the finally kills the workers still busy
                finished, _ = wait(self._inflight, timeout=0.1 if cancelled_at else 0.25,
                                   return_when=FIRST_COMPLETED)
                failed = self._collect(finished, record, tick)
                now = time.monotonic()
                overdue = [f for f, (batch, t0) in self._inflight.items()
                           if now - t0 > self.timeout_s * len(batch)]
                if failed or overdue:
                    self._recover(solo, failed, overdue, record, tick)
        finally:
            self._kill()

    def _fill(self, items: Iterator[ImportItem], limit: int,
              cancel: threading.Event | None) -> None:
        while not (cancel is not None and cancel.is_set()) and len(self._inflight) < limit:
            retry = bool(self._suspects)
            batch = [self._suspects.pop(0)] if retry else list(islice(items, self.per_task))
            if not batch:
                return
            fut = self._executor.submit(analyse_in_worker, tuple(i.path for i in batch))
            self._inflight[fut] = (batch, time.monotonic())
            if retry:
                self._retrying.add(fut)

    def _collect(self, finished: set[Task],
                 record: Callable[[ImportItem, FileResult], None],
                 tick: Callable[[], None]) -> list[ImportItem]:
        crashed: list[ImportItem] = []
        for fut in finished:
            batch, _ = self._inflight.pop(fut)
            self._retrying.discard(fut)
            if isinstance(fut.exception(), BrokenProcessPool):
                crashed += batch
                continue
            for item, result in zip(batch, fut.result(), strict=True):
                record(item, result)
                tick()
        return crashed

    def _recover(self, solo: bool, crashed: list[ImportItem],
                 overdue: list[Task],
                 record: Callable[[ImportItem, FileResult], None],
                 tick: Callable[[], None]) -> None:
        pending = crashed + [item for batch, _ in self._inflight.values() for item in batch]
        if solo and len(pending) == 1:
            reason = (f"analysis took longer than {self.timeout_s:g} s (stopped)" if overdue
                      else "the file crashed the image decoder or face model (worker died)")
            record(pending[0], FileResult(pending[0].path, error=reason))
            tick()
        else:
            self._suspects[:0] = pending
        self._kill(force=True)
        self._inflight.clear()
        self._retrying.clear()
        self._executor = self._executor_factory()

    def _kill(self, force: bool = False) -> None:
        # A stalled worker never returns: end the processes, then the executor.
        # `_processes` is private but stable since Python 3.8; there is no public way.
        processes = getattr(self._executor, "_processes", None) or {}
        if force or self._inflight:
            for proc in list(processes.values()):
                proc.kill()
        self._executor.shutdown(wait=True, cancel_futures=True)
