"""Identification accuracy under post-mortem conditions, through Athar's real import+search.

    .venv/bin/python bench/accuracy.py DATA_DIR [--out bench/out/accuracy] [--limit N]
        [--model PACK_DIR_OR_ID ...] [--model-conditions clean,pm-hard,held-out]
        [--model-ablations] [--cache DIR | --no-cache]

DATA_DIR holds one folder per identity (e.g. ../shared/data/faces-dev). Writes
report.md, report.json and PNG plots (CMC per condition, ROC) to --out.

Each `--model` (a model pack's folder or an installed pack's id) adds rows, in the same
run and on the same staged photos, for the conditions of `--model-conditions` (default:
all of --conditions), its variant named `model:<pack name>`; with `--model-ablations`,
also rows of each pack with its earlier embedding of flat (degraded) faces.

The faces and vectors each pipeline finds in each photo are kept (cache/ beside --out)
and reused by a later run of the same code on the same pixels: only a change of the
detector or the descriptor code, a model or a library makes them be computed again
(bench/analysis_cache.py). `--no-cache` times a first run.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from analysis_cache import add_arguments as add_cache_arguments  # noqa: E402
from analysis_cache import cached, entries  # noqa: E402
from analysis_cache import chosen as chosen_cache  # noqa: E402
from common import (  # noqa: E402
    Identity,
    identities,
    model_factory,
    new_workspace,
    open_workspace,
    stage,
)
from conditions import CONDITIONS, HELD_OUT, Condition  # noqa: E402

from athar.casework.accounts.users import login  # noqa: E402
from athar.casework.domain.entities import Body, MissingPerson, Side  # noqa: E402
from athar.casework.domain.permissions import Actor  # noqa: E402
from athar.casework.domain.ports import PipelineFactory  # noqa: E402
from athar.casework.intake.ingest import ImportPhotos, ImportService  # noqa: E402
from athar.casework.matching.search import RunSearch, SearchService  # noqa: E402
from athar.casework.storage.workspace import Workspace  # noqa: E402
from athar.models.dlib_backend import DlibPipelineFactory  # noqa: E402
from athar.models.onnx_backend import OnnxPipelineFactory  # noqa: E402

RANKS = (1, 5, 10, 20)
BASELINE = DlibPipelineFactory(use_cnn=False, rotation_search=False, equalize=False)
"""What straightforward dlib code does: upright HOG only (largest face, best pair)."""
NO_DENOISE = DlibPipelineFactory(denoise_search=False)
NO_RESTORE = DlibPipelineFactory(denoise_search=False, restore_degraded=False)
ABLATIONS = (
    ("pm-hard", "before: no denoised views", NO_DENOISE),
    ("pm-colour", "before: no denoised views", NO_DENOISE),
    ("occlusion", "before: no denoised views", NO_DENOISE),
    ("pm-hard", "before: no chip restoration", NO_RESTORE),
    ("pm-colour", "before: no chip restoration", NO_RESTORE),
    ("occlusion", "before: no chip restoration", NO_RESTORE),
    ("pm-hard", "before: no weak views, no enhanced alignment",
     DlibPipelineFactory(weak_views=False, degraded_tta=False, denoise_search=False)),
    ("pm-hard", "before: quarter turns only",
     DlibPipelineFactory(tilt_search=False, weak_views=False, degraded_tta=False,
                         denoise_search=False)),
    ("clean", "before: descriptor on dlib", DlibPipelineFactory(onnx_descriptor=False)),
    ("pm-hard", "before: descriptor on dlib", DlibPipelineFactory(onnx_descriptor=False)),
    ("pm-hard", "before: no wide tilts, no 4x upsampling",
     DlibPipelineFactory(wide_search=False, upsample_search=False)),
    ("held-out", "before: no wide tilts, no 4x upsampling",
     DlibPipelineFactory(wide_search=False, upsample_search=False)),
    ("held-out", "tried: degraded by a flat chip, not the pass",
     DlibPipelineFactory(flat_chips=True)),
    ("clean", "flip-tta on every face", DlibPipelineFactory(flip_tta=True)),
    ("pm-hard", "flip-tta on every face", DlibPipelineFactory(flip_tta=True)),
)
"""Earlier pipelines and rejected options, re-measured on the same data (`--ablations`)."""
PACK_ABLATIONS: tuple[tuple[str, dict[str, object]], ...] = (
    ("before: no flat-face handling", {"degraded_tta": False, "restore_degraded": False}),
    ("flat faces mirrored, not restored", {"restore_degraded": False}),
    ("faces from score 0.4", {"min_score": 0.4}),
    ("faces from score 0.3", {"min_score": 0.3}),
)
"""Each `--model` pack's earlier or alternative embedding of degraded (flat) faces, and
lower detector thresholds than MIN_SCORE, on the same photos (`--model-ablations`, or
only the rows whose name contains WORDS)."""


@dataclass
class Row:
    """One condition's closed-set result."""

    condition: str
    variant: str
    persons: int
    cmc: dict[int, float]
    pm_photos: int
    pm_no_face: int
    bodies_without_face: int
    seconds: float
    curve: list[float] = field(default_factory=list)
    cmc_mean3: dict[int, float] = field(default_factory=dict)
    """The same lists re-ranked by the mean of each Body's best three pairs."""
    cmc_best: dict[int, float] = field(default_factory=dict)
    """The same lists re-ranked by the best pair alone (Athar's ranking before mean faces)."""
    mean_cmc10: float = 0.0
    """Mean hit rate over ranks 1 to 10: steadier than one rank at 60 persons."""
    mean_cmc10_best: float = 0.0
    cmc_mean_faces: dict[int, float] = field(default_factory=dict)
    """The same lists re-ranked by the rule before the pooled score: the mean of the best
    pair's and the mean faces' cosines."""
    mean_cmc10_mean_faces: float = 0.0
    no_face_files: list[str] = field(default_factory=list)
    """The PM photos (owner/stem) where no face was found."""
    lost_faces: float | None = None
    """Share of the PM photos with a face found on the clean photo where none is found on
    the degraded one (None without a clean row)."""
    search_seconds: float = 0.0
    """Of `seconds`, the search of every person (all Bodies ranked, stored as Candidates)."""


