"""The training and held-out corpora: which clip gets which emotion, voice, sentence and seeds.

Every clip is a pure function of (split, index), so regenerating a split
(evaluate.py does) gives the same samples. Held-out clips use only
HELDOUT_VOICES (unseen voice variants and dialects) and held-out sentences.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from multiprocessing import Pool
from typing import List, Tuple

import numpy as np

import paths  # noqa: F401  (makes datasets/synthesis importable)
from emotional_speech import EMOTIONS, HELDOUT_VOICES, TRAIN_VOICES, augment, synthesize, trim_silence
from sentences import sentences

CLIP_SAMPLES = 56000  # 3.5 s: 174 frames
SPLIT_SEEDS = {"train": 11, "heldout": 22}
SPLIT_SIZES = {"train": 5000, "heldout": 900}
SPEECH_FLOOR_DB = -35.0  # frames quieter than this relative to the loudest frame are not speech


def _sentence_is_heldout(sentence: str) -> bool:
    return zlib.crc32(sentence.encode("utf-8")) % 7 == 0


@dataclass(frozen=True)
class Clip:
    emotion: str
    language: str
    voice: str
    text: str
    seed: int


def clip_specs(split: str) -> List[Clip]:
    rng = np.random.default_rng(SPLIT_SEEDS[split])
    voices = TRAIN_VOICES if split == "train" else HELDOUT_VOICES
    want_heldout = split != "train"
    specs = []
    for i in range(SPLIT_SIZES[split]):
        language, voice = voices[int(rng.integers(len(voices)))]
        pool = [s for s in sentences(language) if _sentence_is_heldout(s) == want_heldout]
        text = pool[int(rng.integers(len(pool)))]
        specs.append(Clip(EMOTIONS[i % len(EMOTIONS)], language, voice, text, SPLIT_SEEDS[split] * 1_000_000 + i))
    return specs


def render(clip: Clip) -> Tuple[np.ndarray, np.ndarray]:
    """(augmented waveform [CLIP_SAMPLES], speech mask [frames]) for one clip."""
    from network import HOP, WINDOW, frame_count

    rng = np.random.default_rng(clip.seed)
    speech = trim_silence(synthesize(clip.text, clip.emotion, clip.voice, clip.seed))
    canvas = np.zeros(CLIP_SAMPLES, dtype=np.float32)
    if len(speech) >= CLIP_SAMPLES:
        start = int(rng.integers(len(speech) - CLIP_SAMPLES + 1))
        canvas[:] = speech[start: start + CLIP_SAMPLES]
    else:
        offset = int(rng.integers(CLIP_SAMPLES - len(speech) + 1))
        canvas[offset: offset + len(speech)] = speech
    frames = frame_count(CLIP_SAMPLES)
    energy = np.array([np.mean(canvas[i * HOP: i * HOP + WINDOW] ** 2) for i in range(frames)]) + 1e-12
    db = 10 * np.log10(energy / energy.max())
    mask = db > SPEECH_FLOOR_DB
    return augment(canvas, clip.seed + 7), mask


def render_split(split: str, workers: int = 2) -> Tuple[np.ndarray, np.ndarray, np.ndarray, List[Clip]]:
    """(waveforms [N, CLIP_SAMPLES] float32, masks [N, F] bool, labels [N], specs)."""
    specs = clip_specs(split)
    with Pool(workers) as pool:
        rendered = pool.map(render, specs, chunksize=32)
    waves = np.stack([w for w, _ in rendered])
    masks = np.stack([m for _, m in rendered])
    labels = np.array([EMOTIONS.index(c.emotion) for c in specs], dtype=np.int64)
    return waves, masks, labels, specs
