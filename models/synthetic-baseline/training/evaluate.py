#!/usr/bin/python3
"""Re-scores the committed model.onnx on a regenerated held-out split and checks the card's figures.

    /usr/bin/python3 models/synthetic-baseline/training/evaluate.py

The held-out split is regenerated from its seeds (unseen voices, held-out
sentences), scored with onnxruntime-node (the runtime the workbench uses)
through score_onnx.mjs, and the accuracy and macro-F1 are compared with
metrics.json, which MODEL_CARD.md is generated from. Exits 1 when either
differs by more than TOLERANCE_POINTS. The tolerance covers a full re-run of
build.py as well: thread scheduling makes torch training not bit-exact.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

import corpus
import train

HERE = Path(__file__).resolve().parent
TOLERANCE_POINTS = 2.0


def main() -> None:
    expected = json.loads((HERE / "metrics.json").read_text(encoding="utf-8"))
    labels = expected["labels"]
    waves, _, truth, _ = corpus.render_split("heldout")
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "heldout.f32"
        waves.astype("<f4").tofile(data)
        result = subprocess.run(
            ["node", str(HERE / "score_onnx.mjs"), str(HERE.parent / "model.onnx"), str(data), str(len(waves)), str(waves.shape[1])],
            check=True, capture_output=True, text=True,
        )
    logits = np.array(json.loads(result.stdout))
    measured = train.metrics(logits.argmax(1), truth, labels)
    failed = False
    for key in ("accuracy", "macro_f1"):
        was, now = expected["heldout_utterance"][key] * 100, measured[key] * 100
        ok = abs(now - was) <= TOLERANCE_POINTS
        failed |= not ok
        print(f"{key}: card {was:.1f}, ONNX re-run {now:.1f} ({'within' if ok else 'OUTSIDE'} ±{TOLERANCE_POINTS:g} points)")
    if failed:
        sys.exit(1)


if __name__ == "__main__":
    main()
