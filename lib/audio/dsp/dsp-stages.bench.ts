// Throughput of the streaming stages beside the resampler, for `npm run bench`
// (register benchmarkDspStages in lib/cli/bench.ts). Target: each well under
// 0.3 s per audio hour. Input comes in 4096-frame chunks from a small set of
// buffers, so it is cache-warm the way a decoder's fresh output is.
import { downmixToMono } from "./downmix";
import { createPeaksBuilder } from "./peaks";
import { createQualityMeter } from "./quality-meter";

const CHUNK = 4096;
const BUFFERS = 8;
const MEASURED_SECONDS = 600;

function chunks(frequency: number, amplitude: number): Float32Array[] {
  return Array.from({ length: BUFFERS }, (_, k) =>
    Float32Array.from({ length: CHUNK }, (_, i) => amplitude * Math.sin((i + k * CHUNK) * frequency)),
  );
}

/** Runs `step` over MEASURED_SECONDS of audio at `rate` (after a warm-up) and scales to one hour. */
function secondsPerHour(rate: number, step: (index: number) => void): number {
  const calls = Math.ceil((rate * MEASURED_SECONDS) / CHUNK);
  for (let i = 0; i < calls / 4; i += 1) step(i % BUFFERS);
  const started = performance.now();
  for (let i = 0; i < calls; i += 1) step(i % BUFFERS);
  return Number(((((performance.now() - started) / 1000) * 3600) / MEASURED_SECONDS).toFixed(3));
}

export async function benchmarkDspStages(): Promise<Record<string, number>> {
  const left = chunks(0.013, 0.5);
  const right = chunks(0.021, 0.4);
  const stereoMeter = createQualityMeter(48_000);
  const monoMeter = createQualityMeter(48_000);
  const analysisMeter = createQualityMeter(48_000);
  const peaks = createPeaksBuilder();
  const mixBuffer = new Float32Array(CHUNK);
  return {
    downmixStereo48kSecondsPerHour: secondsPerHour(48_000, (k) => downmixToMono([left[k]!, right[k]!])),
    downmixStereo48kIntoBufferSecondsPerHour: secondsPerHour(48_000, (k) => downmixToMono([left[k]!, right[k]!], mixBuffer)),
    qualityOriginalStereo48kSecondsPerHour: secondsPerHour(48_000, (k) => stereoMeter.pushOriginal([left[k]!, right[k]!])),
    qualityOriginalMono48kSecondsPerHour: secondsPerHour(48_000, (k) => monoMeter.pushOriginal([left[k]!])),
    qualityAnalysis16kSecondsPerHour: secondsPerHour(16_000, (k) => analysisMeter.pushAnalysis(left[k]!)),
    peaks16kSecondsPerHour: secondsPerHour(16_000, (k) => peaks.push(left[k]!)),
  };
}
