"""Face pipelines from ONNX model packs: insightface (SCRFD + ArcFace-style recogniser) on
onnxruntime, and OpenCV's YuNet detector + SFace recogniser.

insightface networks are loaded only through `insightface.model_zoo.get_model(path,
providers=[...])` from a verified pack's files (never `FaceAnalysis(name=...)`, which
downloads), faces aligned with insightface's `norm_crop`. YuNet and SFace are loaded
with `cv2.FaceDetectorYN` and `cv2.FaceRecognizerSF` (pip's OpenCV computes on the CPU).

The detector cascade (`OnnxPipeline.detect`) drives the pack's detector, not dlib's:
the upright photo, then its quarter turns; when no view shows a face, the same on a
contrast-enhanced copy (CLAHE on the lightness, for detection only: vectors come from the
original pixels); then the enhanced photo turned in 30° steps over the whole circle;
then, for faces too small for the detector, the enhanced photo enlarged twice. A face is
accepted in a view only when its keypoints lie upright there (eyes above the mouth within
45°): detectors trained on upright faces also fire on faces lying sideways, with
keypoints that do not follow the face, and such a face's vector is noise (cosine 0.10 to
the upright face's, measured on a faces-dev photo). MIN_SCORE is the detectors' usual
default; STRONG_SCORE is checked on faces-tune by bench/pack_orientation.py (bench/README).

Embedding (`OnnxPipeline.embed_many`, the recognisers in models/onnx_recognisers.py): a
face whose aligned crop is flat (dark, low contrast: restore.is_flat) is restored and
averaged with its mirror image, as with dlib's model; other faces as they are.
"""

from __future__ import annotations

import json
import logging
import math
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt
import onnxruntime as ort

from athar.casework.domain.errors import InvalidRequest, ModelUnavailableError
from athar.casework.domain.ports import Box, Detection, Image, ModelInfo, Vectors
from athar.models import devices
from athar.models.geometry import QUARTER_TURNS, to_upright, to_view, view
from athar.models.onnx_recognisers import (
    ArcFaceRecogniser,
    Crop,
    Recogniser,
    SFaceRecogniser,
    load_quietly,
)
from athar.models.packs import DETECTOR, MANIFEST, RECOGNIZER, ModelPack, PackManifest, open_pack
from athar.models.packs import pack_id as make_pack_id
from athar.models.restore import (
    cv2,  # imported so that it leaves Qt's environment alone
    is_flat,
    restore_chip,
)

# A detector run at each photo's own size makes onnxruntime warn, for every call, that the
# outputs differ from the sizes the graph was exported with; OpenCV warns that the new DNN
# engine ignores targets. Neither is a problem: errors only.
ort.set_default_logger_severity(3)
cv2.utils.logging.setLogLevel(cv2.utils.logging.LOG_LEVEL_ERROR)

logger = logging.getLogger(__name__)

Points = npt.NDArray[np.float64]
"""(n, 2) float64 pixel coordinates."""

MIN_SCORE = 0.5
"""A face below this detector confidence is not a face (insightface's and YuNet's usual
default thresholds are 0.5 and 0.6)."""
STRONG_SCORE = 0.7
"""An SCRFD face this sure ends a pass once the view turned half a circle from it has been
seen too (the surer of the two is kept); otherwise each pass looks at all its views and
keeps the surest. Detectors also fire on turned faces with keypoints that look upright:
on 5 faces-dev photos turned 180°, SCRFD-500M scored the face 0.36-0.65 in the unturned
view (0.78-0.89 upright). YuNet scores turned faces higher (0.66-0.87 upside down, up to
0.84 lying sideways, with upright-looking keypoints; 0.90-0.94 upright), so with YuNet
every pass looks at all its views (YUNET_STRONG above any score); its views cost ~5 ms."""
YUNET_STRONG = 1.01
PROBE_SCORE = 0.3
"""What the detectors report at all; faces between this and MIN_SCORE are dropped, except
inside a box a person drew (manual faces)."""
SEARCH_TURNS = (0, 90, 270, 180)
TILT_STEP = 30
DETECT_MAX_SIDE = 1280
"""Larger photos are detected on a copy scaled to this side (points map back)."""
UPSAMPLE_MAX_SIDE = 2560
ARCFACE_REFERENCE = np.array([[38.2946, 51.6963], [73.5318, 51.5014], [56.0252, 71.7366],
                              [41.5493, 92.3655], [70.7299, 92.2041]]) / 112.0
