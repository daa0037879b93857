"""How face scores become a Body's score: the best pair and the pooled faces."""

from __future__ import annotations

import numpy as np
import pytest

from athar.casework.domain.entities import Candidate
from athar.casework.matching.search import pooled_score, score_owners


def _unit(v: np.ndarray) -> np.ndarray:
    return (v / np.linalg.norm(v, axis=-1, keepdims=True)).astype(np.float32)


def _around(direction: np.ndarray, cosine: float, offsets: np.ndarray) -> np.ndarray:
    """Unit vectors at `cosine` to `direction`, each leaning towards one offset."""
    return _unit(cosine * direction + np.sqrt(1 - cosine**2) * offsets)


def test_a_body_whose_photos_agree_on_average_outranks_one_lucky_photo() -> None:
    e = np.eye(4, dtype=np.float32)
    query = _unit(e[:1])
    # Body 1: one photo at cosine 0.90. Body 2: two photos, each 0.88, off in opposite
    # directions, so that their mean lies on the query's own direction.
    lucky = _around(e[0], 0.90, e[1:2])
    noisy = _around(e[0], 0.88, np.stack([e[2], -e[2]]))
    scored = score_owners([7], query, [10, 20, 21], [1, 2, 2], np.concatenate([lucky, noisy]))
    one, two = scored[1], scored[2]
    assert one.best == pytest.approx(0.90, abs=1e-6)
    assert one.mean_faces == pytest.approx(0.90, abs=1e-6)  # one photo: its own face
    assert one.pooled == pytest.approx(0.90, abs=1e-6)
    assert one.score == pytest.approx(0.90, abs=1e-6)
    assert two.best == pytest.approx(0.88, abs=1e-6)
    assert two.mean_faces == pytest.approx(1.0, abs=1e-6)
    # mean vector 0.88 e0: pooled 0.88 / sqrt(0.88), the geometric mean of the mean pair
    # cosine (0.88) and the mean faces' cosine (1.0)
    assert two.pooled == pytest.approx(np.sqrt(0.88), abs=1e-6)
    assert two.score == pytest.approx((0.88 + np.sqrt(0.88)) / 2, abs=1e-6)
    assert two.mean3 == pytest.approx(0.88, abs=1e-6)
    assert (two.query_face, two.match_face) in {(7, 20), (7, 21)}
    assert two.score > one.score  # ranked first
    assert one.best > two.best  # ... where the best pair alone put it second


def test_many_photos_of_someone_else_do_not_outrank_the_true_body_by_their_number() -> None:
    e = np.eye(10, dtype=np.float32)
    query = _unit(e[:1])
    true_body = _around(e[0], 0.93, e[1:2])  # one photo, the closest pair
    # Another person's seven photos, each 0.90, each off in its own direction: their mean
    # face points almost at the query (cosine 0.98), as the mean of many faces points
    # near everyone's average face.
    crowd = _around(e[0], 0.90, e[2:9])
    scored = score_owners([1], query, list(range(10, 18)), [1] + [2] * 7,
                          np.concatenate([true_body, crowd]))
    mine, other = scored[1], scored[2]
    assert other.mean_faces > 0.98
    assert (other.best + other.mean_faces) / 2 > mine.score  # the rule before: crowd first
    assert mine.score > other.score
    assert other.pooled == pytest.approx(
        0.90 / np.sqrt(np.sqrt(0.81 + 0.19 / 7)), abs=1e-5)


def test_the_query_side_is_pooled_too() -> None:
    e = np.eye(3, dtype=np.float32)
    family = _unit(np.stack([e[0] + 0.5 * e[1], e[0] - 0.5 * e[1]]))  # two family photos
    body = _unit(e[:1])
    scored = score_owners([1, 2], family, [5], [9], body)[9]
    mean_length = 1 / np.sqrt(1.25)  # the family's mean vector: 0.894 e0
    assert scored.mean_faces == pytest.approx(1.0, abs=1e-6)
    assert scored.pooled == pytest.approx(mean_length / np.sqrt(mean_length), abs=1e-6)
    assert scored.best == pytest.approx(float(family[0] @ body[0]), abs=1e-6)
    assert pooled_score(family, body) == pytest.approx((scored.pooled, scored.mean_faces))


