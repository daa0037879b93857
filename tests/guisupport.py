"""Helpers for the GUI tests."""

from __future__ import annotations

from pathlib import Path

SCREENSHOTS = Path(__file__).resolve().parents[1] / "test-artifacts" / "screenshots"
"""Screenshots the GUI tests save (git-ignored: they show real test photos)."""


def save_screenshot(widget: object, name: str) -> Path:
    """Save what the widget shows as test-artifacts/screenshots/<name>.png."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    assert widget.grab().save(str(path))  # type: ignore[attr-defined]
    return path
