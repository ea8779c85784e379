import { readAnalysisAudio } from "../audio/read-analysis-audio";
import { buildWavHeader } from "../audio/wav-encode";
import type { HashedFileWriter } from "./hashed-file-writer";

export const EXPORT_SAMPLE_RATE = 16_000;

/**
 * Writes the clip [offset, offset + duration) of a stored 16 kHz analysis
 * WAV as a 16-bit mono WAV. The stored file already is 16 kHz mono PCM, so
 * the samples are copied, never resampled: a clip's bytes depend only on the
 * recording and the span. Returns the number of samples written.
 */
export async function writeClip(writer: HashedFileWriter, analysisPath: string, offsetSeconds: number, durationSeconds: number): Promise<number> {
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
