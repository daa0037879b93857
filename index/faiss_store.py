"""FAISS vector store: exact inner product up to 500,000 vectors, HNSW above; saved
atomically beside a checked manifest (kind and parameters recorded with every search)."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import uuid
from collections.abc import Sequence
from pathlib import Path

import faiss
import numpy as np

from athar.casework.domain.errors import EnvironmentFault, IndexCorruptError, ModelMismatchError
from athar.casework.domain.ports import FileSealer, Hit, Vectors

logger = logging.getLogger(__name__)

MANIFEST_SUFFIX = ".manifest"
INDEX_SUFFIX = ".faiss"
APPROX_ABOVE = 500_000
"""Policy: exact search up to this many vectors, HNSW above; back to exact below half of
it (hysteresis). From bench/search.py on this 2-core machine, with vectors shaped like
real dlib embeddings and the real faces searched among them: exact single-query p95
(200 nearest faces) was 4.6 ms at 10^5 and 56 ms at 10^6, so exact stays under 50 ms up
to about this size; HNSW (M 32, efConstruction 200, efSearch 200) kept recall@10 at 0.996
(0.997 for the real queries) at 10^6 with p95 1.5 ms. A forensic ranking must not lose
true matches silently: HNSW is used only where that recall was measured. The switch
rebuilds the index once (minutes at this size); the Caesar photographs (~55,000 images)
stay exact."""
HNSW_M = 32
HNSW_EF_CONSTRUCTION = 200
HNSW_EF_SEARCH = 200
"""An HNSW search returns at most max(efSearch, k) results; a top-50 Body search asks
for 200 faces."""


def _atomic_write(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.part")
    with open(tmp, "xb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class FaissStore:
    """`IndexIDMap2` over `IndexFlatIP`: exact cosine search on L2-normalised float32.

    Ids are int64 (face ids); FAISS's -1 ("no result") never reaches the caller. Both the
    serialised index and its manifest are sealed (encrypted, authenticated) on disk.
    """

    def __init__(self, folder: Path, name: str, model_id: str, dim: int,
                 sealer: FileSealer, approx_above: int = APPROX_ABOVE) -> None:
        self._approx_above = approx_above
        self._sealer = sealer
        self._folder = folder
        self._name = name
        self._model_id = model_id
        self._dim = dim
        self._index = faiss.IndexIDMap2(faiss.IndexFlatIP(dim))
        self._ids: set[int] = set()

    # -- properties ------------------------------------------------------------------------

    @property
    def dim(self) -> int:
        """Vector dimension."""
        return self._dim

    @property
    def model_id(self) -> str:
        """The model whose vectors are stored."""
        return self._model_id

    @property
    def index_path(self) -> Path:
        """The serialised index file."""
        return self._folder / f"{self._name}{INDEX_SUFFIX}"

    @property
    def manifest_path(self) -> Path:
        """The manifest beside it."""
        return self._folder / f"{self._name}{MANIFEST_SUFFIX}"

    def __len__(self) -> int:
        return int(self._index.ntotal)

    # -- contents --------------------------------------------------------------------------

    def _id_array(self) -> np.ndarray:
        return faiss.vector_to_array(self._index.id_map).astype(np.int64)

    def ids(self) -> set[int]:
        """Every stored id."""
        return set(self._ids)

    def vectors(self, ids: Sequence[int]) -> Vectors:
        """Stored vectors for the ids: (len(ids), dim) float32."""
        out = np.zeros((len(ids), self._dim), dtype=np.float32)
        for row, i in enumerate(ids):
            out[row] = self._index.reconstruct(int(i))
        return out

    @property
    def kind(self) -> str:
        """"exact" (IndexFlatIP) or "hnsw" (IndexHNSWFlat), chosen by the size policy."""
        inner = faiss.downcast_index(self._index.index)
        return "hnsw" if isinstance(inner, faiss.IndexHNSWFlat) else "exact"

    def describe(self) -> dict[str, object]:
        """The index kind and parameters, recorded with every search."""
        if self.kind == "exact":
            return {"kind": "exact", "index": "IndexIDMap2(IndexFlatIP)"}
        inner = faiss.downcast_index(self._index.index)
        return {"kind": "hnsw", "index": "IndexIDMap2(IndexHNSWFlat)", "M": HNSW_M,
                "efSearch": int(inner.hnsw.efSearch)}  # type: ignore[attr-defined]

    def _flat(self) -> faiss.Index:
        inner = faiss.downcast_index(self._index.index)
        if isinstance(inner, faiss.IndexHNSWFlat):
            return faiss.downcast_index(inner.storage)
        return inner

    def contents(self) -> tuple[np.ndarray, Vectors]:
        """All ids (n,) int64 sorted ascending, and their vectors (n, dim) float32."""
        ids = self._id_array()
        # the concrete IndexFlat's codes hold the raw float32 rows; the stubs omit them
        raw = faiss.vector_to_array(self._flat().codes)  # type: ignore[attr-defined]
        codes = raw.view(np.float32).reshape(-1, self._dim)
        order = np.argsort(ids, kind="stable")
        return ids[order], np.ascontiguousarray(codes[order])

    def version(self) -> str:
        """SHA-256 over the sorted ids and their vectors, prefixed with the count."""
        ids, vecs = self.contents()
        digest = hashlib.sha256(f"{self._model_id}|{self.kind}".encode())
        digest.update(ids.tobytes())
        digest.update(vecs.tobytes())
        return f"{len(ids)}:{digest.hexdigest()[:24]}"

    def _check(self, vectors: Vectors, count: int) -> Vectors:
        arr = np.ascontiguousarray(vectors, dtype=np.float32)
        if arr.ndim != 2 or arr.shape != (count, self._dim):
            raise ModelMismatchError(
                f"expected ({count}, {self._dim}) vectors of {self._model_id}, got {arr.shape}"
            )
        return arr

    def add(self, ids: Sequence[int], vectors: Vectors) -> None:
        """Add vectors; an id already present is replaced (no duplicates)."""
        if not len(ids):
            return
        arr = self._check(vectors, len(ids))
        id_arr = np.asarray(ids, dtype=np.int64)
        if len(set(id_arr.tolist())) != len(id_arr):
            raise ValueError("duplicate ids in one add")
        present = self._ids.intersection(id_arr.tolist())
        if present:
            self.remove(sorted(present))
        self._index.add_with_ids(arr, id_arr)
        self._ids.update(id_arr.tolist())
        self._apply_policy()

    def _rebuild(self, kind: str, ids: np.ndarray, vectors: Vectors) -> None:
        inner: faiss.Index
        if kind == "hnsw":
            hnsw = faiss.IndexHNSWFlat(self._dim, HNSW_M, faiss.METRIC_INNER_PRODUCT)
            hnsw.hnsw.efConstruction = HNSW_EF_CONSTRUCTION
            hnsw.hnsw.efSearch = HNSW_EF_SEARCH
            inner = hnsw
        else:
            inner = faiss.IndexFlatIP(self._dim)
        index = faiss.IndexIDMap2(inner)
        if len(ids):
            index.add_with_ids(np.ascontiguousarray(vectors, np.float32), ids)
        self._index = index
        self._ids = {int(i) for i in ids}

    def _apply_policy(self) -> None:
        n, kind = len(self), self.kind
        wanted = "hnsw" if n > self._approx_above else (
            "exact" if n < self._approx_above // 2 else kind)
        if wanted != kind:
            logger.info("index %s: %d vectors, switching %s -> %s", self._name, n, kind, wanted)
            self._rebuild(wanted, *self.contents())

    def remove(self, ids: Sequence[int]) -> int:
        """Remove the ids (O(n)); return how many were present."""
        if not len(ids):
            return 0
        id_arr = np.asarray(ids, dtype=np.int64)
        if self.kind == "hnsw":  # HNSW cannot delete: rebuild without them (rare)
            all_ids, vectors = self.contents()
            keep = ~np.isin(all_ids, id_arr)
            removed = int((~keep).sum())
            self._rebuild("hnsw", all_ids[keep], vectors[keep])
        else:
            # faiss's Python wrapper accepts an int64 array in place of an IDSelector
            removed = int(self._index.remove_ids(id_arr))  # type: ignore[arg-type]
            self._ids.difference_update(int(i) for i in ids)
        self._apply_policy()
        return removed

    def search(self, queries: Vectors, k: int) -> list[list[Hit]]:
        """Top-k by inner product per query row, best first, without FAISS's -1 padding."""
        arr = np.ascontiguousarray(queries, dtype=np.float32)
        if arr.ndim != 2 or arr.shape[1] != self._dim:
            raise ModelMismatchError(f"query shape {arr.shape} does not fit dim {self._dim}")
        k = min(k, len(self))
        if k <= 0:
            return [[] for _ in range(arr.shape[0])]
        scores, labels = self._index.search(arr, k)
        return [
            [Hit(int(i), float(s)) for i, s in zip(lrow, srow, strict=True) if i != -1]
            for lrow, srow in zip(labels, scores, strict=True)
        ]

    # -- persistence -----------------------------------------------------------------------

    def save(self) -> None:
        """Write index then manifest, each by temp file, fsync and rename."""
        self._folder.mkdir(parents=True, exist_ok=True)
        blob = faiss.serialize_index(self._index).tobytes()
        _atomic_write(self.index_path, self._sealer.seal(blob, self._aad("index")))
        manifest = {
            "model_id": self._model_id,
            "dim": self._dim,
            "count": len(self),
            "sha256": hashlib.sha256(blob).hexdigest(),
            "version": self.version(),
            "kind": self.kind,
        }
        _atomic_write(self.manifest_path,
                      self._sealer.seal(json.dumps(manifest).encode(), self._aad("manifest")))

    def _aad(self, part: str) -> bytes:
        return f"athar-index:{self._name}:{part}".encode()

    def load(self) -> None:
        """Load the saved index if manifest, checksum, model and dim all agree.

        Raises:
            IndexCorruptError: anything does not match (the caller rebuilds).
        """
        try:
            manifest = json.loads(self._sealer.open(self.manifest_path.read_bytes(),
                                                    self._aad("manifest")))
            blob = self._sealer.open(self.index_path.read_bytes(), self._aad("index"))
        except (OSError, ValueError, EnvironmentFault) as exc:
            raise IndexCorruptError(f"index {self._name} unreadable: {exc}") from exc
        if hashlib.sha256(blob).hexdigest() != manifest.get("sha256"):
            raise IndexCorruptError(f"index {self._name}: file does not match its checksum")
        if manifest.get("model_id") != self._model_id or manifest.get("dim") != self._dim:
            raise IndexCorruptError(f"index {self._name} was built for another model")
        index = faiss.deserialize_index(np.frombuffer(blob, dtype=np.uint8))
        if index.ntotal != manifest.get("count") or index.d != self._dim:
            raise IndexCorruptError(f"index {self._name}: contents do not match manifest")
        if not isinstance(index, faiss.IndexIDMap2):
            raise IndexCorruptError(f"index {self._name} is not an id-mapped index")
        self._index = index
        self._ids = {int(i) for i in self._id_array()}
        self._apply_policy()


def open_store(folder: str, name: str, model_id: str, dim: int,
               sealer: FileSealer) -> FaissStore:
    """Open the named store: loaded when saved and valid, empty when never saved.

    Raises:
        IndexCorruptError: files exist but do not verify.
    """
    store = FaissStore(Path(folder), name, model_id, dim, sealer)
    if store.manifest_path.exists() or store.index_path.exists():
        store.load()
    return store
