"""`athar models pack | install | list | verify`: what a team types to provision a model."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from athar.app.cli import main
from athar.models.dlib_backend import DlibPipelineFactory


@pytest.fixture
def models_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "models"
    monkeypatch.setenv("ATHAR_MODELS_DIR", str(folder))
    return folder


def _pack(models_test: Path, out: Path, kind: str = "insightface") -> list[str]:
    detector = "det_500m.onnx" if kind == "insightface" else "yunet_2026may.onnx"
    return ["models", "pack", "--kind", kind, "--detector", str(models_test / detector),
            "--recognizer", str(models_test / "mobilefacenet_128.onnx"), "--name",
            f"team-{kind}", "--out", str(out)]


def test_pack_install_list_verify(models_test: Path, models_dir: Path, tmp_path: Path,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "built"
    assert main(_pack(models_test, out)) == 0
    printed = capsys.readouterr().out
    assert f"pack written to {out}" in printed
    assert "non-commercial research" in printed
    assert main(["models", "install", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "licence of team-insightface" in printed
    assert "non-commercial research" in printed
    assert "installed in" in printed
    assert main(["models", "install", str(out)]) == 0
    assert "already installed (nothing copied)" in capsys.readouterr().out
    assert main(["models", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    ids = [m["id"] for m in listed["models"]]
    assert ids[:2] == [DlibPipelineFactory().model_info().model_id,
                       DlibPipelineFactory(flip_tta=True).model_info().model_id]
    assert ids[2].startswith("team-insightface@sha256:")
    assert listed["models"][2]["files"][1]["embedding_dim"] == 128
    assert listed["problems"] == []
    assert main(["models", "verify"]) == 0
    assert capsys.readouterr().out.startswith("OK       team-insightface@sha256:")
    [installed] = [p for p in models_dir.iterdir() if p.is_dir()]
    (installed / "det_500m.onnx").write_bytes(b"damaged")
    assert main(["models", "verify"]) == 1
    assert "det_500m.onnx has been modified" in capsys.readouterr().out
    assert main(["models", "list"]) == 0
    assert "PROBLEM" in capsys.readouterr().out


def test_bad_calls_get_one_line_and_status_2(models_test: Path, models_dir: Path,
                                             tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "x").write_text("x")
    assert main(_pack(models_test, tmp_path / "full")) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: --out")
    assert err.count("\n") == 1
    assert main(["models", "install", str(tmp_path / "absent")]) == 2
    assert "no such file or folder" in capsys.readouterr().err
    broken = tmp_path / "broken"
    assert main(_pack(models_test, broken, "opencv")) == 0
    # said when the pack is made: the SFace API feeds the network raw pixels
    assert "warning: OpenCV's FaceRecognizerSF feeds the network raw 0-255" in (
        capsys.readouterr().err)
    shutil.copy(models_test / "det_500m.onnx", broken / "det_500m.onnx")
    assert main(["models", "install", str(broken)]) == 2
    assert "det_500m.onnx is not listed" in capsys.readouterr().err
    assert not models_dir.exists() or not any(p for p in models_dir.iterdir()
                                              if not p.name.startswith("."))


def test_list_counts_a_workspaces_vectors_per_model(small_ws_template: Path, tmp_path: Path,
                                                    models_dir: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "ws"
    shutil.copytree(small_ws_template, root)
    assert main(["models", "list", "--workspace", str(root), "--json"]) == 0
    [default, mirrored] = json.loads(capsys.readouterr().out)["models"]
    assert default["faces_with_vectors"] == default["faces"] > 0
    assert mirrored["faces_with_vectors"] == 0  # until `athar reembed --model mirrored`
    assert mirrored["faces"] == default["faces"]
    assert "mirrored" in mirrored["kind"]
