import { AudioInputError } from "./audio-input-error";
import type { ByteSource } from "./decode-byte-source";

/** How samples are stored in the data chunk. */
export type WavSampleEncoding = "u8" | "s16" | "s24" | "s32" | "f32" | "f64" | "mulaw" | "alaw";

export interface WavLayout {
  encoding: WavSampleEncoding;
  /** ffmpeg-style codec name, e.g. "pcm_s16le". */
  codec: string;
  sampleRate: number;
  channels: number;
  /** Significant bits per sample (WAVE_FORMAT_EXTENSIBLE's valid bits when given). */
  bitsPerSample: number;
  /** Bytes per frame (one sample of every channel). */
  blockAlign: number;
  /** Absolute offset of the first sample. */
  dataOffset: number;
  /** What the header declares; null when it says "until end of file" (0 or 0xFFFFFFFF from streaming writers). */
  declaredDataBytes: number | null;
  /** Whether the fmt chunk was WAVE_FORMAT_EXTENSIBLE. */
  extensible: boolean;
}

const CODECS: Record<WavSampleEncoding, string> = {
  u8: "pcm_u8",
  s16: "pcm_s16le",
  s24: "pcm_s24le",
  s32: "pcm_s32le",
  f32: "pcm_f32le",
  f64: "pcm_f64le",
  mulaw: "pcm_mulaw",
  alaw: "pcm_alaw",
};

/** Format tags seen in the wild that we do not decode, named for the error message. */
const UNSUPPORTED_TAGS: Record<number, string> = {
  0x0002: "Microsoft ADPCM",
  0x0011: "IMA ADPCM",
  0x0022: "TrueSpeech",
  0x0031: "GSM 6.10",
  0x0040: "G.721 ADPCM",
  0x0050: "MPEG-1 audio",
  0x0055: "MP3",
  0x0064: "G.726 ADPCM",
  0x0092: "Dolby AC-3",
  0x00ff: "AAC",
  0x0160: "Windows Media Audio",
  0x0161: "Windows Media Audio",
  0x0162: "Windows Media Audio Pro",
  0x0163: "Windows Media Audio Lossless",
  0x1610: "HE-AAC",
  0x2000: "Dolby AC-3",
  0x2001: "DTS",
};

// The 14 bytes after the format code in a KSDATAFORMAT_SUBTYPE_* GUID: the standard one and the ambisonic B-format one.
const GUID_SUFFIXES = ["000000001000800000aa00389b71", "00000721d3118644c8c1ca000000"];

const WAVE_FORMAT_PCM = 0x0001;
const WAVE_FORMAT_IEEE_FLOAT = 0x0003;
const WAVE_FORMAT_ALAW = 0x0006;
const WAVE_FORMAT_MULAW = 0x0007;
const WAVE_FORMAT_EXTENSIBLE = 0xfffe;
const UNTIL_EOF = 0xffffffff;

/**
 * Walks the RIFF chunks up to `data` (skipping LIST, fact, bext, JUNK and any
 * other chunk, with RIFF's pad byte after odd sizes) and reads the format.
 * Reads only chunk headers and the fmt/ds64 bodies, however large the other chunks are.
 */
