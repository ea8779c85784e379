#!/usr/bin/env python3
"""Exports emotion2vec+ (seed, base or large) to a Resonance model folder.

Run once, on a machine with internet access, in a virtual environment with
    pip install -U funasr modelscope huggingface_hub torch torchaudio onnx onnxruntime
(README.md beside this file has the steps), from the repository root:

    python models/emotion2vec/export_onnx.py --model base
    python models/emotion2vec/export_onnx.py --model large --hub hf --out models/emotion2vec-plus-large

It writes models/emotion2vec-plus-<size>/: model.onnx (the encoder, input
`input` [batch, samples] -> output `output` [batch, frames, D]),
head_weight.npy and head_bias.npy (the 9-class `proj` head, which FunASR
leaves out of the graph), manifest.json, MODEL_CARD.md, export-report.json
and a .gitignore that keeps the folder out of git. The weights are under
FunASR's model licence, not an open-source licence: never commit or share them.

Nothing is taken on trust; the script stops with a message when one of these
does not hold:
  - config.yaml's embed_dim is 768 (seed, base) or 1024 (large), the `proj`
    head in the checkpoint file is 9 x embed_dim, and the loaded model equals
    the checkpoint (FunASR would silently keep random weights on a mismatch);
  - the tokens are the 9 emotion2vec+ labels in the canonical order;
  - the convolutional front end has a 400-sample window and a 320-sample hop,
    and PyTorch and the graph give floor((n - 400) / 320) + 1 frames for
    lengths from 0.5 s to 30 s (so the traced length did not freeze);
  - the graph has one input `input` [batch, samples] and one output `output`
    [batch, frames, D], both dynamic; a batch of 2 gives the rows of 2 runs;
  - whether the graph normalises the waveform (FunASR >= 1.2.3 does): its first
    ops must take the mean of the input AND x and 3x + 1 must give the same
    output, or neither; `layerNorm` is written from that;
  - softmax(proj(mean of frames)), from PyTorch and from the ONNX graph,
    matches FunASR's own generate(..., granularity="utterance").

The graph is written by FunASR's own exporter (AutoModel.export(type="onnx")),
so it is the file FunASR users get; --method torch writes the same encoder
with torch.onnx.export (same names and dynamic axes, waveform normalised in
the graph as FunASR >= 1.2.3 does) for FunASR versions whose exporter fails.
Both are checked the same way.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import platform
import sys
import tempfile
from pathlib import Path
from typing import Any, Dict, Optional, Sequence

# The helper modules sit beside this script; no __pycache__ in the repository.
sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parent))

from e2v_checkpoint import (  # noqa: E402
    check_embed_dim,
    check_frame_geometry,
    check_labels,
    check_weights_loaded,
    compare_with_funasr,
    config_value,
    funasr_utterance,
    load_auto_model,
    load_clip,
    torch_frames,
)
from e2v_common import (  # noqa: E402
    EXPECTED_EMBED_DIM,
    HUB_IDS,
    HUB_PAGES,
    SAMPLE_RATE,
    ExportError,
    clip_of_length,
    fail,
    frame_count,
    normalise,
    relative_difference,
    say,
    test_lengths,
    utterance_scores,
)
from e2v_folder import build_manifest, json_text, model_card, verification_lines, write_folder  # noqa: E402
from e2v_graph import (  # noqa: E402
    Graph,
    check_graph,
    decide_layer_norm,
    detect_graph_normalisation,
    export_graph,
    normalises_structurally,
)

REPO_ROOT = Path(__file__).resolve().parent.parent.parent


def parse_args(argv: Optional[Sequence[str]] = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Export emotion2vec+ to ONNX as a Resonance model folder (models/emotion2vec/README.md).")
    parser.add_argument("--model", required=True, choices=sorted(EXPECTED_EMBED_DIM), help="emotion2vec+ size")
    parser.add_argument("--hub", default="ms", choices=sorted(HUB_IDS), help="ms = ModelScope (default), hf = Hugging Face")
    parser.add_argument("--out", type=Path, help="output folder (default: models/emotion2vec-plus-<size> in this repository)")
    parser.add_argument("--method", default="funasr", choices=["funasr", "torch"], help="who writes the graph (default: FunASR's exporter)")
    parser.add_argument("--opset", type=int, default=13, help="ONNX opset, 13 (default) or 14")
    parser.add_argument("--clip", type=Path, help="speech clip for the checks (default: example/test.wav shipped with the model)")
    parser.add_argument("--tolerance", type=float, default=1e-3, help="largest accepted difference in probabilities and relative difference in features")
    parser.add_argument("--version", default="1.0.0", help="manifest version; raise it when a re-export may change results")
    parser.add_argument("--force", action="store_true", help="replace the output folder if it exists")
    parser.add_argument("--no-onnxruntime", action="store_true", help="do not run the graph (unverified); needs --layer-norm")
    parser.add_argument("--layer-norm", choices=["true", "false"], help="only with --no-onnxruntime: the manifest's input.layerNorm")
    args = parser.parse_args(argv)
    if args.no_onnxruntime and args.layer_norm is None:
        parser.error("--no-onnxruntime needs --layer-norm true|false: without running the graph the script cannot tell")
    if args.layer_norm is not None and not args.no_onnxruntime:
        parser.error("--layer-norm is measured from the graph; give it only with --no-onnxruntime")
    if args.opset < 13:
        parser.error("--opset must be 13 or more (FunASR exports with 13 or 14)")
    return args


def require(module: str, pip_args: str) -> Any:
    try:
        return __import__(module)
    except ImportError as error:
        fail(f"cannot import {module} ({error}); install it in this environment: pip install {pip_args}")


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = parse_args(argv)
    np = require("numpy", "numpy")
    torch = require("torch", "torch torchaudio")
    onnx = require("onnx", "onnx")
    funasr = require("funasr", "-U funasr modelscope huggingface_hub")
    if not args.no_onnxruntime:
        require("onnxruntime", "onnxruntime")
    funasr_version = str(getattr(funasr, "__version__", "unknown"))
    out = args.out if args.out is not None else REPO_ROOT / "models" / f"emotion2vec-plus-{args.model}"
    if out.exists() and not args.force:
        fail(f"{out} exists; pass --force to replace it")
    tol = args.tolerance
    report: Dict[str, Any] = {
        "model": args.model,
        "hub": args.hub,
        "method": args.method,
        "opset": args.opset,
        "funasrVersion": funasr_version,
        "torchVersion": str(torch.__version__),
        "onnxVersion": str(onnx.__version__),
        "python": platform.python_version(),
        "exportedAt": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
        "tolerance": tol,
    }

    # 1. The checkpoint and what FunASR itself answers.
    auto_model, model_id = load_auto_model(args.model, args.hub)
    embed_dim = check_embed_dim(auto_model, args.model)
    check_frame_geometry(auto_model)
    tokens = check_labels(auto_model)
    head_weight, head_bias, loaded = check_weights_loaded(auto_model, embed_dim)
    model_normalizes = bool(config_value(auto_model.model.cfg, "normalize"))
    say(f"checked: embed_dim {embed_dim}, 400/320 frames, labels {tokens}, head {head_weight.shape}, config normalize={model_normalizes}")
    report.update({"modelId": model_id, "embedDim": embed_dim, "configNormalize": model_normalizes, "weights": loaded})

    clip, clip_path = load_clip(auto_model, args.clip)
    # The report names the model's example clip only: a researcher's clip may carry a participant's name in its path.
    report["clip"] = {
        "file": "example/test.wav of the model" if args.clip is None else "given with --clip (name not recorded)",
        "seconds": round(clip.size / SAMPLE_RATE, 3),
    }
    references: Dict[int, Any] = {}
    for n in test_lengths(clip.size):
        frames = torch_frames(auto_model, clip_of_length(clip, n), model_normalizes)
        if frames.shape != (frame_count(n), embed_dim):
            fail(f"PyTorch gives features {frames.shape} for {n} samples; expected ({frame_count(n)}, {embed_dim})")
        references[n] = frames
    torch_utterance = utterance_scores(references[clip.size], head_weight, head_bias)

    funasr_labels, funasr_scores, funasr_feats = funasr_utterance(auto_model, clip_path)
    torch_vs_funasr, hidden = compare_with_funasr(torch_utterance, funasr_labels, funasr_scores)
    say(f"PyTorch softmax(proj(mean of frames)) vs FunASR generate(): max difference {torch_vs_funasr:.2e}")
    if hidden:
        say(f"  (this FunASR version hides {hidden} from its scores; compared over the labels it keeps, renormalised)")
    if torch_vs_funasr > tol:
        fail(
            f"these utterance scores differ from FunASR's by {torch_vs_funasr:.2e} (> {tol}): the head, normalisation or pooling "
            "assumed here is not what this FunASR version does"
        )
    report["torchVsFunasr"] = {"maxProbabilityDifference": torch_vs_funasr, "labelsHiddenByFunasr": hidden}
    if funasr_feats is not None and funasr_feats.shape == (embed_dim,):
        feats_difference = relative_difference(references[clip.size].astype(np.float64).mean(axis=0), funasr_feats)
        say(f"PyTorch mean of frames vs FunASR's utterance embedding: relative difference {feats_difference:.2e}")
        if feats_difference > tol:
            fail(f"the mean of frames differs from FunASR's utterance embedding by {feats_difference:.2e} (relative)")
        report["torchVsFunasr"]["embeddingRelativeDifference"] = feats_difference

    with tempfile.TemporaryDirectory(prefix="emotion2vec-export-") as work:
        # 2. The graph (FunASR's exporter rebinds the model's forward: no PyTorch runs after this).
        onnx_path = export_graph(auto_model, args.method, args.opset, Path(work), model_normalizes)
        report["graph"] = check_graph(onnx_path, embed_dim, args.opset)
        structural = normalises_structurally(report["graph"])
        say(f"graph: {report['graph']}")

        # 3. Run it.
        if args.no_onnxruntime:
            layer_norm = args.layer_norm == "true"
            expected = model_normalizes and not structural
            if layer_norm != expected:
                fail(
                    f"--layer-norm {args.layer_norm} contradicts the graph: config normalize={model_normalizes}, and its first ops "
                    f"{'take' if structural else 'do not take'} the mean of the input, so layerNorm should be {str(expected).lower()}"
                )
            batch_dynamic = True
            report["onnxruntime"] = "not run: layerNorm given on the command line, graph outputs unverified"
            say("WARNING: the graph was not run; layerNorm comes from --layer-norm and the outputs are unverified")
        else:
            layer_norm, batch_dynamic, report["onnxruntime"] = verify_graph(
                Graph(onnx_path), clip, references, structural, model_normalizes, head_weight, head_bias, funasr_labels, funasr_scores, tol
            )
        report["layerNorm"] = layer_norm

        # 4. The folder.
        manifest = build_manifest(args.model, args.hub, layer_norm, batch_dynamic, args.version, funasr_version)
        card = model_card(
            {
                "name": manifest["name"],
                "id": manifest["id"],
                "size": args.model,
                "model_id": model_id,
                "page": HUB_PAGES[args.hub].format(size=args.model),
                "embed_dim": str(embed_dim),
                "params": "about 300 M" if args.model == "large" else "about 90 M",
                "layer_norm": "true" if layer_norm else "false",
                "layer_norm_meaning": (
                    "the caller normalises the waveform (zero mean, unit variance) before the graph"
                    if layer_norm
                    else ("the graph normalises the waveform itself" if model_normalizes else "the model takes the raw waveform")
                ),
                "batch_dynamic": "true" if batch_dynamic else "false",
                "method": "FunASR's AutoModel.export" if args.method == "funasr" else "torch.onnx.export of FunASR's encoder",
                "opset": str(args.opset),
                "funasr_version": funasr_version,
                "date": report["exportedAt"][:10],
                "verification": verification_lines(report),
            }
        )
        write_folder(
            out,
            args.force,
            {
                "model.onnx": onnx_path,
                "head_weight.npy": head_weight,
                "head_bias.npy": head_bias,
                "manifest.json": json_text(manifest),
                "MODEL_CARD.md": card,
                "export-report.json": json_text(report),
                ".gitignore": "# emotion2vec+ weights: FunASR model licence, never commit or share\n*\n",
            },
        )
    say(f"wrote {out} ({report['graph']['bytes'] / 1e6:.0f} MB graph). Restart the workbench, then: npm run model:check -- {shown(out)}")
    return 0


def verify_graph(
    graph: Graph,
    clip: Any,
    references: Dict[int, Any],
    structural: bool,
    model_normalizes: bool,
    head_weight: Any,
    head_bias: Any,
    funasr_labels: Any,
    funasr_scores: Any,
    tol: float,
) -> Any:
    import numpy as np

    graph_normalises, invariance = detect_graph_normalisation(graph, clip, structural)
    layer_norm = decide_layer_norm(graph_normalises, model_normalizes)
    say(f"graph normalises the waveform: {graph_normalises} (x vs 3x+1: {invariance:.2e}) -> layerNorm {str(layer_norm).lower()}")

    def feed(x: Any) -> Any:
        return normalise(x) if layer_norm else x

    by_length: Dict[str, float] = {}
    for n, reference in references.items():
        frames = graph.frames(feed(clip_of_length(clip, n)))
        if frames.shape[0] != frame_count(n):
            fail(f"the graph gives {frames.shape[0]} frames for {n} samples, not floor((n - 400) / 320) + 1 = {frame_count(n)}")
        by_length[str(n)] = relative_difference(frames, reference)
        say(f"  {n / SAMPLE_RATE:6.2f} s: {frames.shape[0]} frames, ONNX vs PyTorch relative difference {by_length[str(n)]:.2e}")
        if by_length[str(n)] > tol:
            fail(f"ONNX and PyTorch features differ by {by_length[str(n)]:.2e} (relative) at {n} samples: a length frozen by tracing, or an opset problem")

    onnx_utterance = utterance_scores(graph.frames(feed(clip)), head_weight, head_bias)
    onnx_vs_funasr, _ = compare_with_funasr(onnx_utterance, funasr_labels, funasr_scores)
    say(f"ONNX + head vs FunASR generate(): max difference {onnx_vs_funasr:.2e}")
    if onnx_vs_funasr > tol:
        fail(f"utterance scores from the ONNX graph differ from FunASR's by {onnx_vs_funasr:.2e}")

    pair = np.stack([feed(clip_of_length(clip, 3 * SAMPLE_RATE)), feed(clip_of_length(clip[::-1].copy(), 3 * SAMPLE_RATE))])
    batched = graph.run(pair)
    batch_difference = max(relative_difference(batched[i], graph.frames(pair[i])) for i in range(2))
    batch_dynamic = batch_difference <= tol
    say(f"batch of 2 vs two single runs: relative difference {batch_difference:.2e} -> batch.dynamic {str(batch_dynamic).lower()}")
    return layer_norm, batch_dynamic, {
        "graphNormalises": graph_normalises,
        "invarianceDifference": invariance,
        "framesRelativeDifferenceByLength": by_length,
        "utteranceVsFunasr": onnx_vs_funasr,
        "batchRelativeDifference": batch_difference,
    }


def shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


if __name__ == "__main__":
    try:
        sys.exit(main())
    except ExportError as error:
        print(f"export stopped: {error}", file=sys.stderr)
        sys.exit(1)
