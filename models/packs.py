"""Model packs: ONNX face networks a team provisions, verified file by file before use.

A pack is a folder (or a zip of one) holding the network files, an optional licence text
and `manifest.json`, which names for each file its task (a detector with 5 keypoints, a
recogniser), its SHA-256 and size, its input size, normalisation, colour order and (for
the recogniser) the embedding dimension, plus the pack's licence and the accuracy its
author publishes. The pack's id is its name plus the SHA-256 of the manifest's bytes:
the manifest names every file by its digest, so the id names the exact weights.

Nothing is ever downloaded. A pack is refused, with the file named, when a listed file
is missing or differs from its digest, or when the folder holds a file the manifest does
not list.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from athar.casework.domain.errors import InvalidRequest, ModelUnavailableError
from athar.models.manifest import file_sha256

MANIFEST = "manifest.json"
FORMAT = "athar-model-pack/1"
KINDS = ("insightface", "opencv")
DETECTOR, RECOGNIZER = "detector", "recognizer"

INSIGHTFACE_LICENCE = (
    "InsightFace's pretrained models (buffalo_l, buffalo_s, antelopev2, ...) are licensed "
    "for non-commercial research purposes only (insightface README); check that the "
    "team's use is covered before activating this pack."
)
UNSTATED_LICENCE = "not stated by the pack's author: ask whoever provided the files"


@dataclass(frozen=True)
class PackFile:
    """One network of a pack, as its manifest describes it."""

    task: str
    file: str
    sha256: str
    bytes: int
    input_size: tuple[int, int] | None
    """(width, height) the network takes; None when it accepts any size (detectors)."""
    colour_order: str
    normalisation: str
    embedding_dim: int | None = None


@dataclass(frozen=True)
class PackManifest:
    """What `manifest.json` holds."""

    name: str
    kind: str
    files: tuple[PackFile, ...]
    licence: str
    licence_file: str | None
    published_accuracy: str
    format: str = FORMAT

    def file(self, task: str) -> PackFile:
        """The file of one task (every pack has one detector and one recogniser)."""
        return next(f for f in self.files if f.task == task)

    @property
    def dim(self) -> int:
        """The recogniser's embedding dimension."""
        dim = self.file(RECOGNIZER).embedding_dim
        assert dim is not None  # checked when the manifest is read
        return dim

    def to_json(self) -> bytes:
        """The manifest's bytes (sorted keys, two-space indent, final newline)."""
        data = asdict(self)
        for f in data["files"]:
            if f["input_size"] is not None:
                f["input_size"] = list(f["input_size"])
        return (json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode()

    @classmethod
    def from_json(cls, raw: bytes, where: str) -> PackManifest:
        """Parse and check a manifest; `where` names it in errors."""
        try:
            data = json.loads(raw.decode("utf-8"))
            if data.get("format") != FORMAT:
                raise ModelUnavailableError(
                    f"{where}: not an Athar model pack manifest (format "
                    f"{data.get('format')!r}, expected {FORMAT!r})")
            files = tuple(
                PackFile(task=str(f["task"]), file=str(f["file"]), sha256=str(f["sha256"]),
                         bytes=int(f["bytes"]),
                         input_size=None if f["input_size"] is None else (
                             int(f["input_size"][0]), int(f["input_size"][1])),
                         colour_order=str(f["colour_order"]),
                         normalisation=str(f["normalisation"]),
                         embedding_dim=None if f.get("embedding_dim") is None
                         else int(f["embedding_dim"]))
                for f in data["files"])
            manifest = cls(name=str(data["name"]), kind=str(data["kind"]), files=files,
                           licence=str(data["licence"]),
                           licence_file=data.get("licence_file"),
                           published_accuracy=str(data["published_accuracy"]))
        except (UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError, ValueError,
                IndexError, AttributeError) as exc:
            raise ModelUnavailableError(f"{where}: unreadable manifest ({exc})") from exc
        if manifest.kind not in KINDS:
            raise ModelUnavailableError(f"{where}: unknown pack kind {manifest.kind!r} "
                                        f"(known: {', '.join(KINDS)})")
        if sorted(f.task for f in files) != [DETECTOR, RECOGNIZER]:
            raise ModelUnavailableError(f"{where}: a pack has one detector and one recogniser")
        if manifest.file(RECOGNIZER).embedding_dim is None:
            raise ModelUnavailableError(f"{where}: the recogniser's embedding_dim is missing")
        for name in manifest.listed():
            if PurePosixPath(name).name != name or name in (MANIFEST, "", ".", ".."):
                raise ModelUnavailableError(f"{where}: file name {name!r} is not a plain name")
        return manifest

    def listed(self) -> list[str]:
        """Every file the pack holds besides the manifest."""
        return [f.file for f in self.files] + ([self.licence_file] if self.licence_file else [])


@dataclass(frozen=True)
class ModelPack:
    """A verified pack in a folder."""

    folder: Path
    manifest: PackManifest
    pack_id: str
    licence_text: str

    def path(self, task: str) -> Path:
        """The verified file of one task."""
        return self.folder / self.manifest.file(task).file


def pack_id(name: str, manifest_bytes: bytes) -> str:
    """`name@sha256:<digest of the manifest's bytes>`."""
    return f"{name}@sha256:{hashlib.sha256(manifest_bytes).hexdigest()}"


def _licence_text(manifest: PackManifest, read: Any) -> str:
    text = manifest.licence
    if manifest.licence_file:
        text += "\n\n" + read(manifest.licence_file).decode("utf-8", "replace")
    return text


def open_pack(path: Path) -> ModelPack:
    """Verify a pack folder and return it.

    Raises:
        ModelUnavailableError: no manifest, a listed file missing or altered (named with
            its expected and actual SHA-256), or a file the manifest does not list.
    """
    if path.suffix.lower() == ".zip" and path.is_file():
        raise ModelUnavailableError(f"{path}: a zipped pack is used after `athar models "
                                    f"install {path}`")
    manifest_path = path / MANIFEST
    if not manifest_path.is_file():
        raise ModelUnavailableError(f"{path}: no {MANIFEST}; not a model pack folder")
    raw = manifest_path.read_bytes()
    manifest = PackManifest.from_json(raw, str(manifest_path))
    present = {p.name for p in path.iterdir()} - {MANIFEST}
    _check_members(path, manifest, present)
    for f in manifest.files:
        actual = file_sha256(path / f.file)
        if actual != f.sha256:
            raise ModelUnavailableError(
                f"model pack {manifest.name}: {path / f.file} has been modified (SHA-256 "
                f"{actual}, the manifest says {f.sha256}); reinstall the pack")
    return ModelPack(path, manifest, pack_id(manifest.name, raw),
                     _licence_text(manifest, lambda n: (path / n).read_bytes()))


def _check_members(where: Path, manifest: PackManifest, present: set[str]) -> None:
    listed = set(manifest.listed())
    missing = sorted(listed - present)
    if missing:
        raise ModelUnavailableError(
            f"model pack {manifest.name}: {where / missing[0]} is missing (listed in "
            f"{MANIFEST}); reinstall the pack")
    extra = sorted(present - listed)
    if extra:
        raise ModelUnavailableError(
            f"model pack {manifest.name}: {where / extra[0]} is not listed in {MANIFEST}; "
            f"a pack holds only its listed files (remove it or rebuild the pack)")


def _zip_members(archive: zipfile.ZipFile, where: Path) -> tuple[str, dict[str, str]]:
    """The folder prefix inside the zip ("" or "name/") and file name -> member name."""
    names = [i.filename for i in archive.infolist() if not i.is_dir()]
    manifests = [n for n in names if PurePosixPath(n).name == MANIFEST]
    if len(manifests) != 1:
        raise ModelUnavailableError(f"{where}: a zipped pack holds exactly one {MANIFEST} "
                                    f"(found {len(manifests)})")
    prefix = manifests[0][: -len(MANIFEST)]
    members: dict[str, str] = {}
    for name in names:
        rest = name[len(prefix):] if name.startswith(prefix) else name
        if not name.startswith(prefix) or "/" in rest:
            raise ModelUnavailableError(f"{where}: {name} lies outside the pack's folder; "
                                        f"a pack holds only its listed files")
        if rest != MANIFEST:
            members[rest] = name
    return prefix, members


def _extract_zip(path: Path, dest: Path) -> None:
    """Copy a zipped pack's files into `dest`, refusing anything but its listed files."""
    try:
        with zipfile.ZipFile(path) as archive:
            prefix, members = _zip_members(archive, path)
            raw = archive.read(prefix + MANIFEST)
            manifest = PackManifest.from_json(raw, f"{path}:{MANIFEST}")
            _check_members(path, manifest, set(members))
            (dest / MANIFEST).write_bytes(raw)
            for name, member in members.items():
                with archive.open(member) as src, open(dest / name, "wb") as out:
                    shutil.copyfileobj(src, out, 1 << 20)
    except (zipfile.BadZipFile, OSError) as exc:
        raise ModelUnavailableError(f"{path}: cannot read the zipped pack ({exc})") from exc


def models_dir() -> Path:
    """Where installed packs live: ATHAR_MODELS_DIR, else $XDG_DATA_HOME/athar/models,
    else ~/.local/share/athar/models."""
    configured = os.environ.get("ATHAR_MODELS_DIR")
    if configured:
        return Path(configured)
    data = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data) / "athar" / "models"


