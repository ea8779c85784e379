"""Training and held-out metrics (imported by build.py; no side effects on import)."""

from __future__ import annotations

import time
from typing import Dict, List

import numpy as np
import torch
from torch import nn

from network import EmotionNet, LogMel

EPOCHS = 30
BATCH = 64
LEARNING_RATE = 3e-3
WEIGHT_DECAY = 1e-3
FRAME_LOSS_WEIGHT = 1.0
TORCH_SEED = 20251201
CROP_FRAMES = 100


def features(front: LogMel, waves: np.ndarray, batch: int = 128) -> torch.Tensor:
    """Raw (unnormalised) log-mel for every clip: [N, MELS, F]."""
    out = []
    with torch.no_grad():
        for i in range(0, len(waves), batch):
            out.append(front.raw(torch.from_numpy(waves[i: i + batch])))
    return torch.cat(out)


def train(model: EmotionNet, feats: torch.Tensor, masks: np.ndarray, labels: np.ndarray, log=print) -> Dict[str, float]:
    """Trains model.backbone on normalised features; returns settings for the card."""
    torch.manual_seed(TORCH_SEED)
    generator = torch.Generator().manual_seed(TORCH_SEED)
    x = (feats - model.front.mean) / model.front.std
    y = torch.from_numpy(labels)
    m = torch.from_numpy(masks)
    backbone = model.backbone
    optimiser = torch.optim.AdamW(backbone.parameters(), lr=LEARNING_RATE, weight_decay=WEIGHT_DECAY)
    steps = EPOCHS * ((len(x) + BATCH - 1) // BATCH)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimiser, max_lr=LEARNING_RATE, total_steps=steps)
    ce = nn.CrossEntropyLoss(reduction="none")
    started = time.time()
    for epoch in range(EPOCHS):
        backbone.train()
        order = torch.randperm(len(x), generator=generator)
        total, correct, seen = 0.0, 0, 0
        for i in range(0, len(x), BATCH):
            idx = order[i: i + BATCH]
            # A random 2 s crop per batch: cheaper steps, and the model sees speech at every offset.
            start = int(torch.randint(0, x.shape[2] - CROP_FRAMES + 1, (1,), generator=generator))
            xb, yb, mb = x[idx, :, start: start + CROP_FRAMES], y[idx], m[idx, start: start + CROP_FRAMES]
            # SpecAugment-style band masking so no single band carries the decision.
            band = int(torch.randint(0, 56, (1,), generator=generator))
            width = int(torch.randint(0, 9, (1,), generator=generator))
            xb = xb.clone()
            xb[:, band: band + width] = 0.0
            frame_logits, _, utt_logits, _ = backbone(xb)
            frame_loss = ce(frame_logits.reshape(-1, frame_logits.shape[-1]), yb.repeat_interleave(frame_logits.shape[1]))
            frame_loss = (frame_loss * mb.reshape(-1)).sum() / mb.sum().clamp(min=1)
            loss = ce(utt_logits, yb).mean() + FRAME_LOSS_WEIGHT * frame_loss
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
            total += float(loss) * len(idx)
            correct += int((utt_logits.argmax(1) == yb).sum())
            seen += len(idx)
        log(f"epoch {epoch + 1}/{EPOCHS}: loss {total / seen:.3f}, train accuracy {correct / seen:.3f} ({time.time() - started:.0f} s)")
    backbone.eval()
    return {"epochs": EPOCHS, "batch": BATCH, "learning_rate": LEARNING_RATE, "weight_decay": WEIGHT_DECAY,
            "seconds": round(time.time() - started, 1)}


def predict(model: EmotionNet, feats: torch.Tensor, batch: int = 256):
    """(utterance logits [N, C], frame logits [N, F, C]) from raw features."""
    model.eval()
    utt, frames = [], []
    with torch.no_grad():
        for i in range(0, len(feats), batch):
            xb = (feats[i: i + batch] - model.front.mean) / model.front.std
            f, _, u, _ = model.backbone(xb)
            utt.append(u)
            frames.append(f)
    return torch.cat(utt).numpy(), torch.cat(frames).numpy()


def metrics(predicted: np.ndarray, truth: np.ndarray, classes: List[str]) -> Dict[str, object]:
    """Accuracy, macro-F1, per-class F1 and the confusion matrix (rows truth, columns prediction)."""
    n = len(classes)
    confusion = np.zeros((n, n), dtype=np.int64)
    for t, p in zip(truth, predicted):
        confusion[t, p] += 1
    f1 = {}
    for c in range(n):
        tp = confusion[c, c]
        precision = tp / max(confusion[:, c].sum(), 1)
        recall = tp / max(confusion[c].sum(), 1)
        f1[classes[c]] = float(2 * precision * recall / (precision + recall)) if precision + recall > 0 else 0.0
    return {
        "count": int(len(truth)),
        "accuracy": float(np.trace(confusion) / max(confusion.sum(), 1)),
        "macro_f1": float(np.mean(list(f1.values()))),
        "per_class_f1": f1,
        "confusion": confusion.tolist(),
    }
