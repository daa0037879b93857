"""GUI test setup: offscreen Qt, private app settings, screenshots under test-artifacts/."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ["QT_QPA_PLATFORM"] = "offscreen"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test under tests/gui is marked `gui`."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.gui)


@pytest.fixture(autouse=True)
def app_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Each test gets its own settings file (recent workspaces, language)."""
    path = tmp_path / "athar-settings.ini"
    monkeypatch.setenv("ATHAR_SETTINGS", str(path))
    yield path
    from PySide6.QtWidgets import QApplication

    from athar.app.gui.i18n import apply_language

    app = QApplication.instance()
    if isinstance(app, QApplication):
        apply_language(app, "en")


@pytest.fixture
def frozen_heap() -> Iterator[None]:
    """The app freezes its start-up heap (Controller.show_main); this pytest process also
    carries the objects of every earlier test, which the app never has: freeze those too,
    so that a full collection of them (150-200 ms here) does not count as the window's
    stall in the tests that time the GUI thread."""
    gc.collect()
    gc.freeze()
    yield
    gc.unfreeze()
