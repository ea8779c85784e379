import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { encodeWav } from "../../lib/audio/wav-encode";

/**
 * Audio the specs make at run time (too big to keep in datasets/). The
 * server under test may import from here: playwright.config.ts adds it to
 * IMPORT_ROOTS.
 */
export const E2E_INPUTS_DIR = path.join(import.meta.dirname, "..", "..", "test-results", "e2e-inputs");

/**
 * Writes a 16 kHz mono WAV of `seconds` whose pitch and loudness drift, so
 * frame curves move, and returns its path.
 */
export function writeLongRecording(name: string, seconds: number): string {
  const rate = 16_000;
  const samples = new Float32Array(Math.round(seconds * rate));
  let phase = 0;
  for (let index = 0; index < samples.length; index++) {
    const t = index / rate;
    phase += (2 * Math.PI * (180 + 60 * Math.sin(t / 3))) / rate;
    samples[index] = (0.2 + 0.15 * Math.sin(t / 5)) * Math.sin(phase);
  }
  mkdirSync(E2E_INPUTS_DIR, { recursive: true });
  const file = path.join(E2E_INPUTS_DIR, name);
  // Built in memory: an hour would be 115 MB, so specs keep to minutes.
  writeFileSync(file, encodeWav(samples, rate, "pcm16"));
  return file;
}