class AmTemplates:
    """The families' photos are the same clean images in every run of one model variant:
    they are analysed once per variant, into a template workspace that each run copies."""

    def __init__(self, work: Path) -> None:
        self.work = work
        self._made: dict[str, Path] = {}

    def workspace(self, dest: Path, am: dict[str, list[Path]],
                  factory: PipelineFactory | None) -> tuple[Workspace, Actor]:
        key = repr(factory)
        if key not in self._made:
            root = self.work / f"am-template-{len(self._made)}"
            ws, actor = new_workspace(root / "ws", factory)
            ImportService(ws).run(ImportPhotos(stage(root / "am", am), Side.AM, "folder",
                                               None, 2), actor)
            ws.close()
            self._made[key] = root / "ws"
        shutil.copytree(self._made[key], dest)
        ws = open_workspace(dest, factory)
        return ws, login(ws, "bench", "bench-password")


@dataclass
class Lists:
    """What one closed-set run leaves for the open-set and verification figures."""

    vectors: tuple[np.ndarray, list[str]]
    """Every searchable face's vector and its owner's label (PM and AM)."""
    candidates: dict[str, list[tuple[str, float]]]
    """Each person's full candidate list from the real search: (Body label, score)."""


def _run_pipeline(work: Path, pm: dict[str, list[Path]], am: dict[str, list[Path]],
                  condition: Condition | None, factory: PipelineFactory | None,
                  top: int, templates: AmTemplates
                  ) -> tuple[tuple[list[int | None], ...], int, list[str], int, Lists,
                             float]:
    pm_dir = stage(work / "pm", pm, condition)
    ws, actor = templates.workspace(work / "ws", am, factory)
    try:
        service = ImportService(ws)
        pm_report = service.run(ImportPhotos(pm_dir, Side.PM, "folder", "bench", 2), actor)
        searched = time.monotonic()
        results = SearchService(ws).run(RunSearch(all_persons=True, top=top), actor)
        searched = time.monotonic() - searched
        ranks = [next((m.rank for m in r.matches if m.label == r.query_label), None)
                 for r in results]
        mean3, best, means = (
            [next((k for k, m in enumerate(sorted(r.matches, key=key), 1)
                   if m.label == r.query_label), None) for r in results]
            for key in (lambda m: -m.score_mean3, lambda m: -m.best,
                        lambda m: -(m.best + m.mean_faces) / 2))
        with ws.uow() as uow:
            face_bodies = set(uow.faces.owners_of(Side.PM, uow.faces.subject_vectors(
                ws.model.model_id, Side.PM, ws.model.dim)[0]).values())
            n_bodies = uow.owners.counts()["bodies"]
        lists = Lists(_labelled_vectors(ws), {
            r.query_label: [(m.label, m.score) for m in r.matches] for r in results})
    finally:
        ws.close()
    pad = [None] * (len(am) - len(ranks))
    no_face = sorted(f"{Path(p).parent.name}/{Path(p).stem}" for p in pm_report.no_face)
    return ((ranks + pad, mean3 + pad, best + pad, means + pad), pm_report.new_photos,
            no_face, n_bodies - len(face_bodies), lists, round(searched, 1))