CALIBRATION_FOLDER = "calibration"
"""In the model folder: the likelihood-ratio calibrations a team fitted for its packs
(bench/calibrate.py --model PACK --write), one `<pack name>.json` each; not a pack."""


def calibration_dir() -> Path:
    """Where the calibrations of installed packs live."""
    return models_dir() / CALIBRATION_FOLDER


def install_pack(source: Path, into: Path | None = None) -> tuple[ModelPack, bool]:
    """Copy a verified pack (folder or zip) into the user's model folder.

    Returns:
        The installed pack and whether it was new (False: the same pack id was already
        installed, and nothing was copied).

    Raises:
        ModelUnavailableError: the source does not verify (nothing is installed).
    """
    root = into or models_dir()
    if not source.exists():
        raise ModelUnavailableError(f"{source}: no such file or folder")
    root.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".install-", dir=root))
    try:
        if source.is_file():
            _extract_zip(source, staging)
        else:
            verified = open_pack(source)  # refuse before copying anything
            for name in [MANIFEST, *verified.manifest.listed()]:
                shutil.copyfile(source / name, staging / name)
        pack = open_pack(staging)  # the copy itself, verified
        digest = pack.pack_id.rpartition(":")[2]
        dest = root / f"{_safe(pack.manifest.name)}-{digest[:16]}"
        if dest.exists():
            return open_pack(dest), False
        staging.rename(dest)
        return open_pack(dest), True
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _safe(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in name)[:60] or "pack"


