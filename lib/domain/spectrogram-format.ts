import { SpectrogramFormatError } from "./spectrogram-format-error";

/**
 * The wire format of GET /api/recordings/:id/spectrogram, shared by the
 * server that writes it and the browser that draws it. The body is
 * columns × bins bytes, column-major: column c's bins are at
 * c·bins … c·bins + bins − 1, bin 0 at 0 Hz. A byte is a level from 0 (the
 * dB floor or below) to 255 (0 dBFS: a full-scale sine) on a linear dB scale.
 */

export const SPECTROGRAM_HEADERS = {
  columns: "X-Spectrogram-Columns",
  bins: "X-Spectrogram-Bins",
  /** Seconds; the range actually covered (the request's, clamped to the recording). */
  start: "X-Spectrogram-Start",
  end: "X-Spectrogram-End",
  sampleRate: "X-Spectrogram-Sample-Rate",
  /** dBFS that level 0 stands for; level 255 is 0 dBFS. */
  dbFloor: "X-Spectrogram-Db-Floor",
  fftSize: "X-Spectrogram-Fft-Size",
} as const;

export const SPECTROGRAM_FFT_SIZES = [256, 512, 1024] as const;
export type SpectrogramFftSize = (typeof SPECTROGRAM_FFT_SIZES)[number];
export const DEFAULT_SPECTROGRAM_FFT_SIZE: SpectrogramFftSize = 512;
export const SPECTROGRAM_DB_FLOOR = -100;
export const SPECTROGRAM_MAX_LEVEL = 255;

export interface SpectrogramResponse {
  columns: number;
  bins: number;
  startSeconds: number;
  endSeconds: number;
  sampleRate: number;
  dbFloor: number;
  /** Absent from responses of servers that do not send it. */
  fftSize: number | null;
  /** columns × bins levels, column-major. */
  levels: Uint8Array;
}

/** Anything with `get(name)`, such as fetch's `Headers`. */
export interface HeaderSource {
  get(name: string): string | null;
}

/** Reads a spectrogram response; throws SpectrogramFormatError when headers and body disagree. */
export function readSpectrogramResponse(headers: HeaderSource, body: ArrayBuffer | Uint8Array): SpectrogramResponse {
  const number = (name: string, check: (value: number) => boolean): number => {
    const text = headers.get(name);
    const value = text === null || text.trim() === "" ? Number.NaN : Number(text);
    if (!Number.isFinite(value) || !check(value)) {
      throw new SpectrogramFormatError(`spectrogram response: header ${name} is ${text === null ? "missing" : `"${text}"`}`);
    }
    return value;
  };
  const positiveInteger = (value: number) => Number.isInteger(value) && value > 0;
  const columns = number(SPECTROGRAM_HEADERS.columns, positiveInteger);
  const bins = number(SPECTROGRAM_HEADERS.bins, positiveInteger);
  const startSeconds = number(SPECTROGRAM_HEADERS.start, (value) => value >= 0);
  const endSeconds = number(SPECTROGRAM_HEADERS.end, (value) => value >= startSeconds);
  const sampleRate = number(SPECTROGRAM_HEADERS.sampleRate, (value) => value > 0);
  const dbFloor = number(SPECTROGRAM_HEADERS.dbFloor, (value) => value < 0);
  const fftSize = headers.get(SPECTROGRAM_HEADERS.fftSize) === null ? null : number(SPECTROGRAM_HEADERS.fftSize, positiveInteger);
  const bytes = body instanceof Uint8Array ? body : new Uint8Array(body);
  if (bytes.length !== columns * bins) {
    throw new SpectrogramFormatError(
      `spectrogram response: body has ${bytes.length} bytes, but ${columns} columns × ${bins} bins need ${columns * bins}`,
    );
  }
  return { columns, bins, startSeconds, endSeconds, sampleRate, dbFloor, fftSize, levels: bytes };
}

/** The lowest frequency (Hz) that output bin `bin` covers; bins split 0 … sampleRate / 2 evenly. */
export function spectrogramBinFrequency(bin: number, bins: number, sampleRate: number): number {
  return (bin * sampleRate) / (2 * bins);
}

/** dBFS of a level byte (0 means "at or below the floor"). */
export function spectrogramLevelToDb(level: number, dbFloor: number): number {
  return dbFloor - (dbFloor * level) / SPECTROGRAM_MAX_LEVEL;
}

/** The level byte of a dBFS value, clamped to 0 … 255. */
export function spectrogramDbToLevel(db: number, dbFloor: number): number {
  if (!(db > dbFloor)) return 0;
  if (db >= 0) return SPECTROGRAM_MAX_LEVEL;
  return Math.round(((db - dbFloor) / -dbFloor) * SPECTROGRAM_MAX_LEVEL);
}
