"""The search bench/accuracy.py runs (every missing person, every Body ranked), timed
side by side with another checkout of Athar.

    .venv/bin/python bench/search_lists.py ../shared/data/faces-tune [--peer CLONE]
        [--persons N] [--rounds 2] [--workspace DIR] [--out bench/out/search-lists]

Builds once (kept in --workspace, reused when it exists) a workspace as accuracy.py's
clean row has it: each identity's first photo is a missing person's family photo, the
others are one Body's photos. Each round then copies it, empties its Candidates and
times one RunSearch of the first --persons persons with `top` = every Body. With
--peer (a clone of this repository at another commit), the same search runs in a
process that imports that clone's `athar`, alternating with this checkout, round by
round. The report gives each round's seconds, the medians, and whether both ranked the
same lists (a digest of every person's list: Body labels and scores to 9 decimals).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import text

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import identities, new_workspace, open_workspace, stage  # noqa: E402

from athar.casework.accounts.users import login  # noqa: E402
from athar.casework.domain.entities import Side  # noqa: E402
from athar.casework.intake.ingest import ImportPhotos, ImportService  # noqa: E402
from athar.casework.matching.search import RunSearch, SearchService  # noqa: E402


def build(data: Path, root: Path, limit: int | None) -> None:
    """The clean workspace: first photo AM, the others one Body each (accuracy.py)."""
    ids = identities(data)[:limit]
    with tempfile.TemporaryDirectory(prefix="athar-lists-") as tmp:
        am = stage(Path(tmp) / "am", {i.name: [i.photos[0]] for i in ids})
        pm = stage(Path(tmp) / "pm", {i.name: list(i.photos[1:]) for i in ids})
        ws, actor = new_workspace(root)
        try:
            service = ImportService(ws)
            service.run(ImportPhotos(am, Side.AM, "folder", None, 2), actor)
            service.run(ImportPhotos(pm, Side.PM, "folder", "bench", 2), actor)
        finally:
            ws.close()


def timed_search(workspace: Path, persons: int | None) -> dict[str, object]:
    """One round, in this process's `athar`: copy, empty the Candidates, search, time."""
    with tempfile.TemporaryDirectory(prefix="athar-lists-") as tmp:
        copy = Path(tmp) / "ws"
        shutil.copytree(workspace, copy)
        ws = open_workspace(copy)
        try:
            with ws.uow() as uow:
                uow.session.execute(text("DELETE FROM candidate"))
                uow.session.execute(text("DELETE FROM search_run"))
                uow.commit()
                ids = uow.owners.person_ids()[:persons]
                bodies = uow.owners.counts()["bodies"]
            actor = login(ws, "bench", "bench-password")
            started = time.monotonic()
            results = SearchService(ws).run(RunSearch(person_ids=tuple(ids), top=bodies),
                                            actor)
            seconds = time.monotonic() - started
        finally:
            ws.close()
    lists = [[r.query_label, [[m.label, round(m.score, 9)] for m in r.matches]]
             for r in results]
    first = sum(1 for r in results if r.matches and r.matches[0].label == r.query_label)
    return {"seconds": round(seconds, 2), "persons": len(results), "bodies": bodies,
            "rank1": first,
            "digest": hashlib.sha256(json.dumps(lists).encode()).hexdigest()[:16]}


class PeerFailed(Exception):
    """The peer checkout's round did not finish (its last line of error output)."""


def in_peer(peer: Path, workspace: Path, persons: int | None) -> dict[str, object]:
    """One round in a process that imports the peer clone's `athar` (a folder holding a
    link named athar to the clone, first on PYTHONPATH)."""
    with tempfile.TemporaryDirectory(prefix="athar-peer-") as tmp:
        (Path(tmp) / "athar").symlink_to(peer.resolve(), target_is_directory=True)
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(
            [tmp, *filter(None, [os.environ.get("PYTHONPATH")])]))
        done = subprocess.run(
            [sys.executable, __file__, "--round", str(workspace),
             *(["--persons", str(persons)] if persons is not None else [])],
            env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no message"])[-1]
        raise PeerFailed(f"the round in {peer} failed: {last}")
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("data", type=Path, nargs="?")
    p.add_argument("--peer", type=Path, help="a clone of Athar at another commit")
    p.add_argument("--persons", type=int, default=None,
                   help="search the first N persons (default: all)")
    p.add_argument("--rounds", type=int, default=2)
    p.add_argument("--limit", type=int, help="only the first N identities (smoke runs)")
    p.add_argument("--workspace", type=Path, default=Path("bench/out/search-lists-ws"))
    p.add_argument("--out", type=Path, default=Path("bench/out/search-lists"))
    p.add_argument("--round", type=Path, metavar="WS", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.round is not None:  # one timed round, for in_peer
        print(json.dumps(timed_search(args.round, args.persons)))
        return 0
    if args.data is None:
        p.error("give the identities' folder (e.g. ../shared/data/faces-tune)")
    if args.peer is not None and not (args.peer / "casework" / "matching").is_dir():
        p.error(f"--peer {args.peer} is not a clone of Athar (no casework/matching there)")
    if not (args.workspace / "athar.db").exists():
        started = time.monotonic()
        build(args.data, args.workspace, args.limit)
        print(f"workspace built in {time.monotonic() - started:.0f} s", file=sys.stderr)
    rows: dict[str, list[dict[str, object]]] = {"this checkout": []}
    if args.peer is not None:
        rows["peer"] = []
    for k in range(args.rounds):
        for name in rows:
            try:
                row = (timed_search(args.workspace, args.persons) if name == "this checkout"
                       else in_peer(args.peer, args.workspace, args.persons))
            except PeerFailed as e:
                print(f"search_lists.py: {e}", file=sys.stderr)
                return 2
            rows[name].append(row)
            print(f"round {k + 1}, {name}: {row}", file=sys.stderr)
    medians = {name: statistics.median(float(str(r["seconds"])) for r in runs)
               for name, runs in rows.items()}
    same = len({str(r["digest"]) for runs in rows.values() for r in runs}) == 1
    report = {"persons": rows["this checkout"][0]["persons"],
              "bodies": rows["this checkout"][0]["bodies"], "rounds": rows,
              "median_s": medians, "same_lists": same,
              "peer": str(args.peer) if args.peer else None}
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "report.json").write_text(json.dumps(report, indent=1))
    lines = [f"# Search of every person, every Body ranked ({report['persons']} persons, "
             f"{report['bodies']} Bodies)", "", "| checkout | rounds (s) | median s |",
             "|---|---|---|"]
    lines += [f"| {name} | {' / '.join(str(r['seconds']) for r in runs)} | "
              f"{medians[name]:.1f} |" for name, runs in rows.items()]
    lines += ["", f"Same lists in every round: {'yes' if same else 'NO'}"]
    (args.out / "report.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