@dataclass(frozen=True)
class InstalledEntry:
    """One folder of the model folder: its pack when it verifies, else why not."""

    folder: Path
    pack: ModelPack | None
    problem: str | None


def installed_packs(root: Path | None = None) -> Iterator[InstalledEntry]:
    """Every pack folder installed, verified (a broken one is listed with its problem)."""
    base = root or models_dir()
    if not base.is_dir():
        return
    for folder in sorted(p for p in base.iterdir() if p.is_dir() and not p.name.startswith(".")
                         and p.name != CALIBRATION_FOLDER):
        try:
            yield InstalledEntry(folder, open_pack(folder), None)
        except ModelUnavailableError as exc:
            yield InstalledEntry(folder, None, str(exc))


def find_pack(model_id: str, root: Path | None = None) -> ModelPack:
    """The installed pack with this id (or an unambiguous prefix of it).

    Raises:
        ModelUnavailableError: none installed (or it no longer verifies).
        InvalidRequest: the prefix names several packs.
    """
    entries = list(installed_packs(root))
    found = [e.pack for e in entries if e.pack is not None
             and (e.pack.pack_id == model_id or e.pack.pack_id.startswith(model_id))]
    if len(found) > 1:
        raise InvalidRequest(f"{model_id!r} names {len(found)} installed packs: give more of "
                             f"the id (athar models list)")
    if not found:
        broken = [e.problem for e in entries if e.pack is None and e.problem
                  and e.folder.name.startswith(model_id.partition("@")[0])]
        hint = f" ({broken[0]})" if broken else ""
        raise ModelUnavailableError(
            f"model {model_id} is not installed in {root or models_dir()}{hint}; install it "
            f"with `athar models install PACK`")
    return found[0]
