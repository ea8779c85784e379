"""Writes the ONNX graph (with FunASR's exporter or torch.onnx.export), checks
its signature, runs it with onnxruntime and decides `layerNorm`."""

from __future__ import annotations

import contextlib
import functools
import inspect
import traceback
from pathlib import Path
from typing import Any, Dict, Iterator, List, Tuple

from e2v_common import NORM_EPS, SAMPLE_RATE, clip_of_length, fail, relative_difference, say

# Ops that take the mean or normalise; fed straight from the waveform they
# mean the graph normalises it (FunASR >= 1.2.3 starts with ReduceMean;
# F.layer_norm at opset 17 becomes LayerNormalization).
NORMALISING_OPS = {"ReduceMean", "LayerNormalization", "MeanVarianceNormalization"}
PASS_THROUGH_OPS = {"Cast", "Identity", "Reshape", "Flatten"}


@contextlib.contextmanager
def torchscript_exporter() -> Iterator[None]:
    """Recent torch releases move torch.onnx.export to the dynamo-based
    exporter, which treats dynamic_axes and opsets differently; FunASR's
    exporter was written for the TorchScript one. Ask for that one wherever
    torch still takes the `dynamo` argument."""
    import torch.onnx

    original = torch.onnx.export
    try:
        takes_dynamo = "dynamo" in inspect.signature(original).parameters
    except (TypeError, ValueError):
        takes_dynamo = False
    if not takes_dynamo:
        yield
        return

    @functools.wraps(original)
    def export(*args: Any, **kwargs: Any) -> Any:
        kwargs.setdefault("dynamo", False)
        return original(*args, **kwargs)

    torch.onnx.export = export
    try:
        yield
    finally:
        torch.onnx.export = original


def export_graph(auto_model: Any, method: str, opset: int, work_dir: Path, normalize: bool) -> Path:
    with torchscript_exporter():
        if method == "funasr":
            return _export_with_funasr(auto_model, opset, work_dir)
        return _export_with_torch(auto_model, opset, work_dir, normalize)


def _export_with_funasr(auto_model: Any, opset: int, work_dir: Path) -> Path:
    import onnx

    target = work_dir / "funasr-export"
    target.mkdir()
    say(f"exporting with FunASR: AutoModel.export(type='onnx', opset_version={opset})")
    try:
        auto_model.export(type="onnx", quantize=False, opset_version=opset, device="cpu", output_dir=str(target))
    except Exception as error:
        traceback.print_exc()
        fail(f"FunASR's exporter failed ({error}). Try --method torch, or another FunASR version.")
    # The file name differs between FunASR versions ("emotion2vec.onnx", or
    # "emotion2vec" without an extension): take whatever parses as ONNX.
    found = []
    for path in sorted(p for p in target.rglob("*") if p.is_file()):
        try:
            onnx.load(str(path), load_external_data=False)
        except Exception:
            continue
        found.append(path)
    if len(found) != 1:
        fail(f"expected one ONNX file from FunASR's exporter in {target}, found {[p.name for p in found]}")
    return found[0]


def _export_with_torch(auto_model: Any, opset: int, work_dir: Path, normalize: bool) -> Path:
    import torch

    class Encoder(torch.nn.Module):
        """The graph FunASR >= 1.2.3 exports: normalise each row, then the
        features without the pre-training extras."""

        def __init__(self, inner: Any) -> None:
            super().__init__()
            self.inner = inner

        def forward(self, x: Any) -> Any:
            if normalize:
                mean = x.mean(dim=1, keepdim=True)
                var = x.var(dim=1, keepdim=True, unbiased=False)
                x = (x - mean) / torch.sqrt(var + NORM_EPS)
            return self.inner.extract_features(x, padding_mask=None)["x"]

    path = work_dir / "emotion2vec.onnx"
    say(f"exporting with torch.onnx.export (opset {opset})")
    with torch.no_grad():
        torch.onnx.export(
            Encoder(auto_model.model).eval(),
            (torch.randn(1, SAMPLE_RATE),),
            str(path),
            opset_version=opset,
            input_names=["input"],
            output_names=["output"],
            dynamic_axes={"input": {0: "batch_size", 1: "sequence_length"}, "output": {0: "batch_size", 1: "sequence_length"}},
        )
    return path


