#!/usr/bin/python3
"""Regenerates the synthetic demo corpus in datasets/demo/ (audio/ and manifest.csv).

    /usr/bin/python3 datasets/demo/make_demo.py

Needs espeak-ng, sox and ffmpeg (libopus). Deterministic: every choice comes
from numpy generators with fixed seeds, the audio from espeak-ng with fixed
prosody, and ffmpeg writes no metadata (-bitexact), so a re-run on the same
tool versions reproduces the files. No real person is involved anywhere:
the "patients" are espeak-ng voices and every value in the manifest is made up.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Dict, List, Tuple

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "synthesis"))

from emotional_speech import SAMPLE_RATE, coloured_noise, reverb, set_level, synthesize, trim_silence  # noqa: E402
from sentences import sentences  # noqa: E402

SEED = 20240115
AUDIO_DIR = HERE / "audio"
BITRATE = "32k"

# Emotion mixes per cohort (probabilities).
MIXES: Dict[str, Dict[str, float]] = {
    "control": {"neutral": 0.5, "happy": 0.3, "surprised": 0.1, "sad": 0.05, "angry": 0.05},
    "depression": {"sad": 0.5, "neutral": 0.35, "angry": 0.05, "fearful": 0.05, "happy": 0.05},
    "anxiety": {"fearful": 0.45, "neutral": 0.3, "sad": 0.1, "surprised": 0.1, "angry": 0.05},
}
PHQ9_RANGE: Dict[str, Tuple[int, int]] = {"control": (0, 4), "depression": (12, 23), "anxiety": (5, 12)}


@dataclass(frozen=True)
class Patient:
    code: str
    cohort: str
    language: str
    voice: str  # espeak-ng voice; the variants are the model's held-out voices
    sex: str
    age_band: str
    sessions: int
    long_session: int  # 0 = none, else the session number that also has a long recording


PATIENTS: List[Patient] = [
    Patient("P01", "control", "en", "en-us+f4", "F", "30-39", 3, 2),
    Patient("P02", "control", "en", "en-gb-x-rp+m4", "M", "50-59", 2, 0),
    Patient("P03", "control", "de", "de+f5", "F", "20-29", 3, 0),
    Patient("P04", "depression", "en", "en-gb-scotland+m6", "M", "40-49", 4, 3),
    Patient("P05", "depression", "en", "en-us+belinda", "F", "60-69", 3, 0),
    Patient("P06", "depression", "fr", "fr-fr+m4", "M", "30-39", 2, 0),
    Patient("P07", "depression", "en", "en+f5", "F", "20-29", 3, 0),
    Patient("P08", "anxiety", "en", "en-us+david", "M", "20-29", 4, 1),
    Patient("P09", "anxiety", "es", "es+f4", "F", "40-49", 3, 0),
    Patient("P10", "anxiety", "en", "en-gb-x-rp+f4", "F", "50-59", 2, 0),
]
UTTERANCES_PER_SESSION = 3
LONG_MINUTES = {"P01": 6.0, "P04": 9.0, "P08": 7.0}


def pick(rng: np.random.Generator, mix: Dict[str, float]) -> str:
    names = list(mix)
    p = np.array([mix[n] for n in names])
    return names[int(rng.choice(len(names), p=p / p.sum()))]


def with_room(x: np.ndarray, rng: np.random.Generator, snr_db: float) -> np.ndarray:
    """Light room reverb and background noise, then a speech-like level."""
    x = reverb(x.astype(np.float64), rng, rt60=float(rng.uniform(0.2, 0.4)), wet=0.15)
    rms = float(np.sqrt(np.mean(x ** 2))) or 1e-9
    x = x + coloured_noise(len(x), rng, slope=-1.0) * rms / 10 ** (snr_db / 20)
    return np.clip(set_level(x.astype(np.float32), -26.0), -1, 1)


def short_utterance(patient: Patient, emotion: str, text: List[str], seed: int, rng: np.random.Generator):
    """One or two sentences, 1-15 s; returns (audio, spans)."""
    lead = int(rng.uniform(0.2, 0.6) * SAMPLE_RATE)
    pieces: List[np.ndarray] = [np.zeros(lead, np.float32)]
    spans = []
    t = lead
    for i, sentence in enumerate(text):
        speech = trim_silence(synthesize(sentence, emotion, patient.voice, seed + i), margin=0)
        spans.append({"start": round(t / SAMPLE_RATE, 2), "end": round((t + len(speech)) / SAMPLE_RATE, 2), "emotion": emotion})
        gap = int(rng.uniform(0.4, 1.2) * SAMPLE_RATE)
        pieces += [speech, np.zeros(gap, np.float32)]
        t += len(speech) + gap
    audio = np.concatenate(pieces)
    return with_room(audio, rng, snr_db=float(rng.uniform(28, 40))), spans


def long_recording(patient: Patient, minutes: float, seed: int, rng: np.random.Generator):
    """Minutes of utterances with pauses; the emotion holds for a stretch of 3-8 utterances, then changes."""
    pool = sentences(patient.language)
    target = int(minutes * 60 * SAMPLE_RATE)
    pieces: List[np.ndarray] = []
    spans = []
    t, k = 0, 0
    emotion, left = "neutral", int(rng.integers(3, 6))  # interviews start calm
    while t < target:
        if left == 0:
            emotion, left = pick(rng, MIXES[patient.cohort]), int(rng.integers(3, 9))
        pause = int(rng.uniform(0.6, 3.5) * SAMPLE_RATE)
        speech = trim_silence(synthesize(pool[int(rng.integers(len(pool)))], emotion, patient.voice, seed + k), margin=0)
        if t + pause + len(speech) > target:
            break
        pieces += [np.zeros(pause, np.float32), speech]
        spans.append({"start": round((t + pause) / SAMPLE_RATE, 2), "end": round((t + pause + len(speech)) / SAMPLE_RATE, 2),
                      "emotion": emotion})
        t += pause + len(speech)
        k += 1
        left -= 1
    pieces.append(np.zeros(int(1.5 * SAMPLE_RATE), np.float32))
    return with_room(np.concatenate(pieces), rng, snr_db=float(rng.uniform(18, 24))), spans


def dominant(spans: List[dict]) -> str:
    totals: Dict[str, float] = {}
    for s in spans:
        totals[s["emotion"]] = totals.get(s["emotion"], 0.0) + s["end"] - s["start"]
    return max(sorted(totals), key=lambda e: totals[e])


def encode(audio: np.ndarray, path: Path) -> None:
    """Opus in Ogg at 32 kbit/s, without metadata so the bytes are reproducible."""
    path.parent.mkdir(parents=True, exist_ok=True)
    pcm = (np.clip(audio, -1, 1) * 32767).astype("<i2").tobytes()
    subprocess.run(
        ["ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-f", "s16le", "-ar", str(SAMPLE_RATE), "-ac", "1",
         "-i", "-", "-map_metadata", "-1", "-fflags", "+bitexact", "-flags:a", "+bitexact",
         "-c:a", "libopus", "-b:a", BITRATE, str(path)],
        input=pcm, check=True,
    )


def main() -> None:
    if AUDIO_DIR.exists():
        shutil.rmtree(AUDIO_DIR)
    rows = []
    for p_index, patient in enumerate(PATIENTS):
        rng = np.random.default_rng(SEED + p_index)
        pool = sentences(patient.language)
        day = date(2024, 1, 8) + timedelta(days=int(rng.integers(0, 28)))
        lo, hi = PHQ9_RANGE[patient.cohort]
        for session in range(1, patient.sessions + 1):
            session_id = f"S{session}"
            phq9 = int(rng.integers(lo, hi + 1))
            common = {"patient": patient.code, "cohort": patient.cohort, "session": session_id,
                      "session_date": day.isoformat(), "age_band": patient.age_band, "sex": patient.sex,
                      "phq9": phq9, "language": patient.language}
            for u in range(1, UTTERANCES_PER_SESSION + 1):
                emotion = pick(rng, MIXES[patient.cohort])
                count = 1 if rng.random() < 0.7 else 2
                text = [pool[int(rng.integers(len(pool)))] for _ in range(count)]
                seed = SEED * 10 + p_index * 10000 + session * 100 + u * 10
                audio, spans = short_utterance(patient, emotion, text, seed, rng)
                if len(audio) > 15 * SAMPLE_RATE:  # keep short files under 15 s
                    audio, spans = short_utterance(patient, emotion, text[:1], seed, rng)
                rel = f"audio/{patient.code}/{patient.code}_{session_id}_u{u}.opus"
                encode(audio, HERE / rel)
                rows.append({"path": rel, **common, "kind": "utterance", "truth_emotion": emotion,
                             "truth_spans": json.dumps(spans, separators=(",", ":"))})
            if session == patient.long_session:
                audio, spans = long_recording(patient, LONG_MINUTES[patient.code], SEED * 10 + p_index * 10000 + 5000, rng)
                rel = f"audio/{patient.code}/{patient.code}_{session_id}_interview.opus"
                encode(audio, HERE / rel)
                rows.append({"path": rel, **common, "kind": "interview", "truth_emotion": dominant(spans),
                             "truth_spans": json.dumps(spans, separators=(",", ":"))})
            day += timedelta(days=int(rng.integers(14, 43)))
    columns = ["path", "patient", "cohort", "session", "session_date", "age_band", "sex", "phq9", "language", "kind",
               "truth_emotion", "truth_spans"]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    (HERE / "manifest.csv").write_text(out.getvalue(), encoding="utf-8")
    print(f"{len(rows)} files written to {AUDIO_DIR.relative_to(HERE.parent.parent)}")


if __name__ == "__main__":
    main()
