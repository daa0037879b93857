"""The FAISS store: exact search, replace-on-add, save/load equivalence, corruption caught."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from athar.casework.domain.errors import IndexCorruptError, ModelMismatchError
from athar.casework.storage.crypto import FileCipher
from athar.index.faiss_store import FaissStore, open_store

SEALER = FileCipher(bytes(range(32)))


def _unit(n: int, dim: int = 8, seed: int = 0) -> np.ndarray:
    v = np.random.default_rng(seed).normal(size=(n, dim)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def test_search_is_exact_and_never_returns_minus_one(tmp_path: Path) -> None:
    store = FaissStore(tmp_path, "t", "m", 8, SEALER)
    vecs = _unit(20)
    store.add(list(range(100, 120)), vecs)
    hits = store.search(vecs[:2], 50)
    assert len(hits[0]) == 20
    assert hits[0][0].id == 100
    assert hits[1][0].id == 101
    assert hits[0][0].score == pytest.approx(1.0, abs=1e-5)
    brute = np.argsort(-(vecs @ vecs[0]))
    assert [h.id - 100 for h in hits[0]] == brute.tolist()


def test_add_replaces_an_existing_id(tmp_path: Path) -> None:
    store = FaissStore(tmp_path, "t", "m", 8, SEALER)
    vecs = _unit(3)
    store.add([1, 2], vecs[:2])
    store.add([2], vecs[2:3])
    assert len(store) == 2
    assert np.allclose(store.vectors([2])[0], vecs[2])


def test_remove(tmp_path: Path) -> None:
    store = FaissStore(tmp_path, "t", "m", 8, SEALER)
    store.add([1, 2, 3], _unit(3))
    assert store.remove([2, 99]) == 1
    assert store.ids() == {1, 3}


def test_save_load_equivalence(tmp_path: Path) -> None:
    store = FaissStore(tmp_path, "t", "m", 8, SEALER)
    vecs = _unit(50, seed=3)
    store.add(list(range(50)), vecs)
    store.save()
    loaded = open_store(str(tmp_path), "t", "m", 8, SEALER)
    assert loaded.version() == store.version()
    assert loaded.search(vecs[:5], 10) == store.search(vecs[:5], 10)


def test_corrupt_or_foreign_index_is_refused(tmp_path: Path) -> None:
    store = FaissStore(tmp_path, "t", "m", 8, SEALER)
    store.add([1], _unit(1))
    store.save()
    with pytest.raises(IndexCorruptError, match="another model"):
        open_store(str(tmp_path), "t", "other-model", 8, SEALER)
    data = bytearray(store.index_path.read_bytes())
    data[-5] ^= 0xFF
    store.index_path.write_bytes(bytes(data))
    with pytest.raises(IndexCorruptError, match="authentication"):
        open_store(str(tmp_path), "t", "m", 8, SEALER)
    with pytest.raises(IndexCorruptError):
        open_store(str(tmp_path), "t", "m", 8, FileCipher(bytes(32)))  # another workspace


def test_wrong_dimension_is_an_error(tmp_path: Path) -> None:
    store = FaissStore(tmp_path, "t", "m", 8, SEALER)
    with pytest.raises(ModelMismatchError):
        store.add([1], _unit(1, dim=16))


def test_version_depends_on_content_not_order(tmp_path: Path) -> None:
    a, b = FaissStore(tmp_path, "a", "m", 8, SEALER), FaissStore(tmp_path, "b", "m", 8, SEALER)
    vecs = _unit(3)
    a.add([1, 2, 3], vecs)
    b.add([3, 1, 2], vecs[[2, 0, 1]])
    assert a.version() == b.version()
    b.remove([3])
    assert a.version() != b.version()


def test_size_policy_switches_to_hnsw_and_back(tmp_path: Path) -> None:
    store = FaissStore(tmp_path, "p", "m", 8, SEALER, approx_above=200)
    vecs = _unit(400, seed=5)
    store.add(list(range(150)), vecs[:150])
    assert store.kind == "exact"
    store.add(list(range(150, 400)), vecs[150:])
    assert store.kind == "hnsw"
    assert store.describe()["kind"] == "hnsw"
    exact = np.argsort(-(vecs[:20] @ vecs.T), axis=1)[:, :10]
    got = store.search(vecs[:20], 10)
    recall = np.mean([len({h.id for h in g} & set(e)) / 10 for g, e in zip(got, exact,
                                                                          strict=True)])
    assert recall >= 0.99
    store.save()
    loaded = FaissStore(tmp_path, "p", "m", 8, SEALER, approx_above=200)
    loaded.load()
    assert loaded.kind == "hnsw"
    assert loaded.version() == store.version()
    assert loaded.remove(list(range(310))) == 310  # HNSW rebuilds without them
    assert loaded.ids() == set(range(310, 400))
    assert loaded.kind == "exact"  # below half the threshold: exact again
    assert np.allclose(loaded.vectors([350])[0], vecs[350])
