// Resampler throughput, for `npm run bench` (register benchmarkResampler in
// lib/cli/bench.ts). Targets: about 1.5 s per audio hour at 48 and 44.1 kHz.
import { createResampler } from "./resampler";

const SECONDS = 600;
const CHUNK = 4096;

function syntheticSpeechLike(rate: number, seconds: number): Float32Array {
  const out = new Float32Array(Math.round(rate * seconds));
  // Deterministic: a few partials under a slow envelope; the content does not
  // change the cost, but denormals or constant input could flatter it.
  for (let i = 0; i < out.length; i += 1) {
    const t = i / rate;
    const envelope = 0.5 + 0.4 * Math.sin(2 * Math.PI * 0.7 * t);
    out[i] = envelope * (0.5 * Math.sin(2 * Math.PI * 180 * t) + 0.3 * Math.sin(2 * Math.PI * 1230 * t) + 0.1 * Math.sin(2 * Math.PI * 5100 * t));
  }
  return out;
}

async function secondsPerAudioHour(inputRate: number): Promise<number> {
  const input = syntheticSpeechLike(inputRate, SECONDS);
  const run = async (): Promise<number> => {
    const resampler = await createResampler(inputRate, 16_000);
    const started = performance.now();
    for (let offset = 0; offset < input.length; offset += CHUNK) resampler.push(input.subarray(offset, offset + CHUNK));
    resampler.flush();
    const elapsed = (performance.now() - started) / 1000;
    resampler.dispose();
    return elapsed;
  };
  await run(); // lets V8 tier the kernel up before timing
  return ((await run()) * 3600) / SECONDS;
}

/** Resamples 10 minutes of synthetic audio in 4096-sample chunks and reports seconds per audio hour, one core. */
export async function benchmarkResampler(): Promise<Record<string, number>> {
  const figures: Record<string, number> = {};
  for (const rate of [48_000, 44_100, 96_000, 22_050, 22_222, 8000]) {
    figures[`secondsPerHour_${rate}to16000`] = Number((await secondsPerAudioHour(rate)).toFixed(3));
  }
  return figures;
}
