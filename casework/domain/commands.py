"""Commands: every user action is a small frozen dataclass, handled by one function
`handler(cmd, uow, actor)` that the message bus finds by the command's type."""

from __future__ import annotations

from typing import Generic, TypeVar

R = TypeVar("R", covariant=True)


class Command(Generic[R]):
    """Base of every command; `R` is what its handler returns (typed through the bus)."""

    __slots__ = ()
