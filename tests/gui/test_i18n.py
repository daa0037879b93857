"""Every user-visible string goes through Qt translation, and Arabic covers all of them."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from athar.app.gui import labels
from athar.app.gui.i18n import I18N, apply_language, ui_font

GUI = Path(__file__).resolve().parents[2] / "app" / "gui"
TS = I18N / "athar_ar.ts"
QM = I18N / "athar_ar.qm"
TEXT_SETTERS = {"setText", "setPlaceholderText", "setWindowTitle", "addItem", "addTab",
                "addRow", "setToolTip", "addMenu", "QLabel", "QPushButton", "QCheckBox",
                "QGroupBox", "QAction", "QListWidgetItem", "showMessage"}


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent))
    if found is None:
        pytest.skip(f"{name} not installed beside the interpreter")
    return found


def _messages(ts: Path) -> list[ET.Element]:
    return list(ET.parse(ts).getroot().iter("message"))


def test_every_string_in_the_code_has_a_finished_arabic_translation(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    shutil.copy(TS, fresh)
    sources = sorted(str(p) for p in GUI.rglob("*.py"))
    subprocess.run([_tool("pyside6-lupdate"), "-no-obsolete", *sources, "-ts", str(fresh)],
                   check=True, capture_output=True)
    unfinished = [m.findtext("source") for m in _messages(fresh)
                  if m.find("translation").get("type") == "unfinished"]  # type: ignore[union-attr]
    assert unfinished == [], "strings without Arabic (run lupdate, translate in Linguist)"
    committed = {m.findtext("source") for m in _messages(TS)}
    assert committed == {m.findtext("source") for m in _messages(fresh)}
    for m in _messages(TS):
        t = m.find("translation")
        assert t is not None, m.findtext("source")
        assert (t.text or "").strip() or list(t), m.findtext("source")


def test_compiled_translation_matches_the_source(tmp_path: Path) -> None:
    out = tmp_path / "athar_ar.qm"
    subprocess.run([_tool("pyside6-lrelease"), str(TS), "-qm", str(out)], check=True,
                   capture_output=True)
    assert out.read_bytes() == QM.read_bytes(), "run pyside6-lrelease on athar_ar.ts"


def test_no_user_visible_literal_bypasses_translation() -> None:
    offenders = []
    for path in GUI.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(
                node.func, "id", "")
            if name not in TEXT_SETTERS:
                continue
            for arg in node.args[:1]:
                if (isinstance(arg, ast.Constant) and isinstance(arg.value, str)
                        and any(c.isalpha() for c in arg.value)):
                    offenders.append(f"{path.name}:{node.lineno}: {arg.value!r}")
    assert offenders == []


def test_arabic_turns_the_layout_right_to_left_and_translates(qapp: QApplication) -> None:
    try:
        assert apply_language(qapp, "ar")
        assert qapp.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert labels.state_name("queued") == "في الانتظار"
        font = ui_font("ar")
        assert any(f in font.families() for f in ("Noto Sans Arabic", "Noto Naskh Arabic",
                                                   "DejaVu Sans"))
    finally:
        apply_language(qapp, "en")
    assert qapp.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert labels.state_name("queued") == "Queued"
