import { oggFirstPacketCodec } from "./sniff-audio-container";

export interface UnrecognisedContent {
  code: "AUDIO_NOT_AUDIO" | "AUDIO_UNSUPPORTED";
  message: string;
}

const EXPECTED_HEADER: Record<string, string> = {
  wav: "a RIFF/WAVE header",
  wave: "a RIFF/WAVE header",
  mp3: "an MP3 frame or ID3 tag",
  m4a: "an MP4 'ftyp' box",
  mp4: "an MP4 'ftyp' box",
  aac: "an ADTS frame",
  flac: "a 'fLaC' marker",
  ogg: "an Ogg page",
  oga: "an Ogg page",
  opus: "an Ogg page",
  webm: "an EBML header",
  mka: "an EBML header",
};

const SUPPORTED = "WAV, MP3, M4A/AAC, FLAC, Ogg Vorbis/Opus or WebM";
const SUPPORTED_TARGET = "WAV or FLAC";

/** Recognised audio formats we do not decode: the researcher should convert them, not look for a broken file. */
const UNSUPPORTED_MAGIC: ReadonlyArray<[test: (b: Uint8Array) => boolean, what: string]> = [
  [(b) => ascii(b, 0, 4) === "FORM" && ["AIFF", "AIFC"].includes(ascii(b, 8, 4)), "AIFF audio"],
  [(b) => ascii(b, 0, 4) === "caff", "Core Audio (CAF) audio"],
  [(b) => ascii(b, 0, 5) === "#!AMR", "AMR speech audio"],
  [(b) => hex(b, 0, 8) === "3026b2758e66cf11", "Windows Media (ASF/WMA) audio"],
  [(b) => ascii(b, 0, 4) === "wvpk", "WavPack audio"],
  [(b) => ascii(b, 0, 4) === "MAC ", "Monkey's Audio (APE)"],
  [(b) => ascii(b, 0, 4) === ".snd", "Sun/NeXT AU audio"],
  [(b) => ascii(b, 0, 4) === "RIFF" && ascii(b, 8, 4) === "AVI ", "AVI video"],
];

const NOT_AUDIO_MAGIC: ReadonlyArray<[test: (b: Uint8Array) => boolean, what: string]> = [
  [(b) => ascii(b, 0, 4) === "%PDF", "a PDF document"],
  [(b) => ascii(b, 0, 4) === "PK\x03\x04", "a ZIP archive (or an Office document)"],
  [(b) => hex(b, 0, 4) === "89504e47", "a PNG image"],
  [(b) => hex(b, 0, 3) === "ffd8ff", "a JPEG image"],
  [(b) => ascii(b, 0, 4) === "GIF8", "a GIF image"],
  [(b) => ascii(b, 0, 4) === "MThd", "a MIDI file (notes, not recorded sound)"],
];

/**
 * Explains, for the researcher, content that sniffAudioContainer did not
 * recognise: another audio format we do not decode (AUDIO_UNSUPPORTED) or
 * something that is not audio at all (AUDIO_NOT_AUDIO).
 */
export function describeUnrecognisedContent(firstBytes: Uint8Array, displayName: string): UnrecognisedContent {
  const b = firstBytes;
  const extension = displayName.includes(".") ? displayName.slice(displayName.lastIndexOf(".") + 1).toLowerCase() : "";
  const expected = EXPECTED_HEADER[extension];
  const notExpected = expected ? `, not ${expected}` : "";

  for (const [test, what] of UNSUPPORTED_MAGIC) {
    if (test(b)) return { code: "AUDIO_UNSUPPORTED", message: `cannot decode ${displayName}: it is ${what}, which is not supported; convert it to ${SUPPORTED_TARGET}` };
  }
  if (ascii(b, 0, 4) === "OggS") {
    const codec = oggFirstPacketCodec(b);
    const what = codec === "theora" ? "Theora video" : codec ? codec === "flac" ? "FLAC" : "Speex" : "an unknown codec";
    return { code: "AUDIO_UNSUPPORTED", message: `cannot decode ${displayName}: it is an Ogg stream carrying ${what}, which is not supported; convert it to ${SUPPORTED_TARGET}` };
  }
  for (const [test, what] of NOT_AUDIO_MAGIC) {
    if (test(b)) return { code: "AUDIO_NOT_AUDIO", message: `${displayName} is not audio: it is ${what}${notExpected}` };
  }
  if (b.length > 0 && b.every((x) => x === 0)) {
    return { code: "AUDIO_NOT_AUDIO", message: `${displayName} is not audio: it starts with nothing but zero bytes (an incomplete copy?)${notExpected}` };
  }
  if (looksLikeText(b)) {
    return { code: "AUDIO_NOT_AUDIO", message: `${displayName} is not audio: it starts with text${notExpected}` };
  }
  return { code: "AUDIO_NOT_AUDIO", message: `${displayName} is not audio: its first bytes match no format we read (${SUPPORTED})` };
}

/** Well-formed UTF-8 without control characters (other than tab and line breaks) over the first 512 bytes. */
function looksLikeText(b: Uint8Array): boolean {
  const sample = b.subarray(0, 512);
  if (sample.length === 0) return false;
  let text: string;
  try {
    // `stream` leaves a multi-byte character cut at the 512-byte edge pending instead of failing on it.
    text = new TextDecoder("utf-8", { fatal: true }).decode(sample, { stream: true });
  } catch {
    return false;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) return false;
  }
  return true;
}

function ascii(b: Uint8Array, offset: number, length: number): string {
  if (offset + length > b.length) return "";
  return String.fromCharCode(...b.subarray(offset, offset + length));
}

function hex(b: Uint8Array, offset: number, length: number): string {
  if (offset + length > b.length) return "";
  return Array.from(b.subarray(offset, offset + length), (x) => x.toString(16).padStart(2, "0")).join("");
}