"""insightface's 5-point template (left eye, right eye, nose, mouth corners) in a unit
square: where a manual face's keypoints are put when the detector finds none in its box."""


@dataclass(frozen=True)
class _Raw:
    """One face as a detector reports it, in the coordinates of the view it looked at."""

    box: tuple[float, float, float, float]  # left, top, right, bottom
    points: Points  # (5, 2)
    score: float


RawDetector = Callable[[npt.NDArray[np.uint8]], list[_Raw]]
"""A detector on one BGR view."""


def _ceil32(n: int) -> int:
    return max(64, -(-n // 32) * 32)


class _Scrfd:
    """insightface's SCRFD detector (5 keypoints) on onnxruntime."""

    family = "scrfd"
    strong = STRONG_SCORE

    def __init__(self, path: Path, providers: Sequence[str]) -> None:
        self._model = load_quietly(path, providers)
        if getattr(self._model, "taskname", None) != "detection":
            raise ModelUnavailableError(f"{path}: insightface does not load it as a face "
                                        f"detector (SCRFD)")
        self._model.prepare(ctx_id=0, det_thresh=PROBE_SCORE)
        self._fixed: tuple[int, int] | None = self._model.input_size
        self.session_providers: list[str] = list(self._model.session.get_providers())

    def __call__(self, bgr: npt.NDArray[np.uint8]) -> list[_Raw]:
        h, w = bgr.shape[:2]
        size = self._fixed or (_ceil32(w), _ceil32(h))
        boxes, kps = self._model.detect(bgr, input_size=size)
        if kps is None:
            return []
        return [_Raw((float(b[0]), float(b[1]), float(b[2]), float(b[3])),
                     np.asarray(k, np.float64).reshape(5, 2), float(b[4]))
                for b, k in zip(boxes, kps, strict=True)]


class _Yunet:
    """OpenCV's YuNet detector (5 keypoints)."""

    family = "yunet"
    strong = YUNET_STRONG

    def __init__(self, path: Path) -> None:
        try:
            self._model = cv2.FaceDetectorYN.create(str(path), "", (320, 320), PROBE_SCORE,
                                                    0.3, 5000)
        except cv2.error as exc:
            raise ModelUnavailableError(f"{path}: OpenCV cannot load it as a YuNet face "
                                        f"detector ({str(exc).strip()[:200]})") from exc
        self.session_providers = [devices.CPU]

    def __call__(self, bgr: npt.NDArray[np.uint8]) -> list[_Raw]:
        h, w = bgr.shape[:2]
        self._model.setInputSize((w, h))
        _, faces = self._model.detect(bgr)
        if faces is None:
            return []
        return [_Raw((float(f[0]), float(f[1]), float(f[0] + f[2]), float(f[1] + f[3])),
                     np.asarray(f[4:14], np.float64).reshape(5, 2), float(f[14]))
                for f in faces]


def _bgr(image: Image) -> npt.NDArray[np.uint8]:
    return np.ascontiguousarray(image[:, :, ::-1])


def _enhanced(bgr: npt.NDArray[np.uint8]) -> npt.NDArray[np.uint8]:
    """CLAHE on the lightness channel: dark, flat photos brought up for the detector."""
    lab = cv2.cvtColor(bgr, cv2.COLOR_BGR2LAB)
    lab[:, :, 0] = cv2.createCLAHE(clipLimit=3.0, tileGridSize=(8, 8)).apply(lab[:, :, 0])
    return np.ascontiguousarray(cv2.cvtColor(lab, cv2.COLOR_LAB2BGR))


def _scaled(bgr: npt.NDArray[np.uint8], factor: float) -> npt.NDArray[np.uint8]:
    h, w = bgr.shape[:2]
    size = (max(1, round(w * factor)), max(1, round(h * factor)))
    mode = cv2.INTER_AREA if factor < 1 else cv2.INTER_CUBIC
    return np.ascontiguousarray(cv2.resize(bgr, size, interpolation=mode))


@dataclass(frozen=True)
class _View:
    """A view the detector looks at, and how its points map back to the upright photo."""

    image: npt.NDArray[np.uint8]
    angle: int  # degrees counter-clockwise from upright
    method: str
    back: Callable[[Points], Points]


def _quarter_view(bgr: npt.NDArray[np.uint8], rotation: int, scale: float, method: str
                  ) -> _View:
    h, w = bgr.shape[:2]

    def back(p: Points) -> Points:
        return np.array([to_upright(x, y, rotation, w, h) for x, y in p]) / scale

    return _View(view(bgr, rotation), rotation, method, back)


def _tilted_view(bgr: npt.NDArray[np.uint8], angle: int, scale: float, method: str) -> _View:
    h, w = bgr.shape[:2]
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), float(angle), 1.0)
    cos, sin = abs(matrix[0, 0]), abs(matrix[0, 1])
    nw, nh = int(math.ceil(h * sin + w * cos)), int(math.ceil(h * cos + w * sin))
    matrix[0, 2] += nw / 2 - w / 2
    matrix[1, 2] += nh / 2 - h / 2
    inverse = cv2.invertAffineTransform(matrix)
    turned = cv2.warpAffine(bgr, matrix, (nw, nh), flags=cv2.INTER_LINEAR,
                            borderMode=cv2.BORDER_REPLICATE)

    def back(p: Points) -> Points:
        return np.asarray((np.c_[p, np.ones(len(p))] @ inverse.T) / scale, np.float64)

    return _View(np.ascontiguousarray(turned), angle, method, back)