def _labelled_vectors(ws: object) -> tuple[np.ndarray, list[str]]:
    from athar.casework.storage.workspace import Workspace

    assert isinstance(ws, Workspace)
    vecs, labels = [], []
    with ws.uow() as uow:
        for side, kind in ((Side.PM, Body), (Side.AM, MissingPerson)):
            ids, v = uow.faces.subject_vectors(ws.model.model_id, side, ws.model.dim)
            owners = uow.faces.owners_of(side, ids)
            names = uow.owners.labels(kind, set(owners.values()))
            vecs.append(v)
            labels += [names[owners[i]] for i in ids]
    return np.concatenate(vecs), labels


def closed_set(ids: list[Identity], name: str, condition: Condition | None, work: Path,
               templates: AmTemplates, variant: str = "athar",
               factory: PipelineFactory | None = None, cache: Path | None = None
               ) -> tuple[Row, Lists]:
    """AM = first photo of each identity, PM (degraded) = the rest; with `cache`, the
    pipeline's faces and vectors are reused from earlier runs (bench/analysis_cache.py)."""
    started = time.monotonic()
    if cache is not None:
        factory = cached(factory or DlibPipelineFactory(), cache)
    pm = {i.name: list(i.photos[1:]) for i in ids}
    am = {i.name: [i.photos[0]] for i in ids}
    (ranks, mean3, best, means), pm_photos, no_face, faceless, lists, search_s = _run_pipeline(
        work, pm, am, condition, factory, len(ids), templates)
    n = len(ranks)

    def share(rs: list[int | None], k: int) -> float:
        return sum(1 for r in rs if r is not None and r <= k) / n

    curve = [share(ranks, k) for k in range(1, n + 1)]
    mean10 = float(np.mean(curve[:10]))
    mean10_best = float(np.mean([share(best, k) for k in range(1, min(n, 10) + 1)]))
    mean10_means = float(np.mean([share(means, k) for k in range(1, min(n, 10) + 1)]))
    return Row(name, variant, n, {k: share(ranks, k) for k in RANKS}, pm_photos,
               len(no_face), faceless, round(time.monotonic() - started, 1), curve,
               {k: share(mean3, k) for k in RANKS}, {k: share(best, k) for k in RANKS},
               round(mean10, 4), round(mean10_best, 4),
               cmc_mean_faces={k: share(means, k) for k in RANKS},
               mean_cmc10_mean_faces=round(mean10_means, 4), no_face_files=no_face,
               search_seconds=search_s), lists


