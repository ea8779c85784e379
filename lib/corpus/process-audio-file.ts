import { createHash, type Hash } from "node:crypto";
import { rm, writeFile } from "node:fs/promises";
import { openAudioDecoding } from "../audio/decode-audio-file";
import { downmixToMono } from "../audio/dsp/downmix";
import { createPeaksBuilder, type PeaksBuilder } from "../audio/dsp/peaks";
import { encodePeaks } from "../audio/dsp/peaks-format";
import { qualityFlags } from "../audio/dsp/quality-flags";
import { createQualityMeter, type QualityMeter } from "../audio/dsp/quality-meter";
import { createResampler, type StreamingResampler } from "../audio/dsp/resampler";
import { createWavFileWriter, type WavFileWriter } from "../audio/wav-file-writer";
import type { AudioStore } from "./audio-store";
import { copyAndHashFile } from "./file-hash";

/**
 * One file through the audio pipeline: copy the original into the store while
 * hashing it, decode, mix down (or split channels into tracks), resample to
 * 16 kHz, and write each track's analysis audio and waveform peaks, measuring
 * quality on the way. Streams throughout, so memory does not grow with the
 * file's length. Writes only files (under the store's tmp/, then moved into
 * place); the caller records the result in the database.
 */

export const ANALYSIS_SAMPLE_RATE = 16_000;

export type ChannelMode = "mix" | "split";

export interface ProcessAudioFileInput {
  filePath: string;
  /** What messages call the file: its path relative to the import root. */
  displayName: string;
  channelMode: ChannelMode;
}

export interface ProcessedTrack {
  trackIndex: number;
  analysisHash: string;
  durationSeconds: number;
  quality: { [key: string]: number };
  qualityFlags: string[];
}

export interface ProcessedAudioFile {
  contentHash: string;
  sizeBytes: number;
  container: string;
  codec: string;
  sampleRate: number;
  channels: number;
  /** Set when the stream ended before its header said it would; the audio up to there was kept. */
  truncation?: { endsAtSeconds: number; expectedSeconds: number | null; detail: string };
  tracks: ProcessedTrack[];
}

interface TrackSink {
  trackIndex: number;
  resampler: StreamingResampler;
  writer: WavFileWriter;
  temporaryWav: string;
  peaks: PeaksBuilder;
  meter: QualityMeter;
  hash: Hash;
  samples: number;
}

export async function processAudioFile(
  store: AudioStore,
  input: ProcessAudioFileInput,
  signal?: AbortSignal,
): Promise<ProcessedAudioFile> {
  const temporaryOriginal = store.temporaryPath(".original");
  const sinks: TrackSink[] = [];
  try {
    const { sha256: contentHash, sizeBytes } = await copyAndHashFile(input.filePath, temporaryOriginal, signal);
    const decoding = await openAudioDecoding(temporaryOriginal, { displayName: input.displayName });
    const { info } = decoding;
    const trackIndexes = input.channelMode === "split" && info.channels > 1 ? range(info.channels) : [-1];
    for (const trackIndex of trackIndexes) sinks.push(await openTrackSink(store, trackIndex, info.sampleRate));

    const chunks = decoding.chunks(signal);
    let step = await chunks.next();
    while (!step.done) {
      const { channels } = step.value;
      for (const sink of sinks) {
        const source = sink.trackIndex < 0 ? channels : [channels[sink.trackIndex]!];
        sink.meter.pushOriginal(source);
        const mono = sink.trackIndex < 0 ? downmixToMono(channels) : channels[sink.trackIndex]!;
        await consume(sink, sink.resampler.push(mono));
      }
      step = await chunks.next();
    }
    const outcome = step.value;

    const tracks: ProcessedTrack[] = [];
    for (const sink of sinks) tracks.push(await finishTrackSink(store, sink));
    await store.commit(temporaryOriginal, store.originalPath(contentHash));
    return {
      contentHash,
      sizeBytes,
      container: info.container,
      codec: info.codec,
      sampleRate: info.sampleRate,
      channels: info.channels,
      ...(outcome.truncation ? { truncation: outcome.truncation } : {}),
      tracks,
    };
  } finally {
    for (const sink of sinks) {
      sink.resampler.dispose();
      await sink.writer.abort().catch(() => undefined);
      await rm(sink.temporaryWav, { force: true });
    }
    await rm(temporaryOriginal, { force: true });
  }
}

async function openTrackSink(store: AudioStore, trackIndex: number, inputRate: number): Promise<TrackSink> {
  const temporaryWav = store.temporaryPath(".wav");
  // The analysis hash covers the 16 kHz samples, so two files with the same
  // sound (a re-encode aside) do not share it, but re-imports of one file do.
  const hash = createHash("sha256").update(`resonance-analysis-v1:pcm16le:${ANALYSIS_SAMPLE_RATE}:`);
  return {
    trackIndex,
    resampler: await createResampler(inputRate, ANALYSIS_SAMPLE_RATE),
    // Hashes exactly the bytes the file stores, as the writer encodes them.
    writer: await createWavFileWriter(temporaryWav, {
      sampleRate: ANALYSIS_SAMPLE_RATE,
      channels: 1,
      encoding: "pcm16",
      onEncoded: (bytes) => hash.update(bytes),
    }),
    temporaryWav,
    peaks: createPeaksBuilder({ sampleRate: ANALYSIS_SAMPLE_RATE }),
    meter: createQualityMeter(inputRate),
    hash,
    samples: 0,
  };
}

async function consume(sink: TrackSink, samples: Float32Array): Promise<void> {
  if (samples.length === 0) return;
  await sink.writer.write(samples);
  sink.peaks.push(samples);
  sink.meter.pushAnalysis(samples);
  sink.samples += samples.length;
}

async function finishTrackSink(store: AudioStore, sink: TrackSink): Promise<ProcessedTrack> {
  await consume(sink, sink.resampler.flush());
  await sink.writer.close();
  const analysisHash = sink.hash.digest("hex");
  const temporaryPeaks = store.temporaryPath(".peaks");
  await writeFile(temporaryPeaks, encodePeaks(sink.peaks.finish()));
  await store.commit(temporaryPeaks, store.peaksPath(analysisHash));
  await store.commit(sink.temporaryWav, store.analysisPath(analysisHash));
  const quality = sink.meter.result();
  return {
    trackIndex: sink.trackIndex,
    analysisHash,
    durationSeconds: sink.samples / ANALYSIS_SAMPLE_RATE,
    quality: { ...quality },
    qualityFlags: qualityFlags(quality),
  };
}

function range(count: number): number[] {
  return Array.from({ length: count }, (_, index) => index);
}
