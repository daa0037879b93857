"""An error nobody expected, in a GUI slot, a background task or a thread, reaches the
crash handler: logged with its traceback in the log folder, a dialog shown, the workspace
left as it was (issue 14)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from athar.app import crash
from athar.app.cli import main
from athar.app.gui.dialogs import crash as crash_dialog
from athar.app.gui.dialogs.crash import CrashDialog, CrashNotifier
from athar.app.gui.main_window import MainWindow
from athar.app.gui.services import Services
from athar.casework.accounts.users import start_session
from athar.casework.domain.entities import Side
from athar.casework.domain.permissions import Actor
from athar.casework.intake.ingest import ImportPhotos, ImportService
from athar.casework.integrity.verify import verify_workspace
from athar.casework.records import browse
from athar.casework.records.browse import UpdateBody
from athar.casework.storage.uow import UnitOfWork
from athar.casework.storage.workspace import Workspace


@pytest.fixture
def logs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "logs"
    monkeypatch.setenv(crash.LOG_ENV, str(folder))
    yield folder
    crash_dialog.uninstall()


@pytest.fixture
def notifier(qtbot: QtBot, logs: Path) -> CrashNotifier:
    return crash_dialog.install()


def _body_ws(ws: Workspace, actor: Actor, tmp_path: Path) -> int:
    (tmp_path / "pm" / "b1").mkdir(parents=True)
    Image.new("RGB", (32, 32), (120, 80, 40)).save(tmp_path / "pm" / "b1" / "a.png")
    ImportService(ws).run(ImportPhotos(tmp_path / "pm", Side.PM, "folder", "c", 1), actor)
    return browse.bodies(ws, actor)[0].id


def _dialog_says(qtbot: QtBot, notifier: CrashNotifier, word: str) -> CrashDialog:
    qtbot.waitUntil(lambda: any(word in d.summary and d.isVisible()
                                for d in notifier.dialogs), timeout=10_000)
    return next(d for d in notifier.dialogs if word in d.summary)


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_gui_slot_is_logged_and_shown(
        qtbot: QtBot, notifier: CrashNotifier, logs: Path) -> None:
    button = QPushButton("boom")
    qtbot.addWidget(button)

    def slot() -> None:
        raise RuntimeError("slot exploded on purpose")

    button.clicked.connect(slot)
    button.click()
    dialog = _dialog_says(qtbot, notifier, "slot exploded")
    assert str(logs / crash.CRASH_LOG) in dialog.informativeText()
    text = (logs / crash.CRASH_LOG).read_text(encoding="utf-8")
    assert "Traceback" in text
    assert "RuntimeError: slot exploded on purpose" in text
    assert "in slot" in text  # the frame where it happened


@pytest.mark.qt_no_exception_capture
def test_a_bug_in_a_use_case_on_a_worker_rolls_back_and_reaches_the_handler(
        qtbot: QtBot, notifier: CrashNotifier, logs: Path, fake_ws: tuple[Workspace, Actor],
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ws, sup = fake_ws
    body_id = _body_ws(ws, sup, tmp_path)
    window = MainWindow(Services(ws, start_session(ws, sup)))
    qtbot.addWidget(window)
    real = browse.handle_update_body

    def half_then_bug(cmd: UpdateBody, uow: UnitOfWork, actor: Actor) -> object:
        uow.owners.get_body(cmd.body_id).detainee_no = "half-written"
        uow.session.flush()  # in the transaction, never committed
        raise KeyError("a bug after the change was flushed")

    monkeypatch.setitem(window.services.bus._handlers, UpdateBody,  # type: ignore[index]
                        half_then_bug)
    failed: list[str] = []
    window.tasks.submit(lambda _p: window.services.update_body(body_id, {"detainee_no": "1"}),
                        lambda _r: None, failed.append, write=True)
    _dialog_says(qtbot, notifier, "a bug after the change was flushed")
    qtbot.waitUntil(lambda: bool(failed), timeout=10_000)
    assert "KeyError" in failed[0]
    assert "background task" in (logs / crash.CRASH_LOG).read_text(encoding="utf-8")
    assert browse.body_detail(ws, sup, body_id).fields["detainee_no"] is None  # rolled back
    report = verify_workspace(ws, sup)
    assert report.ok, report.problems
    monkeypatch.setitem(window.services.bus._handlers, UpdateBody, real)  # type: ignore[index]
    window.close()


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_plain_thread_is_logged_and_shown(
        qtbot: QtBot, notifier: CrashNotifier, logs: Path) -> None:
    def work() -> None:
        raise ValueError("thread exploded on purpose")

    thread = threading.Thread(target=work, name="helper")
    thread.start()
    thread.join()
    _dialog_says(qtbot, notifier, "thread exploded")
    assert "thread helper" in (logs / crash.CRASH_LOG).read_text(encoding="utf-8")


def test_a_bug_on_the_command_line_is_one_line_and_a_log(
        logs: Path, ws: Workspace, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    from athar.app.cli import commands

    def broken(args: object) -> int:
        raise ZeroDivisionError("on purpose")

    monkeypatch.setitem(commands.HANDLERS, "persons", broken)
    assert main(["persons", str(ws.paths.root)]) == 70
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "unexpected ZeroDivisionError" in err
    assert "Traceback" not in err
    assert str(logs / crash.CRASH_LOG) in err
    assert "ZeroDivisionError: on purpose" in (logs / crash.CRASH_LOG).read_text("utf-8")
