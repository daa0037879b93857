"""A short run of the import fuzzer (bench/fuzz_import.py runs 5,000 files)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_mutated_files_never_crash_or_hang_the_import(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, str(REPO / "bench" / "fuzz_import.py"), "--count", "120",
         "--seed", "7", "--out", str(tmp_path), "--timeout", "30"],
        capture_output=True, text=True, timeout=280, check=False)
    assert out.returncode == 0, out.stdout + out.stderr
    summary = json.loads(out.stdout)
    assert summary["all_accounted"]
    assert summary["skipped"] > 0  # the mutations did produce bad files
    assert summary["timeouts"] == 0


def test_corpus_is_reproducible(tmp_path: Path) -> None:
    sys.path.insert(0, str(REPO / "bench"))
    try:
        from fuzz_import import make_corpus
    finally:
        sys.path.pop(0)
    make_corpus(tmp_path / "a", 30, 3, None)
    make_corpus(tmp_path / "b", 30, 3, None)
    files_a = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*.*"))
    assert files_a == sorted(p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*.*"))
    assert all((tmp_path / "a" / f).read_bytes() == (tmp_path / "b" / f).read_bytes()
               for f in files_a)