def mark_lost_faces(rows: list[Row]) -> None:
    """Fill each row's `lost_faces` against the clean row of the same variant."""
    clean = {r.variant: r for r in rows if r.condition == "clean"}
    for row in rows:
        ref = (clean.get(row.variant) or clean.get(row.variant.split(" ")[0])
               or clean.get("athar"))
        if ref is None or row is ref:
            continue
        with_face = ref.pm_photos - ref.pm_no_face
        lost = set(row.no_face_files) - set(ref.no_face_files)
        row.lost_faces = round(len(lost) / with_face, 4) if with_face else None


def _with_body(ids: list[Identity]) -> set[str]:
    """The open set's persons who have a Body: those at even positions."""
    return {i.name for k, i in enumerate(ids) if k % 2 == 0}


def first_candidates(ids: list[Identity], lists: Lists
                     ) -> dict[str, tuple[str, float] | None]:
    """Each person's first candidate in a collection holding only the Bodies of the
    identities at even positions (None: no candidate).

    Taken from a closed-set run's full candidate lists by leaving the other Bodies out: a
    Body's score (from its best photo pair and its mean face) does not depend on which
    other Bodies are in the collection, and the search is exact at this size, so this is
    the list a search of that smaller collection gives (tested against one)."""
    with_body = _with_body(ids)
    return {person: next(((label, score) for label, score in candidates
                          if label in with_body), None)
            for person, candidates in lists.candidates.items()}


def open_set(ids: list[Identity], lists: Lists) -> dict[str, object]:
    """Half the identities (odd positions) have no Body: FNIR at fixed FPIR, rank 1."""
    with_body = _with_body(ids)
    top = first_candidates(ids, lists)
    mated = [(hit[0] == person, hit[1]) if hit else (False, -1.0)
             for person, hit in top.items() if person in with_body]
    nonmated = np.array([hit[1] for person, hit in top.items()
                         if person not in with_body and hit])
    out: dict[str, object] = {"mated": len(mated), "non_mated": int(nonmated.size)}
    for target in (0.01, 0.1):
        candidates = np.unique(np.concatenate([nonmated, [np.inf]]))
        threshold = float(min(t for t in candidates if np.mean(nonmated >= t) <= target))
        threshold = threshold if np.isfinite(threshold) else float(nonmated.max() + 1e-6)
        fnir = float(np.mean([not (hit and s >= threshold) for hit, s in mated]))
        out[f"fpir_{target}"] = {"threshold": round(threshold, 4), "fnir": round(fnir, 4),
                                 "fpir": round(float(np.mean(nonmated >= threshold)), 4)}
    return out


def verification(vectors: tuple[np.ndarray, list[str]]) -> dict[str, object]:
    """All same/different pairs of searchable faces: TAR at FAR 1e-2 and 1e-3, ROC (on the
    clean photos, or on the first condition run when clean is not among them)."""
    vecs, labels = vectors
    sims = vecs @ vecs.T
    iu = np.triu_indices(len(labels), k=1)
    lab = np.array(labels)
    same = lab[iu[0]] == lab[iu[1]]
    genuine, impostor = sims[iu][same], np.sort(sims[iu][~same])[::-1]
    out: dict[str, object] = {"genuine_pairs": int(genuine.size),
                              "impostor_pairs": int(impostor.size)}
    roc = []
    for far in np.logspace(-4, 0, 40):
        k = max(int(far * impostor.size), 1) - 1
        roc.append((float(far), float(np.mean(genuine >= impostor[k]))))
    for far in (1e-2, 1e-3):
        k = max(int(far * impostor.size), 1) - 1
        out[f"tar_at_far_{far:g}"] = round(float(np.mean(genuine > impostor[k])), 4)
        out[f"threshold_at_far_{far:g}"] = round(float(impostor[k]), 4)
    out["roc"] = roc
    return out


