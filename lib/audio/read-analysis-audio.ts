import { open } from "node:fs/promises";
import { openFileSource } from "./decode-byte-source";
import { openAudioDecoding } from "./decode-audio-file";
import { readWavLayout } from "./wav-header";

/**
 * Reads (part of) a stored 16 kHz analysis WAV. The import writes these as
 * 16-bit mono PCM, which is returned as read from disk (value / 32768 is the
 * sample) so the caller converts only what it uses; anything else goes
 * through the general decoder as floats.
 */
export type AnalysisAudio =
  | { kind: "pcm16"; pcm: Int16Array; sampleRate: number }
  | { kind: "float32"; samples: Float32Array; sampleRate: number };

export async function readAnalysisAudio(filePath: string, range?: { startSeconds: number; endSeconds: number }): Promise<AnalysisAudio> {
  const source = await openFileSource(filePath, "analysis audio");
  let layout;
  try {
    layout = await readWavLayout(source, "analysis audio");
  } finally {
    await source.close();
  }
  if (layout.encoding !== "s16" || layout.channels !== 1) return decodeGenerally(filePath, range);
  const available = layout.declaredDataBytes === null ? Number.POSITIVE_INFINITY : Math.floor(layout.declaredDataBytes / 2);
  const handle = await open(filePath, "r");
  try {
    const fileFrames = Math.floor(((await handle.stat()).size - layout.dataOffset) / 2);
    const total = Math.min(available, fileFrames);
    const first = range ? Math.min(total, Math.max(0, Math.floor(range.startSeconds * layout.sampleRate))) : 0;
    const end = range ? Math.min(total, Math.ceil(range.endSeconds * layout.sampleRate)) : total;
    const count = Math.max(0, end - first);
    const bytes = new Uint8Array(count * 2);
    let read = 0;
    while (read < bytes.length) {
      const { bytesRead } = await handle.read(bytes, read, bytes.length - read, layout.dataOffset + first * 2 + read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    return { kind: "pcm16", pcm: new Int16Array(bytes.buffer, 0, Math.floor(read / 2)), sampleRate: layout.sampleRate };
  } finally {
    await handle.close();
  }
}

async function decodeGenerally(filePath: string, range?: { startSeconds: number; endSeconds: number }): Promise<AnalysisAudio> {
  const decoding = await openAudioDecoding(filePath, { displayName: "analysis audio" });
  const rate = decoding.info.sampleRate;
  const first = range ? Math.max(0, Math.floor(range.startSeconds * rate)) : 0;
  const end = range ? Math.ceil(range.endSeconds * rate) : Number.POSITIVE_INFINITY;
  const parts: Float32Array[] = [];
  let position = 0;
  for await (const chunk of decoding.chunks()) {
    const channel = chunk.channels[0]!;
    const from = Math.max(0, first - position);
    const to = Math.min(channel.length, end - position);
    if (to > from) parts.push(channel.slice(from, to));
    position += channel.length;
    if (position >= end) break;
  }
  const samples = new Float32Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    samples.set(part, offset);
    offset += part.length;
  }
  return { kind: "float32", samples, sampleRate: rate };
}

/** Where a stored 16-bit mono analysis WAV's samples are, or null when the file is in another form. */
export async function locateAnalysisPcm16(filePath: string): Promise<{ dataOffset: number; totalSamples: number; sampleRate: number } | null> {
  const source = await openFileSource(filePath, "analysis audio");
  try {
    const layout = await readWavLayout(source, "analysis audio");
    if (layout.encoding !== "s16" || layout.channels !== 1) return null;
    const present = Math.floor((source.size - layout.dataOffset) / 2);
    const declared = layout.declaredDataBytes === null ? present : Math.floor(layout.declaredDataBytes / 2);
    return { dataOffset: layout.dataOffset, totalSamples: Math.min(present, declared), sampleRate: layout.sampleRate };
  } finally {
    await source.close();
  }
}
