"""Constants and small numeric helpers shared by export_onnx.py and its modules."""

from __future__ import annotations

import math
from typing import Any, List

SAMPLE_RATE = 16000
HOP_SAMPLES = 320
WINDOW_SAMPLES = 400
FRAME_RATE = SAMPLE_RATE // HOP_SAMPLES
MAX_WINDOW_SECONDS = 30
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
EXPECTED_EMBED_DIM = {"seed": 768, "base": 768, "large": 1024}
HUB_IDS = {
    "ms": "iic/emotion2vec_plus_{size}",
    "hf": "emotion2vec/emotion2vec_plus_{size}",
}
HUB_PAGES = {
    "ms": "https://modelscope.cn/models/iic/emotion2vec_plus_{size}",
    "hf": "https://huggingface.co/emotion2vec/emotion2vec_plus_{size}",
}
LICENSE = "FunASR model licence (not open source); weights not redistributed"


class ExportError(Exception):
    """A fact the export relies on does not hold; the message says which and what to do."""


def fail(message: str) -> None:
    raise ExportError(message)


def say(message: str) -> None:
    print(message, flush=True)


def frame_count(samples: int) -> int:
    return (samples - WINDOW_SAMPLES) // HOP_SAMPLES + 1


def test_lengths(clip_samples: int) -> List[int]:
    """Shorter than the 1 s dummy input FunASR traces with, not a multiple of
    the hop, the clip itself, longer, and the longest window the app sends:
    a graph whose length was frozen by tracing fails on some of these."""
    lengths = [8000, SAMPLE_RATE + 123, clip_samples, 12 * SAMPLE_RATE + 77, MAX_WINDOW_SECONDS * SAMPLE_RATE]
    return sorted(set(lengths))


def clip_of_length(clip: Any, samples: int) -> Any:
    import numpy as np

    repeats = math.ceil(samples / clip.size)
    return np.tile(clip, repeats)[:samples].astype(np.float32)


def normalise(x: Any) -> Any:
    """What FunASR does before the encoder, F.layer_norm(x, x.shape):
    population variance, eps 1e-5, over the whole waveform."""
    import numpy as np

    x64 = x.astype(np.float64)
    return ((x64 - x64.mean()) / math.sqrt(x64.var() + NORM_EPS)).astype(np.float32)


def softmax(logits: Any) -> Any:
    import numpy as np

    shifted = logits - logits.max(axis=-1, keepdims=True)
    e = np.exp(shifted)
    return e / e.sum(axis=-1, keepdims=True)


def utterance_scores(frames: Any, head_weight: Any, head_bias: Any) -> Any:
    """softmax(proj(mean of frames)): FunASR's utterance scores."""
    import numpy as np

    pooled = frames.astype(np.float64).mean(axis=0)
    return softmax(pooled @ head_weight.T.astype(np.float64) + head_bias.astype(np.float64))


def relative_difference(a: Any, b: Any) -> float:
    """Largest absolute difference over the largest magnitude in b; inf when the shapes differ."""
    import numpy as np

    if a.shape != b.shape:
        return math.inf
    scale = max(float(np.abs(b).max()), 1e-12)
    return float(np.abs(a.astype(np.float64) - b.astype(np.float64)).max() / scale)
