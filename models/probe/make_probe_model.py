"""Writes models/probe/probe.onnx: the smallest graph (y = x + x on a float32
vector) that the inference engine loads at start-up to find out which
execution provider (CUDA or CPU) works on this machine, before any real model
is asked for. Run with Debian's Python: /usr/bin/python3 models/probe/make_probe_model.py
"""
import pathlib

import onnx
from onnx import TensorProto, helper

x = helper.make_tensor_value_info("x", TensorProto.FLOAT, ["n"])
y = helper.make_tensor_value_info("y", TensorProto.FLOAT, ["n"])
graph = helper.make_graph([helper.make_node("Add", ["x", "x"], ["y"])], "probe", [x], [y])
model = helper.make_model(graph, producer_name="resonance", opset_imports=[helper.make_opsetid("", 13)])
model.ir_version = 7
onnx.checker.check_model(model)
out = pathlib.Path(__file__).with_name("probe.onnx")
out.write_bytes(model.SerializeToString())
print(f"wrote {out} ({out.stat().st_size} bytes)")
