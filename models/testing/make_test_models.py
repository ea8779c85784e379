#!/usr/bin/python3
"""Writes the small ONNX test models under models/testing/ (testing only).

Run from anywhere with Debian's Python (it has torch 1.13 and onnx 1.12):

    /usr/bin/python3 models/testing/make_test_models.py

Every folder it writes is regenerated from scratch and is deterministic: the
weights come from torch.manual_seed, the reference input from numpy's
default_rng, both with fixed seeds, so running it twice gives the same
manifests, heads, inputs and expected values (the .onnx bytes also match as
long as the torch version does). The weights are random: the outputs mean
nothing and exist only so the TypeScript inference engine can be checked
against PyTorch.

Folders (see README.md beside this file):
  funasr-like/        the FunASR emotion2vec export's signature, head in .npy files
  full-outputs/       a graph with all four outputs, batch fixed at 1, 2 s windows
  label-mismatch/     5 labels in the manifest, 9 rows in the head
  wrong-input-name/   the manifest names an input the graph lacks
  corrupt/            model.onnx is 200 bytes that are not ONNX
  invalid-manifest/   manifest.json lacks labels and has frames.rate as a string

The reference values in expected.json are computed in float64 from the
float32 weights stored in the graph, so they are the exact answer up to the
float32 rounding that onnxruntime itself does (about 1e-6 here); tests compare
within 1e-4.
"""

from __future__ import annotations

import json
import math
import shutil
import sys
from pathlib import Path
from typing import Any, Dict, List, Optional

import numpy as np
import onnx
import torch
from torch import nn

HERE = Path(__file__).resolve().parent

SAMPLE_RATE = 16000
HOP_SAMPLES = 320
WINDOW_SAMPLES = 400
FRAME_RATE = SAMPLE_RATE // HOP_SAMPLES
OPSET = 13
TOLERANCE = 1e-4

# 0.52 s: long enough for 25 frames, short enough that the float32 input
# (33 KB) keeps each folder well under 100 KB, and not a multiple of the hop,
# so the 240 trailing samples that no frame covers test the floor in the
# frame count.
INPUT_SAMPLES = 8320
INPUT_SEED = 20251121
FUNASR_LIKE_SEED = 1234
FULL_OUTPUTS_SEED = 1235
SINE_HZ = 440.0
SINE_AMPLITUDE = 0.5
NOISE_STD = 0.01
# Matches torch.nn.functional.layer_norm(x, x.shape), which is what FunASR
# applies to the waveform before emotion2vec.
NORM_EPS = 1e-5

CANONICAL_LABELS = [
    "angry",
    "disgusted",
    "fearful",
    "happy",
    "neutral",
    "other",
    "sad",
    "surprised",
    "unknown",
]
FULL_OUTPUT_LABELS = ["ang", "hap", "neu", "sad"]
FULL_OUTPUT_MAPPING = {"ang": "angry", "hap": "happy", "neu": "neutral", "sad": "sad"}

GENERATOR = "models/testing/make_test_models.py"
LICENSE = "Apache-2.0 (random test weights made by models/testing/make_test_models.py)"


def frame_count(samples: int) -> int:
    return (samples - WINDOW_SAMPLES) // HOP_SAMPLES + 1


class FrameEncoder(nn.Module):
    """Conv1d(1, C, 400, stride 320) -> tanh -> Linear: the emotion2vec frame
    geometry with each frame depending only on its own 400 samples, so a
    windowed run whose windows start on hop multiples reproduces a single pass
    exactly."""

    def __init__(self, channels: int, dim: int) -> None:
        super().__init__()
        self.conv = nn.Conv1d(1, channels, kernel_size=WINDOW_SAMPLES, stride=HOP_SAMPLES)
        self.proj = nn.Linear(channels, dim)

    def forward(self, waveform: torch.Tensor) -> torch.Tensor:
        x = self.conv(waveform.unsqueeze(1))  # [batch, channels, frames]
        x = torch.tanh(x).transpose(1, 2)  # [batch, frames, channels]
        return self.proj(x)  # [batch, frames, dim]