def _plots(rows: list[Row], ver: dict[str, object], out: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(8, 5))
    for row in rows:
        style = "--" if row.variant != "athar" else "-"
        ax.plot(range(1, len(row.curve) + 1), row.curve, style,
                label=f"{row.condition} ({row.variant})")
    ax.set_xlabel("rank")
    ax.set_ylabel("share of persons whose true Body is within rank")
    ax.set_xlim(1, 20)
    ax.set_ylim(0, 1.01)
    ax.grid(alpha=0.3)
    ax.legend(fontsize=7, ncol=2)
    ax.set_title("CMC: closed-set identification (PM side degraded)")
    fig.tight_layout()
    fig.savefig(out / "cmc.png", dpi=110)
    fig, ax = plt.subplots(figsize=(6, 5))
    roc = np.array(ver["roc"])  # type: ignore[arg-type]
    ax.semilogx(roc[:, 0], roc[:, 1])
    ax.set_xlabel("false accept rate (impostor pairs above threshold)")
    ax.set_ylabel("true accept rate")
    ax.grid(alpha=0.3, which="both")
    ax.set_title(f"ROC: verification, all pairs ({ver['condition']})")
    fig.tight_layout()
    fig.savefig(out / "roc.png", dpi=110)
    plt.close("all")


def _markdown(rows: list[Row], ver: dict[str, object], openset: dict[str, object],
              data: Path, elapsed: float) -> str:
    lines = [
        "# Athar accuracy benchmark", "",
        f"Data: `{data}` ({rows[0].persons} persons). Model: dlib ResNet (128-d), except "
        "the variants `model:<pack>` (that pack's detector and recogniser). "
        f"Run time {elapsed:.0f} s on this machine.", "",
        "## Closed-set identification (CMC), post-mortem conditions on the PM side", "",
        "| condition | variant | rank 1 | rank 5 | rank 10 | rank 20 | mean CMC 1-10 "
        "| best pair: rank 1 | rank 10 | mean CMC 1-10 | best three: rank 1 | rank 10 "
        "| rule before (mean faces): rank 1 | rank 10 | mean CMC 1-10 "
        "| PM photos | PM no face | face lost vs clean | Bodies with no face | s "
        "| of which search s |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(f"| {r.condition} | {r.variant} | " + " | ".join(
            f"{r.cmc[k]:.1%}" for k in RANKS) + f" | {r.mean_cmc10:.3f}"
            f" | {r.cmc_best[1]:.1%} | {r.cmc_best[10]:.1%} | {r.mean_cmc10_best:.3f}"
            f" | {r.cmc_mean3[1]:.1%} | {r.cmc_mean3[10]:.1%}"
            f" | {r.cmc_mean_faces[1]:.1%} | {r.cmc_mean_faces[10]:.1%}"
            f" | {r.mean_cmc10_mean_faces:.3f}"
            f" | {r.pm_photos} | {r.pm_no_face} | "
            f"{'—' if r.lost_faces is None else f'{r.lost_faces:.1%}'}"
            f" | {r.bodies_without_face} | {r.seconds} | {r.search_seconds} |")
    lines += ["", "Ranks are Athar's: by the mean of the best photo pair's cosine and the "
              "pooled faces' score of all photos of both sides (casework/matching/search.py "
              "AGGREGATION). *Best pair* re-ranks the same lists by the best pair alone "
              "(Athar's ranking before mean faces), *best three* by the mean of each Body's "
              "best three pairs, *rule before* by the mean of the best pair's and the mean "
              "faces' cosines (Athar's ranking before the pooled score). "
              "Variant `baseline`: upright HOG only, as straightforward dlib code. "
              "`before: ...` rows (`--ablations`) re-run earlier Athar pipelines on the same "
              "photos; `pm-colour` is a second combined setting nothing was tuned on "
              "(`--conditions pm-colour`); `flip-tta on every face` embeds every face as the "
              "mean of itself and its mirror image (Athar does this only for faces found on "
              "the contrast-enhanced picture, from a restored chip)."]
    lines += ["", f"## Open-set (half the persons have no Body; rank 1, {openset['condition']})",
              "",
              "| target FPIR | threshold | achieved FPIR | FNIR |", "|---|---|---|---|"]
    for target in (0.01, 0.1):
        v = openset[f"fpir_{target}"]
        assert isinstance(v, dict)
        lines.append(f"| {target} | {v['threshold']} | {v['fpir']} | {v['fnir']} |")
    lines += ["", f"{openset['mated']} mated and {openset['non_mated']} non-mated searches; "
              "with so few non-mated searches FPIR 0.01 is resolved only to "
              f"1/{openset['non_mated']}.", "",
              f"## Verification (all pairs of searchable faces, {ver['condition']})", "",
              f"TAR at FAR 1e-2: {ver['tar_at_far_0.01']:.1%} (cosine >= "
              f"{ver['threshold_at_far_0.01']}); TAR at FAR 1e-3: "
              f"{ver['tar_at_far_0.001']:.1%} (cosine >= {ver['threshold_at_far_0.001']}); "
              f"{ver['genuine_pairs']} genuine and {ver['impostor_pairs']} impostor pairs.",
              "", "Plots: `cmc.png`, `roc.png`."]
    return "\n".join(lines) + "\n"


