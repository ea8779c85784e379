"""Shared emotional-speech synthesizer (espeak-ng prosody + light signal shaping).

Used by models/synthetic-baseline/training (the default model's data) and by
datasets/demo/make_demo.py (the demo corpus), so both express an emotion the
same way. Run with Debian's Python (/usr/bin/python3); needs espeak-ng and sox.

    from emotional_speech import synthesize, augment, TRAIN_VOICES
    audio = synthesize("The bus is coming.", "sad", "en-us+m3", seed=7)  # float32, 16 kHz

An emotion is a set of speaking styles; a style gives ranges for the SSML
prosody attributes espeak-ng honours (pitch, range, rate, volume), the word
gap and pauses, plus a few signal effects espeak cannot do itself (tense
saturation for angry, tremolo for fearful, a darker spectrum for sad). The
seed picks one style and a point inside its ranges, so the same arguments
always give the same samples (espeak-ng 1.51, sox 14.4).

This is prosody acting, not real emotion: it is meant for a working default
model and for demos, never as evidence about people.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from typing import Dict, List, Sequence, Tuple
from xml.sax.saxutils import escape

import numpy as np

SAMPLE_RATE = 16000
EMOTIONS: Tuple[str, ...] = ("angry", "fearful", "happy", "neutral", "sad", "surprised")

# espeak-ng language voices per sentence language (see sentences.py).
DIALECTS: Dict[str, Tuple[str, ...]] = {
    "en": ("en-us", "en-gb-x-rp", "en", "en-gb-scotland"),
    "de": ("de",),
    "fr": ("fr-fr", "fr-be"),
    "es": ("es", "es-419"),
    "it": ("it",),
    "nl": ("nl",),
}
# Voice variants (timbre: formants, base pitch, breathiness). Held-out
# variants and dialects are never used for training, so the test split
# measures generalisation to unseen voices.
TRAIN_VARIANTS: Tuple[str, ...] = ("m1", "m2", "m3", "m7", "f1", "f2", "f3", "adam", "anika", "benjamin", "linda", "max", "steph")
HELDOUT_VARIANTS: Tuple[str, ...] = ("m4", "m6", "f4", "f5", "david", "belinda")
HELDOUT_DIALECTS: Tuple[str, ...] = ("en-gb-scotland", "es-419", "fr-be")


def _voices(variants: Sequence[str], include_heldout_dialects: bool) -> List[Tuple[str, str]]:
    return [
        (language, f"{dialect}+{variant}")
        for language, dialects in DIALECTS.items()
        for dialect in dialects
        if include_heldout_dialects or dialect not in HELDOUT_DIALECTS
        for variant in variants
    ]


# (language, espeak voice) pairs.
TRAIN_VOICES: List[Tuple[str, str]] = _voices(TRAIN_VARIANTS, include_heldout_dialects=False)
HELDOUT_VOICES: List[Tuple[str, str]] = _voices(HELDOUT_VARIANTS, include_heldout_dialects=True)


@dataclass(frozen=True)
class Style:
    """Ranges (low, high) drawn uniformly per utterance.

    pitch/range/rate are percentages relative to the voice's default (SSML
    prosody: pitch="+20%", range="150%", rate="80%"); gap is espeak's -g word
    gap in 10 ms units; pause is the chance of a break between phrases and
    its length in ms; jitter is the per-word random pitch offset in percent."""

    name: str
    pitch: Tuple[float, float]
    range: Tuple[float, float]
    rate: Tuple[float, float]
    volume: Tuple[float, float] = (90, 110)
    gap: Tuple[int, int] = (0, 2)
    pause: Tuple[float, int, int] = (0.0, 0, 0)
    jitter: float = 0.0
    drive: Tuple[float, float] = (0.0, 0.0)
    tremolo: Tuple[float, float] = (0.0, 0.0)
    darken: Tuple[float, float] = (0.0, 0.0)


STYLES: Dict[str, Tuple[Style, ...]] = {
    "neutral": (
        Style("plain", pitch=(-5, 5), range=(80, 110), rate=(95, 105)),
        Style("reading", pitch=(-8, 2), range=(70, 95), rate=(100, 112), gap=(0, 3)),
        Style("calm", pitch=(-10, 0), range=(85, 115), rate=(88, 98), pause=(0.3, 150, 300)),
    ),
    "happy": (
        Style("bright", pitch=(15, 30), range=(150, 200), rate=(108, 120), volume=(105, 120)),
        Style("warm", pitch=(10, 22), range=(130, 170), rate=(100, 110), jitter=8),
        Style("excited", pitch=(25, 40), range=(170, 230), rate=(115, 130), volume=(110, 130), jitter=10),
    ),
    "sad": (
        Style("low", pitch=(-30, -18), range=(25, 50), rate=(65, 78), volume=(70, 85), gap=(4, 10), darken=(0.4, 0.7)),
        Style("tired", pitch=(-22, -12), range=(35, 60), rate=(72, 85), volume=(75, 90), gap=(2, 6),
              pause=(0.6, 400, 900), darken=(0.3, 0.6)),
        Style("flat", pitch=(-35, -22), range=(15, 35), rate=(60, 72), volume=(65, 80), gap=(6, 14), darken=(0.5, 0.8)),
    ),
    "angry": (
        Style("shouted", pitch=(5, 18), range=(120, 160), rate=(110, 125), volume=(140, 180), drive=(3.0, 6.0)),
        Style("clipped", pitch=(0, 10), range=(90, 130), rate=(120, 138), volume=(130, 160), gap=(3, 6), drive=(2.0, 4.0)),
        Style("tense", pitch=(-5, 8), range=(70, 100), rate=(105, 118), volume=(130, 160), drive=(4.0, 8.0), jitter=6),
    ),
    "fearful": (
        Style("trembling", pitch=(28, 45), range=(50, 80), rate=(115, 132), volume=(80, 95), jitter=15, tremolo=(0.3, 0.5)),
        Style("hushed", pitch=(18, 32), range=(60, 90), rate=(120, 140), volume=(70, 85), jitter=12, tremolo=(0.2, 0.4),
              pause=(0.5, 150, 350)),
        Style("panicked", pitch=(35, 55), range=(70, 110), rate=(130, 150), jitter=18, tremolo=(0.25, 0.45)),
    ),
    "surprised": (
        Style("wow", pitch=(40, 60), range=(220, 300), rate=(95, 108), volume=(110, 130)),
        Style("question", pitch=(30, 50), range=(200, 260), rate=(100, 112), pause=(0.4, 200, 400)),
        Style("astonished", pitch=(45, 70), range=(250, 330), rate=(88, 100), volume=(110, 130), jitter=10),
    ),
}


def _espeak(ssml: str, voice: str, gap: int) -> np.ndarray:
    """espeak-ng (22.05 kHz) -> sox resampled to 16 kHz float32 mono."""
    speak = subprocess.run(
        ["espeak-ng", "-m", "-v", voice, "-g", str(gap), "--stdout", ssml],
        check=True, capture_output=True,
    )
    resampled = subprocess.run(
        ["sox", "-R", "-t", "wav", "-", "-t", "f32", "-r", str(SAMPLE_RATE), "-c", "1", "-"],
        input=speak.stdout, check=True, capture_output=True,
    )
    return np.frombuffer(resampled.stdout, dtype=np.float32).copy()


def _ssml(text: str, style: Style, rng: np.random.Generator) -> str:
    def u(bounds: Tuple[float, float]) -> float:
        return float(rng.uniform(bounds[0], bounds[1]))

    pitch, rng_pct, rate, volume = u(style.pitch), u(style.range), u(style.rate), u(style.volume)
    chance, pause_lo, pause_hi = style.pause
    words = text.split()
    parts: List[str] = []
    for i, word in enumerate(words):
        piece = escape(word)
        if style.jitter > 0:
            piece = f'<prosody pitch="{rng.uniform(-style.jitter, style.jitter):+.0f}%">{piece}</prosody>'
        parts.append(piece)
        if chance > 0 and i < len(words) - 1 and word.endswith(",") and rng.random() < chance * 2:
            parts.append(f'<break time="{int(rng.integers(pause_lo, pause_hi + 1))}ms"/>')
        elif chance > 0 and i < len(words) - 1 and rng.random() < chance / 6:
            parts.append(f'<break time="{int(rng.integers(pause_lo, pause_hi + 1))}ms"/>')
    body = " ".join(parts)
    return (
        f'<speak><prosody pitch="{pitch:+.0f}%" range="{rng_pct:.0f}%" rate="{rate:.0f}%" '
        f'volume="{volume:.0f}%">{body}</prosody></speak>'
    )


def _fir_lowpass(cutoff: float, taps: int = 31) -> np.ndarray:
    """Windowed-sinc low-pass; cutoff as a fraction of the sample rate."""
    n = np.arange(taps) - (taps - 1) / 2
    h = np.sinc(2 * cutoff * n) * np.hamming(taps)
    return h / h.sum()


def _shape(audio: np.ndarray, style: Style, rng: np.random.Generator) -> np.ndarray:
    x = audio.astype(np.float64)
    peak = np.max(np.abs(x)) or 1.0
    x = x / peak * 0.7
    if style.drive[1] > 0:
        # Saturation adds the dense upper harmonics of a pressed, tense voice.
        drive = float(rng.uniform(*style.drive))
        x = np.tanh(drive * x) / np.tanh(drive)
        x = x - np.convolve(x, _fir_lowpass(0.02, 63), mode="same") * 0.3  # a little high-frequency emphasis
    if style.tremolo[1] > 0:
        depth = float(rng.uniform(*style.tremolo))
        rate_hz = float(rng.uniform(5.0, 9.0))
        t = np.arange(len(x)) / SAMPLE_RATE
        x = x * (1.0 - depth * 0.5 * (1.0 + np.sin(2 * np.pi * rate_hz * t + rng.uniform(0, 2 * np.pi))))
    if style.darken[1] > 0:
        mix = float(rng.uniform(*style.darken))
        x = (1 - mix) * x + mix * np.convolve(x, _fir_lowpass(0.09), mode="same")
    peak = np.max(np.abs(x)) or 1.0
    return (x / peak * 0.7).astype(np.float32)


def synthesize(text: str, emotion: str, voice: str, seed: int) -> np.ndarray:
    """16 kHz mono float32 speech of `text` in `emotion` with an espeak-ng voice ("en-us+m3").

    Peaks are normalised to 0.7; use `augment` or `set_level` for a level."""
    if emotion not in STYLES:
        raise ValueError(f"unknown emotion '{emotion}'; expected one of {', '.join(EMOTIONS)}")
    rng = np.random.default_rng(seed)
    styles = STYLES[emotion]
    style = styles[int(rng.integers(len(styles)))]
    gap = int(rng.integers(style.gap[0], style.gap[1] + 1))
    audio = _espeak(_ssml(text, style, rng), voice, gap)
    if audio.size == 0:
        raise RuntimeError(f"espeak-ng produced no audio for voice {voice}")
    return _shape(audio, style, rng)


def trim_silence(audio: np.ndarray, threshold: float = 0.01, margin: int = 1600) -> np.ndarray:
    """Drops leading and trailing silence beyond `margin` samples."""
    loud = np.flatnonzero(np.abs(audio) > threshold)
    if loud.size == 0:
        return audio
    return audio[max(0, loud[0] - margin): loud[-1] + margin]


def set_level(audio: np.ndarray, rms_dbfs: float) -> np.ndarray:
    rms = float(np.sqrt(np.mean(audio.astype(np.float64) ** 2))) or 1e-9
    return (audio * (10 ** (rms_dbfs / 20) / rms)).astype(np.float32)


def coloured_noise(n: int, rng: np.random.Generator, slope: float) -> np.ndarray:
    """Noise with power ∝ f^slope (0 white, -1 pink, -2 brown), unit RMS."""
    spectrum = np.fft.rfft(rng.standard_normal(n))
    f = np.fft.rfftfreq(n)
    f[0] = f[1] if n > 1 else 1.0
    spectrum *= f ** (slope / 2)
    noise = np.fft.irfft(spectrum, n)
    return noise / (np.sqrt(np.mean(noise ** 2)) or 1.0)


def reverb(audio: np.ndarray, rng: np.random.Generator, rt60: float, wet: float) -> np.ndarray:
    """Convolution with an exponentially decaying noise impulse response."""
    length = int(min(rt60, 1.0) * SAMPLE_RATE)
    t = np.arange(length) / SAMPLE_RATE
    ir = rng.standard_normal(length) * np.exp(-6.9 * t / rt60)
    ir[0] = 0.0
    ir /= np.sqrt(np.sum(ir ** 2)) or 1.0
    n = len(audio) + length - 1
    size = 1 << (n - 1).bit_length()
    tail = np.fft.irfft(np.fft.rfft(audio, size) * np.fft.rfft(ir, size), size)[: len(audio)]
    return ((1 - wet) * audio + wet * tail).astype(np.float32)


def augment(audio: np.ndarray, seed: int) -> np.ndarray:
    """Training augmentation: reverb (60% of clips), noise at 5-35 dB SNR, level -45..-18 dBFS RMS."""
    rng = np.random.default_rng(seed)
    x = audio.astype(np.float64)
    if rng.random() < 0.6:
        x = reverb(x, rng, rt60=float(rng.uniform(0.15, 0.8)), wet=float(rng.uniform(0.15, 0.5)))
    speech_rms = float(np.sqrt(np.mean(x ** 2))) or 1e-9
    snr = float(rng.uniform(5, 35))
    noise = coloured_noise(len(x), rng, slope=float(rng.choice([0.0, -1.0, -2.0])))
    x = x + noise * speech_rms / (10 ** (snr / 20))
    x = set_level(x.astype(np.float32), float(rng.uniform(-45, -18)))
    return np.clip(x, -1.0, 1.0).astype(np.float32)
