"""Where the command line gets secrets: environment variables for scripts, else a prompt."""

from __future__ import annotations

import getpass
import os
import sys

from athar.casework.domain.errors import InvalidRequest


def secret(env: str, prompt: str, confirm: bool = False) -> str:
    """The value of `env`, or a hidden prompt on a terminal (asked twice with `confirm`).

    Raises:
        InvalidRequest: not set and no terminal to ask on.
    """
    value = os.environ.get(env)
    if value:
        return value
    if not sys.stdin.isatty():
        raise InvalidRequest(f"set {env} or run the command in a terminal to be asked")
    value = getpass.getpass(f"{prompt}: ")
    if confirm and getpass.getpass(f"{prompt} (again): ") != value:
        raise InvalidRequest("the two entries differ")
    return value


def username() -> str:
    """ATHAR_USER, else asked on the terminal."""
    value = os.environ.get("ATHAR_USER")
    if value:
        return value
    if not sys.stdin.isatty():
        raise InvalidRequest("set ATHAR_USER or run the command in a terminal to be asked")
    return input("user: ").strip()


def passphrase(confirm: bool = False) -> str:
    """The workspace passphrase (ATHAR_PASSPHRASE)."""
    return secret("ATHAR_PASSPHRASE", "workspace passphrase", confirm)


def password(confirm: bool = False) -> str:
    """The user's password (ATHAR_PASSWORD)."""
    return secret("ATHAR_PASSWORD", "password", confirm)
