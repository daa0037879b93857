"""Encrypted at rest: a copied folder reveals no image, name or vector; passphrases."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import select

from athar.app.bootstrap import open_ws
from athar.app.cli import main
from athar.casework.domain.entities import Embedding, Side
from athar.casework.domain.permissions import Actor
from athar.casework.intake.ingest import ImportPhotos, ImportService
from athar.casework.intake.persons import AddPerson, add_person
from athar.casework.integrity.backup import change_passphrase
from athar.casework.storage.crypto import KdfParams, WrongPassphrase
from athar.casework.storage.folder import init_workspace
from athar.casework.storage.workspace import Workspace
from support import FAST_KDF, PASSPHRASE, PASSWORD, SUPERVISOR, new_ws

SECRET_NAME = "Zaynab Qudsiyya-Unique 4711"
SECRET_NAME_AR = "زينب قدسية الفريدة"
CONTACT = "+963-11-555-0199 unique contact"


def _every_file(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()]


def test_workspace_files_reveal_no_name_image_or_vector(
        ws: Workspace, sup: Actor, tmp_path: Path, faces_dev: Path) -> None:
    photo = sorted(faces_dev.glob("*/*.jpg"))[0]
    jpeg = photo.read_bytes()
    (tmp_path / "in" / SECRET_NAME).mkdir(parents=True)
    shutil.copy(photo, tmp_path / "in" / SECRET_NAME / "photo.jpg")
    ImportService(ws).run(ImportPhotos(tmp_path / "in", Side.AM, "folder", None, 1), sup)
    add_person(ws, AddPerson(SECRET_NAME + " 2", name_ar=SECRET_NAME_AR, contact=CONTACT), sup)
    with ws.uow() as uow:
        vector = uow.session.scalars(select(Embedding.vector)).first()
    assert vector is not None
    ws.close()  # flush indexes and the WAL as a user quitting would

    needles = {
        "name": SECRET_NAME.encode("utf-8"),
        "name (utf-16)": SECRET_NAME.encode("utf-16-le"),
        "arabic name": SECRET_NAME_AR.encode("utf-8"),
        "contact": CONTACT.encode("utf-8"),
        "jpeg bytes": jpeg[len(jpeg) // 2: len(jpeg) // 2 + 48],
        "jpeg header": jpeg[:64],
        "vector": vector[:32],
        "vector (float64)": np.frombuffer(vector, np.float32)[:4].astype(np.float64).tobytes(),
    }
    files = _every_file(ws.paths.root)
    assert len(files) > 5
    for path in files:
        data = path.read_bytes()
        for what, needle in needles.items():
            assert needle not in data, f"{what} found in {path.relative_to(ws.paths.root)}"


def test_wrong_passphrase_is_a_clear_error(ws: Workspace) -> None:
    ws.close()
    with pytest.raises(WrongPassphrase, match="wrong passphrase"):
        open_ws(ws.paths.root, "not the passphrase")


def test_wrong_passphrase_on_the_command_line(ws: Workspace, monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    ws.close()
    monkeypatch.setenv("ATHAR_PASSPHRASE", "not the passphrase")
    assert main(["verify", str(ws.paths.root)]) == 2
    assert "wrong passphrase for this workspace" in capsys.readouterr().err


def test_changing_the_passphrase_rewraps_without_reencrypting(
        small_ws: Workspace, small_sup: Actor) -> None:
    evidence = sorted(p for p in small_ws.paths.evidence.rglob("*") if p.is_file())
    before = {p: p.stat().st_mtime_ns for p in evidence}
    change_passphrase(small_ws, PASSPHRASE, "a brand new passphrase", small_sup)
    small_ws.close()
    with pytest.raises(WrongPassphrase):
        open_ws(small_ws.paths.root, PASSPHRASE)
    reopened = open_ws(small_ws.paths.root, "a brand new passphrase")
    try:
        assert {p: p.stat().st_mtime_ns for p in evidence} == before
        from athar.casework.accounts.users import login
        from athar.casework.integrity.verify import verify_workspace

        assert verify_workspace(reopened, login(reopened, SUPERVISOR, PASSWORD)).ok
    finally:
        reopened.close()


def test_change_passphrase_needs_the_current_one(small_ws: Workspace, small_sup: Actor) -> None:
    with pytest.raises(WrongPassphrase):
        change_passphrase(small_ws, "guess guess guess", "a brand new passphrase", small_sup)


def test_interrupted_rewrap_leaves_the_old_keyring(ws: Workspace) -> None:
    ws.close()
    (ws.paths.root / ".keyring.json.part").write_text("{half written")
    open_ws(ws.paths.root, PASSPHRASE).close()


def test_default_key_derivation_is_argon2id_with_real_cost(tmp_path: Path) -> None:
    params = KdfParams.interactive()
    assert params.memory_kib >= 64 * 1024
    assert params.time_cost >= 3
    init_workspace(tmp_path / "ws", PASSPHRASE)
    started = time.monotonic()
    with pytest.raises(WrongPassphrase):
        open_ws(tmp_path / "ws", "wrong wrong wrong")
    assert time.monotonic() - started > 0.05  # each guess costs real work


def test_short_passphrase_is_refused(tmp_path: Path) -> None:
    from athar.casework.domain.errors import InvalidRequest

    with pytest.raises(InvalidRequest, match="at least"):
        init_workspace(tmp_path / "ws", "short", FAST_KDF)


def test_database_uses_full_synchronous_writes(ws: Workspace) -> None:
    with ws.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar_one() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar_one() == "wal"


def test_new_ws_helper_makes_a_locked_workspace(tmp_path: Path) -> None:
    ws, actor = new_ws(tmp_path / "w")
    ws.close()
    assert actor.username == SUPERVISOR
    assert b"SQLite format 3" not in (tmp_path / "w" / "athar.db").read_bytes()[:16]


def test_stale_temp_files_are_removed_on_open(ws: Workspace) -> None:
    import os

    ws.close()
    old, fresh = ws.paths.tmp / "old.part", ws.paths.tmp / "fresh.part"
    old.write_bytes(b"x")
    fresh.write_bytes(b"y")
    os.utime(old, (time.time() - 7200, time.time() - 7200))
    open_ws(ws.paths.root, PASSPHRASE).close()
    assert not old.exists()
    assert fresh.exists()  # may belong to an import running right now
