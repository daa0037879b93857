"""dlib's face descriptor network, read from its own weights file and run on onnxruntime.

dlib-bin is built without BLAS: its ResNet takes ~120 ms a face on one core here, three
quarters of the time an import spends on a clean photo. The same network with the same
weights runs several times faster on onnxruntime, and gives the same descriptors to float
rounding (tests/test_descriptor_onnx.py compares both on real faces).

The network is dlib's `anet_type` of dnn_face_recognition_ex.cpp (a 29-layer ResNet on
150x150 RGB chips: a 7x7 stem and max pool, residual blocks of two 3x3 convolutions, each
followed by a per-channel affine, blocks that halve the size pooling their shortcut,
global average, a 128-output linear layer). The converter reads the layers in the order
dlib serialises them (input first), checks that sequence against that architecture, and
refuses anything else.

dlib's serialisation (dlib/serialize.h, dlib/dnn): integers are a control byte (number of
bytes, 0x80 when negative) then little-endian bytes; strings are an integer length then
the characters; a tensor is version 2, four integer dimensions, then little-endian float32;
a float is an integer mantissa and an integer exponent. A residual addition of tensors of
different sizes adds where they overlap and keeps the rest (zero padding): a shortcut with
fewer channels is padded with zero channels, a pooled shortcut one row larger is kept.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import onnx
import onnxruntime as ort
from onnx import TensorProto, helper, numpy_helper

CHIP = 150


class DescriptorFormatError(ValueError):
    """The weights file is not the network this converter knows."""


@dataclass
class _Layer:
    kind: str
    params: np.ndarray | None = None
    ints: tuple[int, ...] = ()
    floats: tuple[float, ...] = ()


def _params(layer: _Layer) -> np.ndarray:
    if layer.params is None:
        raise DescriptorFormatError(f"{layer.kind} layer without parameters")
    return layer.params.reshape(-1)


class _Reader:
    def __init__(self, data: bytes) -> None:
        self.data, self.pos = data, 0

    def integer(self) -> int:
        control = self.data[self.pos]
        size, negative = control & 0x0F, control & 0x80
        value = int.from_bytes(self.data[self.pos + 1:self.pos + 1 + size], "little")
        self.pos += 1 + size
        return -value if negative else value

    def real(self) -> float:
        mantissa = self.integer()
        return float(mantissa) * 2.0 ** self.integer()

    def tensor(self) -> np.ndarray:
        if self.integer() != 2:
            raise DescriptorFormatError(f"unknown tensor version at byte {self.pos}")
        dims = tuple(self.integer() for _ in range(4))
        count = int(np.prod(dims))
        end = self.pos + 4 * count
        if end > len(self.data):
            raise DescriptorFormatError("weights file ends inside a tensor")
        values = np.frombuffer(self.data, dtype="<f4", count=count, offset=self.pos)
        self.pos = end
        return values.astype(np.float32).reshape(dims)


_TOKEN = re.compile(rb"\x01[\x04-\x20](con_4|affine_|relu_|max_pool_2|avg_pool_2|add_prev_|"
                    rb"fc_2|input_rgb_image_sized)")


def read_layers(data: bytes) -> list[_Layer]:
    """The layers of a serialised dlib metric-loss ResNet, input first.

    Raises:
        DescriptorFormatError: the data end inside a layer or hold impossible sizes.
    """
    try:
        return _read_layers(data)
    except (IndexError, ValueError) as exc:
        if isinstance(exc, DescriptorFormatError):
            raise
        raise DescriptorFormatError(f"damaged weights file: {exc}") from exc


def _read_layers(data: bytes) -> list[_Layer]:
    reader = _Reader(data)
    layers: list[_Layer] = []
    while (m := _TOKEN.search(data, reader.pos)) is not None:
        if m.group()[1] != len(m.group(1)):
            reader.pos = m.start() + 1
            continue
        kind = m.group(1).decode()
        reader.pos = m.end()
        if kind == "input_rgb_image_sized":
            layers.append(_Layer(kind, floats=tuple(reader.real() for _ in range(3)),
                                 ints=(reader.integer(), reader.integer())))
        elif kind == "con_4":
            params = reader.tensor()
            layers.append(_Layer(kind, params, tuple(reader.integer() for _ in range(7))))
        elif kind == "affine_":
            layers.append(_Layer(kind, reader.tensor()))
        elif kind in ("max_pool_2", "avg_pool_2"):
            layers.append(_Layer(kind, ints=tuple(reader.integer() for _ in range(6))))
        elif kind == "fc_2":
            outputs, inputs = reader.integer(), reader.integer()
            layers.append(_Layer(kind, reader.tensor(), (outputs, inputs)))
        else:
            layers.append(_Layer(kind))
    return layers


class _Graph:
    """Builds the ONNX graph while tracking each tensor's (channels, rows, cols)."""

    def __init__(self) -> None:
        self.nodes: list[onnx.NodeProto] = []
        self.weights: list[onnx.TensorProto] = []
        self.count = 0

    def name(self, stem: str) -> str:
        self.count += 1
        return f"{stem}{self.count}"

    def const(self, stem: str, value: np.ndarray) -> str:
        name = self.name(stem)
        self.weights.append(numpy_helper.from_array(value, name))
        return name

    def node(self, op: str, inputs: list[str], **attrs: Any) -> str:
        out = self.name(op.lower())
        self.nodes.append(helper.make_node(op, inputs, [out], **attrs))
        return out


