import type { ByteSource } from "./decode-byte-source";

/** The first audio track of an MP4/M4A file as its moov box describes it. */
export interface Mp4AudioTrack {
  /** Sample entry type: "mp4a", "alac", "Opus", "fLaC", ".mp3", ... */
  entryType: string;
  /** For "mp4a": the esds objectTypeIndication (0x40 AAC, 0x69/0x6B MP3), else null. */
  objectType: number | null;
  channels: number;
  sampleRate: number;
  /** Length after the edit list (what a gapless decoder outputs), else the media duration; null when the file does not say (fragmented). */
  durationSeconds: number | null;
}

export type Mp4Layout =
  | {
      kind: "ok";
      track: Mp4AudioTrack;
      /** The whole moov box (header included) and where it sits. */
      moov: { offset: number; bytes: Uint8Array };
      /** Offset of the first mdat box when it comes before the moov, else null (the file is already "faststart"). */
      mdatBeforeMoov: number | null;
    }
  | { kind: "no-audio-track" }
  /** No moov box; `cutInside` names the top-level box the file ends in, if it ends inside one. */
  | { kind: "no-moov"; cutInside: string | null };

const CONTAINERS = new Set(["moov", "trak", "mdia", "minf", "stbl", "edts", "dinf", "wave"]);
/** A moov bigger than this is not an audio file's index (an hour of AAC needs about 1 MB). */
const MAX_MOOV_BYTES = 64 * 1024 * 1024;

/**
 * Walks the top-level boxes by their sizes (reading only box headers, so an
 * mdat before the moov costs nothing) and parses the moov's first audio track.
 */
export async function readMp4Layout(source: ByteSource): Promise<Mp4Layout> {
  let offset = 0;
  let firstMdat: number | null = null;
  while (offset + 8 <= source.size) {
    const header = await source.read(offset, 16);
    let size = u32(header, 0);
    const type = ascii(header, 4, 4);
    let headerSize = 8;
    if (size === 1) {
      if (header.length < 16) break;
      size = u32(header, 8) * 2 ** 32 + u32(header, 12);
      headerSize = 16;
    } else if (size === 0) {
      size = source.size - offset;
    }
    if (size < headerSize) break;
    if (offset + size > source.size) return { kind: "no-moov", cutInside: type };
    if (type === "mdat") firstMdat ??= offset;
    if (type === "moov") {
      if (size > MAX_MOOV_BYTES) break;
      const bytes = await source.read(offset, size);
      const track = parseMoov(bytes.subarray(headerSize));
      return track ? { kind: "ok", track, moov: { offset, bytes }, mdatBeforeMoov: firstMdat } : { kind: "no-audio-track" };
    }
    offset += size;
  }
  return { kind: "no-moov", cutInside: null };
}

interface TrackBoxes {
  handler?: string;
  mdhd?: Uint8Array;
  elst?: Uint8Array;
  stsd?: Uint8Array;
}

/** Parses a moov body; null when it has no audio track. Exported for tests. */
export function parseMoov(moov: Uint8Array): Mp4AudioTrack | null {
  let movieTimescale = 0;
  const tracks: TrackBoxes[] = [];
  let current: TrackBoxes | null = null;
  walk(moov, 0, moov.length, (type, body) => {
    if (type === "mvhd") movieTimescale = u32(body, body[0] === 1 ? 20 : 12);
    else if (type === "trak") tracks.push((current = {}));
    else if (!current) return;
    else if (type === "hdlr") current.handler = ascii(body, 8, 4);
    else if (type === "mdhd") current.mdhd = body;
    else if (type === "elst") current.elst = body;
    else if (type === "stsd") current.stsd = body;
  });
  const track = tracks.find((t) => t.handler === "soun" && t.stsd);
  if (!track?.stsd) return null;
  const entry = parseAudioEntry(track.stsd);
  if (!entry) return null;
  return { ...entry, durationSeconds: trackDuration(track, movieTimescale) };
}

function trackDuration(track: TrackBoxes, movieTimescale: number): number | null {
  if (track.elst && movieTimescale > 0) {
    const version = track.elst[0]!;
    const count = u32(track.elst, 4);
    let total = 0;
    let p = 8;
    for (let i = 0; i < count && p + (version === 1 ? 20 : 12) <= track.elst.length; i++) {
      const duration = version === 1 ? u32(track.elst, p) * 2 ** 32 + u32(track.elst, p + 4) : u32(track.elst, p);
      const mediaTime = version === 1 ? u32(track.elst, p + 8) : u32(track.elst, p + 4);
      if (mediaTime !== 0xffffffff) total += duration; // empty edits (-1) only delay the track
      p += version === 1 ? 20 : 12;
    }
    if (total > 0) return total / movieTimescale;
  }
  if (track.mdhd) {
    const v1 = track.mdhd[0] === 1;
    const timescale = u32(track.mdhd, v1 ? 20 : 12);
    const duration = v1 ? u32(track.mdhd, 24) * 2 ** 32 + u32(track.mdhd, 28) : u32(track.mdhd, 16);
    if (timescale > 0 && duration > 0 && duration !== 0xffffffff) return duration / timescale;
  }
  return null;
}

