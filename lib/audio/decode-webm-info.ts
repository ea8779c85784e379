/** What a WebM/Matroska file's Segment Info and first audio TrackEntry say. */
export interface WebmAudioInfo {
  /** Matroska CodecID, e.g. "A_OPUS", "A_VORBIS", "A_AAC". */
  codecId: string;
  sampleRate: number | null;
  channels: number | null;
  durationSeconds: number | null;
}

const EBML = 0x1a45dfa3;
const SEGMENT = 0x18538067;
const INFO = 0x1549a966;
const TIMECODE_SCALE = 0x2ad7b1;
const DURATION = 0x4489;
const TRACKS = 0x1654ae6b;
const TRACK_ENTRY = 0xae;
const TRACK_TYPE = 0x83;
const CODEC_ID = 0x86;
const AUDIO = 0xe1;
const SAMPLING_FREQUENCY = 0xb5;
const CHANNELS = 0x9f;
const CLUSTER = 0x1f43b675;
const TRACK_TYPE_AUDIO = 2;

/**
 * Reads the header elements from the first bytes of the file (they precede
 * the first Cluster in files from ffmpeg, browsers' MediaRecorder and
 * mkvmerge). Returns null when no audio track is described in those bytes.
 */
export function parseWebmAudioInfo(b: Uint8Array): WebmAudioInfo | null {
  const top = readElement(b, 0);
  if (!top || top.id !== EBML) return null;
  const segment = readElement(b, top.dataEnd);
  if (!segment || segment.id !== SEGMENT) return null;
  let timecodeScale = 1_000_000;
  let rawDuration: number | null = null;
  let audio: Omit<WebmAudioInfo, "durationSeconds"> | null = null;
  for (let p = segment.dataStart; p < Math.min(segment.dataEnd, b.length); ) {
    const el = readElement(b, p);
    if (!el || el.id === CLUSTER) break;
    if (el.id === INFO) {
      children(b, el, (child) => {
        if (child.id === TIMECODE_SCALE) timecodeScale = readUint(b, child);
        else if (child.id === DURATION) rawDuration = readFloat(b, child);
      });
    } else if (el.id === TRACKS && !audio) {
      children(b, el, (entry) => {
        if (entry.id !== TRACK_ENTRY || audio) return;
        let type = 0;
        let codecId = "";
        let sampleRate: number | null = null;
        let channels: number | null = null;
        children(b, entry, (field) => {
          if (field.id === TRACK_TYPE) type = readUint(b, field);
          else if (field.id === CODEC_ID) codecId = String.fromCharCode(...b.subarray(field.dataStart, field.dataEnd)).replace(/\0+$/, "");
          else if (field.id === AUDIO) {
            children(b, field, (a) => {
              if (a.id === SAMPLING_FREQUENCY) sampleRate = readFloat(b, a);
              else if (a.id === CHANNELS) channels = readUint(b, a);
            });
          }
        });
        if (type === TRACK_TYPE_AUDIO) audio = { codecId, sampleRate, channels };
      });
    }
    if (el.dataEnd > b.length) break;
    p = el.dataEnd;
  }
  if (!audio) return null;
  const duration: number | null = rawDuration;
  return { ...(audio as Omit<WebmAudioInfo, "durationSeconds">), durationSeconds: duration !== null && duration > 0 ? (duration * timecodeScale) / 1e9 : null };
}

interface Element {
  id: number;
  dataStart: number;
  /** Infinity when the size is "unknown" (live streams). */
  dataEnd: number;
}

function readElement(b: Uint8Array, p: number): Element | null {
  const id = readVint(b, p, true);
  if (!id) return null;
  const size = readVint(b, p + id.length, false);
  if (!size) return null;
  const dataStart = p + id.length + size.length;
  return { id: id.value, dataStart, dataEnd: size.unknown ? Infinity : dataStart + size.value };
}

function children(b: Uint8Array, parent: Element, visit: (child: Element) => void): void {
  const end = Math.min(parent.dataEnd, b.length);
  for (let p = parent.dataStart; p < end; ) {
    const child = readElement(b, p);
    if (!child || child.dataEnd > end) return;
    visit(child);
    p = child.dataEnd;
  }
}

/** EBML variable-length integer: IDs keep their marker bit, sizes drop it (all ones = unknown). */
function readVint(b: Uint8Array, p: number, keepMarker: boolean): { value: number; length: number; unknown: boolean } | null {
  const first = b[p];
  if (first === undefined || first === 0) return null;
  let length = 1;
  while (length <= 8 && !(first & (0x80 >> (length - 1)))) length++;
  if (length > 8 || p + length > b.length) return null;
  let value = keepMarker ? first : first & (0xff >> length);
  let allOnes = value === (0xff >> length);
  for (let i = 1; i < length; i++) {
    value = value * 256 + b[p + i]!;
    if (b[p + i] !== 0xff) allOnes = false;
  }
  return { value, length, unknown: !keepMarker && allOnes };
}

function readUint(b: Uint8Array, el: Element): number {
  let value = 0;
  for (let p = el.dataStart; p < el.dataEnd; p++) value = value * 256 + b[p]!;
  return value;
}

function readFloat(b: Uint8Array, el: Element): number | null {
  const view = new DataView(b.buffer, b.byteOffset + el.dataStart, el.dataEnd - el.dataStart);
  if (view.byteLength === 4) return view.getFloat32(0);
  if (view.byteLength === 8) return view.getFloat64(0);
  return null;
}
