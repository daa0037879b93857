"""`athar demo`: import identity folders as PM, hold one photo each out as AM, search, score."""

from __future__ import annotations

import os
import secrets
import shutil
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from athar.app.bootstrap import create_ws
from athar.casework.bus import MessageBus
from athar.casework.domain.entities import Side
from athar.casework.domain.imaging import SUPPORTED_SUFFIXES
from athar.casework.intake.ingest import ImportPhotos
from athar.casework.matching.search import QueryResult, RunSearch

SHARED_DATA = Path("shared") / "data" / "faces-dev"


def default_data_dir() -> Path | None:
    """../shared/data/faces-dev from the current folder or from the repository, if present."""
    repo = Path(__file__).resolve().parent.parent
    for base in (Path.cwd().parent, repo.parent):
        candidate = base / SHARED_DATA
        if candidate.is_dir():
            return candidate
    return None


def stage_holdout(data: Path, staging: Path) -> int:
    """Copy identity folders: first photo (by name) to am/<id>/, the rest to pm/<id>/.

    Returns:
        The number of identities staged (those with at least two photos).
    """
    staged = 0
    for folder in sorted(p for p in data.iterdir() if p.is_dir()):
        photos = sorted(p for p in folder.iterdir()
                        if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES)
        if len(photos) < 2:
            continue
        for target, files in (("am", photos[:1]), ("pm", photos[1:])):
            dest = staging / target / folder.name
            dest.mkdir(parents=True, exist_ok=True)
            for f in files:
                shutil.copy2(f, dest / f.name)
        staged += 1
    return staged


@dataclass(frozen=True)
class HitRates:
    """Where each person's true Body ranked (labels equal), and the hit rates."""

    ranks: dict[str, int | None]

    def rate(self, k: int) -> float:
        """Share of persons whose true Body is within the top k."""
        if not self.ranks:
            return 0.0
        return sum(1 for r in self.ranks.values() if r is not None and r <= k) / len(self.ranks)


def hit_rates(results: Sequence[QueryResult]) -> HitRates:
    """Rank of the Body whose label equals the person's label (None when not listed)."""
    ranks: dict[str, int | None] = {}
    for r in results:
        ranks[r.query_label] = next((m.rank for m in r.matches if m.label == r.query_label), None)
    return HitRates(ranks)


def _demo_credentials() -> tuple[str, str, str]:
    """ATHAR_PASSPHRASE/USER/PASSWORD when set, else fresh random ones for this run."""
    return (os.environ.get("ATHAR_PASSPHRASE") or secrets.token_urlsafe(18),
            os.environ.get("ATHAR_USER") or "demo-supervisor",
            os.environ.get("ATHAR_PASSWORD") or secrets.token_urlsafe(12))


def run_demo(data: Path | None, workspace: Path | None, workers: int) -> int:
    """Run the demo and print candidates and hit rates; 2 when no data folder is found."""
    from athar.app.cli.commands import run_import
    from athar.app.cli.output import print_results

    data = data or default_data_dir()
    if data is None or not data.is_dir():
        print("no data folder: pass one, e.g. `athar demo ../shared/data/faces-dev` "
              "(one subfolder of photos per identity)")
        return 2
    with tempfile.TemporaryDirectory(prefix="athar-demo-") as tmp:
        staging = Path(tmp) / "staging"
        count = stage_holdout(data, staging)
        ws_root = workspace or Path(tmp) / "workspace"
        print(f"demo: {count} identities from {data}; workspace {ws_root}")
        phrase, user, password = _demo_credentials()
        ws, actor = create_ws(ws_root, phrase, user, password)
        if workspace is not None and "ATHAR_PASSPHRASE" not in os.environ:
            print(f"demo workspace kept: passphrase {phrase!r}, supervisor {user!r}, "
                  f"password {password!r} (a demo only: real workspaces prompt for these)")
        try:
            print("== importing post-mortem side (all photos but one per identity)")
            bus = MessageBus(ws)
            run_import(bus, actor,
                       ImportPhotos(staging / "pm", Side.PM, "folder", "demo-pm", workers))
            print("== importing ante-mortem side (the held-out photo of each identity)")
            run_import(bus, actor,
                       ImportPhotos(staging / "am", Side.AM, "folder", None, workers))
            started = time.monotonic()
            results = bus.handle(RunSearch(all_persons=True, top=10), actor)
            elapsed = time.monotonic() - started
            print("== candidates (top 10 per person)")
            print_results(results, as_json=False)
            rates = hit_rates(results)
            print(f"== {len(results)} persons searched in {elapsed:.2f} s "
                  f"({1000 * elapsed / max(len(results), 1):.0f} ms per person)")
            print(f"rank-1 hit rate: {rates.rate(1):.1%}   rank-10 hit rate: {rates.rate(10):.1%}")
        finally:
            ws.close()
    return 0