def upright_in_view(points: Points) -> bool:
    """Whether 5 keypoints (eyes, nose, mouth corners) lie upright: the line from the eyes'
    midpoint to the mouth's points down, within 45° of the vertical."""
    eyes = (points[0] + points[1]) / 2
    mouth = (points[3] + points[4]) / 2
    dx, dy = mouth - eyes
    return bool(dy > 0 and abs(dx) <= dy)


def _nearest_turn(angle: float) -> int:
    return int(round(angle / 90.0) * 90) % 360


class OnnxPipeline:
    """Detection (cascade over views) and embedding with one verified model pack."""

    def __init__(self, pack: ModelPack, device: str = "auto", degraded_tta: bool = True,
                 restore_degraded: bool = True, min_score: float = MIN_SCORE) -> None:
        if not PROBE_SCORE <= min_score <= 1.0:
            raise InvalidRequest(f"a pack's face score threshold must lie between "
                                 f"{PROBE_SCORE} and 1, not {min_score}")
        choice = devices.choose(device)
        self._tta, self._restore = degraded_tta, restore_degraded
        self._min_score = min_score
        manifest = pack.manifest
        self.pack = pack
        if manifest.kind == "insightface":
            det: _Scrfd | _Yunet = _Scrfd(pack.path(DETECTOR), choice.providers)
            rec: Recogniser = ArcFaceRecogniser(pack.path(RECOGNIZER), choice.providers,
                                                manifest.dim)
        else:
            det = _Yunet(pack.path(DETECTOR))
            rec = SFaceRecogniser(pack.path(RECOGNIZER), manifest.dim)
            if device == "cuda":
                choice = devices.DeviceChoice((devices.CPU,), "CPU", fallback=(
                    "CUDA was asked for, but OpenCV's YuNet and SFace compute on the CPU "
                    "(pip's OpenCV has no CUDA); computing on the CPU"))
            else:
                choice = devices.DeviceChoice((devices.CPU,), "CPU")
        self.device = devices.actual(choice, det.session_providers + rec.session_providers)
        if self.device.fallback:
            logger.warning("%s", self.device.fallback)
        self._detector: RawDetector = det
        self._family = det.family
        self._strong = det.strong
        self._recogniser: Recogniser = rec
        self._info = ModelInfo(pack.pack_id, manifest.dim)

    @property
    def info(self) -> ModelInfo:
        """The pack id and its embedding dimension."""
        return self._info

    # -- detection -----------------------------------------------------------------------

    def _views(self, bgr: npt.NDArray[np.uint8], scale: float) -> Iterator[list[_View]]:
        """The passes of the cascade, each a list of views tried in order."""
        fam = self._family
        yield [_quarter_view(bgr, r, scale, fam) for r in SEARCH_TURNS]
        enhanced = _enhanced(bgr)
        yield [_quarter_view(enhanced, r, scale, f"{fam}+enhance") for r in SEARCH_TURNS]
        yield [_tilted_view(enhanced, a, scale, f"{fam}+tilt{a:+d}")
               for a in range(TILT_STEP, 360, TILT_STEP) if a % 90]
        h, w = bgr.shape[:2]
        factor = min(2.0, UPSAMPLE_MAX_SIDE / max(h, w))
        if factor > 1.2:
            up = _enhanced(_scaled(bgr, factor))
            yield [_quarter_view(up, r, scale * factor, f"{fam}+up2") for r in SEARCH_TURNS]

    def _faces_in(self, v: _View, floor: float) -> list[_Raw]:
        return [f for f in self._detector(v.image)
                if f.score >= floor and upright_in_view(f.points)]

    def detect(self, image: Image) -> list[Detection]:
        """Every face of the best view (see the module's docstring for the cascade).

        Args:
            image: (h, w, 3) uint8 RGB, upright.

        Returns:
            Detections in upright-image coordinates; `rotation` is the quarter turn
            nearest to the view that found them.
        """
        bgr = _bgr(image)
        scale = min(1.0, DETECT_MAX_SIDE / max(bgr.shape[:2]))
        small = _scaled(bgr, scale) if scale < 1.0 else bgr
        for views in self._views(small, scale):
            best: tuple[float, _View | None, list[_Raw]] = (-1.0, None, [])
            seen: dict[int, float] = {}
            for v in self._ordered(views, seen):
                found = self._faces_in(v, self._min_score)
                top = max((f.score for f in found), default=-1.0)
                seen[v.angle] = top
                if top > best[0]:
                    best = (top, v, found)
                if best[1] is not None and best[0] >= self._strong and (
                        best[1].angle + 180) % 360 in seen:
                    break
            if best[1] is not None:
                return [self._to_upright(best[1], f, best[1].method) for f in best[2]]
        return []

    def _ordered(self, views: list[_View], seen: dict[int, float]) -> Iterator[_View]:
        """The views in order, except that once one shows a sure face, the view turned
        half a circle from it comes next: a detector scores an upside-down face nearly as
        high, with keypoints that look upright (the surer of the two is kept)."""
        left = list(range(len(views)))
        while left:
            sure = [a for a, top in seen.items() if top >= self._strong]
            pick = next((i for i in left if sure and views[i].angle == (sure[-1] + 180) % 360),
                        left[0])
            left.remove(pick)
            yield views[pick]

    @staticmethod
    def _to_upright(v: _View, face: _Raw, method: str) -> Detection:
        left, top, right, bottom = face.box
        corners = v.back(np.array([[left, top], [right, top], [left, bottom],
                                   [right, bottom]], np.float64))
        points = v.back(face.points)
        x0, y0 = corners.min(axis=0)
        x1, y1 = corners.max(axis=0)
        return Detection(
            box=Box(float(x0), float(y0), float(x1 - x0), float(y1 - y0)),
            landmarks=tuple((float(x), float(y)) for x, y in points),
            score=face.score, rotation=_nearest_turn(v.angle), method=method)

    def locate(self, image: Image, box: Box, rotation: int) -> Detection:
        """Keypoints inside a box a person drew, in the given quarter turn: the detector's
        own (its most overlapping upright face in the box's surroundings, enlarged when
        small: method "manual"), else the 5-point template placed in the box (method
        "template": the vector is less reliable)."""
        if rotation not in QUARTER_TURNS:
            raise InvalidRequest(f"rotation must be one of {QUARTER_TURNS}, not {rotation}")
        bgr = _bgr(image)
        h, w = bgr.shape[:2]
        turned = view(bgr, rotation)
        (x0, y0), (x1, y1) = (to_view(box.left, box.top, rotation, w, h),
                              to_view(box.left + box.width, box.top + box.height,
                                      rotation, w, h))
        left, right, top, bottom = min(x0, x1), max(x0, x1), min(y0, y1), max(y0, y1)
        side = max(right - left, bottom - top, 1.0)
        th, tw = turned.shape[:2]
        cx0, cy0 = max(0, int(left - side * 0.5)), max(0, int(top - side * 0.5))
        cx1, cy1 = min(tw, int(right + side * 0.5) + 1), min(th, int(bottom + side * 0.5) + 1)
        crop = np.ascontiguousarray(turned[cy0:cy1, cx0:cx1])
        factor = min(4.0, max(1.0, 160.0 / side))
        if factor > 1.0:
            crop = _scaled(crop, factor)
        best, best_overlap, method = None, 0.3, "manual"
        for face in self._detector(crop) if crop.size else []:
            if face.score < PROBE_SCORE or not upright_in_view(face.points):
                continue
            fl, ft, fr, fb = (c / factor for c in face.box)
            fl, fr, ft, fb = fl + cx0, fr + cx0, ft + cy0, fb + cy0
            overlap = _iou((fl, ft, fr, fb), (left, top, right, bottom))
            if overlap > best_overlap:
                best, best_overlap = face.points / factor + np.array([cx0, cy0]), overlap
        if best is None:
            method = "template"
            best = ARCFACE_REFERENCE * np.array([right - left, bottom - top]) + np.array(
                [left, top])
        points = tuple(to_upright(float(x), float(y), rotation, w, h) for x, y in best)
        return Detection(box, points, score=0.0, rotation=rotation, method=method)

    # -- embedding -----------------------------------------------------------------------

    def embed(self, image: Image, faces: Sequence[Detection]) -> Vectors:
        """One unit vector per face, aligned on its keypoints from the original pixels
        (the alignment undoes any rotation, so a turned photo gives the same vector)."""
        return self.embed_many([(image, faces)])[0]

    def embed_many(self, photos: Sequence[tuple[Image, Sequence[Detection]]]
                   ) -> list[Vectors]:
        """`embed` for several photos: the crops of all their faces go to the recogniser
        together (insightface networks RECOGNISER_BATCH per call, SFace one per call).

        A degraded face (its aligned crop flat, `is_flat`) is restored
        (`restore_degraded`: levels stretched, noise removed, models/restore.py) and its
        vector averaged with its mirror image's (`degraded_tta`), as dlib's degraded
        faces are; other faces are embedded as they are.

        Returns:
            One (len(faces), dim) float32 array per photo, rows L2-normalised.
        """
        crops: list[Crop] = []
        mirrored: list[int] = []  # the crops whose mirror image is embedded too
        for image, faces in photos:
            bgr = _bgr(image) if faces else image
            for face in faces:
                crop = self._recogniser.align(bgr, face)
                if (self._tta or self._restore) and is_flat(crop):
                    crop = restore_chip(crop) if self._restore else crop
                    if self._tta:
                        mirrored.append(len(crops))
                crops.append(crop)
        flips = [np.ascontiguousarray(crops[i][:, ::-1]) for i in mirrored]
        vecs = _unit(self._recogniser.features(crops + flips)) if crops else np.zeros(
            (0, self._info.dim), np.float32)
        rows = vecs[:len(crops)]
        rows[mirrored] += vecs[len(crops):]
        ends = np.cumsum([len(faces) for _, faces in photos], dtype=int)
        return [_unit(rows[end - len(faces):end])
                for (_, faces), end in zip(photos, ends, strict=True)]


