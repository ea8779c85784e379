#!/usr/bin/python3
"""Builds the default emotion model from scratch: one command, about 10 minutes on 2 cores.

    /usr/bin/python3 models/synthetic-baseline/training/build.py

Steps: synthesize the training and held-out corpora with datasets/synthesis
(espeak-ng), compute log-mel features, train the network with torch, measure
it on the held-out split (voices never seen in training), export
model.onnx, write metrics.json, manifest.json and MODEL_CARD.md from those
measurements, write the two test clips in ../testing/, and finally run
evaluate.py, which re-scores the exported ONNX with onnxruntime-node and
checks it against the card. Seeds are fixed throughout; a re-run on the same
package versions reproduces the figures within evaluate.py's tolerance.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import numpy as np
import onnx
import torch

import card
import corpus
import evaluate
import test_clips
import train
from network import EmotionNet, frame_count
from corpus import EMOTIONS, HELDOUT_VOICES, TRAIN_VOICES

HERE = Path(__file__).resolve().parent
MODEL_DIR = HERE.parent
OPSET = 13
OUTPUT_NAMES = ["frame_logits", "frame_embeddings", "utterance_logits", "utterance_embedding"]


def export(model: EmotionNet, path: Path) -> None:
    model.eval()
    torch.onnx.export(
        model, (torch.zeros(1, 16000),), str(path),
        input_names=["waveform"], output_names=OUTPUT_NAMES,
        dynamic_axes={"waveform": {0: "batch", 1: "samples"}, "frame_logits": {0: "batch", 1: "frames"},
                      "frame_embeddings": {0: "batch", 1: "frames"}, "utterance_logits": {0: "batch"},
                      "utterance_embedding": {0: "batch"}},
        opset_version=OPSET, do_constant_folding=True,
    )
    onnx.checker.check_model(onnx.load(str(path)))


def main() -> None:
    torch.set_num_threads(2)
    started = time.time()
    torch.manual_seed(train.TORCH_SEED)
    model = EmotionNet(len(EMOTIONS))

    print("synthesizing the training split ...", flush=True)
    waves, masks, labels, train_specs = corpus.render_split("train")
    train_audio_s = waves.shape[0] * waves.shape[1] / 16000
    feats = train.features(model.front, waves)
    del waves
    model.front.mean.copy_(feats.mean(dim=(0, 2), keepdim=True))
    model.front.std.copy_(feats.std(dim=(0, 2), keepdim=True))
    print("synthesizing the held-out split ...", flush=True)
    h_waves, h_masks, h_labels, held_specs = corpus.render_split("heldout")
    h_feats = train.features(model.front, h_waves)
    del h_waves
    synth_s = time.time() - started

    settings = train.train(model, feats, masks, labels)
    utt_logits, frame_logits = train.predict(model, h_feats)
    utterance = train.metrics(utt_logits.argmax(1), h_labels, list(EMOTIONS))
    speech = h_masks.reshape(-1)
    frame_truth = np.repeat(h_labels, frame_logits.shape[1])[speech]
    frames = train.metrics(frame_logits.reshape(-1, len(EMOTIONS)).argmax(1)[speech], frame_truth, list(EMOTIONS))

    onnx_path = MODEL_DIR / "model.onnx"
    export(model, onnx_path)
    params = sum(p.numel() for p in model.backbone.parameters())
    report = {
        "labels": list(EMOTIONS),
        "heldout_utterance": utterance,
        "heldout_frames_speech_only": frames,
        "data": {
            "train_clips": len(train_specs), "heldout_clips": len(held_specs),
            "clip_seconds": corpus.CLIP_SAMPLES / 16000, "train_hours": round(train_audio_s / 3600, 2),
            "train_voices": sorted({c.voice for c in train_specs}), "heldout_voices": sorted({c.voice for c in held_specs}),
            "train_voice_pool": len(TRAIN_VOICES), "heldout_voice_pool": len(HELDOUT_VOICES),
            "train_sentences": len({c.text for c in train_specs}), "heldout_sentences": len({c.text for c in held_specs}),
            "languages": sorted({c.language for c in train_specs}),
        },
        "model": {
            "trainable_parameters": int(params), "onnx_bytes": onnx_path.stat().st_size, "opset": OPSET,
            "frames_per_clip": frame_count(corpus.CLIP_SAMPLES),
        },
        "training": {**settings, "synthesis_and_features_seconds": round(synth_s, 1),
                     "torch": torch.__version__, "onnx": onnx.__version__},
    }
    (HERE / "metrics.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    card.write(report)
    test_clips.write()
    print(f"held-out accuracy {utterance['accuracy']:.3f}, macro-F1 {utterance['macro_f1']:.3f}; "
          f"build {time.time() - started:.0f} s", flush=True)
    evaluate.main()


if __name__ == "__main__":
    main()
