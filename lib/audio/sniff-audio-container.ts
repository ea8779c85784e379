import type { AudioContainer } from "./audio-format";
import { parseAdtsHeader } from "./decode-adts-header";
import { parseMpegFrameHeader } from "./mp3-frame-header";

/** How far into the content (after any ID3v2 tag) we look for the first MPEG or ADTS frame. */
const FRAME_SCAN_BYTES = 4096;

/**
 * Names the container from the first bytes of a file (64 KiB is plenty; past
 * an ID3v2 tag the caller passes the bytes after it). Pure: no I/O.
 * Returns null for anything that is not one of the formats we decode.
 */
export function sniffAudioContainer(firstBytes: Uint8Array): AudioContainer | null {
  const b = firstBytes;
  const tag = id3v2TagLength(b);
  if (tag > 0) {
    // ID3v2 precedes MP3 mostly, but also raw AAC and some FLAC; look past it when we have the bytes.
    if (tag >= b.length) return "mp3";
    const after = sniffAudioContainer(b.subarray(tag));
    return after === "aac" || after === "flac" ? after : "mp3";
  }
  if ((ascii(b, 0, 4) === "RIFF" || ascii(b, 0, 4) === "RF64" || ascii(b, 0, 4) === "BW64") && ascii(b, 8, 4) === "WAVE") return "wav";
  if (ascii(b, 0, 4) === "fLaC") return "flac";
  if (ascii(b, 0, 4) === "OggS") return sniffOgg(b);
  if (ascii(b, 4, 4) === "ftyp") return "m4a";
  if (b[0] === 0x1a && b[1] === 0x45 && b[2] === 0xdf && b[3] === 0xa3) return "webm";
  return sniffFrameStream(b);
}

/** Length of a leading ID3v2 tag (header, body and footer), or 0 when there is none. */
export function id3v2TagLength(b: Uint8Array): number {
  if (b.length < 10 || ascii(b, 0, 3) !== "ID3" || b[3] === 0xff || b[4] === 0xff) return 0;
  const sizeBytes = [b[6]!, b[7]!, b[8]!, b[9]!];
  if (sizeBytes.some((x) => x & 0x80)) return 0;
  const size = (sizeBytes[0]! << 21) | (sizeBytes[1]! << 14) | (sizeBytes[2]! << 7) | sizeBytes[3]!;
  const footer = b[5]! & 0x10 ? 10 : 0;
  return 10 + size + footer;
}

/** Which codec an Ogg stream carries, from its first packet; null for codecs we do not decode (Speex, FLAC-in-Ogg, video). */
export function oggFirstPacketCodec(b: Uint8Array): "vorbis" | "opus" | "flac" | "speex" | "theora" | null {
  if (b.length < 28) return null;
  const segments = b[26]!;
  const body = 27 + segments;
  const head = ascii(b, body, 8);
  if (head.startsWith("\x01vorbis")) return "vorbis";
  if (head === "OpusHead") return "opus";
  if (head.startsWith("\x7fFLAC")) return "flac";
  if (head.startsWith("Speex")) return "speex";
  if (head.startsWith("\x80theora")) return "theora";
  return null;
}

function sniffOgg(b: Uint8Array): AudioContainer | null {
  const codec = oggFirstPacketCodec(b);
  return codec === "vorbis" ? "ogg-vorbis" : codec === "opus" ? "ogg-opus" : null;
}

/**
 * MPEG audio or ADTS: a frame sync alone matches random data about once in
 * 2 KiB, so we demand that the next frame header follows where the first
 * frame ends (two more when the first sync is not at the very start).
 */
function sniffFrameStream(b: Uint8Array): AudioContainer | null {
  const mp3 = firstFrameOffset(b, "mp3");
  const aac = firstFrameOffset(b, "aac");
  if (mp3 === null && aac === null) return null;
  return aac === null || (mp3 !== null && mp3 <= aac) ? "mp3" : "aac";
}

/** Offset of the first MPEG audio or ADTS frame that is followed by consistent frames, within the first 4 KiB; null when none. */
export function firstFrameOffset(b: Uint8Array, kind: "mp3" | "aac"): number | null {
  const limit = Math.min(b.length - 4, FRAME_SCAN_BYTES);
  const follows = kind === "mp3" ? followsMpeg : followsAdts;
  for (let offset = 0; offset < limit; offset++) {
    if (b[offset] !== 0xff || (b[offset + 1]! & 0xe0) !== 0xe0) continue;
    if (follows(b, offset, offset === 0 ? 1 : 2)) return offset;
  }
  return null;
}

function followsMpeg(b: Uint8Array, offset: number, needed: number): boolean {
  const first = parseMpegFrameHeader(b, offset);
  if (!first) return false;
  let at = offset;
  let frame = first;
  for (let i = 0; i < needed; i++) {
    at += frame.frameLength;
    // A file shorter than two frames: accept the single frame only when it ends exactly at the end.
    if (at === b.length && i === 0 && offset === 0) return true;
    const next = parseMpegFrameHeader(b, at);
    if (!next || next.version !== first.version || next.layer !== first.layer || next.sampleRate !== first.sampleRate) return false;
    frame = next;
  }
  return true;
}

function followsAdts(b: Uint8Array, offset: number, needed: number): boolean {
  const first = parseAdtsHeader(b, offset);
  if (!first) return false;
  let at = offset;
  let frame = first;
  for (let i = 0; i < needed; i++) {
    at += frame.frameLength;
    if (at === b.length && i === 0 && offset === 0) return true;
    const next = parseAdtsHeader(b, at);
    if (!next || next.sampleRate !== first.sampleRate || next.channels !== first.channels) return false;
    frame = next;
  }
  return true;
}

function ascii(b: Uint8Array, offset: number, length: number): string {
  if (offset + length > b.length) return "";
  return String.fromCharCode(...b.subarray(offset, offset + length));
}