export async function readWavLayout(source: ByteSource, displayName: string): Promise<WavLayout> {
  const corrupt = (why: string) => new AudioInputError("AUDIO_CORRUPT", `cannot decode ${displayName}: ${why}`);
  const head = await source.read(0, 12);
  const riff = ascii(head, 0, 4);
  if (head.length < 12 || !["RIFF", "RF64", "BW64"].includes(riff) || ascii(head, 8, 4) !== "WAVE") {
    throw corrupt("it has no RIFF/WAVE header");
  }
  const rf64 = riff !== "RIFF";
  let ds64DataBytes: number | null = null;
  let format: Omit<WavLayout, "dataOffset" | "declaredDataBytes"> | null = null;
  let offset = 12;
  let previousOdd = false;
  let lastChunk = "RIFF header";
  for (;;) {
    let header = await source.read(offset, 8);
    if (header.length < 8) {
      throw new AudioInputError(
        "AUDIO_TRUNCATED",
        `cannot decode ${displayName}: the file ends after its ${lastChunk}, before any audio data (it was probably cut off while being written or copied)`,
      );
    }
    if (!isChunkId(header) && previousOdd) {
      // Some writers forget the pad byte after an odd-sized chunk.
      const unpadded = await source.read(offset - 1, 8);
      if (isChunkId(unpadded)) {
        offset -= 1;
        header = unpadded;
      }
    }
    if (!isChunkId(header)) throw corrupt(`its chunk list is damaged at byte ${offset} (after the ${lastChunk})`);
    const id = ascii(header, 0, 4);
    const size = u32(header, 4);
    const body = offset + 8;
    if (id === "ds64" && rf64) {
      const ds64 = await source.read(body, 28);
      if (ds64.length < 16) throw corrupt("its RF64 ds64 chunk is cut short");
      ds64DataBytes = u64(ds64, 8);
    } else if (id === "fmt ") {
      const fmt = await source.read(body, Math.min(size, 64));
      if (fmt.length < 16 || size < 16) throw corrupt(`its fmt chunk is ${Math.min(size, fmt.length)} bytes, too short to describe the audio`);
      format = parseFormat(fmt, displayName);
    } else if (id === "data") {
      if (!format) throw corrupt("its data chunk comes before any fmt chunk, so the sample format is unknown");
      let declared: number | null = size;
      if (rf64 && size === UNTIL_EOF) declared = ds64DataBytes;
      else if (size === 0 || size === UNTIL_EOF) declared = null;
      return { ...format, dataOffset: body, declaredDataBytes: declared };
    }
    if (body + size > source.size) {
      throw new AudioInputError(
        "AUDIO_TRUNCATED",
        `cannot decode ${displayName}: the file ends inside its '${id.trim()}' chunk, before any audio data (it was probably cut off while being written or copied)`,
      );
    }
    previousOdd = (size & 1) === 1;
    offset = body + size + (size & 1);
    lastChunk = `'${id.trim()}' chunk`;
  }
}