function parseAudioEntry(stsd: Uint8Array): Omit<Mp4AudioTrack, "durationSeconds"> | null {
  const e = 8; // full box header + entry count
  if (e + 36 > stsd.length) return null;
  const size = u32(stsd, e);
  const entryType = ascii(stsd, e + 4, 4);
  const version = u16(stsd, e + 16);
  let channels = u16(stsd, e + 24);
  let sampleRate = u16(stsd, e + 32);
  let head = 36;
  if (version === 1) head = 52;
  if (version === 2 && e + 56 <= stsd.length) {
    sampleRate = new DataView(stsd.buffer, stsd.byteOffset).getFloat64(e + 40);
    channels = u32(stsd, e + 48);
    head = 72;
  }
  let objectType: number | null = null;
  const entryEnd = Math.min(stsd.length, e + size);
  walk(stsd, e + head, entryEnd, (type, body) => {
    if (type !== "esds") return;
    const esds = parseEsds(body);
    objectType = esds.objectType;
    if (esds.ascChannels !== null) channels = esds.ascChannels;
  });
  return { entryType, objectType, channels, sampleRate };
}

/**
 * The objectTypeIndication and, for AAC, the AudioSpecificConfig's channel
 * configuration from an esds box (ISO/IEC 14496-1 descriptors, 14496-3 §1.6.2.1).
 * ffmpeg and others write 2 channels in the sample entry even for mono AAC,
 * so the AudioSpecificConfig is the one to believe.
 */
function parseEsds(esds: Uint8Array): { objectType: number | null; ascChannels: number | null } {
  let objectType: number | null = null;
  let p = 4;
  while (p + 2 < esds.length) {
    const tag = esds[p++]!;
    let length = 0;
    for (let i = 0; i < 4; i++) {
      const byte = esds[p++]!;
      length = (length << 7) | (byte & 0x7f);
      if (!(byte & 0x80)) break;
    }
    if (tag === 0x03) {
      const flags = esds[p + 2]!;
      p += 3 + (flags & 0x80 ? 2 : 0) + (flags & 0x40 ? 1 + esds[p + 3]! : 0) + (flags & 0x20 ? 2 : 0);
    } else if (tag === 0x04) {
      objectType = esds[p] ?? null;
      p += 13;
    } else if (tag === 0x05) {
      return { objectType, ascChannels: ascChannelConfiguration(esds.subarray(p, p + length)) };
    } else {
      p += length;
    }
  }
  return { objectType, ascChannels: null };
}

/** channelConfiguration from an AudioSpecificConfig; null when 0 (layout given in-band) or unreadable. */
function ascChannelConfiguration(asc: Uint8Array): number | null {
  if (asc.length < 2) return null;
  let bit = 0;
  const read = (n: number): number => {
    let v = 0;
    for (let i = 0; i < n; i++, bit++) v = (v << 1) | (((asc[bit >> 3] ?? 0) >> (7 - (bit & 7))) & 1);
    return v;
  };
  let objectType = read(5);
  if (objectType === 31) objectType = 32 + read(6);
  if (read(4) === 15) read(24);
  const config = read(4);
  // Configurations 1-6 are 1-6 channels, 7 is 7.1 (8 channels).
  return config >= 1 && config <= 6 ? config : config === 7 ? 8 : null;
}

function walk(b: Uint8Array, start: number, end: number, visit: (type: string, body: Uint8Array) => void): void {
  let p = start;
  while (p + 8 <= end) {
    let size = u32(b, p);
    const type = ascii(b, p + 4, 4);
    let header = 8;
    if (size === 1) {
      size = u32(b, p + 8) * 2 ** 32 + u32(b, p + 12);
      header = 16;
    } else if (size === 0) {
      size = end - p;
    }
    if (size < header || p + size > end) return;
    visit(type, b.subarray(p + header, p + size));
    if (CONTAINERS.has(type)) walk(b, p + header, p + size, visit);
    p += size;
  }
}

function ascii(b: Uint8Array, offset: number, length: number): string {
  if (offset + length > b.length) return "";
  return String.fromCharCode(...b.subarray(offset, offset + length));
}

function u16(b: Uint8Array, offset: number): number {
  return ((b[offset] ?? 0) << 8) | (b[offset + 1] ?? 0);
}

function u32(b: Uint8Array, offset: number): number {
  return (((b[offset] ?? 0) << 24) | ((b[offset + 1] ?? 0) << 16) | ((b[offset + 2] ?? 0) << 8) | (b[offset + 3] ?? 0)) >>> 0;
}
