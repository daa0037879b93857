"""The message bus: one entry for every use case, whoever calls (command line, desktop).

`MessageBus(ws).handle(cmd, actor)` finds the command's handler, runs it in its own unit
of work (its domain events become audit events in the same transactions), and after the
commit publishes a typed `Changed` notification to the workspace's listeners (the desktop
views subscribe to it). Reads are not commands: they are plain query functions of the
features over the repositories.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from athar.casework.accounts import preferences, users
from athar.casework.checks import duplicates, victims
from athar.casework.domain.commands import Command
from athar.casework.domain.permissions import Actor
from athar.casework.intake import active_model, ingest, persons, reembed, registration
from athar.casework.integrity import backup, checkpoint
from athar.casework.marks import annotate, links
from athar.casework.matching import continuous, search
from athar.casework.records import browse, estimates, manual_faces, subject
from athar.casework.reports import service as reports
from athar.casework.review import queue, reviews, signoff
from athar.casework.storage.uow import Handler, execute
from athar.casework.storage.workspace import Workspace

R = TypeVar("R")

HANDLERS: Mapping[type[Any], Handler[Any, Any]] = {
    users.CreateUser: users.handle_create_user,
    users.Login: users.handle_login,
    users.SetActive: users.handle_set_active,
    users.SetPassword: users.handle_set_password,
    users.SetIdleLock: users.handle_set_idle_lock,
    preferences.SetPreference: preferences.handle_set_preference,
    ingest.ImportPhotos: ingest.handle_import,
    persons.AddPerson: persons.handle_add_person,
    registration.RegisterPerson: registration.handle_register_person,
    browse.UpdateBody: browse.handle_update_body,
    manual_faces.MarkFace: manual_faces.handle_mark_face,
    reembed.Reembed: reembed.handle_reembed,
    active_model.SetActiveModel: active_model.handle_set_active_model,
    subject.ChooseSubject: subject.handle_choose_subject,
    estimates.RecordEstimates: estimates.handle_record_estimates,
    search.RunSearch: search.handle_run_search,
    checkpoint.MakeCheckpoint: checkpoint.handle_make_checkpoint,
    checkpoint.ExportAudit: checkpoint.handle_export_audit,
    backup.Backup: backup.handle_backup,
    backup.ChangePassphrase: backup.handle_change_passphrase,
    backup.RebuildIndexes: backup.handle_rebuild_indexes,
    reviews.OpenCandidate: reviews.handle_open,
    reviews.CloseCandidate: reviews.handle_close,
    reviews.RecordReview: reviews.handle_record_review,
    reviews.SetBlindScores: reviews.handle_set_blind_scores,
    signoff.ConfirmIdentification: signoff.handle_confirm,
    signoff.ReturnIdentification: signoff.handle_return,
    signoff.RevokeIdentification: signoff.handle_revoke,
    reports.MakeReport: reports.handle_make_report,
    annotate.AddMark: annotate.handle_add_mark,
    annotate.DescribeMark: annotate.handle_describe_mark,
    annotate.EditMark: annotate.handle_edit_mark,
    annotate.WithdrawMark: annotate.handle_withdraw_mark,
    links.LinkMarks: links.handle_link_marks,
    victims.ImportVictims: victims.handle_import_victims,
    duplicates.RelateBodies: duplicates.handle_relate_bodies,
    duplicates.UndoRelation: duplicates.handle_undo_relation,
    continuous.MatchNew: continuous.handle_match_new,
    queue.RecordQueueVisit: queue.handle_record_visit,
}
"""Every command and the one function that handles it."""


class MessageBus:
    """Dispatches commands on one workspace."""

    def __init__(self, ws: Workspace,
                 handlers: Mapping[type[Any], Handler[Any, Any]] = HANDLERS) -> None:
        self.ws = ws
        self._handlers = handlers

    def handle(self, cmd: Command[R], actor: Actor | None) -> R:
        """Run the command's handler for `actor` (None only to log in or to create a new
        workspace's first supervisor) and return its result.

        Raises:
            AtharError: whatever the use case refuses, with a message a user can act on.
            LookupError: no handler for this command type (a programming error).
        """
        handler = self._handlers.get(type(cmd))
        if handler is None:
            raise LookupError(f"no handler for {type(cmd).__name__}")
        return cast(R, execute(self.ws, handler, cmd, actor))
