"""Reads that finish out of order never show an older state over a newer one: a later read
of the same view and name supersedes an earlier one (the sign-off list once showed the
"proposed" list, empty after a confirmation, over the "confirmed" list asked for later)."""

from __future__ import annotations

import threading
import time

import pytest
from pytestqt.qtbot import QtBot

from athar.app.gui.main_window import MainWindow
from athar.app.gui.services import Services
from athar.app.gui.tasks import TaskRunner
from athar.casework.accounts.users import start_session
from athar.casework.domain.entities import IdentificationState, ReviewDecision
from athar.casework.domain.permissions import Actor
from athar.casework.matching.search import RunSearch, SearchService
from athar.casework.review.reviews import RecordReview, record_review
from athar.casework.review.signoff import IdentificationView
from athar.casework.storage.workspace import Workspace


def test_a_superseded_read_is_dropped_and_others_are_not(qtbot: QtBot) -> None:
    tasks = TaskRunner()
    release = threading.Event()
    got: list[str] = []
    errors: list[str] = []
    owner, other = object(), object()

    def slow(_p: object) -> str:
        release.wait(10)
        return "old"

    tasks.submit(slow, got.append, errors.append, latest=(owner, "list"))
    tasks.submit(lambda _p: "new", got.append, errors.append, latest=(owner, "list"))
    tasks.submit(lambda _p: "other view", got.append, errors.append, latest=(other, "list"))
    tasks.submit(lambda _p: "plain", got.append, errors.append)
    qtbot.waitUntil(lambda: len(got) == 3, timeout=10_000)
    release.set()
    assert tasks.wait(10_000)
    qtbot.wait(100)  # the old result's queued signal is delivered, and dropped
    assert sorted(got) == ["new", "other view", "plain"]
    assert not errors


def test_a_superseded_error_is_dropped_too(qtbot: QtBot) -> None:
    tasks = TaskRunner()
    release = threading.Event()
    got: list[str] = []
    errors: list[str] = []
    owner = object()

    def slow_failure(_p: object) -> str:
        release.wait(10)
        raise ValueError("stale")

    tasks.submit(slow_failure, got.append, errors.append, latest=(owner, "list"))
    tasks.submit(lambda _p: "new", got.append, errors.append, latest=(owner, "list"))
    qtbot.waitUntil(lambda: got == ["new"], timeout=10_000)
    release.set()
    assert tasks.wait(10_000)
    qtbot.wait(100)
    assert got == ["new"]
    assert not errors


@pytest.mark.slow
def test_the_signoff_list_shows_the_state_chosen_last(
        qtbot: QtBot, small_ws: Workspace, small_sup: Actor,
        monkeypatch: pytest.MonkeyPatch) -> None:
    SearchService(small_ws).run(RunSearch(all_persons=True, top=3), small_sup)
    services = Services(small_ws, start_session(small_ws, small_sup))
    queue = services.review_queue(None, None, None)
    record_review(small_ws, RecordReview(queue[0].id, ReviewDecision.PROPOSE,
                                         "Same brow, ears and chin"), small_sup)
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    window.navigate("signoff")
    signoff = window.signoff
    qtbot.waitUntil(lambda: signoff.shown is not None, timeout=20_000)

    real = services.identifications

    def slow_proposed(state: IdentificationState | None) -> list[IdentificationView]:
        if state is IdentificationState.PROPOSED:
            time.sleep(1.0)  # the older read finishes last
            return []
        return real(state)

    monkeypatch.setattr(services, "identifications", slow_proposed)
    signoff.refresh()  # "proposed", slow
    signoff.state.setCurrentIndex(signoff.state.count() - 1)  # "All", fast
    qtbot.wait(1_500)
    assert signoff.shown is not None
    assert len(signoff.rows) == 1
    window.close()
