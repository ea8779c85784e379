"""Two short committed clips in ../testing/ (held-out voice, same sentence, angry vs sad) and clips.json.

A test can check that the committed model scores the angry clip higher on
"angry" than the sad clip, and the sad clip higher on "sad"."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from corpus import HELDOUT_VOICES
import paths  # noqa: F401  (makes datasets/synthesis importable)
from emotional_speech import set_level, synthesize, trim_silence

TESTING = Path(__file__).resolve().parents[1] / "testing"
VOICE = "en-gb-scotland+m4"
TEXT = "The letter arrived on Friday, and we talked about the plan for Monday."
CLIPS = {"angry": ("angry.flac", 101), "sad": ("sad.flac", 202)}
LEVEL_DBFS = -24.0


def write() -> None:
    assert ("en", VOICE) in HELDOUT_VOICES
    TESTING.mkdir(exist_ok=True)
    entries = []
    for emotion, (name, seed) in CLIPS.items():
        audio = set_level(trim_silence(synthesize(TEXT, emotion, VOICE, seed)), LEVEL_DBFS)
        subprocess.run(
            ["sox", "-R", "-D", "-t", "f32", "-r", "16000", "-c", "1", "-", "-b", "16", str(TESTING / name)],
            input=audio.clip(-1, 1).tobytes(), check=True,
        )
        entries.append({"file": name, "emotion": emotion, "seconds": round(len(audio) / 16000, 2)})
    meta = {
        "generator": "models/synthetic-baseline/training/test_clips.py",
        "voice": VOICE,
        "voiceHeldOut": True,
        "text": TEXT,
        "clips": entries,
        "expect": "the angry clip scores higher on 'angry' than the sad clip, and the sad clip higher on 'sad'",
    }
    (TESTING / "clips.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    write()
