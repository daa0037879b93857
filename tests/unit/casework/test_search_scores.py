"""How face scores become a Body's score: best pair and mean faces, pooled."""

from __future__ import annotations

import numpy as np
import pytest

from athar.casework.domain.entities import Candidate
from athar.casework.matching.search import aggregate, mean_face, score_owner


def _unit(v: np.ndarray) -> np.ndarray:
    return (v / np.linalg.norm(v, axis=-1, keepdims=True)).astype(np.float32)


def test_a_body_whose_photos_agree_on_average_outranks_one_lucky_photo() -> None:
    e = np.eye(4, dtype=np.float32)
    query = _unit(e[:1])
    # Body 1: one photo at cosine 0.90. Body 2: two photos, each 0.88, off in opposite
    # directions, so that their mean face is the query's own direction.
    lucky = _unit(0.90 * e[0] + np.sqrt(1 - 0.90**2) * e[1])
    noisy = _unit(np.stack([0.88 * e[0] + np.sqrt(1 - 0.88**2) * e[2],
                            0.88 * e[0] - np.sqrt(1 - 0.88**2) * e[2]]))
    match = np.concatenate([lucky[None, :], noisy])
    aggs = aggregate([7], query, [10, 20, 21], [1, 2, 2], match)
    one, two = score_owner(1, aggs[1]), score_owner(2, aggs[2])
    assert one.best == pytest.approx(0.90, abs=1e-6)
    assert one.mean_faces == pytest.approx(0.90, abs=1e-6)  # one photo: its own face
    assert one.score == pytest.approx(0.90, abs=1e-6)
    assert two.best == pytest.approx(0.88, abs=1e-6)
    assert two.mean_faces == pytest.approx(1.0, abs=1e-6)
    assert two.score == pytest.approx(0.94, abs=1e-6)
    assert two.mean3 == pytest.approx(0.88, abs=1e-6)
    assert (two.query_face, two.match_face) in {(7, 20), (7, 21)}
    assert two.score > one.score  # ranked first now
    assert one.best > two.best  # ... where the best pair alone put it second


def test_the_query_side_is_pooled_too() -> None:
    e = np.eye(3, dtype=np.float32)
    family = _unit(np.stack([e[0] + 0.5 * e[1], e[0] - 0.5 * e[1]]))  # two family photos
    body = _unit(e[:1])
    agg = aggregate([1, 2], family, [5], [9], body)[9]
    scored = score_owner(9, agg)
    assert scored.mean_faces == pytest.approx(1.0, abs=1e-6)
    assert scored.best == pytest.approx(float(family[0] @ body[0]), abs=1e-6)
    assert np.linalg.norm(mean_face(family)) == pytest.approx(1.0)


def test_candidates_stored_before_mean_faces_keep_their_best_pair_score() -> None:
    old = Candidate(score=0.91, score_mean3=0.9, score_mean_faces=None)
    assert old.ranked_score == 0.91
    new = Candidate(score=0.91, score_mean3=0.9, score_mean_faces=0.95)
    assert new.ranked_score == pytest.approx(0.93)
