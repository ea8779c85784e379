import { fileURLToPath } from "node:url";
import type { AudioDecoding, DecodeOutcome } from "./audio-format";

/** Tests only: where the committed fixtures live (datasets/fixtures/audio, made by its make-fixtures.sh). */
export const AUDIO_FIXTURES = fileURLToPath(new URL("../../datasets/fixtures/audio/", import.meta.url));

/** Tests only: drains a decoding into whole channels. */
export async function collectDecoding(decoding: AudioDecoding, signal?: AbortSignal): Promise<{ channels: Float32Array[]; chunkCount: number; outcome: DecodeOutcome }> {
  const parts: Float32Array[][] = [];
  const iterator = decoding.chunks(signal);
  let step = await iterator.next();
  while (!step.done) {
    parts.push(step.value.channels);
    step = await iterator.next();
  }
  const channelCount = parts[0]?.length ?? 0;
  const channels = Array.from({ length: channelCount }, (_, c) => {
    const total = parts.reduce((sum, part) => sum + part[c]!.length, 0);
    const joined = new Float32Array(total);
    let at = 0;
    for (const part of parts) {
      joined.set(part[c]!, at);
      at += part[c]!.length;
    }
    return joined;
  });
  return { channels, chunkCount: parts.length, outcome: step.value };
}

/** The middle of a signal, away from fades and codec edges. */
function middle(samples: Float32Array, keep = 0.8): Float32Array {
  const skip = Math.floor((samples.length * (1 - keep)) / 2);
  return samples.subarray(skip, samples.length - skip);
}

/** Tests only: frequency of a pure tone from its upward zero crossings (interpolated), over the middle 80%. */
export function toneFrequency(samples: Float32Array, sampleRate: number): number {
  const s = middle(samples);
  const crossings: number[] = [];
  for (let i = 1; i < s.length; i++) {
    const a = s[i - 1]!;
    const b = s[i]!;
    if (a < 0 && b >= 0) crossings.push(i - 1 + a / (a - b));
  }
  if (crossings.length < 2) return 0;
  return ((crossings.length - 1) * sampleRate) / (crossings.at(-1)! - crossings[0]!);
}

/** Tests only: RMS level in dBFS over the middle 80% (a full-scale sine is -3.01 dBFS). */
export function rmsDbfs(samples: Float32Array): number {
  const s = middle(samples);
  let sum = 0;
  for (const v of s) sum += v * v;
  return 10 * Math.log10(sum / s.length);
}
