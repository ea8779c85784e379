/** One ADTS frame header (raw AAC, ISO/IEC 13818-7 / 14496-3). */
export interface AdtsFrameHeader {
  sampleRate: number;
  /** 0 when the channel layout is carried in the stream instead of the header. */
  channels: number;
  /** Whole frame in bytes, header included. */
  frameLength: number;
  /** 1024 samples per raw data block. */
  samplesPerFrame: number;
}

const ADTS_RATES = [96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350];

export function parseAdtsHeader(bytes: Uint8Array, offset: number): AdtsFrameHeader | null {
  if (offset + 7 > bytes.length) return null;
  const b1 = bytes[offset + 1]!;
  if (bytes[offset] !== 0xff || (b1 & 0xf6) !== 0xf0) return null; // sync, layer 00
  const b2 = bytes[offset + 2]!;
  const b3 = bytes[offset + 3]!;
  const sampleRate = ADTS_RATES[(b2 >> 2) & 0x0f];
  if (sampleRate === undefined) return null;
  const channels = ((b2 & 1) << 2) | (b3 >> 6);
  const frameLength = ((b3 & 3) << 11) | (bytes[offset + 4]! << 3) | (bytes[offset + 5]! >> 5);
  const headerLength = b1 & 1 ? 7 : 9;
  if (frameLength <= headerLength) return null;
  const blocks = (bytes[offset + 6]! & 3) + 1;
  return { sampleRate, channels, frameLength, samplesPerFrame: 1024 * blocks };
}
