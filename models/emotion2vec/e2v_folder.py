"""Builds the manifest and model card and writes the model folder."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any, Dict

from e2v_common import (
    CANONICAL_LABELS,
    FRAME_RATE,
    HOP_SAMPLES,
    HUB_PAGES,
    LICENSE,
    MAX_WINDOW_SECONDS,
    SAMPLE_RATE,
    WINDOW_SAMPLES,
    fail,
)

HERE = Path(__file__).resolve().parent


def build_manifest(size: str, hub: str, layer_norm: bool, batch_dynamic: bool, version: str, funasr_version: str) -> Dict[str, Any]:
    """The template is base as FunASR >= 1.2.3 exports it; the fields that vary
    are set here and the fixed ones checked, so the template cannot drift."""
    manifest = json.loads((HERE / "manifest.template.json").read_text(encoding="utf-8"))
    manifest["id"] = f"emotion2vec-plus-{size}"
    manifest["name"] = f"emotion2vec+ {size}"
    manifest["version"] = version
    manifest["source"] = f"{HUB_PAGES[hub].format(size=size)} (exported locally with FunASR {funasr_version})"
    manifest["input"] = {"name": "input", "sampleRate": SAMPLE_RATE, "layerNorm": layer_norm}
    manifest["batch"] = {"dynamic": batch_dynamic}
    fixed = {
        "schemaVersion": 1,
        "license": LICENSE,
        "file": "model.onnx",
        "outputs": {"frameLogits": None, "frameEmbeddings": "output", "utteranceLogits": None, "utteranceEmbedding": None},
        "frames": {"rate": FRAME_RATE, "hopSamples": HOP_SAMPLES, "windowSamples": WINDOW_SAMPLES},
        "head": {"weights": "head_weight.npy", "bias": "head_bias.npy"},
        "labels": CANONICAL_LABELS,
        "maxWindowSeconds": MAX_WINDOW_SECONDS,
    }
    for key, value in fixed.items():
        if manifest.get(key) != value:
            fail(f"manifest.template.json has {key} = {manifest.get(key)!r}, but the export writes {value!r}; fix the template")
    return manifest


def model_card(values: Dict[str, str]) -> str:
    text = (HERE / "MODEL_CARD.template.md").read_text(encoding="utf-8")
    for key, value in values.items():
        text = text.replace("{{" + key + "}}", value)
    if "{{" in text:
        start = text.index("{{")
        fail(f"MODEL_CARD.template.md has a placeholder the script does not fill: {text[start:start + 40]!r}")
    return text


def verification_lines(report: Dict[str, Any]) -> str:
    torch_vs_funasr = report["torchVsFunasr"]
    lines = [f"- PyTorch utterance scores vs FunASR `generate()`: max difference {torch_vs_funasr['maxProbabilityDifference']:.1e}."]
    if torch_vs_funasr["labelsHiddenByFunasr"]:
        hidden = ", ".join(torch_vs_funasr["labelsHiddenByFunasr"])
        lines.append(f"- This FunASR version hides {hidden} from its scores; the comparison renormalised over the other labels.")
    runtime = report.get("onnxruntime")
    if not isinstance(runtime, dict):
        lines.append("- The ONNX graph was NOT run (--no-onnxruntime): layerNorm was given by hand and the graph is unverified.")
        return "\n".join(lines)
    by_length = runtime["framesRelativeDifferenceByLength"]
    lengths = ", ".join(f"{int(n) / SAMPLE_RATE:.2f} s" for n in by_length)
    lines += [
        f"- ONNX vs PyTorch frame features at {lengths}: largest relative difference {max(by_length.values()):.1e}.",
        f"- ONNX + head vs FunASR `generate()` utterance scores: max difference {runtime['utteranceVsFunasr']:.1e}.",
        f"- The graph normalises the waveform itself: {'yes' if runtime['graphNormalises'] else 'no'} "
        f"(outputs for x and 3x+1 differ by {runtime['invarianceDifference']:.1e}, relative).",
        f"- A batch of two vs two single runs: relative difference {runtime['batchRelativeDifference']:.1e}.",
    ]
    return "\n".join(lines)


def json_text(value: Any) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False) + "\n"


def write_folder(out: Path, force: bool, files: Dict[str, Any]) -> None:
    """Writes a sibling temporary folder and renames it, so an interrupted run
    never leaves a half-written model that the app would list."""
    import numpy as np

    out = out.resolve()
    if out.exists() and not force:
        fail(f"{out} exists; pass --force to replace it")
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=str(out.parent)))
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(staging, 0o777 & ~umask)  # mkdtemp makes it private; the app may run as another user
    try:
        for name, content in files.items():
            target = staging / name
            if isinstance(content, Path):
                shutil.copyfile(content, target)
            elif isinstance(content, str):
                target.write_text(content, encoding="utf-8")
            else:
                np.save(target, content)
        if out.exists():
            shutil.rmtree(out)
        staging.rename(out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
