/** What the identification header (first packet) of an Ogg Vorbis or Ogg Opus stream says. */
export interface OggStreamInfo {
  codec: "vorbis" | "opus";
  channels: number;
  /** Vorbis: the coded rate. Opus: always 48000, the rate the decoder outputs (inputSampleRate is informational). */
  sampleRate: number;
  /** Opus pre-skip in 48 kHz samples (0 for Vorbis): the granule positions count it. */
  preSkip: number;
  serial: number;
}

/** Parses the first Ogg page's identification packet; null when it is neither Vorbis nor Opus. */
export function parseOggStreamInfo(b: Uint8Array): OggStreamInfo | null {
  if (b.length < 28 || ascii(b, 0, 4) !== "OggS") return null;
  const segments = b[26]!;
  const body = 27 + segments;
  const serial = u32(b, 14);
  if (ascii(b, body, 7) === "\x01vorbis" && body + 16 <= b.length) {
    return { codec: "vorbis", channels: b[body + 11]!, sampleRate: u32(b, body + 12), preSkip: 0, serial };
  }
  if (ascii(b, body, 8) === "OpusHead" && body + 19 <= b.length) {
    return { codec: "opus", channels: b[body + 9]!, sampleRate: 48000, preSkip: b[body + 10]! | (b[body + 11]! << 8), serial };
  }
  return null;
}

/** The last page of a stream, found in the bytes at the end of the file. */
export interface OggTail {
  /** Granule position of the last complete page of the stream, or null when the tail holds none. */
  lastGranule: number | null;
  /** Whether that page is flagged end-of-stream and nothing incomplete follows it. */
  endsCleanly: boolean;
}

/**
 * Scans the end of the file backwards for the stream's last page. A file that
 * was cut off ends inside a page, or its last page lacks the end-of-stream
 * flag; an intact one ends with an EOS page whose granule is the stream length.
 */
export function parseOggTail(tail: Uint8Array, serial: number): OggTail {
  let end = tail.length;
  let incompleteAfter = false;
  for (let at = tail.length - 27; at >= 0; at--) {
    if (tail[at] !== 0x4f || ascii(tail, at, 4) !== "OggS" || tail[at + 4] !== 0) continue;
    const segments = tail[at + 26]!;
    if (at + 27 + segments > tail.length) {
      incompleteAfter = true;
      continue;
    }
    let pageEnd = at + 27 + segments;
    for (let i = 0; i < segments; i++) pageEnd += tail[at + 27 + i]!;
    if (pageEnd > end) {
      // A page cut off by the end of the file, or a false "OggS" inside a packet.
      if (end === tail.length) incompleteAfter = true;
      continue;
    }
    if (u32(tail, at + 14) !== serial) {
      end = at;
      continue;
    }
    const granuleLow = u32(tail, at + 6);
    const granuleHigh = u32(tail, at + 10);
    const granule = granuleHigh === 0xffffffff && granuleLow === 0xffffffff ? null : granuleHigh * 2 ** 32 + granuleLow;
    if (granule === null) {
      end = at;
      continue;
    }
    const eos = (tail[at + 5]! & 4) !== 0;
    return { lastGranule: granule, endsCleanly: eos && !incompleteAfter };
  }
  return { lastGranule: null, endsCleanly: false };
}

function ascii(b: Uint8Array, offset: number, length: number): string {
  if (offset + length > b.length) return "";
  return String.fromCharCode(...b.subarray(offset, offset + length));
}

function u32(b: Uint8Array, offset: number): number {
  return (b[offset]! | (b[offset + 1]! << 8) | (b[offset + 2]! << 16) | (b[offset + 3]! << 24)) >>> 0;
}
