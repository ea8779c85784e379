"""The network: a fixed log-mel front end inside the graph, then dilated 1-D convolutions over frames.

Frame geometry matches emotion2vec+ (hop 320, window 400 at 16 kHz, 50 Hz):
the front end is a strided Conv1d whose kernels are a Hann-windowed DFT, so
frame i covers samples [i*320, i*320+400) and F = floor((samples-400)/320)+1.
The convolutions after it pad to keep F, so every output has exactly F frames
for any input length and batch size (both dynamic in the ONNX graph).
"""

from __future__ import annotations

import math
from typing import Tuple

import numpy as np
import torch
from torch import nn

SAMPLE_RATE = 16000
HOP = 320
WINDOW = 400
MELS = 64
EMBED_DIM = 160
LOG_FLOOR = 1e-6


def frame_count(samples: int) -> int:
    return (samples - WINDOW) // HOP + 1


def mel_matrix(bins: int, mels: int, low_hz: float = 50.0, high_hz: float = 8000.0) -> np.ndarray:
    """Triangular HTK-mel filters, [mels, bins], for DFT bins k*SAMPLE_RATE/WINDOW."""
    def to_mel(hz: np.ndarray) -> np.ndarray:
        return 2595.0 * np.log10(1.0 + hz / 700.0)

    def to_hz(mel: np.ndarray) -> np.ndarray:
        return 700.0 * (10 ** (mel / 2595.0) - 1.0)

    edges = to_hz(np.linspace(to_mel(np.array(low_hz)), to_mel(np.array(high_hz)), mels + 2))
    freqs = np.arange(bins) * SAMPLE_RATE / WINDOW
    fb = np.zeros((mels, bins))
    for m in range(mels):
        lo, mid, hi = edges[m], edges[m + 1], edges[m + 2]
        rise = (freqs - lo) / (mid - lo)
        fall = (hi - freqs) / (hi - mid)
        fb[m] = np.clip(np.minimum(rise, fall), 0.0, None)
    return fb.astype(np.float32)


class LogMel(nn.Module):
    """Waveform [B, S] -> normalised log-mel [B, MELS, F]; no trainable weights."""

    def __init__(self) -> None:
        super().__init__()
        bins = WINDOW // 2 + 1
        n = np.arange(WINDOW)
        window = 0.5 - 0.5 * np.cos(2 * math.pi * n / WINDOW)
        k = np.arange(bins)[:, None]
        phase = 2 * math.pi * k * n[None, :] / WINDOW
        kernels = np.concatenate([np.cos(phase) * window, -np.sin(phase) * window]).astype(np.float32)
        self.register_buffer("dft", torch.from_numpy(kernels).unsqueeze(1))  # [2*bins, 1, WINDOW]
        self.register_buffer("mel", torch.from_numpy(mel_matrix(bins, MELS)))  # [MELS, bins]
        # Per-band mean and std of the training set, set by build.py before training.
        self.register_buffer("mean", torch.zeros(1, MELS, 1))
        self.register_buffer("std", torch.ones(1, MELS, 1))
        self.bins = bins

    def raw(self, waveform: torch.Tensor) -> torch.Tensor:
        spec = nn.functional.conv1d(waveform.unsqueeze(1), self.dft, stride=HOP)  # [B, 2*bins, F]
        power = spec[:, : self.bins] ** 2 + spec[:, self.bins:] ** 2
        return torch.log(torch.matmul(self.mel, power) + LOG_FLOOR)

    def forward(self, waveform: torch.Tensor) -> torch.Tensor:
        return (self.raw(waveform) - self.mean) / self.std


def _block(cin: int, cout: int, kernel: int, dilation: int) -> nn.Sequential:
    return nn.Sequential(
        nn.Conv1d(cin, cout, kernel, padding=dilation * (kernel - 1) // 2, dilation=dilation),
        nn.BatchNorm1d(cout),
        nn.ReLU(),
    )


class Backbone(nn.Module):
    """Log-mel [B, MELS, F] -> (frame logits [B, F, C], frame embeddings [B, F, D], utterance logits, utterance embedding).

    Receptive field 65 frames (1.3 s), enough to see pitch movement and
    speaking rate across a few syllables."""

    def __init__(self, classes: int) -> None:
        super().__init__()
        self.convs = nn.Sequential(
            _block(MELS, 96, 5, 1),
            _block(96, 96, 3, 2),
            _block(96, 128, 3, 4),
            _block(128, 128, 3, 8),
            _block(128, 128, 3, 16),
        )
        self.embed = nn.Conv1d(128, EMBED_DIM, 1)
        self.frame_head = nn.Linear(EMBED_DIM, classes)
        self.utterance_head = nn.Linear(EMBED_DIM, classes)

    def forward(self, features: torch.Tensor) -> Tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
        embeddings = torch.tanh(self.embed(self.convs(features))).transpose(1, 2)  # [B, F, D]
        utterance_embedding = embeddings.mean(dim=1)
        return (
            self.frame_head(embeddings),
            embeddings,
            self.utterance_head(utterance_embedding),
            utterance_embedding,
        )


class EmotionNet(nn.Module):
    """What the ONNX file contains: waveform [B, S] in, four outputs out."""

    def __init__(self, classes: int) -> None:
        super().__init__()
        self.front = LogMel()
        self.backbone = Backbone(classes)

    def forward(self, waveform: torch.Tensor):
        return self.backbone(self.front(waveform))
