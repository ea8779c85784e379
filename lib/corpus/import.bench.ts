import { execFile, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { openAudioDecoding } from "../audio/decode-audio-file";
import { downmixToMono } from "../audio/dsp/downmix";
import { createResampler } from "../audio/dsp/resampler";
import { createWavFileWriter } from "../audio/wav-file-writer";
import { ANALYSIS_SAMPLE_RATE } from "./process-audio-file";

/**
 * `npm run bench -- import`: audio-hours imported per wall minute for
 * (a) the demo corpus, (b) a 1-hour 48 kHz stereo WAV and (c) a 1-hour MP3,
 * with peak RSS; and our decode + downmix + resample against Debian ffmpeg's
 * on the same files, as a ratio. Targets: (b) ≤ 20 s, (c) ≤ 60 s, decode +
 * resample within 3× of ffmpeg, peak RSS < 1.5 GB.
 */
const run = promisify(execFile);
const PROJECT_ROOT = path.resolve(import.meta.dirname, "..", "..");
const TSX = path.join(PROJECT_ROOT, "node_modules", "tsx", "dist", "esm", "index.mjs");
const INPUTS = path.join(PROJECT_ROOT, "bench-results", "inputs");

export async function runImportBenchmark(): Promise<Record<string, unknown>> {
  mkdirSync(INPUTS, { recursive: true });
  const ffmpeg = hasFfmpeg();
  const wav = path.join(INPUTS, "one-hour-48k-stereo.wav");
  if (!existsSync(wav)) await writeLongWav(wav, 3600);
  const mp3 = path.join(INPUTS, "one-hour-128k.mp3");
  if (!existsSync(mp3) && ffmpeg) {
    await run("ffmpeg", ["-v", "error", "-y", "-i", wav, "-c:a", "libmp3lame", "-b:a", "128k", mp3], { maxBuffer: 1 << 20 });
  }
  const demo = path.join(PROJECT_ROOT, "datasets", "demo");
  const demoSource = existsSync(demo) ? demo : path.join(PROJECT_ROOT, "datasets", "fixtures", "audio");

  const figures: Record<string, unknown> = {
    targets: { wavImportSeconds: 20, mp3ImportSeconds: 60, ratioToFfmpeg: 3, peakRssBytes: 1.5 * 1024 ** 3 },
  };
  figures.demoCorpus = {
    source: path.relative(PROJECT_ROOT, demoSource),
    ...(existsSync(demo) ? {} : { note: "datasets/demo does not exist yet; the audio fixtures stand in for it" }),
    ...(await measureImport(demoSource)),
  };
  figures.wav48kStereoHour = { ...(await measureImport(wav)), ...(await compareDecode(wav, ffmpeg)) };
  figures.mp3Hour = existsSync(mp3)
    ? { ...(await measureImport(mp3)), ...(await compareDecode(mp3, ffmpeg)) }
    : { skipped: "Debian ffmpeg is not installed: it is needed to encode the MP3 input (apt-get install ffmpeg)" };
  return figures;
}

async function measureImport(source: string): Promise<Record<string, unknown>> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "resonance-import-bench-"));
  try {
    const child = spawnSync(process.execPath, ["--import", TSX, path.join(import.meta.dirname, "import-bench-child.ts"), dataDir, source], {
      cwd: PROJECT_ROOT,
      encoding: "utf8",
      maxBuffer: 1 << 24,
    });
    if (child.status !== 0) throw new Error(`import benchmark child failed: ${child.stderr}`);
    const result = JSON.parse(child.stdout.trim().split("\n").at(-1)!) as { seconds: number; audioSeconds: number; maxRssBytes: number; counts: unknown };
    return {
      importSeconds: round(result.seconds),
      audioHours: round(result.audioSeconds / 3600, 4),
      audioHoursPerWallMinute: round(result.audioSeconds / 3600 / (result.seconds / 60)),
      peakRssBytes: result.maxRssBytes,
      counts: result.counts,
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Decode + mix to mono + resample to 16 kHz only: ours (in this process) against ffmpeg's. */
async function compareDecode(file: string, ffmpeg: boolean): Promise<Record<string, unknown>> {
  let started = performance.now();
  const decoding = await openAudioDecoding(file);
  const resampler = await createResampler(decoding.info.sampleRate, ANALYSIS_SAMPLE_RATE);
  let samples = 0;
  for await (const chunk of decoding.chunks()) samples += resampler.push(downmixToMono(chunk.channels)).length;
  samples += resampler.flush().length;
  resampler.dispose();
  const oursSeconds = (performance.now() - started) / 1000;
  if (!ffmpeg) return { decodeResampleSeconds: round(oursSeconds), samples, ffmpeg: "not installed" };
  started = performance.now();
  await run("ffmpeg", ["-v", "error", "-i", file, "-ac", "1", "-ar", String(ANALYSIS_SAMPLE_RATE), "-f", "f32le", "-y", "/dev/null"]);
  const ffmpegSeconds = (performance.now() - started) / 1000;
  return {
    decodeResampleSeconds: round(oursSeconds),
    ffmpegDecodeResampleSeconds: round(ffmpegSeconds),
    ratioToFfmpeg: round(oursSeconds / ffmpegSeconds),
  };
}

/** A tone with a slow vibrato plus noise on each channel, written in blocks: speech-like enough for timing. */
async function writeLongWav(file: string, seconds: number): Promise<void> {
  const rate = 48_000;
  const writer = await createWavFileWriter(file, { sampleRate: rate, channels: 2, encoding: "pcm16" });
  const block = rate * 10;
  let seed = 1;
  const noise = () => ((seed = (seed * 1_103_515_245 + 12_345) >>> 0) / 2 ** 32 - 0.5) * 0.05;
  for (let start = 0; start < seconds * rate; start += block) {
    const left = new Float32Array(block);
    const right = new Float32Array(block);
    for (let index = 0; index < block; index++) {
      const t = (start + index) / rate;
      const frequency = 180 + 40 * Math.sin(2 * Math.PI * 0.5 * t);
      left[index] = 0.3 * Math.sin(2 * Math.PI * frequency * t) + noise();
      right[index] = 0.2 * Math.sin(2 * Math.PI * 1.5 * frequency * t) + noise();
    }
    await writer.write([left, right]);
  }
  await writer.close();
}

function hasFfmpeg(): boolean {
  return spawnSync("ffmpeg", ["-version"], { encoding: "utf8" }).status === 0;
}

function round(value: number, digits = 2): number {
  return Number(value.toFixed(digits));
}
