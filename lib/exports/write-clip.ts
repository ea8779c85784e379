import { open, type FileHandle } from "node:fs/promises";
import { readAnalysisAudio } from "../audio/read-analysis-audio";
import { openFileSource } from "../audio/decode-byte-source";
import { buildWavHeader } from "../audio/wav-encode";
import { readWavLayout } from "../audio/wav-header";
import type { HashedFileWriter } from "./hashed-file-writer";

export const EXPORT_SAMPLE_RATE = 16_000;

/** A recording's stored analysis audio, open for reading many clips. */
export interface ClipSource {
  /** Writes [offset, offset + duration) as a 16-bit mono WAV; returns the samples written. */
  writeClip(writer: HashedFileWriter, offsetSeconds: number, durationSeconds: number): Promise<number>;
  close(): Promise<void>;
}

/**
 * Opens a stored 16 kHz analysis WAV once for all of a recording's clips:
 * reading its header and opening it again for every region was half of an
 * export's time (about a dozen awaited file calls a clip). The store writes
 * these files as 16-bit mono PCM, so samples are copied, never resampled: a
 * clip's bytes depend only on the recording and the span. Any other layout
 * goes through the general reader.
 */
export async function openClipSource(analysisPath: string): Promise<ClipSource> {
  const source = await openFileSource(analysisPath, "analysis audio");
  let layout;
  try {
    layout = await readWavLayout(source, "analysis audio");
  } finally {
    await source.close();
  }
  if (layout.encoding !== "s16" || layout.channels !== 1 || layout.sampleRate !== EXPORT_SAMPLE_RATE) {
    return { writeClip: (writer, offset, duration) => writeClipGenerally(writer, analysisPath, offset, duration), close: async () => undefined };
  }
  const handle: FileHandle = await open(analysisPath, "r");
  const fileFrames = Math.floor(((await handle.stat()).size - layout.dataOffset) / 2);
  const frames = layout.declaredDataBytes === null ? fileFrames : Math.min(fileFrames, Math.floor(layout.declaredDataBytes / 2));
  const { dataOffset } = layout;
  return {
    async writeClip(writer, offsetSeconds, durationSeconds) {
      const first = Math.min(frames, Math.max(0, Math.floor(offsetSeconds * EXPORT_SAMPLE_RATE)));
      const end = Math.min(frames, Math.ceil((offsetSeconds + durationSeconds) * EXPORT_SAMPLE_RATE));
      const count = Math.max(0, end - first);
      const bytes = new Uint8Array(count * 2);
      let read = 0;
      while (read < bytes.length) {
        const { bytesRead } = await handle.read(bytes, read, bytes.length - read, dataOffset + first * 2 + read);
        if (bytesRead === 0) break;
        read += bytesRead;
      }
      const samples = Math.floor(read / 2);
      await writer.write(buildWavHeader("pcm16", EXPORT_SAMPLE_RATE, 1, samples));
      await writer.write(bytes.subarray(0, samples * 2));
      return samples;
    },
    close: () => handle.close(),
  };
}

async function writeClipGenerally(writer: HashedFileWriter, analysisPath: string, offsetSeconds: number, durationSeconds: number): Promise<number> {
  const audio = await readAnalysisAudio(analysisPath, { startSeconds: offsetSeconds, endSeconds: offsetSeconds + durationSeconds });
  if (audio.sampleRate !== EXPORT_SAMPLE_RATE) {
    throw new Error(`the stored analysis audio is ${audio.sampleRate} Hz, not ${EXPORT_SAMPLE_RATE} Hz`);
  }
  let pcm: Int16Array;
  if (audio.kind === "pcm16") pcm = audio.pcm;
  else {
    pcm = new Int16Array(audio.samples.length);
    for (let index = 0; index < pcm.length; index++) pcm[index] = Math.max(-32768, Math.min(32767, Math.round(audio.samples[index]! * 32768)));
  }
  await writer.write(buildWavHeader("pcm16", EXPORT_SAMPLE_RATE, 1, pcm.length));
  // WAV is little-endian, as is every platform Node runs on here.
  await writer.write(new Uint8Array(pcm.buffer, pcm.byteOffset, pcm.byteLength));
  return pcm.length;
}
