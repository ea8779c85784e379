/** One MPEG-1/2/2.5 audio frame header (ISO/IEC 11172-3, 13818-3). */
export interface MpegFrameHeader {
  version: 1 | 2 | 2.5;
  layer: 1 | 2 | 3;
  bitrateKbps: number;
  sampleRate: number;
  channels: 1 | 2;
  /** Whole frame in bytes, header included. */
  frameLength: number;
  samplesPerFrame: number;
}

const BITRATES: Record<string, readonly number[]> = {
  "1-1": [0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
  "1-2": [0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
  "1-3": [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  "2-1": [0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
  "2-2": [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
  "2-3": [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
};
const SAMPLE_RATES: Record<number, readonly number[]> = {
  1: [44100, 48000, 32000],
  2: [22050, 24000, 16000],
  2.5: [11025, 12000, 8000],
};

/** Parses the 4-byte header at `offset`; null when it is not a valid frame header (free-format bitrate counts as invalid). */
export function parseMpegFrameHeader(bytes: Uint8Array, offset: number): MpegFrameHeader | null {
  if (offset + 4 > bytes.length) return null;
  const b1 = bytes[offset + 1]!;
  const b2 = bytes[offset + 2]!;
  const b3 = bytes[offset + 3]!;
  if (bytes[offset] !== 0xff || (b1 & 0xe0) !== 0xe0) return null;
  const versionBits = (b1 >> 3) & 3;
  const layerBits = (b1 >> 1) & 3;
  const bitrateIndex = b2 >> 4;
  const rateIndex = (b2 >> 2) & 3;
  if (versionBits === 1 || layerBits === 0 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3) return null;
  if ((b3 & 3) === 2) return null; // reserved emphasis
  const version = versionBits === 3 ? 1 : versionBits === 2 ? 2 : 2.5;
  const layer = (4 - layerBits) as 1 | 2 | 3;
  const bitrateKbps = BITRATES[`${version === 1 ? 1 : 2}-${layer}`]![bitrateIndex]!;
  const sampleRate = SAMPLE_RATES[version]![rateIndex]!;
  const padding = (b2 >> 1) & 1;
  const bps = bitrateKbps * 1000;
  let frameLength: number;
  let samplesPerFrame: number;
  if (layer === 1) {
    frameLength = (Math.floor((12 * bps) / sampleRate) + padding) * 4;
    samplesPerFrame = 384;
  } else if (layer === 2 || version === 1) {
    frameLength = Math.floor((144 * bps) / sampleRate) + padding;
    samplesPerFrame = 1152;
  } else {
    frameLength = Math.floor((72 * bps) / sampleRate) + padding;
    samplesPerFrame = 576;
  }
  return { version, layer, bitrateKbps, sampleRate, channels: b3 >> 6 === 3 ? 1 : 2, frameLength, samplesPerFrame };
}

/** What the first frame's Xing/Info or VBRI header says about the whole stream. */
export interface Mp3StreamHeader {
  /** Audio frames in the stream (the info frame itself is not counted). */
  frameCount: number;
  /** LAME tag's encoder delay and padding in samples; the decoder trims them (gapless), so the expected length excludes them. */
  encoderDelay: number;
  encoderPadding: number;
  source: "xing" | "info" | "vbri";
}

/** Reads a Xing/Info (LAME, ffmpeg) or VBRI (Fraunhofer) header from the frame at `offset`; null when the frame is ordinary audio. */
export function parseMp3StreamHeader(bytes: Uint8Array, offset: number, frame: MpegFrameHeader): Mp3StreamHeader | null {
  const sideInfo = frame.version === 1 ? (frame.channels === 1 ? 17 : 32) : frame.channels === 1 ? 9 : 17;
  const xing = offset + 4 + sideInfo;
  const tag = ascii(bytes, xing, 4);
  if (tag === "Xing" || tag === "Info") {
    const flags = u32(bytes, xing + 4);
    if (flags === null || (flags & 1) === 0) return null;
    const frameCount = u32(bytes, xing + 8);
    if (frameCount === null) return null;
    const lame = xing + 8 + (flags & 1 ? 4 : 0) + (flags & 2 ? 4 : 0) + (flags & 4 ? 100 : 0) + (flags & 8 ? 4 : 0);
    let encoderDelay = 0;
    let encoderPadding = 0;
    // The LAME tag (also written by ffmpeg) starts with a printable encoder name; its delay/padding sit 21 bytes in.
    if (lame + 24 <= bytes.length && /^[A-Za-z]{4}/.test(ascii(bytes, lame, 4))) {
      encoderDelay = (bytes[lame + 21]! << 4) | (bytes[lame + 22]! >> 4);
      encoderPadding = ((bytes[lame + 22]! & 0x0f) << 8) | bytes[lame + 23]!;
    }
    return { frameCount, encoderDelay, encoderPadding, source: tag === "Xing" ? "xing" : "info" };
  }
  const vbri = offset + 4 + 32;
  if (ascii(bytes, vbri, 4) === "VBRI") {
    const frameCount = u32(bytes, vbri + 14);
    const delay = vbri + 8 <= bytes.length ? (bytes[vbri + 6]! << 8) | bytes[vbri + 7]! : 0;
    if (frameCount === null) return null;
    return { frameCount, encoderDelay: delay, encoderPadding: 0, source: "vbri" };
  }
  return null;
}

/** Samples the stream holds after the decoder trims the encoder delay and padding. */
export function mp3ExpectedSamples(header: Mp3StreamHeader, frame: MpegFrameHeader): number {
  return Math.max(0, header.frameCount * frame.samplesPerFrame - header.encoderDelay - header.encoderPadding);
}

function ascii(bytes: Uint8Array, offset: number, length: number): string {
  if (offset + length > bytes.length) return "";
  return String.fromCharCode(...bytes.subarray(offset, offset + length));
}

function u32(bytes: Uint8Array, offset: number): number | null {
  if (offset + 4 > bytes.length) return null;
  return ((bytes[offset]! << 24) | (bytes[offset + 1]! << 16) | (bytes[offset + 2]! << 8) | bytes[offset + 3]!) >>> 0;
}
