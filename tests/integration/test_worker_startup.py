"""What a worker process loads before its first photo.

Import workers are spawned: each re-runs the main script, which for the `athar` command
imports the `athar.app.cli` package. That package must stay light, or every worker pays
for the whole command line (sqlalchemy, the models, Qt) before its first photo.
"""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = ("sqlalchemy", "dlib", "onnx", "onnxruntime", "cv2", "PySide6", "faiss")


def _loaded_after(statement: str) -> list[str]:
    code = (f"import sys, json\n{statement}\n"
            f"print(json.dumps([m for m in {list(HEAVY)!r} if m in sys.modules]))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, timeout=120)
    return list(json.loads(done.stdout.strip().splitlines()[-1]))


def test_the_console_script_package_imports_nothing_heavy() -> None:
    assert _loaded_after("import athar.app.cli") == []


def test_the_console_script_still_loads_everything_it_runs() -> None:
    # The check above is not vacuous: the command's own modules do load these.
    assert "sqlalchemy" in _loaded_after("import athar.app.cli.commands")
