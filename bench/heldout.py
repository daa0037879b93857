"""The held-out family of post-mortem-like conditions: NEVER TUNE ON THESE.

Defined once (issue 17), before any change they are used to judge, and not to be edited
afterwards: a method, parameter or threshold is chosen on `bench/conditions.py`'s rows
(and faces-tune); these rows only say whether the choice generalises. A change is kept
only if it helps, or at least does not hurt, these rows too.

Unlike `conditions.py`, where each row is one fixed degradation (or one fixed
combination), every photo here gets its own random combination (seeded by the photo),
drawn from wider ranges: any rotation angle over the whole circle, downscaling, blur,
sensor noise, under- and over-exposure, colour casts and greyscale, JPEG quality, partial
occlusion by bands and blotches, low contrast, and crops that cut the face at the photo's
edge.
"""

from __future__ import annotations

import io
import random

import numpy as np
from PIL import Image, ImageDraw, ImageEnhance, ImageFilter


def _jpeg(img: Image.Image, quality: int) -> Image.Image:
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=quality)
    return Image.open(io.BytesIO(buf.getvalue())).convert("RGB")


def _cut(img: Image.Image, rng: random.Random) -> Image.Image:
    """Crop 12-30% off one side: a face cut by the photo's edge."""
    w, h = img.size
    part = rng.uniform(0.12, 0.30)
    side = rng.choice("ltrb")
    box = {"l": (int(w * part), 0, w, h), "r": (0, 0, int(w * (1 - part)), h),
           "t": (0, int(h * part), w, h), "b": (0, 0, w, int(h * (1 - part)))}[side]
    return img.crop(box)


def _occlude(img: Image.Image, rng: random.Random) -> Image.Image:
    """A band (any direction) or one to three blotches, dark or light."""
    out = img.copy()
    draw = ImageDraw.Draw(out)
    w, h = out.size
    shade = rng.choice([(15, 15, 15), (235, 235, 235), (90, 60, 50)])
    if rng.random() < 0.5:
        thick = rng.uniform(0.08, 0.18) * h
        if rng.random() < 0.5:
            y = rng.uniform(0.3, 0.7) * h
            draw.rectangle([0, y, w, y + thick], fill=shade)
        else:
            x = rng.uniform(0.2, 0.8) * w
            draw.rectangle([x, 0, x + thick, h], fill=shade)
    else:
        for _ in range(rng.randint(1, 3)):
            r = rng.uniform(0.06, 0.14) * min(w, h)
            cx, cy = rng.uniform(0.25, 0.75) * w, rng.uniform(0.25, 0.75) * h
            draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=shade)
    return out


def _noise(img: Image.Image, rng: random.Random) -> Image.Image:
    sigma = rng.uniform(4, 22)
    arr = np.asarray(img, np.float32)
    noisy = arr + np.random.default_rng(rng.randrange(2**32)).normal(0, sigma, arr.shape)
    return Image.fromarray(np.clip(noisy, 0, 255).astype(np.uint8))


def _tone(img: Image.Image, rng: random.Random) -> Image.Image:
    out = img
    if rng.random() < 0.6:  # under- or over-exposed
        out = ImageEnhance.Brightness(out).enhance(rng.choice([rng.uniform(0.2, 0.6),
                                                               rng.uniform(1.4, 2.0)]))
    if rng.random() < 0.35:
        out = ImageEnhance.Contrast(out).enhance(rng.uniform(0.3, 0.7))
    if rng.random() < 0.3:
        out = out.convert("L").convert("RGB")
    elif rng.random() < 0.35:  # a colour cast
        gains = [rng.uniform(0.7, 1.3) for _ in range(3)]
        bands = [b.point(lambda v, g=g: min(255, int(v * g))) for b, g in
                 zip(out.split(), gains, strict=True)]
        out = Image.merge("RGB", bands)
    return out


def heldout(img: Image.Image, seed: int) -> Image.Image:
    """One photo's random combination (see the module docstring)."""
    rng = random.Random(seed ^ 0x5EED17)
    out = img.convert("RGB")
    if rng.random() < 0.25:
        out = _cut(out, rng)
    if rng.random() < 0.3:
        out = _occlude(out, rng)
    out = _tone(out, rng)
    if rng.random() < 0.5:
        out = out.filter(ImageFilter.GaussianBlur(rng.uniform(0.5, 2.5)))
    if rng.random() < 0.4:
        out = _noise(out, rng)
    out = out.rotate(rng.uniform(0, 360), resample=Image.Resampling.BILINEAR, expand=True)
    if rng.random() < 0.5:
        f = rng.uniform(0.35, 0.9)
        out = out.resize((max(1, round(out.width * f)), max(1, round(out.height * f))),
                         Image.Resampling.BILINEAR)
    if rng.random() < 0.6:
        out = _jpeg(out, rng.randint(10, 60))
    return out
