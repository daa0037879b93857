"""The `athar` command line: parse, unlock, dispatch to a service, print; refusals as one
line on stderr with exit status 2."""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence

from athar.casework.domain.offline import forbid_network

__all__ = ["main"]

REFUSED = 2
BUG = 70
"""EX_SOFTWARE: an error nobody expected; its traceback is in the log folder."""


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `athar` console script.

    Everything else is imported here, not at the top: each import worker process re-runs
    the console script (multiprocessing's spawn start), which imports this package and
    would otherwise load the whole command line (1.3 s of imports) before its first photo.
    """
    forbid_network()
    from athar.app import crash
    from athar.app.cli.commands import HANDLERS, INTERRUPTED
    from athar.app.cli.parser import build_parser
    from athar.casework.domain.errors import AtharError

    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    if args.command in (None, "gui"):
        from athar.app.gui.application import run  # Qt only when the desktop app is asked

        return run([sys.argv[0]])
    try:
        return HANDLERS[args.command](args)
    except AtharError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return REFUSED
    except KeyboardInterrupt:
        print("\ninterrupted: what was done is kept", file=sys.stderr)
        return INTERRUPTED
    except Exception as exc:  # noqa: BLE001  # the crash handler's place: a bug, logged
        log = crash.CrashHandler().report(exc, f"athar {args.command}")
        print(f"error: unexpected {type(exc).__name__} (a bug; nothing was saved half-way; "
              f"details in {log})", file=sys.stderr)
        return BUG
