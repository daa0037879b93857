"""Model packs: made from real networks, verified file by file, installed, found by id."""

from __future__ import annotations

import hashlib
import json
import shutil
import zipfile
from pathlib import Path

import pytest

from athar.casework.domain.errors import InvalidRequest, ModelUnavailableError
from athar.models.pack_builder import make_pack
from athar.models.packs import (
    INSIGHTFACE_LICENCE,
    MANIFEST,
    find_pack,
    install_pack,
    installed_packs,
    open_pack,
)

SCRFD_SHA = "5e4447f50245bbd7966bd6c0fa52938c61474a04ec7def48753668a9d8b4ea3a"
MOBILEFACENET_SHA = "e72a5710cce378dc46472b6b845cb90647634f2738d8c3e581735cf195b9866f"


@pytest.fixture
def pack_dir(tmp_path: Path, test_packs: dict[str, Path]) -> Path:
    """A private copy of the insightface test pack."""
    dest = tmp_path / "pack"
    shutil.copytree(test_packs["insightface"], dest)
    return dest


def test_the_manifest_describes_the_inspected_networks(test_packs: dict[str, Path]) -> None:
    pack = open_pack(test_packs["insightface"])
    m = pack.manifest
    assert (m.kind, m.dim) == ("insightface", 128)
    det, rec = m.file("detector"), m.file("recognizer")
    assert (det.file, det.sha256, det.input_size) == ("det_500m.onnx", SCRFD_SHA, None)
    assert (rec.file, rec.sha256, rec.input_size) == ("mobilefacenet_128.onnx",
                                                      MOBILEFACENET_SHA, (112, 112))
    assert rec.normalisation.startswith("(x - 127.5) / 127.5")
    assert det.bytes == 2524817
    raw = (pack.folder / MANIFEST).read_bytes()
    assert pack.pack_id == f"test-insightface@sha256:{hashlib.sha256(raw).hexdigest()}"
    assert "non-commercial research" in m.licence == INSIGHTFACE_LICENCE
    yunet = open_pack(test_packs["opencv"]).manifest
    assert (yunet.kind, yunet.file("detector").colour_order, yunet.dim) == ("opencv", "BGR", 128)


