import type { HeaderSource } from "@/lib/domain/spectrogram-format";
import { EditorDataError } from "./editor-data-error";

/**
 * The waveform's data: min/max pairs from GET /api/recordings/:id/peaks
 * (format=bin: Int16 pairs, little-endian, min first, numbers in X-Peaks-*
 * headers), reduced to one column per canvas pixel and shown on a linear or
 * a dB amplitude scale.
 */

export interface PeaksWindow {
  sampleRate: number;
  samplesPerPixel: number;
  /** Samples in the whole recording's analysis audio. */
  lengthSamples: number;
  startSeconds: number;
  endSeconds: number;
  pairCount: number;
  /** Pair i: min at 2i, max at 2i + 1, in [-1, 1]. */
  pairs: Float32Array;
}

const PEAK_SCALE = 32_767;

export function pairsPerSecond(window: Pick<PeaksWindow, "sampleRate" | "samplesPerPixel">): number {
  return window.sampleRate / window.samplesPerPixel;
}

export function peaksDurationSeconds(window: Pick<PeaksWindow, "sampleRate" | "lengthSamples">): number {
  return window.lengthSamples / window.sampleRate;
}

/** Reads a format=bin peaks response; throws EditorDataError when the headers and the body disagree. */
export function readPeaksResponse(headers: HeaderSource, body: ArrayBuffer): PeaksWindow {
  const number = (name: string, check: (value: number) => boolean): number => {
    const text = headers.get(name);
    const value = text === null || text.trim() === "" ? Number.NaN : Number(text);
    if (!Number.isFinite(value) || !check(value)) {
      throw new EditorDataError(`peaks response: header ${name} is ${text === null ? "missing" : `"${text}"`}`);
    }
    return value;
  };
  const sampleRate = number("X-Peaks-Sample-Rate", (value) => value > 0);
  const samplesPerPixel = number("X-Peaks-Samples-Per-Pixel", (value) => Number.isInteger(value) && value > 0);
  const lengthSamples = number("X-Peaks-Length", (value) => Number.isInteger(value) && value >= 0);
  const startSeconds = number("X-Peaks-Start-Seconds", (value) => value >= 0);
  const endSeconds = number("X-Peaks-End-Seconds", (value) => value >= startSeconds);
  if (body.byteLength % 4 !== 0) throw new EditorDataError(`peaks response: body of ${body.byteLength} bytes is not whole min/max pairs`);
  const pairCount = body.byteLength / 4;
  const view = new DataView(body);
  const pairs = new Float32Array(pairCount * 2);
  for (let index = 0; index < pairCount * 2; index++) pairs[index] = view.getInt16(index * 2, true) / PEAK_SCALE;
  return { sampleRate, samplesPerPixel, lengthSamples, startSeconds, endSeconds, pairCount, pairs };
}

/**
 * wavesurfer.js draws its top half from channel 0 and its bottom half from
 * channel 1, so the maxima and minima go in as two "channels" of one
 * waveform. (The editor draws its own canvases from the pairs; wavesurfer
 * keeps these for the minimap and its duration.)
 */
export function wavesurferChannels(window: PeaksWindow): [Float32Array, Float32Array] {
  const max = new Float32Array(window.pairCount);
  const min = new Float32Array(window.pairCount);
  for (let pair = 0; pair < window.pairCount; pair++) {
    min[pair] = window.pairs[pair * 2]!;
    max[pair] = window.pairs[pair * 2 + 1]!;
  }
  return [max, min];
}

export interface WaveformColumns {
  /** NaN where the window holds no pair (outside it). */
  min: Float32Array;
  max: Float32Array;
}

/**
 * The pairs of `window` reduced to `columns` columns spanning
 * `startSeconds`..`endSeconds`: min of minima and max of maxima per column.
 * Zoomed past the data's resolution, a column takes the pair it falls in, so
 * the shape stays true (blocky) rather than interpolated.
 */
export function waveformColumns(window: PeaksWindow, startSeconds: number, endSeconds: number, columns: number): WaveformColumns {
  const min = new Float32Array(columns).fill(Number.NaN);
  const max = new Float32Array(columns).fill(Number.NaN);
  if (columns <= 0 || !(endSeconds > startSeconds) || window.pairCount === 0) return { min, max };
  const rate = pairsPerSecond(window);
  const firstPairTime = window.startSeconds;
  const secondsPerColumn = (endSeconds - startSeconds) / columns;
  for (let column = 0; column < columns; column++) {
    const from = (startSeconds + column * secondsPerColumn - firstPairTime) * rate;
    const to = (startSeconds + (column + 1) * secondsPerColumn - firstPairTime) * rate;
    let first = Math.floor(from);
    let last = Math.ceil(to) - 1;
    if (last < first) last = first;
    if (last < 0 || first >= window.pairCount) continue;
    first = Math.max(0, first);
    last = Math.min(window.pairCount - 1, last);
    let low = Infinity;
    let high = -Infinity;
    for (let pair = first; pair <= last; pair++) {
      const pairMin = window.pairs[pair * 2]!;
      const pairMax = window.pairs[pair * 2 + 1]!;
      if (pairMin < low) low = pairMin;
      if (pairMax > high) high = pairMax;
    }
    min[column] = low;
    max[column] = high;
  }
  return { min, max };
}

export type AmplitudeScale = "linear" | "db";

/** Quietest level the dB scale shows; anything below draws as silence. */
export const AMPLITUDE_DB_FLOOR = -60;

/**
 * An amplitude in [-1, 1] on the chosen scale, still in [-1, 1]: dB maps
 * floor…0 dBFS linearly to 0…1 (keeping the sign), so quiet speech that a
 * linear scale draws as a flat line stays visible.
 */
export function scaleAmplitude(value: number, scale: AmplitudeScale, floorDb = AMPLITUDE_DB_FLOOR): number {
  if (scale === "linear" || value === 0 || !Number.isFinite(value)) return Number.isFinite(value) ? value : 0;
  const magnitude = Math.min(1, Math.abs(value));
  const db = 20 * Math.log10(magnitude);
  const level = db <= floorDb ? 0 : (db - floorDb) / -floorDb;
  return value < 0 ? -level : level;
}
