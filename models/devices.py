"""Where an ONNX pack computes: onnxruntime's execution providers, always named explicitly.

`cpu` uses the CPU provider; `cuda` the CUDA provider when the installed onnxruntime has
it (the `onnxruntime-gpu` package in place of `onnxruntime`: `bash packaging/setup.sh
--gpu`) and falls back to the CPU
with a message saying why; `auto` takes CUDA when present, else the CPU, silently. The
Azure provider some builds list is never used.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import onnxruntime as ort

from athar.casework.domain.errors import InvalidRequest

logger = logging.getLogger(__name__)

DEVICES = ("auto", "cpu", "cuda")
CPU = "CPUExecutionProvider"
CUDA = "CUDAExecutionProvider"


@dataclass(frozen=True)
class DeviceChoice:
    """The providers to pass, the device in words, and why a request was not met."""

    providers: tuple[str, ...]
    label: str
    fallback: str | None = None


def choose(device: str) -> DeviceChoice:
    """Providers for a requested device (`auto`, `cpu` or `cuda`).

    Raises:
        InvalidRequest: an unknown device name.
    """
    if device not in DEVICES:
        raise InvalidRequest(f"--device must be one of {', '.join(DEVICES)}, not {device!r}")
    if device == "cpu":
        return DeviceChoice((CPU,), "CPU")
    if CUDA in ort.get_available_providers():
        return DeviceChoice((CUDA, CPU), "GPU (CUDA)")
    if device == "cuda":
        return DeviceChoice((CPU,), "CPU", fallback=(
            "CUDA was asked for, but the installed onnxruntime has no CUDA provider "
            "(onnxruntime-gpu replaces it: bash packaging/setup.sh --gpu, README "
            "\"Devices\"); computing on the CPU"))
    return DeviceChoice((CPU,), "CPU")


def actual(choice: DeviceChoice, session_providers: list[str]) -> DeviceChoice:
    """What a created session really uses: CUDA listed but not loaded (no driver, no
    GPU) leaves the session on the CPU, which is said once."""
    if CUDA in choice.providers and CUDA not in session_providers:
        return DeviceChoice((CPU,), "CPU", fallback=(
            "onnxruntime has a CUDA provider but could not use it (no NVIDIA GPU or "
            "driver, or a CUDA/cuDNN version it does not support); computing on the CPU"))
    return choice
