"""The `athar` command line: parse, unlock, dispatch to a service, print; refusals as one
line on stderr with exit status 2."""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence

from athar.app.cli.commands import HANDLERS, INTERRUPTED, run_import
from athar.app.cli.output import print_results
from athar.app.cli.parser import build_parser
from athar.casework.domain.errors import AtharError
from athar.casework.domain.offline import forbid_network

__all__ = ["build_parser", "main", "print_results", "run_import"]

REFUSED = 2


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `athar` console script."""
    forbid_network()
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
