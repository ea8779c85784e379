import type { WavSampleEncoding } from "./wav-header";

/** Bytes one sample takes in each encoding. */
export const PCM_SAMPLE_BYTES: Record<WavSampleEncoding, number> = { u8: 1, s16: 2, s24: 3, s32: 4, f32: 4, f64: 8, mulaw: 1, alaw: 1 };

const LITTLE_ENDIAN_HOST = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** ITU-T G.711 µ-law byte to linear sample (±32124 full scale) over 32768. */
export const MULAW_TABLE: Float32Array = buildTable((byte) => {
  const u = ~byte & 0xff;
  const magnitude = ((((u & 0x0f) << 3) + 0x84) << ((u >> 4) & 7)) - 0x84;
  return (u & 0x80 ? -magnitude : magnitude) / 32768;
});

/** ITU-T G.711 A-law byte to linear sample (±32256 full scale) over 32768. */
export const ALAW_TABLE: Float32Array = buildTable((byte) => {
  const a = byte ^ 0x55;
  const exponent = (a >> 4) & 7;
  const mantissa = a & 0x0f;
  const magnitude = exponent === 0 ? (mantissa << 4) + 8 : ((mantissa << 4) + 0x108) << (exponent - 1);
  return (a & 0x80 ? magnitude : -magnitude) / 32768;
});

/**
 * Converts `frames` interleaved little-endian frames at the start of `bytes`
 * into one Float32Array per channel, in [-1, 1] (float input is clamped, NaN
 * becomes 0). This is the WAV hot path: an hour of 48 kHz stereo is 345 M
 * samples, so each encoding has its own tight loop over a typed-array view.
 */
export function deinterleavePcm(bytes: Uint8Array, encoding: WavSampleEncoding, channels: number, frames: number): Float32Array[] {
  const out: Float32Array[] = [];
  for (let c = 0; c < channels; c++) out.push(new Float32Array(frames));
  const count = frames * channels;
  const width = PCM_SAMPLE_BYTES[encoding];
  if (bytes.length < count * width) throw new RangeError(`deinterleavePcm: ${frames} frames need ${count * width} bytes, got ${bytes.length}`);
  if (frames === 0) return out;
  // Typed views need an aligned start; our read buffers always are, so this copy is for other callers.
  const aligned = bytes.byteOffset % width === 0 ? bytes : bytes.slice(0, count * width);
  const { buffer, byteOffset } = aligned;
  if (!LITTLE_ENDIAN_HOST && width > 1 && encoding !== "s24") {
    deinterleaveWithDataView(aligned, encoding, out, channels, frames);
    return out;
  }
  switch (encoding) {
    case "s16":
      scatter(new Int16Array(buffer, byteOffset, count), out, channels, frames, 1 / 32768);
      break;
    case "s32":
      scatter(new Int32Array(buffer, byteOffset, count), out, channels, frames, 1 / 2147483648);
      break;
    case "f32":
      scatterClamped(new Float32Array(buffer, byteOffset, count), out, channels, frames);
      break;
    case "f64":
      scatterClamped(new Float64Array(buffer, byteOffset, count), out, channels, frames);
      break;
    case "s24":
      s24(aligned, out, channels, frames);
      break;
    case "u8":
      u8(aligned, out, channels, frames);
      break;
    case "mulaw":
      lookup(aligned, MULAW_TABLE, out, channels, frames);
      break;
    case "alaw":
      lookup(aligned, ALAW_TABLE, out, channels, frames);
      break;
  }
  return out;
}

type IntView = Int16Array | Int32Array;

function scatter(src: IntView, out: Float32Array[], channels: number, frames: number, scale: number): void {
  if (channels === 1) {
    const o = out[0]!;
    for (let i = 0; i < frames; i++) o[i] = src[i]! * scale;
  } else if (channels === 2) {
    const l = out[0]!;
    const r = out[1]!;
    for (let i = 0, j = 0; i < frames; i++, j += 2) {
      l[i] = src[j]! * scale;
      r[i] = src[j + 1]! * scale;
    }
  } else {
    for (let c = 0; c < channels; c++) {
      const o = out[c]!;
      for (let i = 0, j = c; i < frames; i++, j += channels) o[i] = src[j]! * scale;
    }
  }
}

function scatterClamped(src: Float32Array | Float64Array, out: Float32Array[], channels: number, frames: number): void {
  for (let c = 0; c < channels; c++) {
    const o = out[c]!;
    for (let i = 0, j = c; i < frames; i++, j += channels) {
      const v = src[j]!;
      o[i] = v >= -1 ? (v <= 1 ? v : 1) : v < -1 ? -1 : 0;
    }
  }
}

function s24(b: Uint8Array, out: Float32Array[], channels: number, frames: number): void {
  const scale = 1 / 8388608;
  for (let c = 0; c < channels; c++) {
    const o = out[c]!;
    const stride = 3 * channels;
    for (let i = 0, j = 3 * c; i < frames; i++, j += stride) {
      o[i] = (((b[j]! | (b[j + 1]! << 8) | (b[j + 2]! << 16)) << 8) >> 8) * scale;
    }
  }
}

function u8(b: Uint8Array, out: Float32Array[], channels: number, frames: number): void {
  for (let c = 0; c < channels; c++) {
    const o = out[c]!;
    for (let i = 0, j = c; i < frames; i++, j += channels) o[i] = (b[j]! - 128) / 128;
  }
}

function lookup(b: Uint8Array, table: Float32Array, out: Float32Array[], channels: number, frames: number): void {
  for (let c = 0; c < channels; c++) {
    const o = out[c]!;
    for (let i = 0, j = c; i < frames; i++, j += channels) o[i] = table[b[j]!]!;
  }
}

function deinterleaveWithDataView(b: Uint8Array, encoding: WavSampleEncoding, out: Float32Array[], channels: number, frames: number): void {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const width = PCM_SAMPLE_BYTES[encoding];
  for (let i = 0, p = 0; i < frames; i++) {
    for (let c = 0; c < channels; c++, p += width) {
      let v: number;
      if (encoding === "s16") v = view.getInt16(p, true) / 32768;
      else if (encoding === "s32") v = view.getInt32(p, true) / 2147483648;
      else if (encoding === "f32") v = view.getFloat32(p, true);
      else v = view.getFloat64(p, true);
      out[c]![i] = v >= -1 ? (v <= 1 ? v : 1) : v < -1 ? -1 : 0;
    }
  }
}

function buildTable(decode: (byte: number) => number): Float32Array {
  const table = new Float32Array(256);
  for (let i = 0; i < 256; i++) table[i] = decode(i);
  return table;
}
