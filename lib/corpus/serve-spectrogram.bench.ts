import { createHash } from "node:crypto";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createWavFileWriter } from "../audio/wav-file-writer";
import { openAudioStore } from "./audio-store";
import { serveSpectrogram, spectrogramQuerySchema } from "./serve-spectrogram";

/**
 * Spectrogram route latency (without the database lookup) on an hour of
 * stored 16 kHz analysis audio: the whole hour at 1,500 columns, and ten
 * seconds at 1,500 columns, the two ends of the editor's zoom.
 */
export async function runSpectrogramBenchmark(): Promise<Record<string, unknown>> {
  const folder = await mkdtemp(path.join(tmpdir(), "resonance-spectrogram-bench-"));
  try {
    const store = openAudioStore(folder);
    const analysisHash = createHash("sha256").update("an hour of tones").digest("hex");
    const file = store.analysisPath(analysisHash);
    await mkdir(path.dirname(file), { recursive: true });
    const rate = 16_000;
    const seconds = 3600;
    const writer = await createWavFileWriter(file, { sampleRate: rate, channels: 1, encoding: "pcm16" });
    const chunk = new Float32Array(rate);
    for (let second = 0; second < seconds; second++) {
      // A tone whose pitch steps every second, so every column holds sound.
      const frequency = 200 + ((second * 37) % 3000);
      for (let i = 0; i < rate; i++) chunk[i] = 0.3 * Math.sin((2 * Math.PI * frequency * (second * rate + i)) / rate);
      await writer.write(chunk);
    }
    await writer.close();
    const media = { id: "bench", contentHash: analysisHash, analysisHash, format: "wav/pcm_s16le", originalName: "hour.wav", durationSeconds: seconds };

    const time = async (text: string) => {
      const query = spectrogramQuerySchema.parse(Object.fromEntries(new URLSearchParams(text)));
      const runs: number[] = [];
      let bytes = 0;
      for (let run = 0; run < 7; run++) {
        const started = performance.now();
        const response = await serveSpectrogram({ store, media, query });
        bytes = (await response.arrayBuffer()).byteLength;
        runs.push(performance.now() - started);
      }
      const sorted = [...runs].sort((a, b) => a - b);
      return { query: text, firstMs: round(runs[0]!), medianMs: round(sorted[3]!), responseBytes: bytes };
    };
    return {
      audio: "1 h, 16 kHz mono 16-bit WAV (115 MB)",
      hourAt1500Columns: await time("columns=1500"),
      tenSecondsAt1500Columns: await time("start=1800&end=1810&columns=1500"),
      hourAt1500ColumnsFft1024: await time("columns=1500&fftSize=1024"),
    };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