def _owner_by_owner(query_ids: list[int], query: np.ndarray, match_ids: list[int],
                    owners: list[int], faces: np.ndarray) -> dict[int, tuple[object, ...]]:
    """AGGREGATION written out one owner at a time, every pair listed (the reference)."""
    sims = query @ faces.T
    out: dict[int, tuple[object, ...]] = {}
    for owner in set(owners):
        js = [j for j, o in enumerate(owners) if o == owner]
        pairs = sorted(((float(sims[i, j]), query_ids[i], match_ids[j])
                        for i in range(len(query_ids)) for j in js), reverse=True)
        pooled, means = pooled_score(query, faces[js])
        out[owner] = ((pairs[0][0] + pooled) / 2, pairs[0][0], means,
                      sum(p[0] for p in pairs[:3]) / len(pairs[:3]), pairs[0][1],
                      pairs[0][2], pooled)
    return out


def test_all_owners_scored_at_once_equal_the_rule_written_out_owner_by_owner() -> None:
    rng = np.random.default_rng(7)
    for trial in range(200):
        q, m = int(rng.integers(1, 4)), int(rng.integers(1, 25))
        query, faces = _unit(rng.normal(size=(q, 6))), _unit(rng.normal(size=(m, 6)))
        if trial % 2:  # photos imported twice: exact ties, settled by the face ids
            faces[int(rng.integers(0, m))] = faces[0]
            query[-1] = query[0]
        query_ids = [int(i) for i in rng.permutation(50)[:q] + 1]
        match_ids = [int(i) for i in rng.permutation(500)[:m] + 1]
        owners = [int(o) for o in rng.integers(1, 7, size=m)]
        expected = _owner_by_owner(query_ids, query, match_ids, owners, faces)
        found = score_owners(query_ids, query, match_ids, owners, faces)
        assert set(found) == set(expected)
        for owner, (score, best, means, mean3, q_face, m_face, pooled) in expected.items():
            got = found[owner]
            assert (got.owner, got.query_face, got.match_face) == (owner, q_face, m_face)
            assert (got.score, got.best, got.mean_faces, got.mean3, got.pooled) == (
                pytest.approx(score, abs=1e-12), pytest.approx(best, abs=1e-12),
                pytest.approx(means, abs=1e-12), pytest.approx(mean3, abs=1e-12),
                pytest.approx(pooled, abs=1e-12))
    assert score_owners([], query[:0], [1], [1], faces[:1]) == {}


def test_pooled_score_keeps_the_sign_of_unlike_faces() -> None:
    e = np.eye(3, dtype=np.float32)
    pooled, means = pooled_score(_unit(e[:1]), _unit(np.stack([-e[0] + e[1], -e[0] - e[1]])))
    assert pooled < 0
    assert means == pytest.approx(-1.0, abs=1e-6)


def test_candidates_keep_the_rule_of_the_search_that_stored_them() -> None:
    before_mean_faces = Candidate(score=0.91, score_mean3=0.9, score_mean_faces=None)
    assert before_mean_faces.ranked_score == 0.91
    before_pooling = Candidate(score=0.91, score_mean3=0.9, score_mean_faces=0.95)
    assert before_pooling.ranked_score == pytest.approx(0.93)
    now = Candidate(score=0.91, score_mean3=0.9, score_mean_faces=0.95, score_pooled=0.92)
    assert now.ranked_score == pytest.approx(0.915)


def test_duplicates_find_a_bodys_nearest_by_the_mean_faces_not_the_search_score() -> None:
    """Two Bodies' photos are both post-mortem: the nearest Body is the one the best pair
    with the mean faces puts first (duplicates.NEARNESS, chosen on faces-tune), while the
    score read as evidence stays the search's."""
    from athar.casework.checks.duplicates import nearest, neighbour

    e = np.eye(10, dtype=np.float32)
    body = _unit(e[:1])
    one_photo = _around(e[0], 0.93, e[1:2])
    seven_photos = _around(e[0], 0.90, e[2:9])
    scored = score_owners([1], body, list(range(10, 18)), [2] + [3] * 7,
                          np.concatenate([one_photo, seven_photos]))
    found = {owner: neighbour(s) for owner, s in scored.items()}
    assert found[2].score > found[3].score  # the search would put Body 2 first
    assert found[3].nearness == pytest.approx((found[3].best + scored[3].mean_faces) / 2)
    assert nearest(found) == 3
    assert nearest({}) is None