/** Parses a fmt chunk body (16, 18 or 40 bytes) into a sample layout; exported for tests. */
export function parseFormat(fmt: Uint8Array, displayName: string): Omit<WavLayout, "dataOffset" | "declaredDataBytes"> {
  const corrupt = (why: string) => new AudioInputError("AUDIO_CORRUPT", `cannot decode ${displayName}: ${why}`);
  let tag = u16(fmt, 0);
  const channels = u16(fmt, 2);
  const sampleRate = u32(fmt, 4);
  const blockAlign = u16(fmt, 12);
  const containerBits = u16(fmt, 14);
  let bitsPerSample = containerBits;
  const extensible = tag === WAVE_FORMAT_EXTENSIBLE;
  if (extensible) {
    if (fmt.length < 40) throw corrupt("its WAVE_FORMAT_EXTENSIBLE fmt chunk is cut short");
    const valid = u16(fmt, 18);
    if (valid > 0) bitsPerSample = valid;
    const suffix = hex(fmt, 26, 14);
    tag = u16(fmt, 24);
    if (!GUID_SUFFIXES.includes(suffix)) {
      throw new AudioInputError(
        "AUDIO_UNSUPPORTED",
        `cannot decode ${displayName}: its WAVE_FORMAT_EXTENSIBLE sub-format ${hex(fmt, 24, 16)} is not one we know; convert it to PCM WAV or FLAC`,
      );
    }
  }
  if (![WAVE_FORMAT_PCM, WAVE_FORMAT_IEEE_FLOAT, WAVE_FORMAT_ALAW, WAVE_FORMAT_MULAW].includes(tag)) {
    const name = UNSUPPORTED_TAGS[tag] ?? "an unknown codec";
    throw new AudioInputError(
      "AUDIO_UNSUPPORTED",
      `cannot decode ${displayName}: it is ${name} audio (WAV format tag 0x${tag.toString(16).padStart(4, "0")}), which is not supported; convert it to PCM WAV or FLAC`,
    );
  }
  if (channels === 0) throw corrupt("its header says it has 0 channels");
  if (sampleRate === 0) throw corrupt("its header says its sample rate is 0 Hz");
  if (blockAlign === 0 || blockAlign % channels !== 0) {
    throw corrupt(`its header says each frame is ${blockAlign} bytes, which does not split into ${channels} channel${channels === 1 ? "" : "s"}`);
  }
  const bytesPerSample = blockAlign / channels;
  const blockAlignError = (what: string) =>
    corrupt(
      `its header says each frame is ${blockAlign} bytes, but ${channels} channel${channels === 1 ? "" : "s"} of ${what} need ${channels * Math.ceil(containerBits / 8)}`,
    );
  let encoding: WavSampleEncoding;
  if (tag === WAVE_FORMAT_PCM) {
    // Container size from blockAlign; the significant bits sit at the top (e.g. 20-bit in 3 bytes, 24-bit in 4).
    if (Math.ceil(containerBits / 8) !== bytesPerSample) throw blockAlignError(`${containerBits}-bit samples`);
    if (bitsPerSample > containerBits || bitsPerSample === 0) throw corrupt(`its header says ${bitsPerSample} valid bits in ${containerBits}-bit samples`);
    const byWidth: Record<number, WavSampleEncoding> = { 1: "u8", 2: "s16", 3: "s24", 4: "s32" };
    const found = byWidth[bytesPerSample];
    if (!found) throw unsupported(displayName, `${containerBits}-bit integer PCM`);
    encoding = found;
  } else if (tag === WAVE_FORMAT_IEEE_FLOAT) {
    if (Math.ceil(containerBits / 8) !== bytesPerSample) throw blockAlignError(`${containerBits}-bit float samples`);
    if (bytesPerSample === 4) encoding = "f32";
    else if (bytesPerSample === 8) encoding = "f64";
    else throw unsupported(displayName, `${containerBits}-bit float PCM`);
  } else {
    if (bytesPerSample !== 1) throw blockAlignError("8-bit G.711 samples");
    encoding = tag === WAVE_FORMAT_ALAW ? "alaw" : "mulaw";
    bitsPerSample = 8;
  }
  return { encoding, codec: CODECS[encoding], sampleRate, channels, bitsPerSample, blockAlign, extensible };
}

function unsupported(displayName: string, what: string): AudioInputError {
  return new AudioInputError("AUDIO_UNSUPPORTED", `cannot decode ${displayName}: it holds ${what}, which is not supported; convert it to 16- or 24-bit PCM WAV or FLAC`);
}

function isChunkId(b: Uint8Array): boolean {
  for (let i = 0; i < 4; i++) {
    const c = b[i]!;
    if (c < 0x20 || c > 0x7e) return false;
  }
  return true;
}

function ascii(b: Uint8Array, offset: number, length: number): string {
  if (offset + length > b.length) return "";
  return String.fromCharCode(...b.subarray(offset, offset + length));
}

function hex(b: Uint8Array, offset: number, length: number): string {
  return Array.from(b.subarray(offset, offset + length), (x) => x.toString(16).padStart(2, "0")).join("");
}

function u16(b: Uint8Array, offset: number): number {
  return b[offset]! | (b[offset + 1]! << 8);
}

function u32(b: Uint8Array, offset: number): number {
  return (b[offset]! | (b[offset + 1]! << 8) | (b[offset + 2]! << 16) | (b[offset + 3]! << 24)) >>> 0;
}

function u64(b: Uint8Array, offset: number): number {
  return u32(b, offset) + u32(b, offset + 4) * 2 ** 32;
}
