"""The workspace's active model: the one its searches and imports use unless a command
names another (`--model`).

A workspace starts with the embedded default. A supervisor makes another model active
once every face has that model's vectors (`athar reembed`): a model active while faces
lack its vectors would leave those faces out of every search without anyone seeing it,
so that is refused unless the supervisor says so explicitly (`allow_missing`), and the
number of faces left out is then written in the audit event. The choice is a workspace
setting, audited with the model it replaced.
"""

from __future__ import annotations

from dataclasses import dataclass

from athar.casework.domain.commands import Command
from athar.casework.domain.errors import InvalidRequest
from athar.casework.domain.events import AuditAction
from athar.casework.domain.permissions import Actor, Permission, require
from athar.casework.storage.uow import UnitOfWork
from athar.casework.storage.workspace import Workspace

ACTIVE_MODEL_KEY = "active_model"
"""Workspace setting: the id of the active model (absent: the embedded default)."""


@dataclass(frozen=True)
class SetActiveModel(Command[str]):
    """Command: make the model the workspace is opened with its active model."""

    allow_missing: bool = False
    """Activate it although some faces have no vector of it (they are then not searched
    with it until `athar reembed` adds them)."""


def handle_set_active_model(cmd: SetActiveModel, uow: UnitOfWork, actor: Actor) -> str:
    """Store the opened model as the active one; returns its id.

    Raises:
        PermissionDenied: only supervisors choose the workspace's model.
        InvalidRequest: some faces have no vector of the model (and not allow_missing).
    """
    require(actor, Permission.SETTINGS)
    model_id = uow.ws.model.model_id
    done, total = uow.faces.count_embeddings(model_id)
    missing = total - done
    if missing and not cmd.allow_missing:
        raise InvalidRequest(
            f"{missing} of {total} faces have no vector of model {model_id} yet, so no "
            f"search with it would see them: add them first (athar reembed WS --model "
            f"{model_id}, or the Models page), or activate it with --allow-missing")
    previous = uow.users.setting(ACTIVE_MODEL_KEY)
    uow.users.set_setting(ACTIVE_MODEL_KEY, model_id)
    uow.record(AuditAction.SETTINGS_ACTIVE_MODEL, "setting", ACTIVE_MODEL_KEY,
               {"model_id": model_id, "previous": previous, "faces": total,
                "faces_without_its_vectors": missing})
    uow.commit()
    return model_id


def active_model_id(ws: Workspace) -> str | None:
    """The id of the workspace's active model (None: never chosen, the default)."""
    with ws.uow() as uow:
        return uow.users.setting(ACTIVE_MODEL_KEY)