def check_graph(path: Path, embed_dim: int, opset: int) -> Dict[str, Any]:
    import onnx

    model = onnx.load(str(path), load_external_data=False)
    if any(t.data_location == onnx.TensorProto.EXTERNAL for t in model.graph.initializer):
        fail(f"{path.name} keeps weights in external files; the app loads model.onnx alone")
    onnx.checker.check_model(str(path))
    used_opset = next((entry.version for entry in model.opset_import if entry.domain in ("", "ai.onnx")), None)
    if used_opset != opset:
        fail(f"the graph uses opset {used_opset}, not {opset}")
    weights = {init.name for init in model.graph.initializer}
    inputs = [i for i in model.graph.input if i.name not in weights]
    outputs = list(model.graph.output)
    if [i.name for i in inputs] != ["input"] or [o.name for o in outputs] != ["output"]:
        fail(f"the graph has inputs {[i.name for i in inputs]} and outputs {[o.name for o in outputs]}; expected ['input'] and ['output']")
    in_dims, out_dims = _dims(inputs[0]), _dims(outputs[0])
    if len(in_dims) != 2 or not all(isinstance(d, str) and d for d in in_dims):
        fail(f"input 'input' has shape {in_dims}; expected [batch, samples], both dynamic")
    # A static last dimension must be D; 0 or a name means "unknown", and the runs check it.
    if len(out_dims) != 3 or (isinstance(out_dims[2], int) and out_dims[2] not in (0, embed_dim)):
        fail(f"output 'output' has shape {out_dims}; expected [batch, frames, {embed_dim}]")
    if not all(isinstance(d, str) and d for d in out_dims[:2]):
        fail(f"output 'output' has shape {out_dims}; its batch and frame dimensions should be dynamic")
    return {
        "opset": used_opset,
        "inputShape": in_dims,
        "outputShape": out_dims,
        "bytes": path.stat().st_size,
        "opsOnInput": _ops_on_input(model),
    }


def _dims(value: Any) -> List[Any]:
    return [d.dim_param or d.dim_value for d in value.type.tensor_type.shape.dim]


def _ops_on_input(model: Any) -> List[str]:
    """The ops that read the waveform, looking through casts and reshapes."""
    names, ops = {"input"}, []
    for node in model.graph.node:  # nodes are stored in topological order
        if names.intersection(node.input):
            ops.append(node.op_type)
            if node.op_type in PASS_THROUGH_OPS:
                names.update(node.output)
    return sorted(set(ops))


def normalises_structurally(graph_info: Dict[str, Any]) -> bool:
    return bool(NORMALISING_OPS.intersection(graph_info["opsOnInput"]))


class Graph:
    def __init__(self, path: Path) -> None:
        import onnxruntime  # type: ignore

        self.session = onnxruntime.InferenceSession(str(path), onnxruntime.SessionOptions(), providers=["CPUExecutionProvider"])

    def run(self, batch: Any) -> Any:
        try:
            return self.session.run(["output"], {"input": batch})[0]
        except Exception as error:  # typically a length or batch size frozen into the graph by tracing
            fail(f"onnxruntime cannot run the graph on an input of shape {list(batch.shape)}: {error}")

    def frames(self, waveform: Any) -> Any:
        return self.run(waveform.reshape(1, -1))[0]


def detect_graph_normalisation(graph: Graph, clip: Any, structural: bool) -> Tuple[bool, float]:
    """Two independent signs must agree: the graph's first ops read the mean
    of the waveform, and x and 3x + 1 give the same output (which only a
    graph that removes mean and scale itself can do)."""
    x = clip_of_length(clip, 2 * SAMPLE_RATE)
    difference = relative_difference(graph.frames(3.0 * x + 1.0), graph.frames(x))
    if structural and difference < 1e-3:
        return True, difference
    if not structural and difference > 1e-2:
        return False, difference
    fail(
        f"cannot tell whether the graph normalises the waveform: its first ops {'do' if structural else 'do not'} take the mean "
        f"of the input, but the outputs for x and 3x+1 differ by {difference:.2e} (relative; expected < 1e-3 if it normalises, "
        "> 1e-2 if not). Inspect the graph (e.g. with Netron) and report this."
    )
    raise AssertionError("unreachable")


def decide_layer_norm(graph_normalises: bool, model_normalizes: bool) -> bool:
    """layerNorm in the manifest means: the caller normalises before the graph."""
    if graph_normalises and not model_normalizes:
        fail(
            "the graph normalises the waveform but the model's config has normalize: false, so FunASR feeds it raw audio: "
            "this graph would not reproduce FunASR. Use --method torch."
        )
    return model_normalizes and not graph_normalises
