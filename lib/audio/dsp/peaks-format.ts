// Storage format of waveform peaks ("RSPK"), little-endian throughout:
//
//   offset  size  field
//        0     4  magic "RSPK"
//        4     2  format version (1)
//        6     2  level count n
//        8     4  sample rate (Hz)
//       12     8  total samples (u64)
//       20  16·n  per level: samplesPerPixel u32, pairCount u32, byteOffset u64
//   then each level's data: pairCount × [min Int16, max Int16]
//
// The header says where every level lies, so a route can read the header
// (PEAKS_MAX_HEADER_BYTES at most) and then only the byte range of the level
// it needs.
import type { WaveformPeaks, WaveformPeaksLevel } from "./peaks";
import { PeaksFormatError } from "./peaks-format-error";

export const PEAKS_MAGIC = "RSPK";
export const PEAKS_FORMAT_VERSION = 1;
export const PEAKS_FIXED_HEADER_BYTES = 20;
export const PEAKS_LEVEL_ENTRY_BYTES = 16;
export const PEAKS_MAX_LEVELS = 32;
/** Reading this many bytes (or the whole file if shorter) always covers the header. */
export const PEAKS_MAX_HEADER_BYTES = PEAKS_FIXED_HEADER_BYTES + PEAKS_MAX_LEVELS * PEAKS_LEVEL_ENTRY_BYTES;

export interface PeaksLevelLocation {
  readonly samplesPerPixel: number;
  readonly pairCount: number;
  /** From the start of the file. */
  readonly byteOffset: number;
  readonly byteLength: number;
}

export interface PeaksHeader {
  readonly version: number;
  readonly sampleRate: number;
  readonly totalSamples: number;
  readonly headerByteLength: number;
  readonly levels: readonly PeaksLevelLocation[];
}

export interface PeaksReadOptions {
  /** Name of the file in error messages. */
  readonly source?: string;
  /** Size of the whole file, when `bytes` holds only its start: checks every level fits. */
  readonly fileByteLength?: number;
}

const LITTLE_ENDIAN_HOST = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

export function peaksHeaderByteLength(levelCount: number): number {
  return PEAKS_FIXED_HEADER_BYTES + levelCount * PEAKS_LEVEL_ENTRY_BYTES;
}

function fail(code: ConstructorParameters<typeof PeaksFormatError>[0], source: string | undefined, problem: string): never {
  throw new PeaksFormatError(code, `cannot read peaks file ${source ?? "(unnamed)"}: ${problem}`);
}

function int16LittleEndianBytes(data: Int16Array): Uint8Array {
  const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (LITTLE_ENDIAN_HOST) return bytes;
  const swapped = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i += 2) {
    swapped[i] = bytes[i + 1]!;
    swapped[i + 1] = bytes[i]!;
  }
  return swapped;
}

export function encodePeaks(peaks: WaveformPeaks): Uint8Array {
  const levelCount = peaks.levels.length;
  if (levelCount === 0 || levelCount > PEAKS_MAX_LEVELS) {
    throw new RangeError(`encodePeaks: ${levelCount} levels; between 1 and ${PEAKS_MAX_LEVELS} can be stored`);
  }
  const headerLength = peaksHeaderByteLength(levelCount);
  const total = peaks.levels.reduce((sum, level) => sum + level.data.byteLength, headerLength);
  const bytes = new Uint8Array(total);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < 4; i += 1) bytes[i] = PEAKS_MAGIC.charCodeAt(i);
  view.setUint16(4, PEAKS_FORMAT_VERSION, true);
  view.setUint16(6, levelCount, true);
  view.setUint32(8, peaks.sampleRate, true);
  view.setBigUint64(12, BigInt(peaks.totalSamples), true);
  let offset = headerLength;
  peaks.levels.forEach((level, index) => {
    if (level.data.length % 2 !== 0) throw new RangeError(`encodePeaks: level ${index} has an odd number of values`);
    const entry = PEAKS_FIXED_HEADER_BYTES + index * PEAKS_LEVEL_ENTRY_BYTES;
    view.setUint32(entry, level.samplesPerPixel, true);
    view.setUint32(entry + 4, level.data.length / 2, true);
    view.setBigUint64(entry + 8, BigInt(offset), true);
    bytes.set(int16LittleEndianBytes(level.data), offset);
    offset += level.data.byteLength;
  });
  return bytes;
}

