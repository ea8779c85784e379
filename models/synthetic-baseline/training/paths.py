"""Puts datasets/synthesis on sys.path; import this before emotional_speech or sentences."""

import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[3]
SYNTHESIS = REPO_ROOT / "datasets" / "synthesis"
if str(SYNTHESIS) not in sys.path:
    sys.path.insert(0, str(SYNTHESIS))
