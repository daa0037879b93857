"""Error taxonomy: the environment's fault versus a broken rule; anything else is a bug."""

from __future__ import annotations


class AtharError(Exception):
    """Base of every error a user can act on; the message says what to do."""


class EnvironmentFault(AtharError):
    """Something outside the rules went wrong: a file, the disk, a model, a passphrase."""


class RuleViolation(AtharError):
    """A request broke a rule of the workflow or of permissions."""


class WorkspaceError(EnvironmentFault):
    """The workspace folder is missing, incomplete or from an unknown version."""


class ImageRejected(EnvironmentFault):
    """An input file cannot be used as an image; the message names the reason."""


class ModelUnavailableError(EnvironmentFault):
    """A face model's files are missing or do not match their manifest."""


class IndexCorruptError(EnvironmentFault):
    """A saved vector index does not match its manifest; rebuild it from the database."""


class ModelMismatchError(RuleViolation):
    """Vectors of two different models were about to be compared."""


class NotFoundError(RuleViolation):
    """A referenced record (person, body, collection) does not exist."""


class InvalidRequest(RuleViolation):
    """A command's arguments are inconsistent (bad grouping mode, missing column...)."""