/** Reads and checks the header from the start of a peaks file. */
export function readPeaksHeader(bytes: Uint8Array, options: PeaksReadOptions = {}): PeaksHeader {
  const { source } = options;
  if (bytes.length < PEAKS_FIXED_HEADER_BYTES) {
    if (bytes.length >= 4 && String.fromCharCode(...bytes.subarray(0, 4)) !== PEAKS_MAGIC) {
      fail("PEAKS_BAD_MAGIC", source, "it is not a peaks file (no RSPK signature)");
    }
    fail("PEAKS_TRUNCATED", source, `the header needs ${PEAKS_FIXED_HEADER_BYTES} bytes, got ${bytes.length}`);
  }
  if (String.fromCharCode(...bytes.subarray(0, 4)) !== PEAKS_MAGIC) {
    fail("PEAKS_BAD_MAGIC", source, "it is not a peaks file (no RSPK signature)");
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint16(4, true);
  if (version !== PEAKS_FORMAT_VERSION) {
    fail("PEAKS_UNSUPPORTED_VERSION", source, `format version ${version}; this build reads version ${PEAKS_FORMAT_VERSION}`);
  }
  const levelCount = view.getUint16(6, true);
  if (levelCount === 0 || levelCount > PEAKS_MAX_LEVELS) {
    fail("PEAKS_CORRUPT", source, `${levelCount} levels (1 to ${PEAKS_MAX_LEVELS} expected)`);
  }
  const headerByteLength = peaksHeaderByteLength(levelCount);
  if (bytes.length < headerByteLength) {
    fail("PEAKS_TRUNCATED", source, `the header of ${levelCount} levels needs ${headerByteLength} bytes, got ${bytes.length}`);
  }
  const sampleRate = view.getUint32(8, true);
  const totalSamples = Number(view.getBigUint64(12, true));
  if (sampleRate === 0 || !Number.isSafeInteger(totalSamples)) {
    fail("PEAKS_CORRUPT", source, `impossible sample rate ${sampleRate} Hz or sample count ${totalSamples}`);
  }
  const fileByteLength = options.fileByteLength ?? bytes.length;
  const levels: PeaksLevelLocation[] = [];
  for (let index = 0; index < levelCount; index += 1) {
    const entry = PEAKS_FIXED_HEADER_BYTES + index * PEAKS_LEVEL_ENTRY_BYTES;
    const samplesPerPixel = view.getUint32(entry, true);
    const pairCount = view.getUint32(entry + 4, true);
    const byteOffset = Number(view.getBigUint64(entry + 8, true));
    const byteLength = pairCount * 4;
    if (samplesPerPixel === 0 || pairCount !== Math.ceil(totalSamples / samplesPerPixel)) {
      fail(
        "PEAKS_CORRUPT",
        source,
        `level ${index} has ${pairCount} pairs of ${samplesPerPixel} samples, which does not cover ${totalSamples} samples`,
      );
    }
    if (byteOffset < headerByteLength || byteOffset % 2 !== 0 || !Number.isSafeInteger(byteOffset)) {
      fail("PEAKS_CORRUPT", source, `level ${index} starts at impossible byte ${byteOffset}`);
    }
    if (byteOffset + byteLength > fileByteLength) {
      fail(
        "PEAKS_TRUNCATED",
        source,
        `level ${index} ends at byte ${byteOffset + byteLength} but the file has ${fileByteLength} bytes`,
      );
    }
    levels.push({ samplesPerPixel, pairCount, byteOffset, byteLength });
  }
  return { version, sampleRate, totalSamples, headerByteLength, levels };
}

/** Decodes one level's data bytes (exactly its byte range from the header) into interleaved min/max pairs. */
export function decodePeaksLevelData(bytes: Uint8Array, pairCount: number, options: PeaksReadOptions = {}): Int16Array {
  if (bytes.length < pairCount * 4) {
    fail("PEAKS_TRUNCATED", options.source, `a level of ${pairCount} pairs needs ${pairCount * 4} bytes, got ${bytes.length}`);
  }
  const data = new Int16Array(pairCount * 2);
  // Copying through bytes also handles data that is not 2-byte aligned in `bytes`.
  new Uint8Array(data.buffer).set(bytes.subarray(0, pairCount * 4));
  if (!LITTLE_ENDIAN_HOST) {
    const view = new DataView(data.buffer);
    for (let i = 0; i < data.length; i += 1) data[i] = view.getInt16(i * 2, true);
  }
  return data;
}

/** Decodes level `levelIndex` from the bytes of a whole peaks file. */
export function decodePeaksLevel(bytes: Uint8Array, levelIndex: number, options: PeaksReadOptions = {}): WaveformPeaksLevel {
  const header = readPeaksHeader(bytes, options);
  const location = header.levels[levelIndex];
  if (!location) throw new RangeError(`decodePeaksLevel: level ${levelIndex} does not exist (file has ${header.levels.length})`);
  const slice = bytes.subarray(location.byteOffset, location.byteOffset + location.byteLength);
  return { samplesPerPixel: location.samplesPerPixel, data: decodePeaksLevelData(slice, location.pairCount, options) };
}

/** Decodes a whole peaks file. */
export function decodePeaks(bytes: Uint8Array, options: PeaksReadOptions = {}): WaveformPeaks {
  const header = readPeaksHeader(bytes, options);
  return {
    sampleRate: header.sampleRate,
    totalSamples: header.totalSamples,
    levels: header.levels.map((_, index) => decodePeaksLevel(bytes, index, options)),
  };
}
