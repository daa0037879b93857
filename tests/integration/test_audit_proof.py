"""Signed checkpoints prove the log still extends them; the export verifies without Athar."""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path

import pytest
from sqlalchemy import text

from athar.app.cli import main
from athar.casework.domain.errors import InvalidRequest
from athar.casework.domain.permissions import Actor
from athar.casework.intake.persons import AddPerson, add_person
from athar.casework.integrity.checkpoint import (
    check_extends,
    export_log,
    make_checkpoint,
    parse_checkpoint,
    public_key_bytes,
)
from athar.casework.storage.workspace import Workspace


def test_checkpoint_is_a_c2sp_signed_note(small_ws: Workspace, small_sup: Actor) -> None:
    note = make_checkpoint(small_ws, "example.org/athar-log", small_sup)
    body, _, signature = note.partition("\n\n")
    origin, size, root = body.split("\n")
    assert origin == "example.org/athar-log"
    assert int(size) > 0
    assert len(base64.b64decode(root)) == 32
    assert signature.startswith("\u2014 example.org/athar-log ")
    raw = base64.b64decode(signature.split(" ")[-1])
    assert len(raw) == 4 + 64  # key id + Ed25519 signature
    cp = parse_checkpoint(note, public_key_bytes(small_ws))
    assert cp.size == int(size)


def test_log_extends_checkpoint_after_more_work(small_ws: Workspace, small_sup: Actor) -> None:
    note = make_checkpoint(small_ws, "o", small_sup)
    add_person(small_ws, AddPerson("Later Person"), small_sup)
    assert check_extends(small_ws, note, small_sup) == []


def test_rewritten_log_no_longer_extends_checkpoint(small_ws: Workspace,
                                                   small_sup: Actor) -> None:
    note = make_checkpoint(small_ws, "o", small_sup)
    size = parse_checkpoint(note, public_key_bytes(small_ws)).size
    with small_ws.engine.begin() as conn:  # a consistent rewrite: recompute nothing, drop tail
        conn.execute(text("DELETE FROM audit_event WHERE seq >= :s"), {"s": size - 1})
    problems = check_extends(small_ws, note, small_sup)
    assert any("fewer than the checkpoint" in p for p in problems)


def test_forged_checkpoint_is_refused(small_ws: Workspace, small_sup: Actor) -> None:
    note = make_checkpoint(small_ws, "o", small_sup)
    forged = note.replace("\n" + note.split("\n")[1] + "\n", "\n999999\n", 1)
    with pytest.raises(InvalidRequest, match="signature"):
        check_extends(small_ws, forged, small_sup)


def test_cli_verify_with_checkpoint(small_ws: Workspace, small_sup: Actor, tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    root = str(small_ws.paths.root)
    small_ws.close()
    cp = tmp_path / "cp.txt"
    assert main(["audit", "checkpoint", root, "--out", str(cp)]) == 0
    assert main(["verify", root, "--checkpoint", str(cp)]) == 0
    assert "verified: OK" in capsys.readouterr().out


def verify_export_like_a_third_party(path: Path) -> int:
    """The documented procedure: SHA-256 of each JSON line and the prev_hash links."""
    prev = "0" * 64
    count = 0
    for line in path.read_bytes().splitlines():
        digest, _, body = line.partition(b" ")
        if hashlib.sha256(body).hexdigest() != digest.decode():
            raise ValueError(f"line {count + 1}: hash mismatch")
        if json.loads(body)["prev_hash"] != prev:
            raise ValueError(f"line {count + 1}: broken link")
        prev, count = digest.decode(), count + 1
    return count


def test_export_verifies_with_sha256_only(small_ws: Workspace, small_sup: Actor,
                                         tmp_path: Path) -> None:
    add_person(small_ws, AddPerson("محمد الأحمد"), small_sup)
    out = tmp_path / "audit.log"
    count = export_log(small_ws, out, small_sup)
    assert verify_export_like_a_third_party(out) == count
    lines = out.read_bytes().splitlines()
    lines[3] = lines[3].replace(b'"actor":"', b'"actor":"x', 1)
    out.write_bytes(b"\n".join(lines) + b"\n")
    with pytest.raises(ValueError, match="line 4"):
        verify_export_like_a_third_party(out)
