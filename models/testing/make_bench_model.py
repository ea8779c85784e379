"""Writes a stand-in model for `npm run bench -- inference` into the folder given
as the first argument: the FunASR emotion2vec export's signature (input
`input` [batch, samples] -> output `output` [batch, frames, 256], 50 frames/s,
a separate 9-class head) with random weights and enough compute per frame
(a strided convolution and six 256-channel convolutions, about 1.3 M
multiply-adds per frame) that session.run, not our pipeline, dominates the
time, as it does for real models. Not committed: the benchmark makes it when
the default model is absent. Run with Debian's Python: /usr/bin/python3.
"""
import json
import pathlib
import sys

import numpy as np
import torch

out = pathlib.Path(sys.argv[1])
out.mkdir(parents=True, exist_ok=True)
torch.manual_seed(20261121)


class Encoder(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.front = torch.nn.Conv1d(1, 256, kernel_size=400, stride=320)
        self.body = torch.nn.ModuleList(torch.nn.Conv1d(256, 256, kernel_size=3, padding=1) for _ in range(6))

    def forward(self, waveform):
        x = torch.relu(self.front(waveform.unsqueeze(1)))
        for layer in self.body:
            x = x + torch.relu(layer(x))
        return x.transpose(1, 2)


model = Encoder().eval()
example = torch.zeros(1, 16000)
torch.onnx.export(
    model,
    example,
    str(out / "model.onnx"),
    input_names=["input"],
    output_names=["output"],
    dynamic_axes={"input": {0: "batch", 1: "samples"}, "output": {0: "batch", 1: "frames"}},
    opset_version=13,
)
rng = np.random.default_rng(7)
np.save(out / "head_weight.npy", (rng.standard_normal((9, 256)) * 0.05).astype(np.float32))
np.save(out / "head_bias.npy", np.zeros(9, dtype=np.float32))
labels = ["angry", "disgusted", "fearful", "happy", "neutral", "other", "sad", "surprised", "unknown"]
manifest = {
    "schemaVersion": 1,
    "id": "bench-stand-in",
    "name": "Benchmark stand-in (random weights)",
    "version": "1.0.0",
    "license": "Apache-2.0 (random weights made by models/testing/make_bench_model.py)",
    "source": "models/testing/make_bench_model.py",
    "file": "model.onnx",
    "input": {"name": "input", "sampleRate": 16000, "layerNorm": True},
    "outputs": {"frameLogits": None, "frameEmbeddings": "output", "utteranceLogits": None, "utteranceEmbedding": None},
    "frames": {"rate": 50, "hopSamples": 320, "windowSamples": 400},
    "head": {"weights": "head_weight.npy", "bias": "head_bias.npy"},
    "labels": labels,
    "maxWindowSeconds": 30,
    "batch": {"dynamic": True},
}
(out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
(out / "MODEL_CARD.md").write_text("# Benchmark stand-in\n\nRandom weights; for timing only. Its outputs mean nothing.\n")
print(f"wrote {out}")
