"""Defence in depth for "no code path opens a network connection".

Athar never needs the network. `forbid_network()` makes any attempt to resolve a host or
connect an internet socket fail loudly, in the main process and in every worker, so a
library that tries to download something (a model hub, telemetry) is caught, not obeyed.
"""

from __future__ import annotations

import socket
from typing import Any

_INSTALLED = False


class NetworkForbidden(RuntimeError):
    """Something tried to use the network inside Athar."""


def _refuse(*_args: Any, **_kwargs: Any) -> Any:
    raise NetworkForbidden("Athar works offline: a network connection was attempted")


def forbid_network() -> None:
    """Block host lookups and internet connections in this process (idempotent)."""
    global _INSTALLED
    if _INSTALLED:
        return
    original_connect = socket.socket.connect
    original_connect_ex = socket.socket.connect_ex

    def connect(self: socket.socket, address: Any) -> None:
        if self.family == socket.AF_UNIX:
            original_connect(self, address)
            return
        _refuse()

    def connect_ex(self: socket.socket, address: Any) -> int:
        if self.family == socket.AF_UNIX:
            return original_connect_ex(self, address)
        return int(_refuse())

    socket.socket.connect = connect  # type: ignore[method-assign,assignment]  # deliberate guard
    socket.socket.connect_ex = connect_ex  # type: ignore[method-assign,assignment]  # deliberate guard
    socket.getaddrinfo = _refuse
    socket.create_connection = _refuse
    _INSTALLED = True