def _reuse_line(reuse: dict[str, object] | None) -> str:
    if reuse is None:
        return "\nEvery photo was detected and embedded in this run (--no-cache).\n"
    before, after = reuse["kept_before"], reuse["kept_after"]
    return (f"\nFaces and vectors kept in {reuse['folder']}: {before} answers before this "
            f"run, {after} after (a run that reused everything adds none; "
            "bench/analysis_cache.py).\n")


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("data", type=Path)
    p.add_argument("--out", type=Path, default=Path("bench/out/accuracy"))
    p.add_argument("--conditions", default=",".join(CONDITIONS))
    p.add_argument("--baseline", default="pm-hard",
                   help="conditions also run with the straightforward-dlib baseline")
    p.add_argument("--ablations", nargs="?", const="", default=None, metavar="WORDS",
                   help="also the earlier pipelines on pm-hard, pm-colour and occlusion "
                        "(before rows) and flip averaging of every face (+20 min); with "
                        "WORDS, only the rows whose variant contains them (alternatives "
                        "separated by |)")
    p.add_argument("--limit", type=int, help="only the first N identities (smoke runs)")
    p.add_argument("--model", action="append", default=[], metavar="PACK",
                   help="also rank with this model pack (folder or installed id)")
    p.add_argument("--model-conditions", metavar="NAMES",
                   help="the conditions run with each --model (default: --conditions)")
    p.add_argument("--model-ablations", nargs="?", const="", default=None,
                   metavar="WORDS",
                   help="also each --model pack with its earlier embedding of flat faces "
                        "(none; mirrored only) on --model-conditions except clean, and "
                        "lower score thresholds on all of them; with WORDS, only the rows "
                        "whose name contains them (alternatives separated by |)")
    p.add_argument("--model-variants-only", action="store_true",
                   help="run only the --model-ablations rows of each pack, not its own")
    p.add_argument("--device", default="auto", choices=["auto", "cpu", "cuda"])
    add_cache_arguments(p)
    args = p.parse_args(argv)
    cache = chosen_cache(args)
    conditions = [c for c in args.conditions.split(",") if c]
    baseline = [c for c in args.baseline.split(",") if c]
    known = CONDITIONS | HELD_OUT
    unknown = sorted(set(conditions + baseline) - set(known))
    if unknown or not (conditions or args.model):
        p.error(f"unknown condition(s) {', '.join(unknown)}; known: {', '.join(known)}"
                if unknown else "--conditions names no condition: nothing to measure")
    ids = identities(args.data)[: args.limit]
    args.out.mkdir(parents=True, exist_ok=True)
    kept = entries(cache) if cache is not None else 0
    started = time.monotonic()
    rows: list[Row] = []
    lists: dict[str, Lists] = {}
    with tempfile.TemporaryDirectory(prefix="athar-acc-") as tmp:
        templates = AmTemplates(Path(tmp))
        for k, name in enumerate(conditions):
            row, lists[name] = closed_set(ids, name, known[name], Path(tmp) / f"c{k}",
                                          templates, cache=cache)
            rows.append(row)
            print(f"{name}: {row.cmc}", file=sys.stderr)
        for k, name in enumerate(baseline):
            row, _ = closed_set(ids, name, known[name], Path(tmp) / f"b{k}",
                                templates, "baseline", BASELINE, cache)
            rows.append(row)
            print(f"{name} baseline: {row.cmc}", file=sys.stderr)
        model_conditions = [c for c in (args.model_conditions or args.conditions).split(",")
                            if c in known]
        for j, model in enumerate(args.model):
            factory = model_factory(model, args.device)
            name = factory.model_info().model_id.partition("@")[0] if factory else "default"
            own = [] if args.model_variants_only else [(f"model:{name}", factory)]
            variants = own + [
                (f"model:{name} {label}", replace(factory, **changes))
                for label, changes in PACK_ABLATIONS
                if args.model_ablations is not None and isinstance(factory, OnnxPipelineFactory)
                and any(w in label for w in args.model_ablations.split("|"))]
            for v, (variant, made) in enumerate(variants):
                for k, cond in enumerate(model_conditions):
                    if "flat" in variant and cond == "clean":  # no clean face is flat
                        continue
                    row, found = closed_set(ids, cond, known[cond],
                                            Path(tmp) / f"m{j}-{v}-{k}", templates, variant,
                                            made, cache)
                    lists.setdefault(f"{cond} {variant}", found)
                    rows.append(row)
                    print(f"{cond} {variant}: {row.cmc}", file=sys.stderr)
        wanted = [] if args.ablations is None else args.ablations.split("|")
        ablations = [a for a in ABLATIONS if any(w in a[1] for w in wanted)]
        for k, (name, variant, factory) in enumerate(ablations):
            row, _ = closed_set(ids, name, known[name], Path(tmp) / f"v{k}", templates,
                                variant, factory, cache)
            rows.append(row)
            print(f"{name} {variant}: {row.cmc}", file=sys.stderr)
    mark_lost_faces(rows)
    reference = "clean" if "clean" in lists else next(iter(lists))
    openset = open_set(ids, lists[reference])
    openset["condition"] = reference
    ver = verification(lists[reference].vectors)
    ver["condition"] = reference
    elapsed = time.monotonic() - started
    reuse = ({"folder": str(cache), "kept_before": kept, "kept_after": entries(cache)}
             if cache is not None else None)
    report = {"data": str(args.data), "persons": len(ids), "elapsed_s": round(elapsed, 1),
              "cache": reuse,
              "closed_set": [asdict(r) for r in rows], "open_set": openset,
              "verification": {k: v for k, v in ver.items() if k != "roc"}, "roc": ver["roc"]}
    (args.out / "report.json").write_text(json.dumps(report, indent=1))
    (args.out / "report.md").write_text(
        _markdown(rows, ver, openset, args.data, elapsed) + _reuse_line(reuse))
    _plots(rows, ver, args.out)
    print((args.out / "report.md").read_text())
    return 0


if __name__ == "__main__":
    sys.exit(main())