def test_a_modified_file_is_refused_by_name(pack_dir: Path) -> None:
    target = pack_dir / "mobilefacenet_128.onnx"
    data = bytearray(target.read_bytes())
    data[len(data) // 2] ^= 0xFF
    target.write_bytes(bytes(data))
    with pytest.raises(ModelUnavailableError, match=r"mobilefacenet_128\.onnx has been modified"):
        open_pack(pack_dir)


def test_a_missing_file_is_refused_by_name(pack_dir: Path) -> None:
    (pack_dir / "det_500m.onnx").unlink()
    with pytest.raises(ModelUnavailableError, match=r"det_500m\.onnx is missing"):
        open_pack(pack_dir)


def test_an_extra_file_is_refused_by_name(pack_dir: Path) -> None:
    (pack_dir / "other.onnx").write_bytes(b"x")
    with pytest.raises(ModelUnavailableError, match=r"other\.onnx is not listed"):
        open_pack(pack_dir)


def test_an_edited_manifest_changes_the_id_or_is_refused(pack_dir: Path) -> None:
    before = open_pack(pack_dir).pack_id
    manifest = json.loads((pack_dir / MANIFEST).read_text())
    manifest["published_accuracy"] = "99.9% (edited)"
    (pack_dir / MANIFEST).write_text(json.dumps(manifest))
    assert open_pack(pack_dir).pack_id != before  # vectors of the two are never mixed
    (pack_dir / MANIFEST).write_text("{not json")
    with pytest.raises(ModelUnavailableError, match="manifest.json: unreadable manifest"):
        open_pack(pack_dir)
    manifest["files"][0]["file"] = "../det_500m.onnx"
    (pack_dir / MANIFEST).write_text(json.dumps(manifest))
    with pytest.raises(ModelUnavailableError, match="not a plain name"):
        open_pack(pack_dir)


def _zip(folder: Path, dest: Path, extra: dict[str, bytes] | None = None) -> Path:
    with zipfile.ZipFile(dest, "w") as archive:
        for path in sorted(folder.iterdir()):
            archive.write(path, f"{folder.name}/{path.name}")
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return dest


def test_install_from_a_zip_verifies_and_never_overwrites(pack_dir: Path,
                                                          tmp_path: Path) -> None:
    models = tmp_path / "models"
    pack, new = install_pack(_zip(pack_dir, tmp_path / "p.zip"), models)
    assert new
    assert pack.pack_id == open_pack(pack_dir).pack_id
    assert sorted(p.name for p in pack.folder.iterdir()) == [
        "det_500m.onnx", MANIFEST, "mobilefacenet_128.onnx"]
    again, new = install_pack(pack_dir, models)
    assert not new
    assert again.folder == pack.folder
    assert find_pack(pack.pack_id[:30], models).pack_id == pack.pack_id
    assert [e.pack.pack_id for e in installed_packs(models) if e.pack] == [pack.pack_id]


def test_install_refuses_a_zip_with_an_extra_member_and_installs_nothing(
        pack_dir: Path, tmp_path: Path) -> None:
    models = tmp_path / "models"
    bad = _zip(pack_dir, tmp_path / "bad.zip", {"pack/readme.txt": b"hello"})
    with pytest.raises(ModelUnavailableError, match=r"readme\.txt is not listed"):
        install_pack(bad, models)
    outside = _zip(pack_dir, tmp_path / "outside.zip", {"evil.onnx": b"x"})
    with pytest.raises(ModelUnavailableError, match="evil.onnx lies outside"):
        install_pack(outside, models)
    assert list(models.iterdir()) == []


def test_install_refuses_a_tampered_folder(pack_dir: Path, tmp_path: Path) -> None:
    (pack_dir / "det_500m.onnx").write_bytes(b"not the network")
    with pytest.raises(ModelUnavailableError, match="det_500m.onnx has been modified"):
        install_pack(pack_dir, tmp_path / "models")
    assert list((tmp_path / "models").iterdir()) == []


def test_a_broken_installed_pack_is_listed_with_its_problem(pack_dir: Path,
                                                            tmp_path: Path) -> None:
    models = tmp_path / "models"
    pack, _ = install_pack(pack_dir, models)
    (pack.folder / "det_500m.onnx").unlink()
    [entry] = installed_packs(models)
    assert entry.pack is None
    assert entry.problem
    assert "det_500m.onnx is missing" in entry.problem
    with pytest.raises(ModelUnavailableError, match="is not installed"):
        find_pack(pack.pack_id, models)


def test_make_pack_checks_each_network_is_what_its_task_needs(models_test: Path,
                                                              tmp_path: Path) -> None:
    rec = models_test / "mobilefacenet_128.onnx"
    with pytest.raises(ModelUnavailableError, match="not load it as a face detector"):
        make_pack("insightface", rec, models_test / "det_500m.onnx", "x", tmp_path / "a")
    with pytest.raises(ModelUnavailableError, match="OpenCV cannot (load|run) it as a YuNet"):
        make_pack("opencv", rec, rec.with_name("det_500m.onnx"), "x", tmp_path / "b")
    (tmp_path / "junk.onnx").write_bytes(b"junk")
    with pytest.raises(ModelUnavailableError, match="junk.onnx: not a readable ONNX"):
        make_pack("insightface", tmp_path / "junk.onnx", rec, "x", tmp_path / "c")
    with pytest.raises(ModelUnavailableError, match="no such file"):
        make_pack("insightface", tmp_path / "absent.onnx", rec, "x", tmp_path / "d")
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "keep.txt").write_text("mine")
    with pytest.raises(InvalidRequest, match="exists and is not empty"):
        make_pack("insightface", models_test / "det_500m.onnx", rec, "x", tmp_path / "full")
    assert (tmp_path / "full" / "keep.txt").read_text() == "mine"
    with pytest.raises(InvalidRequest, match="--kind"):
        make_pack("mxnet", models_test / "det_500m.onnx", rec, "x", tmp_path / "e")
    assert not any((tmp_path / n).exists() for n in "abcde")


def test_a_licence_file_travels_with_the_pack(models_test: Path, tmp_path: Path) -> None:
    licence = tmp_path / "LICENSE"
    licence.write_text("Research use only. Attribution required.")
    pack = make_pack("insightface", models_test / "det_500m.onnx",
                     models_test / "mobilefacenet_128.onnx", "licensed", tmp_path / "out",
                     licence, "LFW 99.5% (author)")
    assert "Attribution required" in pack.licence_text
    assert "non-commercial" in pack.licence_text
    assert pack.manifest.published_accuracy == "LFW 99.5% (author)"
    (pack.folder / "LICENCE.txt").unlink()
    with pytest.raises(ModelUnavailableError, match=r"LICENCE\.txt is missing"):
        open_pack(pack.folder)
