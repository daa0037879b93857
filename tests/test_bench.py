"""The benchmark scripts run end to end on a tiny input (the real runs are in bench/)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def _tiny(faces_dev: Path, dest: Path, count: int) -> Path:
    for folder in sorted(p for p in faces_dev.iterdir() if p.is_dir())[:count]:
        shutil.copytree(folder, dest / folder.name)
    return dest


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *args], cwd=REPO, capture_output=True, text=True,
                          timeout=280, check=False)


@pytest.mark.slow
def test_accuracy_bench_runs(tmp_path: Path, faces_dev: Path) -> None:
    data = _tiny(faces_dev, tmp_path / "data", 3)
    out = tmp_path / "out"
    done = _run("bench/accuracy.py", str(data), "--out", str(out), "--conditions",
                "clean,rot90", "--baseline", "rot90", "--ablations",
                "flip-tta|descriptor on dlib|quarter turns|no weak views")
    assert done.returncode == 0, done.stderr
    report = json.loads((out / "report.json").read_text())
    rows = {(r["condition"], r["variant"]): r for r in report["closed_set"]}
    assert rows[("clean", "athar")]["cmc"]["1"] == 1.0
    assert rows[("rot90", "athar")]["cmc"]["1"] == 1.0
    assert rows[("rot90", "baseline")]["pm_no_face"] > 0
    assert rows[("clean", "flip-tta on every face")]["cmc"]["1"] == 1.0
    assert rows[("clean", "before: descriptor on dlib")]["cmc"]["1"] == 1.0
    # the same lists re-ranked by the best pair alone, and the mean over ranks 1-10
    assert rows[("clean", "athar")]["cmc_best"]["1"] == 1.0
    assert rows[("clean", "athar")]["mean_cmc10"] == 1.0
    assert ("pm-hard", "before: quarter turns only") in rows
    assert ("pm-hard", "before: no weak views, no enhanced alignment") in rows
    assert ("pm-hard", "before: no chip restoration") not in rows  # not asked for
    assert (out / "cmc.png").stat().st_size > 1000
    assert (out / "roc.png").stat().st_size > 1000
    assert "| rot90 | baseline |" in (out / "report.md").read_text()


@pytest.mark.slow
def test_accuracy_bench_without_clean_row(tmp_path: Path, faces_dev: Path) -> None:
    data = _tiny(faces_dev, tmp_path / "data", 2)
    out = tmp_path / "out"
    done = _run("bench/accuracy.py", str(data), "--out", str(out), "--conditions", "rot90",
                "--baseline", "", "--ablations", "no chip restoration")
    assert done.returncode == 0, done.stderr
    report = json.loads((out / "report.json").read_text())
    assert report["verification"]["condition"] == "rot90"
    variants = {(r["condition"], r["variant"]) for r in report["closed_set"]}
    assert variants == {("rot90", "athar"), ("pm-hard", "before: no chip restoration"),
                        ("pm-colour", "before: no chip restoration"),
                        ("occlusion", "before: no chip restoration")}
    assert "all pairs of searchable faces, rot90" in (out / "report.md").read_text()
    wrong = _run("bench/accuracy.py", str(data), "--out", str(out), "--conditions", "rot91")
    assert wrong.returncode == 2
    assert "unknown condition(s) rot91" in wrong.stderr


@pytest.mark.slow
def test_accuracy_bench_reuses_faces_and_vectors_and_reports_the_same(
        tmp_path: Path, faces_dev: Path) -> None:
    """A second run of the same code reads every photo's faces and vectors from the cache
    and reports what the first did; --no-cache computes them all again, the same."""
    data = _tiny(faces_dev, tmp_path / "data", 3)
    args = ("--conditions", "clean,pm-hard", "--baseline", "pm-hard")
    reports = []
    for run in ("first", "again", "uncached"):
        out = tmp_path / run
        extra = ("--no-cache",) if run == "uncached" else ("--cache", str(tmp_path / "cache"))
        done = _run("bench/accuracy.py", str(data), "--out", str(out), *args, *extra)
        assert done.returncode == 0, done.stderr
        reports.append(json.loads((out / "report.json").read_text()))
    first, again, uncached = reports
    assert first["cache"]["kept_before"] == 0
    assert first["cache"]["kept_after"] > 0
    assert again["cache"]["kept_before"] == again["cache"]["kept_after"] == (
        first["cache"]["kept_after"])  # nothing was computed again
    assert uncached["cache"] is None

    def figures(report: dict[str, object]) -> object:
        rows = report["closed_set"]
        assert isinstance(rows, list)
        return ([{k: v for k, v in r.items() if "seconds" not in k} for r in rows],
                report["open_set"], report["verification"], report["roc"])

    assert figures(first) == figures(again) == figures(uncached)
    assert "answers before this run" in (tmp_path / "again" / "report.md").read_text()


def test_cached_pipeline_gives_the_pipeline_s_answers_and_reloads_nothing(
        tmp_path: Path, faces_dev: Path) -> None:
    sys.path.insert(0, str(REPO / "bench"))
    import analysis_cache
    import numpy as np
    from PIL import Image

    from athar.models.dlib_backend import DlibPipelineFactory

    photos = [next(p for p in sorted(f.iterdir()) if p.suffix == ".jpg")
              for f in sorted(p for p in faces_dev.iterdir() if p.is_dir())[:2]]
    images = [np.asarray(Image.open(p).convert("RGB")) for p in photos]
    images.append(np.ascontiguousarray(np.rot90(images[0])))  # found in a turned view
    plain = DlibPipelineFactory()
    direct = plain()
    expected = [(direct.detect(img), img) for img in images]
    want = direct.embed_many([(img, faces) for faces, img in expected])

    factory = analysis_cache.cached(plain, tmp_path / "cache")
    for run in ("fills the cache", "reads it"):
        pipeline = factory()
        assert [pipeline.detect(img) for img in images] == [f for f, _ in expected], run
        got = pipeline.embed_many([(img, faces) for faces, img in expected])
        for a, b in zip(got, want, strict=True):
            np.testing.assert_array_equal(a, b)
        assert pipeline.loaded is (run == "fills the cache")
    assert expected[2][0][0].rotation != 0

    other = analysis_cache.cached(DlibPipelineFactory(flip_tta=True), tmp_path / "cache")
    assert other.folder != factory.folder  # another option, another cache
    mirrored = other()
    assert not np.allclose(mirrored.embed(images[0], expected[0][0]), want[0])
    assert mirrored.loaded


def test_a_change_of_the_pipeline_s_code_changes_the_cache_s_fingerprint(
        tmp_path: Path) -> None:
    sys.path.insert(0, str(REPO / "bench"))
    import analysis_cache

    from athar.models.dlib_backend import DlibPipelineFactory

    root = tmp_path / "athar"
    for sub in analysis_cache.SOURCES:
        shutil.copytree(REPO / sub, root / sub, ignore=shutil.ignore_patterns("__pycache__"))
    factory = DlibPipelineFactory()
    before = analysis_cache.fingerprint(factory, root)
    assert analysis_cache.fingerprint(factory, root) == before
    assert analysis_cache.fingerprint(factory) == before  # the copy is the same code
    backend = root / "models" / "dlib_backend.py"
    backend.write_text(backend.read_text().replace("WEAK_SCORE", "WEAK_SCORE ", 1))
    assert analysis_cache.fingerprint(factory, root) != before
    from dataclasses import replace

    assert analysis_cache.fingerprint(replace(factory, use_cnn=False)) != before


def test_accuracy_bench_runs_a_pack_and_its_variants_alone(
        tmp_path: Path, faces_dev: Path, test_packs: dict[str, Path]) -> None:
    data = _tiny(faces_dev, tmp_path / "data", 2)
    out = tmp_path / "out"
    done = _run("bench/accuracy.py", str(data), "--out", str(out), "--conditions", "",
                "--baseline", "", "--model", str(test_packs["insightface"]),
                "--model-conditions", "clean,pm-hard",
                "--model-ablations", "not restored|score 0.4")
    assert done.returncode == 0, done.stderr
    report = json.loads((out / "report.json").read_text())
    variants = {(r["condition"], r["variant"]) for r in report["closed_set"]}
    pack = "model:test-insightface"
    assert variants == {("clean", pack), ("pm-hard", pack),
                        ("pm-hard", f"{pack} flat faces mirrored, not restored"),
                        ("clean", f"{pack} faces from score 0.4"),  # may add clean faces
                        ("pm-hard", f"{pack} faces from score 0.4")}
    assert report["verification"]["condition"] == f"clean {pack}"
    lost = {r["variant"]: r["lost_faces"] for r in report["closed_set"]
            if r["condition"] == "pm-hard"}
    assert all(v is not None for v in lost.values())  # against the pack's clean row


@pytest.mark.slow
def test_open_set_lists_equal_a_search_without_those_bodies(tmp_path: Path,
                                                            faces_dev: Path) -> None:
    """The open-set figures come from the clean run's full lists with half the Bodies left
    out; they must equal what the real search gives on a collection without them."""
    sys.path.insert(0, str(REPO / "bench"))
    import accuracy
    import common

    from athar.casework.domain.entities import Side
    from athar.casework.intake.ingest import ImportPhotos, ImportService
    from athar.casework.matching.search import RunSearch, SearchService

    ids = common.identities(_tiny(faces_dev, tmp_path / "data", 5))
    templates = accuracy.AmTemplates(tmp_path / "templates")
    _, lists = accuracy.closed_set(ids, "clean", None, tmp_path / "closed", templates)
    derived = accuracy.first_candidates(ids, lists)

    pm = {i.name: list(i.photos[1:]) for k, i in enumerate(ids) if k % 2 == 0}
    ws, actor = templates.workspace(tmp_path / "open",
                                    {i.name: [i.photos[0]] for i in ids}, None)
    try:
        ImportService(ws).run(ImportPhotos(common.stage(tmp_path / "pm", pm), Side.PM,
                                           "folder", "b", 2), actor)
        results = SearchService(ws).run(RunSearch(all_persons=True, top=1), actor)
    finally:
        ws.close()
    searched = {r.query_label: (r.matches[0].label, r.matches[0].score) for r in results}
    assert set(derived) == set(searched) == {i.name for i in ids}
    for person, (label, score) in searched.items():
        hit = derived[person]
        assert hit is not None
        assert hit[0] == label
        assert hit[1] == pytest.approx(score, abs=1e-6)
    assert len({label for label, _ in searched.values()}) >= 2


@pytest.mark.slow
def test_ingest_bench_runs(tmp_path: Path, faces_dev: Path,
                           test_packs: dict[str, Path]) -> None:
    pytest.importorskip("face_recognition", reason="peer library: pip install --no-deps "
                        "face-recognition-ng (as packaging/setup.sh does)")
    data = _tiny(faces_dev, tmp_path / "data", 2)
    out = tmp_path / "out"
    done = _run("bench/ingest.py", str(data), "--rounds", "1", "--out", str(out),
                "--model", str(test_packs["insightface"]))
    assert done.returncode == 0, done.stderr
    report = json.loads((out / "report.json").read_text())
    assert report["embeddings"]["min_cosine"] >= 0.999
    assert report["embeddings"]["unmatched_peer_faces"] == 0
    assert report["ratio"] > 0
    [pack] = report["packs"]
    assert pack["device"] == "CPU"
    assert pack["faces"] > 0
    assert pack["peer_faces_missed"] == 0


def test_gpu_bench_runs_on_the_cpu(tmp_path: Path, faces_dev: Path,
                                   test_packs: dict[str, Path]) -> None:
    # What bench/gpu.sh runs, without the CUDA run (no GPU here): CPU twice, compared.
    data = _tiny(faces_dev, tmp_path / "data", 2)
    out = tmp_path / "out"
    done = _run("bench/gpu.py", str(data), "--pack", str(test_packs["insightface"]),
                "--devices", "cpu", "--workers", "1", "--out", str(out))
    assert done.returncode == 0, done.stderr
    report = json.loads((out / "report.json").read_text())
    assert set(report["runs"]) == {"default model, cpu", "pack, cpu", "pack re-embed, cpu"}
    assert report["runs"]["pack, cpu"]["faces"] > 0
    assert report["runs"]["pack, cpu"]["device"] == "CPU"
    # the pack's vectors added to every face the default model's import found
    assert (report["runs"]["pack re-embed, cpu"]["faces"]
            == report["runs"]["default model, cpu"]["faces"] > 0)
    assert "cpu_vs_cuda" not in report
    import importlib.util

    import numpy as np

    spec = importlib.util.spec_from_file_location("bench_gpu", REPO / "bench" / "gpu.py")
    assert spec is not None
    assert spec.loader is not None
    gpu = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gpu)
    vec, other = np.ones(4, np.float32) / 2, np.array([1, 0, 0, 0], np.float32)
    same = gpu.agreement({"a": [(1.0, 2.0, vec)]}, {"a": [(2.0, 3.0, vec)]})
    assert same["min_cosine"] == 1.0
    assert same["only_in_one"] == 0
    moved = gpu.agreement({"a": [(1.0, 2.0, vec)]}, {"a": [(40.0, 3.0, other)]})
    assert moved["faces_compared"] == 0
    assert moved["only_in_one"] == 2


def test_pack_orientation_bench_runs(tmp_path: Path, faces_dev: Path,
                                     test_packs: dict[str, Path]) -> None:
    out = tmp_path / "out"
    done = _run("bench/pack_orientation.py", str(faces_dev), "--pack",
                str(test_packs["insightface"]), "--photos", "3", "--strong", "0.7",
                "--out", str(out))
    assert done.returncode == 0, done.stderr
    [row] = json.loads((out / "report.json").read_text())
    assert row["turns"] == 9
    assert row["right"] == 1.0


def test_pack_threshold_bench_counts_the_faces_a_lower_threshold_adds(
        tmp_path: Path, faces_dev: Path, test_packs: dict[str, Path]) -> None:
    # The first photo of this identity shows a second person behind her, whom SCRFD-500M
    # scores 0.46: found from 0.4, not at MIN_SCORE, and not the subject either way.
    data = tmp_path / "data"
    shutil.copytree(faces_dev / "Angela_Merkel", data / "Angela_Merkel")
    out = tmp_path / "out"
    done = _run("bench/pack_threshold.py", str(data), "--pack", str(test_packs["insightface"]),
                "--min-score", "0.4", "--out", str(out))
    assert done.returncode == 0, done.stderr
    report = json.loads((out / "report.json").read_text())
    assert report["photos"] == 5
    assert report["photos_with_more_faces"] >= 1
    assert report["faces_added"] >= 1
    assert report["subject_changed"] == 0


def test_open_workspace_bench_runs(tmp_path: Path) -> None:
    done = _run("bench/open_workspace.py", "--faces", "400", "--runs", "1", "--out",
                str(tmp_path))
    assert done.returncode == 0, done.stderr
    report = json.loads((tmp_path / "report-400.json").read_text())
    assert report["pm_faces_shown"] == 400
    assert 0 < report["numbers_shown_s"] < 3.0


@pytest.mark.slow
def test_search_bench_runs_on_fitted_vectors(tmp_path: Path, faces_dev: Path) -> None:
    data = _tiny(faces_dev, tmp_path / "data", 4)
    out = tmp_path / "out"
    done = _run("bench/search.py", "--sizes", "3000", "--fit", str(data), "--out", str(out))
    assert done.returncode == 0, done.stderr
    rows = json.loads((out / "report.json").read_text())
    hnsw = next(r for r in rows if r["method"] == "faiss hnsw" and not r.get("extrapolated"))
    assert hnsw["recall10"] >= 0.99
    assert hnsw["recall10_real"] >= 0.99
    assert "recall@10 real queries" in (out / "report.md").read_text()


@pytest.mark.slow
def test_search_lists_bench_times_a_peer_checkout_side_by_side(tmp_path: Path,
                                                               faces_dev: Path) -> None:
    data = _tiny(faces_dev, tmp_path / "data", 3)
    out, ws = tmp_path / "out", tmp_path / "ws"
    # the peer is this same checkout, imported through the peer's own link: same lists
    done = _run("bench/search_lists.py", str(data), "--peer", str(REPO), "--rounds", "1",
                "--workspace", str(ws), "--out", str(out))
    assert done.returncode == 0, done.stderr
    report = json.loads((out / "report.json").read_text())
    assert (report["persons"], report["bodies"]) == (3, 3)
    assert report["same_lists"] is True
    assert [r["rank1"] for r in report["rounds"]["peer"]] == [3]
    assert float(report["median_s"]["this checkout"]) > 0
    # a folder that is not Athar is refused in one line, before anything runs
    wrong = _run("bench/search_lists.py", str(data), "--peer", str(tmp_path),
                 "--workspace", str(ws), "--out", str(out))
    assert wrong.returncode == 2
    assert "is not a clone of Athar" in wrong.stderr
    assert "Traceback" not in wrong.stderr


def test_marks_search_bench_runs(tmp_path: Path) -> None:
    done = _run("bench/marks_search.py", "--bodies", "60", "--repeat", "1", "--out",
                str(tmp_path))
    assert done.returncode == 0, done.stdout + done.stderr
    report = json.loads((tmp_path / "report.json").read_text())
    assert {r["query"]: r["rank"] for r in report["rows"]}["arabic"] == 1


def test_victims_bench_runs(tmp_path: Path) -> None:
    done = _run("bench/victims.py", "--records", "2000", "--persons", "200", "--out",
                str(tmp_path))
    assert done.returncode == 0, done.stdout + done.stderr
    report = json.loads((tmp_path / "report.json").read_text())
    assert report["recall"] > 0.7
    assert report["precision"] > 0.8


@pytest.mark.slow
def test_calibration_and_fusion_benches_run(tmp_path: Path, faces_dev: Path) -> None:
    """On four identities: the calibration is fitted and measured (never written to the
    package without --write), and the fused ranking is compared with face-only."""
    data = _tiny(faces_dev, tmp_path / "data", 4)
    stored = sorted((REPO / "casework" / "checks" / "calibration").glob("*.json"))
    before = [p.read_bytes() for p in stored]
    done = _run("bench/calibrate.py", str(data), "--conditions", "clean,rot90", "--out",
                str(tmp_path / "cal"))
    assert done.returncode == 0, done.stdout + done.stderr
    report = json.loads((tmp_path / "cal" / "report.json").read_text())
    assert report["pairs"]["same"] == 4  # two identities at even positions, two conditions
    assert {"cllr_clean", "cllr_rot90"} <= set(report["held_out"])
    assert "clean and rot90" in report["fitted_on"]
    assert report["slope"] > 0
    assert (tmp_path / "cal" / "reliability.png").stat().st_size > 1000
    assert [p.read_bytes() for p in stored] == before
    done = _run("bench/fusion.py", str(data), "--condition", "clean", "--out",
                str(tmp_path / "fusion"))
    assert done.returncode == 0, done.stdout + done.stderr
    fused = json.loads((tmp_path / "fusion" / "clean.json").read_text())
    assert fused["cases"] == 4
    assert set(fused["variants"]["product"]["one_wrong_field"]) == {"sex", "born", "arrest",
                                                                  "branch"}
    assert fused["face_only"]["mean_rank"] >= 1


@pytest.mark.slow
def test_duplicates_bench_runs(tmp_path: Path, faces_dev: Path) -> None:
    data = _tiny(faces_dev, tmp_path / "data", 4)
    out = tmp_path / "out"
    done = _run("bench/duplicates.py", str(data), "--identities", "3", "--distractors", "1",
                "--condition", "clean", "--out", str(out))
    assert done.returncode == 0, done.stderr
    report = json.loads((out / "clean.json").read_text())
    assert report["bodies"] == 7
    assert report["true_pairs"] == 3
    rows = {r["log10_lr_at_least"]: r for r in report["thresholds"]}
    assert rows[2.0]["true"] == 3  # clean photos of one person filed twice: all found
    assert rows[2.0]["wrong"] == 0
    assert report["nearest_body_is_the_duplicate"] == 1.0
    product = next(r for r in report["rules"] if r["rule"].startswith("the product"))
    assert (product["true"], product["wrong"]) == (3, 0)


def test_model_fusion_bench_ranks_by_the_mean_calibrated_ratio(tmp_path: Path) -> None:
    """Two models' lists of 4 persons; at odd positions (b, d) model A puts the true Body
    second for b, model B first with a large margin, so only the fused list has both."""
    def folder(name: str, slope: float, lists: dict[str, list[list[object]]]) -> Path:
        out = tmp_path / name
        out.mkdir()
        (out / "report.json").write_text(json.dumps({
            "model_id": f"{name}@1", "slope": slope, "intercept": -slope / 2,
            "fitted_on": "t", "pairs": {"same": 100, "different": 100}, "date": "d"}))
        (out / "lists-clean.json").write_text(json.dumps([f"{name}@1", lists]))
        return out

    a = folder("a", 10.0, {"a": [["a", 0.9]], "b": [["c", 0.60], ["b", 0.58]],
                           "c": [["c", 0.9]], "d": [["d", 0.9], ["a", 0.2]]})
    b = folder("b", 10.0, {"a": [["a", 0.9]], "b": [["b", 0.95], ["c", 0.3]],
                           "c": [["c", 0.9]], "d": [["a", 0.52], ["d", 0.50]]})
    done = _run("bench/model_fusion.py", str(a), str(b))
    assert done.returncode == 0, done.stderr
    rows = {line.split(" | ")[1]: line for line in done.stdout.splitlines()
            if line.startswith("| clean")}
    assert "| 2 | 50.0% |" in rows["A alone"]
    assert "| 2 | 50.0% |" in rows["B alone"]
    assert "| 2 | 100.0% |" in rows["fused (mean calibrated log10 LR)"]