class FunasrLike(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.encoder = FrameEncoder(channels=8, dim=16)

    def forward(self, waveform: torch.Tensor) -> torch.Tensor:
        return self.encoder(waveform)


class FullOutputs(nn.Module):
    """Separate frame and utterance heads, so a test can tell whether the
    engine used the graph's utterance logits or recomputed them."""

    def __init__(self) -> None:
        super().__init__()
        self.encoder = FrameEncoder(channels=8, dim=8)
        self.frame_head = nn.Linear(8, len(FULL_OUTPUT_LABELS))
        self.utterance_head = nn.Linear(8, len(FULL_OUTPUT_LABELS))

    def forward(self, waveform: torch.Tensor):
        frame_embeddings = self.encoder(waveform)
        frame_logits = self.frame_head(frame_embeddings)
        utterance_embedding = frame_embeddings.mean(dim=1)
        utterance_logits = self.utterance_head(utterance_embedding)
        # Deliberately not in manifest order: the engine must look outputs up by name.
        return utterance_embedding, frame_logits, utterance_logits, frame_embeddings


FULL_OUTPUT_NAMES = ["utterance_embedding", "frame_logits", "utterance_logits", "frame_embeddings"]


def make_input() -> np.ndarray:
    rng = np.random.default_rng(INPUT_SEED)
    t = np.arange(INPUT_SAMPLES, dtype=np.float64) / SAMPLE_RATE
    x = SINE_AMPLITUDE * np.sin(2.0 * math.pi * SINE_HZ * t) + NOISE_STD * rng.standard_normal(INPUT_SAMPLES)
    return x.astype(np.float32)


def normalise(x: np.ndarray) -> np.ndarray:
    x64 = x.astype(np.float64)
    return (x64 - x64.mean()) / math.sqrt(x64.var() + NORM_EPS)


def round_tree(values: np.ndarray) -> Any:
    """Nested lists with 9 significant digits: far below the tolerance, and
    short enough to keep expected.json small."""
    if values.ndim == 0:
        return float(f"{float(values):.9g}")
    return [round_tree(v) for v in values]


def tensor_entry(values: np.ndarray, note: Optional[str] = None) -> Dict[str, Any]:
    entry: Dict[str, Any] = {"shape": list(values.shape), "data": round_tree(values)}
    if note:
        entry["note"] = note
    return entry


def softmax(logits: np.ndarray) -> np.ndarray:
    shifted = logits - logits.max(axis=-1, keepdims=True)
    e = np.exp(shifted)
    return e / e.sum(axis=-1, keepdims=True)


def export(model: nn.Module, path: Path, input_name: str, output_names: List[str], dynamic_axes: Dict[str, Dict[int, str]]) -> None:
    model.eval()
    dummy = torch.zeros(1, SAMPLE_RATE)
    torch.onnx.export(
        model,
        (dummy,),
        str(path),
        input_names=[input_name],
        output_names=output_names,
        dynamic_axes=dynamic_axes,
        opset_version=OPSET,
        do_constant_folding=True,
    )
    onnx.checker.check_model(onnx.load(str(path)))


def run_float64(model: nn.Module, waveform: np.ndarray):
    reference = _double_copy(model)
    with torch.no_grad():
        return reference(torch.from_numpy(waveform.astype(np.float64)).unsqueeze(0))


def _double_copy(model: nn.Module) -> nn.Module:
    clone = type(model)()
    clone.load_state_dict(model.state_dict())
    return clone.double().eval()


def write_compact_json(path: Path, value: Any) -> None:
    path.write_text(_dumps(value, 0) + "\n", encoding="utf-8")


def _dumps(value: Any, level: int) -> str:
    """Like json.dumps(indent=2), except that a list of numbers stays on one
    line: one tensor row per line keeps the file small yet readable in a diff."""
    pad = "  " * (level + 1)
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = [f"{pad}{json.dumps(k)}: {_dumps(v, level + 1)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + "  " * level + "}"
    if isinstance(value, list) and value and all(isinstance(v, list) for v in value):
        items = [pad + _dumps(v, level + 1) for v in value]
        return "[\n" + ",\n".join(items) + "\n" + "  " * level + "]"
    return json.dumps(value, ensure_ascii=False)


def base_manifest(model_id: str, name: str, input_name: str, layer_norm: bool, seed: int) -> Dict[str, Any]:
    return {
        "schemaVersion": 1,
        "id": model_id,
        "name": name,
        "version": "1.0.0",
        "license": LICENSE,
        "source": f"{GENERATOR} (random weights, torch seed {seed}); for tests only",
        "file": "model.onnx",
        "input": {"name": input_name, "sampleRate": SAMPLE_RATE, "layerNorm": layer_norm},
        "outputs": {},
        "frames": {"rate": FRAME_RATE, "hopSamples": HOP_SAMPLES, "windowSamples": WINDOW_SAMPLES},
    }


def funasr_like_manifest(model_id: str, name: str, labels: List[str], input_name: str = "input") -> Dict[str, Any]:
    manifest = base_manifest(model_id, name, input_name, layer_norm=True, seed=FUNASR_LIKE_SEED)
    manifest["outputs"] = {
        "frameLogits": None,
        "frameEmbeddings": "output",
        "utteranceLogits": None,
        "utteranceEmbedding": None,
    }
    manifest["head"] = {"weights": "head_weight.npy", "bias": "head_bias.npy"}
    manifest["labels"] = labels
    manifest["maxWindowSeconds"] = 30
    manifest["batch"] = {"dynamic": True}
    return manifest


def full_outputs_manifest(model_id: str, name: str) -> Dict[str, Any]:
    manifest = base_manifest(model_id, name, "waveform", layer_norm=False, seed=FULL_OUTPUTS_SEED)
    manifest["outputs"] = {
        "frameLogits": "frame_logits",
        "frameEmbeddings": "frame_embeddings",
        "utteranceLogits": "utterance_logits",
        "utteranceEmbedding": "utterance_embedding",
    }
    manifest["labels"] = list(FULL_OUTPUT_LABELS)
    manifest["labelMapping"] = dict(FULL_OUTPUT_MAPPING)
    manifest["maxWindowSeconds"] = 2
    manifest["batch"] = {"dynamic": False}
    return manifest


def model_card(title: str, purpose: str, details: str) -> str:
    return (
        f"# {title} (test model)\n\n"
        f"{purpose} It exists only for the automated tests of the inference engine (`lib/inference`); "
        "the registry never lists it, because it sits two levels below `models/` and `models/testing/` has no manifest of its own.\n\n"
        f"{details} The weights are random (seeded, made by `{GENERATOR}`): the outputs carry no meaning about emotion or "
        "anything else, and nothing here may be used to analyse recordings.\n"
    )


def input_description(normalised: bool) -> Dict[str, Any]:
    description: Dict[str, Any] = {
        "file": "expected-input.npy",
        "dtype": "float32",
        "sampleRate": SAMPLE_RATE,
        "samples": INPUT_SAMPLES,
        "recipe": (
            f"{SINE_AMPLITUDE} * sin(2*pi*{SINE_HZ:g}*t) + {NOISE_STD} * N(0, 1), t = n / {SAMPLE_RATE}, "
            f"noise from numpy.random.default_rng({INPUT_SEED}).standard_normal; read the .npy rather than regenerating"
        ),
        "trailingSamplesWithoutFrame": INPUT_SAMPLES - ((frame_count(INPUT_SAMPLES) - 1) * HOP_SAMPLES + WINDOW_SAMPLES),
    }
    if normalised:
        description["normalisation"] = {
            "formula": "(x - mean(x)) / sqrt(var(x) + eps) over the whole input, population variance",
            "eps": NORM_EPS,
            "appliedBefore": "the graph (manifest input.layerNorm is true: the caller normalises)",
        }
    else:
        description["normalisation"] = None
    return description


def reset(folder: Path) -> Path:
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    return folder


def make_funasr_like(waveform: np.ndarray) -> Dict[str, Path]:
    folder = reset(HERE / "funasr-like")
    torch.manual_seed(FUNASR_LIKE_SEED)
    model = FunasrLike()
    head_weight = (torch.randn(len(CANONICAL_LABELS), 16) * 0.8).numpy().astype(np.float32)
    head_bias = (torch.randn(len(CANONICAL_LABELS)) * 0.2).numpy().astype(np.float32)

    export(
        model,
        folder / "model.onnx",
        "input",
        ["output"],
        {"input": {0: "batch", 1: "samples"}, "output": {0: "batch", 1: "frames"}},
    )
    np.save(folder / "head_weight.npy", head_weight)
    np.save(folder / "head_bias.npy", head_bias)
    np.save(folder / "expected-input.npy", waveform)
    write_compact_json(folder / "manifest.json", funasr_like_manifest("testing-funasr-like", "Test: FunASR-like export", list(CANONICAL_LABELS)))

    frames = frame_count(INPUT_SAMPLES)
    embeddings = run_float64(model, normalise(waveform)).numpy()  # [1, F, 16]
    assert embeddings.shape == (1, frames, 16), embeddings.shape
    w = head_weight.astype(np.float64)
    b = head_bias.astype(np.float64)
    frame_logits = embeddings @ w.T + b
    utterance_embedding = embeddings.mean(axis=1)
    utterance_logits = utterance_embedding @ w.T + b
    write_compact_json(
        folder / "expected.json",
        {
            "description": (
                "Reference run of funasr-like/model.onnx in PyTorch (float64 from the float32 weights). "
                "The graph has no classification head: logits = E . W^T + b with W = head_weight.npy (9 x 16), b = head_bias.npy (9)."
            ),
            "generator": GENERATOR,
            "tolerance": TOLERANCE,
            "input": input_description(normalised=True),
            "frames": frames,
            "labels": list(CANONICAL_LABELS),
            "frameEmbeddings": tensor_entry(embeddings, "graph output 'output' for the normalised input"),
            "frameLogits": tensor_entry(frame_logits, "head(frame embeddings)"),
            "frameProbabilities": tensor_entry(softmax(frame_logits), "softmax(frame logits) over the 9 labels"),
            "utteranceLogits": tensor_entry(utterance_logits, "head(mean of frame embeddings over all frames)"),
            "utteranceProbabilities": tensor_entry(softmax(utterance_logits), "softmax(head(mean of frame embeddings))"),
            "utteranceEmbedding": tensor_entry(utterance_embedding, "mean of frame embeddings over all frames"),
        },
    )
    (folder / "MODEL_CARD.md").write_text(
        model_card(
            "funasr-like",
            "A stand-in for an emotion2vec+ model exported by FunASR: input `input` float32 `[batch, samples]` and output `output` "
            "float32 `[batch, frames, 16]`, both with dynamic batch and length, frames = floor((samples - 400) / 320) + 1 at 50 per second, "
            "no classification head in the graph (the 9 x 16 head is in `head_weight.npy` and `head_bias.npy`) and `layerNorm: true`, "
            "so the engine must normalise the waveform, apply the head, and produce frame and utterance scores.",
            "The graph is Conv1d(1, 8, kernel 400, stride 320), tanh, and an 8 x 16 Linear, so every frame depends only on its own 400 samples. "
            "`expected.json` holds a PyTorch reference run on `expected-input.npy` (frame embeddings, frame logits and probabilities, "
            "utterance probabilities and embedding) to compare against within 1e-4.",
        ),
        encoding="utf-8",
    )
    return {"onnx": folder / "model.onnx", "weight": folder / "head_weight.npy", "bias": folder / "head_bias.npy"}


def make_full_outputs(waveform: np.ndarray) -> Path:
    folder = reset(HERE / "full-outputs")
    torch.manual_seed(FULL_OUTPUTS_SEED)
    model = FullOutputs()
    export(
        model,
        folder / "model.onnx",
        "waveform",
        FULL_OUTPUT_NAMES,
        {
            "waveform": {1: "samples"},
            "frame_logits": {1: "frames"},
            "frame_embeddings": {1: "frames"},
        },
    )
    np.save(folder / "expected-input.npy", waveform)
    write_compact_json(folder / "manifest.json", full_outputs_manifest("testing-full-outputs", "Test: all four outputs"))

    frames = frame_count(INPUT_SAMPLES)
    utterance_embedding, frame_logits, utterance_logits, frame_embeddings = (t.numpy() for t in run_float64(model, waveform))
    assert frame_logits.shape == (1, frames, len(FULL_OUTPUT_LABELS)), frame_logits.shape
    write_compact_json(
        folder / "expected.json",
        {
            "description": (
                "Reference run of full-outputs/model.onnx in PyTorch (float64 from the float32 weights) on the raw input "
                "(layerNorm is false). The graph's outputs are listed in the order utterance_embedding, frame_logits, "
                "utterance_logits, frame_embeddings; the engine must find them by name."
            ),
            "generator": GENERATOR,
            "tolerance": TOLERANCE,
            "input": input_description(normalised=False),
            "frames": frames,
            "labels": list(FULL_OUTPUT_LABELS),
            "labelMapping": dict(FULL_OUTPUT_MAPPING),
            "frameLogits": tensor_entry(frame_logits, "graph output 'frame_logits'"),
            "frameEmbeddings": tensor_entry(frame_embeddings, "graph output 'frame_embeddings'"),
            "frameProbabilities": tensor_entry(softmax(frame_logits), "softmax(frame_logits) in model label order"),
            "utteranceLogits": tensor_entry(utterance_logits, "graph output 'utterance_logits' (its own head, not the frame head)"),
            "utteranceProbabilities": tensor_entry(softmax(utterance_logits), "softmax(utterance_logits) in model label order"),
            "utteranceEmbedding": tensor_entry(utterance_embedding, "graph output 'utterance_embedding' (mean of frame embeddings)"),
            "meanOfFrameProbabilities": tensor_entry(
                softmax(frame_logits).mean(axis=1),
                "NOT the utterance probabilities: differs from them, so a test can tell which path the engine took",
            ),
        },
    )
    (folder / "MODEL_CARD.md").write_text(
        model_card(
            "full-outputs",
            "A graph that produces all four outputs the manifest can name: `frame_logits` `[1, frames, 4]`, `frame_embeddings` "
            "`[1, frames, 8]`, `utterance_logits` `[1, 4]` and `utterance_embedding` `[1, 8]`, from input `waveform` `[1, samples]` "
            "with the batch fixed at 1 (`batch.dynamic: false`), `layerNorm: false`, non-canonical labels `ang, hap, neu, sad` with a "
            "`labelMapping`, and `maxWindowSeconds: 2` so that a few seconds of audio make the engine cut windows and stitch frames.",
            "Frames use the emotion2vec geometry (400-sample window, 320-sample hop) and depend only on their own samples, so stitched "
            "windows that start on hop multiples must reproduce a single pass; the utterance logits come from a second head, so they differ "
            "from anything the engine could compute from the frames. `expected.json` holds a PyTorch reference run on `expected-input.npy`.",
        ),
        encoding="utf-8",
    )
    return folder / "model.onnx"


def make_label_mismatch(funasr: Dict[str, Path]) -> None:
    folder = reset(HERE / "label-mismatch")
    for key, name in (("onnx", "model.onnx"), ("weight", "head_weight.npy"), ("bias", "head_bias.npy")):
        shutil.copyfile(funasr[key], folder / name)
    write_compact_json(
        folder / "manifest.json",
        funasr_like_manifest("testing-label-mismatch", "Test: 5 labels, 9-row head", CANONICAL_LABELS[:5]),
    )
    (folder / "MODEL_CARD.md").write_text(
        model_card(
            "label-mismatch",
            "The funasr-like graph and head (9 rows), with a manifest that lists only 5 labels. The engine must refuse it and say that "
            "the head has 9 classes while the manifest names 5.",
            "Everything else (input name, outputs, frames, head files) is valid, so the label count is the only reason to fail.",
        ),
        encoding="utf-8",
    )


def make_wrong_input_name(funasr: Dict[str, Path]) -> None:
    folder = reset(HERE / "wrong-input-name")
    for key, name in (("onnx", "model.onnx"), ("weight", "head_weight.npy"), ("bias", "head_bias.npy")):
        shutil.copyfile(funasr[key], folder / name)
    write_compact_json(
        folder / "manifest.json",
        funasr_like_manifest("testing-wrong-input-name", "Test: wrong input name", list(CANONICAL_LABELS), input_name="audio"),
    )
    (folder / "MODEL_CARD.md").write_text(
        model_card(
            "wrong-input-name",
            "The funasr-like graph, whose only input is `input`, with a manifest that names the input `audio`. The engine must refuse it "
            "and name both the expected input and the inputs the graph has.",
            "Everything else is valid, so the input name is the only reason to fail.",
        ),
        encoding="utf-8",
    )


def make_corrupt() -> None:
    folder = reset(HERE / "corrupt")
    # Starts with 'N' (0x4E: field 9, wire type 6), which no protobuf parser
    # accepts, so this can never load as an ONNX model by accident.
    header = b"NOT AN ONNX MODEL: bytes written by models/testing/make_test_models.py to test a corrupt model file. "
    data = (header * 3)[:200]
    (folder / "model.onnx").write_bytes(data)
    write_compact_json(folder / "manifest.json", full_outputs_manifest("testing-corrupt", "Test: corrupt model file"))
    (folder / "MODEL_CARD.md").write_text(
        model_card(
            "corrupt",
            "A valid manifest (that of full-outputs) next to a `model.onnx` of 200 bytes that are not ONNX. The engine must report that "
            "the model file cannot be loaded, naming the file, rather than crash or list the model as usable.",
            "The bytes are plain ASCII text whose first byte is not a valid protobuf tag, so no ONNX parser accepts them.",
        ),
        encoding="utf-8",
    )


def make_invalid_manifest(full_outputs_onnx: Path) -> None:
    folder = reset(HERE / "invalid-manifest")
    shutil.copyfile(full_outputs_onnx, folder / "model.onnx")
    manifest = full_outputs_manifest("testing-invalid-manifest", "Test: invalid manifest")
    del manifest["labels"]
    del manifest["labelMapping"]
    manifest["frames"]["rate"] = "50"
    write_compact_json(folder / "manifest.json", manifest)
    (folder / "MODEL_CARD.md").write_text(
        model_card(
            "invalid-manifest",
            "A working graph (that of full-outputs) with a `manifest.json` that lacks `labels` and gives `frames.rate` as the string "
            "`\"50\"`. Manifest validation must fail and name both fields.",
            "The model file itself loads, so the manifest is the only reason to fail.",
        ),
        encoding="utf-8",
    )


def folder_sizes() -> List[str]:
    lines = []
    for folder in sorted(p for p in HERE.iterdir() if p.is_dir()):
        size = sum(f.stat().st_size for f in folder.iterdir() if f.is_file())
        lines.append(f"  {folder.name}/: {size / 1024:.1f} KB")
        if size >= 100 * 1024:
            sys.exit(f"{folder.name}/ is {size} bytes; test folders must stay under 100 KB")
    return lines


def main() -> None:
    torch.use_deterministic_algorithms(True)
    torch.set_num_threads(1)
    waveform = make_input()
    funasr = make_funasr_like(waveform)
    full_outputs_onnx = make_full_outputs(waveform)
    make_label_mismatch(funasr)
    make_wrong_input_name(funasr)
    make_corrupt()
    make_invalid_manifest(full_outputs_onnx)
    print("wrote test models under models/testing/:")
    print("\n".join(folder_sizes()))


if __name__ == "__main__":
    main()
