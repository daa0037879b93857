#!/usr/bin/env bash
# One prepared run for a machine with an NVIDIA GPU (at most 10 minutes there; everything
# it runs was installed and checked on the CPU first: bench/gpu.py --devices cpu).
#
#   bash bench/gpu.sh [DATA_DIR] [PACK_DIR]
#
# DATA_DIR defaults to ../shared/data/faces-dev; PACK_DIR to a pack made here from the
# test networks in ../shared/models-test (SCRFD-500M + MobileFaceNet: tests only).
# Needs: an NVIDIA driver >= 525 and the CUDA 12 / cuDNN 9 runtime onnxruntime-gpu links
# against (pip's nvidia-* wheels or the system's). It
#   1. sets the repository up with the GPU build of onnxruntime in place of the CPU one
#      (bash packaging/setup.sh --gpu; never both in one environment),
#   2. checks that onnxruntime offers the CUDA provider and that a session really runs on it,
#   3. imports DATA_DIR with the default model (CPU) and with the pack on the CPU and on
#      CUDA, printing images/s, faces/s, the GPU memory at the peak and the cosine between
#      the CPU's and the GPU's vector of each face (they must agree to >= 0.999).
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${1:-../shared/data/faces-dev}
PACK=${2:-}
nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv || {
    echo "error: nvidia-smi finds no NVIDIA GPU or driver" >&2; exit 2; }
if [ ! -x .venv/bin/python ] || ! .venv/bin/python -c \
        'import onnxruntime as o, sys; sys.exit("CUDAExecutionProvider" not in o.get_available_providers())'; then
    bash packaging/setup.sh --gpu
fi
.venv/bin/python - <<'PY'
import athar  # ORT_DISABLE_TELEMETRY before onnxruntime
import onnxruntime as ort
print("onnxruntime", ort.__version__, ort.get_available_providers())
assert "CUDAExecutionProvider" in ort.get_available_providers(), "no CUDA provider"
PY
if [ -z "$PACK" ]; then
    PACK=$(mktemp -d)/scrfd-mobilefacenet
    .venv/bin/athar models pack --kind insightface \
        --detector ../shared/models-test/det_500m.onnx \
        --recognizer ../shared/models-test/mobilefacenet_128.onnx \
        --name scrfd500m-mobilefacenet-test --out "$PACK"
fi
timeout 540 .venv/bin/python bench/gpu.py "$DATA" --pack "$PACK" --devices cpu,cuda