def _unit(vecs: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    norms = np.linalg.norm(vecs, axis=1, keepdims=True)
    return np.asarray(vecs / np.maximum(norms, 1e-12), np.float32)


def _iou(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> float:
    ix = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    iy = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = ix * iy
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union > 0 else 0.0


@dataclass(frozen=True)
class OnnxPipelineFactory:
    """Picklable recipe for an OnnxPipeline: an installed pack's folder and a device."""

    folder: str
    device_request: str = "auto"
    degraded_tta: bool = True
    restore_degraded: bool = True
    min_score: float = MIN_SCORE

    def _manifest(self) -> tuple[PackManifest, bytes]:
        path = Path(self.folder) / MANIFEST
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise ModelUnavailableError(f"{path}: cannot read the pack's manifest ({exc})"
                                        ) from exc
        return PackManifest.from_json(raw, str(path)), raw

    def model_info(self) -> ModelInfo:
        """Id and dimension from the manifest (the files are verified when loaded)."""
        manifest, raw = self._manifest()
        return ModelInfo(make_pack_id(manifest.name, raw), manifest.dim)

    def device(self) -> str:
        """The device asked for, as it will be used (the CPU when CUDA is absent)."""
        manifest, _ = self._manifest()
        if manifest.kind == "opencv":
            return "CPU"
        return devices.choose(self.device_request).label

    def __call__(self) -> OnnxPipeline:
        """Verify every file of the pack and load its networks."""
        return OnnxPipeline(open_pack(Path(self.folder)), self.device_request,
                            self.degraded_tta, self.restore_degraded, self.min_score)


def describe(pack: ModelPack) -> dict[str, object]:
    """A pack's manifest and id as plain data (for `athar models list --json`)."""
    data: dict[str, object] = json.loads(pack.manifest.to_json())
    data["id"] = pack.pack_id
    data["folder"] = str(pack.folder)
    return data