Shape = tuple[int, int, int]


def _conv(g: _Graph, x: str, shape: Shape, con: _Layer, affine: _Layer) -> tuple[str, Shape]:
    filters, rows, cols, sy, sx, py, px = con.ints
    flat, scale = _params(con), _params(affine)
    channels = (flat.size - filters) // (filters * rows * cols)
    if channels != shape[0] or scale.size != 2 * filters:
        raise DescriptorFormatError("convolution and its input or affine do not fit")
    weight = flat[:filters * channels * rows * cols].reshape(filters, channels, rows, cols)
    bias = flat[filters * channels * rows * cols:]
    gamma, beta = scale[:filters], scale[filters:]
    out = g.node("Conv", [x, g.const("w", weight * gamma[:, None, None, None]),
                          g.const("b", bias * gamma + beta)],
                 kernel_shape=[rows, cols], strides=[sy, sx], pads=[py, px, py, px])
    return out, (filters, (shape[1] + 2 * py - rows) // sy + 1,
                 (shape[2] + 2 * px - cols) // sx + 1)


def _pool(g: _Graph, op: str, x: str, shape: Shape, layer: _Layer) -> tuple[str, Shape]:
    rows, cols, sy, sx, py, px = layer.ints
    out = g.node(op, [x], kernel_shape=[rows, cols], strides=[sy, sx], pads=[py, px, py, px])
    return out, (shape[0], (shape[1] + 2 * py - rows) // sy + 1,
                 (shape[2] + 2 * px - cols) // sx + 1)


def _padded(g: _Graph, x: str, shape: Shape, target: Shape) -> str:
    if shape == target:
        return x
    grow = [t - s for t, s in zip(target, shape, strict=True)]  # at the end of each axis
    return g.node("Pad", [x, g.const("pads", np.array([0, 0, 0, 0, 0, *grow], np.int64))])


def _add(g: _Graph, a: str, sa: Shape, b: str, sb: Shape) -> tuple[str, Shape]:
    """dlib's add_prev: the larger of each dimension, zeros where a tensor has none."""
    target = (max(sa[0], sb[0]), max(sa[1], sb[1]), max(sa[2], sb[2]))
    return g.node("Add", [_padded(g, a, sa, target), _padded(g, b, sb, target)]), target


def to_onnx(layers: Sequence[_Layer]) -> tuple[bytes, tuple[float, float, float]]:
    """The ONNX model (NCHW float input `chips`, output `descriptors`) and the input layer's
    per-channel means (red, green, blue; dlib divides by 256 after subtracting them)."""
    kinds = [layer.kind for layer in layers]
    if not kinds or kinds[0] != "input_rgb_image_sized" or kinds[-1] != "fc_2":
        raise DescriptorFormatError("not a dlib ResNet with an RGB input and a linear output")
    means = layers[0].floats
    if layers[0].ints != (CHIP, CHIP):
        raise DescriptorFormatError(f"input size {layers[0].ints}, expected {CHIP}x{CHIP}")
    g = _Graph()
    stem = kinds[1:5]
    if stem != ["con_4", "affine_", "relu_", "max_pool_2"]:
        raise DescriptorFormatError(f"unexpected stem {stem}")
    x, shape = _conv(g, "chips", (3, CHIP, CHIP), layers[1], layers[2])
    x, shape = _pool(g, "MaxPool", g.node("Relu", [x]), shape, layers[4])
    i, blocks = 5, 0
    while kinds[i:i + 1] == ["con_4"]:
        block_in, in_shape = x, shape
        if kinds[i:i + 5] != ["con_4", "affine_", "relu_", "con_4", "affine_"]:
            raise DescriptorFormatError(f"unexpected residual block at layer {i}")
        x, shape = _conv(g, x, shape, layers[i], layers[i + 1])
        x, shape = _conv(g, g.node("Relu", [x]), shape, layers[i + 3], layers[i + 4])
        i += 5
        skip, skip_shape = block_in, in_shape
        if kinds[i:i + 1] == ["avg_pool_2"]:
            skip, skip_shape = _pool(g, "AveragePool", block_in, in_shape, layers[i])
            i += 1
        if kinds[i:i + 2] != ["add_prev_", "relu_"]:
            raise DescriptorFormatError(f"residual block without its addition at layer {i}")
        x, shape = _add(g, x, shape, skip, skip_shape)
        x = g.node("Relu", [x])
        i += 2
        blocks += 1
    if blocks != 14 or kinds[i:] != ["avg_pool_2", "fc_2"] or layers[i].ints[:2] != (0, 0):
        raise DescriptorFormatError(f"{blocks} residual blocks and {kinds[i:]}, expected 14 "
                                    "and a global average then the linear layer")
    fc = layers[-1]
    outputs, inputs = fc.ints
    if inputs != shape[0]:
        raise DescriptorFormatError("linear layer does not fit the last block")
    pooled = g.node("Flatten", [g.node("GlobalAveragePool", [x])])
    g.nodes.append(helper.make_node(
        "MatMul", [pooled, g.const("fc", _params(fc).reshape(inputs, outputs))],
        ["descriptors"]))
    graph = helper.make_graph(
        g.nodes, "dlib_face_descriptor",
        [helper.make_tensor_value_info("chips", TensorProto.FLOAT, ["n", 3, CHIP, CHIP])],
        [helper.make_tensor_value_info("descriptors", TensorProto.FLOAT, ["n", outputs])],
        g.weights)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)],
                              producer_name="athar")
    onnx.checker.check_model(model)
    return model.SerializeToString(), (means[0], means[1], means[2])


PROVIDERS = ["CPUExecutionProvider"]
"""Named explicitly: the CPU build lists a remote provider first (DESIGN.md pitfalls). The
detectors run on dlib's CPU code too, so the status bar's "CPU" stays true."""


class OnnxDescriptor:
    """compute(chips) -> raw 128-d descriptors, as dlib's compute_face_descriptor."""

    def __init__(self, weights: Path, threads: int = 1) -> None:
        model, means = to_onnx(read_layers(weights.read_bytes()))
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        self._session = ort.InferenceSession(model, options, providers=PROVIDERS)
        self._means = np.array(means, dtype=np.float32)

    def compute(self, chips: Sequence[np.ndarray]) -> np.ndarray:
        """(len(chips), 128) float32 descriptors of 150x150 RGB uint8 chips."""
        if not chips:
            return np.zeros((0, 128), np.float32)
        batch = (np.stack(chips).astype(np.float32) - self._means) / 256.0
        out = self._session.run(["descriptors"],
                                {"chips": np.ascontiguousarray(batch.transpose(0, 3, 1, 2))})
        return np.asarray(out[0], dtype=np.float32)
