"""`athar models pack | list | install | verify`: the face models a team provisions offline."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from athar.app.bootstrap import EMBEDDED
from athar.app.cli.output import print_json
from athar.casework.domain.errors import InvalidRequest
from athar.casework.intake.active_model import active_model_id
from athar.casework.storage.workspace import Workspace
from athar.models.dlib_backend import DLIB_MANIFEST
from athar.models.packs import (
    KINDS,
    ModelPack,
    find_pack,
    install_pack,
    installed_packs,
    models_dir,
)

if TYPE_CHECKING:
    Sub = argparse._SubParsersAction[argparse.ArgumentParser]


def add_parsers(sub: Sub) -> None:
    """`athar models ACTION`."""
    s = sub.add_parser("models", help="face model packs: make one from ONNX files, list, "
                       "install and verify them (nothing is ever downloaded)")
    actions = s.add_subparsers(dest="models_command", required=True, metavar="ACTION")
    a = actions.add_parser("pack", help="make a pack folder from a detector and a recogniser "
                           "(the networks are inspected; the manifest names their SHA-256)")
    a.add_argument("--kind", required=True, choices=KINDS,
                   help="insightface: SCRFD detector + ArcFace-style recogniser (e.g. "
                   "buffalo_l's det_10g.onnx and w600k_r50.onnx); opencv: YuNet + SFace")
    a.add_argument("--detector", required=True, metavar="FILE", help="the detector's .onnx")
    a.add_argument("--recognizer", required=True, metavar="FILE",
                   help="the recogniser's .onnx")
    a.add_argument("--name", required=True, metavar="NAME", help="the pack's name")
    a.add_argument("--licence", metavar="FILE", help="the licence text the files came with")
    a.add_argument("--accuracy", metavar="TEXT",
                   help="the accuracy the networks' author publishes (quoted as given)")
    a.add_argument("--out", required=True, metavar="DIR", help="the pack folder to create")
    a = actions.add_parser("list", help="the embedded models and every installed "
                           "pack, with ids and licences")
    a.add_argument("--workspace", metavar="WS", help="also count, per model, the faces of "
                   "this workspace that have its vectors")
    a.add_argument("--json", action="store_true", help="print the list as JSON")
    a = actions.add_parser("install", help="verify a pack (folder or .zip) and copy it into "
                           "the model folder (ATHAR_MODELS_DIR, else ~/.local/share/athar/"
                           "models)")
    a.add_argument("path", metavar="PATH", help="the pack folder or zip")
    a = actions.add_parser("verify", help="check every installed pack file by file")
    a = actions.add_parser("activate", help="make a model the workspace's active one: its "
                           "searches and imports use it unless --model names another "
                           "(supervisors; every face needs its vectors first: athar reembed)")
    a.add_argument("workspace", metavar="WS", help="the workspace folder")
    a.add_argument("model", metavar="ID", help="an installed pack's id (or an unambiguous "
                   "beginning of it), or 'default' or 'mirrored' for an embedded model")
    a.add_argument("--allow-missing", action="store_true", help="activate it although some "
                   "faces have no vector of it yet (searches with it do not see them)")


def _pack_row(pack: ModelPack) -> dict[str, Any]:
    m = pack.manifest
    return {"id": pack.pack_id, "name": m.name, "kind": m.kind, "dim": m.dim,
            "folder": str(pack.folder), "licence": m.licence,
            "published_accuracy": m.published_accuracy,
            "files": [{"task": f.task, "file": f.file, "sha256": f.sha256,
                       "input_size": f.input_size, "normalisation": f.normalisation,
                       "colour_order": f.colour_order, "embedding_dim": f.embedding_dim}
                      for f in m.files]}


def _embedded_rows() -> list[dict[str, Any]]:
    return [{"id": m.model_id, "name": m.title, "kind": m.kind, "dim": DLIB_MANIFEST.dim,
             "folder": None,
             "licence": DLIB_MANIFEST.licence,
             "published_accuracy": DLIB_MANIFEST.published_accuracy, "files": []}
            for m in EMBEDDED]


def licence_of(model_id: str) -> str:
    """The licence text shown before a model is activated or its vectors are added."""
    if any(m.model_id == model_id for m in EMBEDDED):
        return DLIB_MANIFEST.licence
    return find_pack(model_id).licence_text


def run(args: argparse.Namespace, ws: Workspace | None = None) -> int:
    """Carry out `athar models ACTION`; `ws` is open for `list --workspace`."""
    if args.models_command == "pack":
        from athar.models.pack_builder import SFACE_INPUT, make_pack  # loads insightface

        pack = make_pack(args.kind, Path(args.detector), Path(args.recognizer), args.name,
                         Path(args.out), Path(args.licence) if args.licence else None,
                         args.accuracy)
        print(f"pack written to {pack.folder}\nid: {pack.pack_id}\nlicence: "
              f"{pack.manifest.licence}")
        if args.kind == "opencv":
            print(f"warning: {SFACE_INPUT}", file=sys.stderr)
        return 0
    if args.models_command == "install":
        pack, new = install_pack(Path(args.path))
        print(f"licence of {pack.manifest.name}:\n{pack.licence_text}\n")
        verb = "installed in" if new else "already installed (nothing copied) in"
        print(f"{pack.pack_id} {verb} {pack.folder}\nuse it with --model "
              f"{pack.pack_id[:len(pack.manifest.name) + 20]}")
        return 0
    entries = list(installed_packs())
    if args.models_command == "verify":
        for e in entries:
            print(f"OK       {e.pack.pack_id}" if e.pack else f"PROBLEM  {e.problem}")
        if not entries:
            print(f"no pack installed in {models_dir()}")
        return 0 if all(e.pack for e in entries) else 1
    if args.models_command != "list":
        raise InvalidRequest(f"unknown models action {args.models_command!r}")
    rows = _embedded_rows() + [_pack_row(e.pack) for e in entries if e.pack]
    problems = [e.problem for e in entries if e.problem]
    if ws is not None:
        active = active_model_id(ws) or rows[0]["id"]
        with ws.uow() as uow:
            for row in rows:
                row["faces_with_vectors"], row["faces"] = uow.faces.count_embeddings(row["id"])
                row["active"] = row["id"] == active
    if args.json:
        print_json({"models_dir": str(models_dir()), "models": rows, "problems": problems})
        return 0
    for row in rows:
        print(f"{row['id']}\n  {row['kind']}, {row['dim']}-d; licence: {row['licence']}\n"
              f"  published accuracy: {row['published_accuracy']}")
        if "faces" in row:
            print(f"  faces with its vectors in {args.workspace}: "
                  f"{row['faces_with_vectors']} of {row['faces']}"
                  + ("; the workspace's ACTIVE model" if row["active"] else ""))
    for problem in problems:
        print(f"PROBLEM  {problem}")
    print(f"(a workspace's searches and imports use its active model, the embedded default "
          f"until `athar models activate` makes another active, unless --model ID names "
          f"one; packs live in {models_dir()})")
    return 0
