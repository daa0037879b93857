"""Athar: offline forensic photo-identification workbench."""

import os

# onnxruntime 1.29+ carries a telemetry uploader on Linux: switched off in every process
# (workers included) before anything imports onnxruntime.
os.environ["ORT_DISABLE_TELEMETRY"] = "1"
# insightface's import imports albumentations, which asks the package index for a newer
# version at import (a network call, blocked here anyway): switched off the same way.
os.environ["NO_ALBUMENTATIONS_UPDATE"] = "1"

__version__ = "0.1.0"
