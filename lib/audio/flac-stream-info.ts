/** The FLAC STREAMINFO block (the first metadata block after "fLaC"). */
export interface FlacStreamInfo {
  sampleRate: number;
  channels: number;
  bitsPerSample: number;
  /** 0 when the encoder did not know the length (a live stream). */
  totalSamples: number;
  maxBlockSize: number;
}

/** Parses STREAMINFO from the start of a native FLAC file (the bytes after any ID3v2 tag); null when it is not there. */
export function parseFlacStreamInfo(b: Uint8Array): FlacStreamInfo | null {
  if (b.length < 42 || String.fromCharCode(b[0]!, b[1]!, b[2]!, b[3]!) !== "fLaC") return null;
  if ((b[4]! & 0x7f) !== 0) return null;
  const length = (b[5]! << 16) | (b[6]! << 8) | b[7]!;
  if (length < 34) return null;
  const s = 8;
  const maxBlockSize = (b[s + 2]! << 8) | b[s + 3]!;
  const sampleRate = (b[s + 10]! << 12) | (b[s + 11]! << 4) | (b[s + 12]! >> 4);
  const channels = ((b[s + 12]! >> 1) & 7) + 1;
  const bitsPerSample = (((b[s + 12]! & 1) << 4) | (b[s + 13]! >> 4)) + 1;
  const totalSamples = (b[s + 13]! & 0x0f) * 2 ** 32 + (((b[s + 14]! << 24) | (b[s + 15]! << 16) | (b[s + 16]! << 8) | b[s + 17]!) >>> 0);
  if (sampleRate === 0) return null;
  return { sampleRate, channels, bitsPerSample, totalSamples, maxBlockSize };
}
