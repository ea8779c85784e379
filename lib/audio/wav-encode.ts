/** Sample encodings the writer supports: 16-bit integer (the analysis audio) or 32-bit float. */
export type WavEncoding = "pcm16" | "float32";

const PCM16_HEADER_BYTES = 44;
/** Float WAV carries an 18-byte fmt chunk and a fact chunk, as the format's spec asks for non-PCM data. */
const FLOAT32_HEADER_BYTES = 58;

export function wavHeaderBytes(encoding: WavEncoding): number {
  return encoding === "pcm16" ? PCM16_HEADER_BYTES : FLOAT32_HEADER_BYTES;
}

export function wavBytesPerSample(encoding: WavEncoding): number {
  return encoding === "pcm16" ? 2 : 4;
}

/** The header for `frames` frames of audio; the file writer writes a placeholder first and this again at close. */
export function buildWavHeader(encoding: WavEncoding, sampleRate: number, channels: number, frames: number): Uint8Array {
  const headerBytes = wavHeaderBytes(encoding);
  const blockAlign = channels * wavBytesPerSample(encoding);
  const dataBytes = frames * blockAlign;
  const header = new Uint8Array(headerBytes);
  const view = new DataView(header.buffer);
  const text = (offset: number, s: string) => {
    for (let i = 0; i < s.length; i++) header[offset + i] = s.charCodeAt(i);
  };
  text(0, "RIFF");
  // Both encodings have even-sized frames, so the data chunk never needs RIFF's pad byte.
  view.setUint32(4, headerBytes - 8 + dataBytes, true);
  text(8, "WAVE");
  text(12, "fmt ");
  const fmtSize = encoding === "pcm16" ? 16 : 18;
  view.setUint32(16, fmtSize, true);
  view.setUint16(20, encoding === "pcm16" ? 1 : 3, true);
  view.setUint16(22, channels, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * blockAlign, true);
  view.setUint16(32, blockAlign, true);
  view.setUint16(34, wavBytesPerSample(encoding) * 8, true);
  let p = 36;
  if (encoding === "float32") {
    view.setUint16(36, 0, true); // cbSize
    text(38, "fact");
    view.setUint32(42, 4, true);
    view.setUint32(46, frames, true);
    p = 50;
  }
  text(p, "data");
  view.setUint32(p + 4, dataBytes, true);
  return header;
}

/** Interleaves planar samples into little-endian bytes; pcm16 rounds and clamps (no dither), float32 is exact. */
export function interleaveSamples(channels: readonly Float32Array[], encoding: WavEncoding): Uint8Array {
  const count = channels.length;
  const frames = channels[0]?.length ?? 0;
  const out = new Uint8Array(frames * count * wavBytesPerSample(encoding));
  const view = new DataView(out.buffer);
  if (encoding === "pcm16") {
    for (let c = 0; c < count; c++) {
      const channel = channels[c]!;
      for (let i = 0, p = 2 * c; i < frames; i++, p += 2 * count) {
        const v = Math.round(channel[i]! * 32768);
        view.setInt16(p, v > 32767 ? 32767 : v < -32768 ? -32768 : v === v ? v : 0, true);
      }
    }
  } else {
    for (let c = 0; c < count; c++) {
      const channel = channels[c]!;
      for (let i = 0, p = 4 * c; i < frames; i++, p += 4 * count) view.setFloat32(p, channel[i]!, true);
    }
  }
  return out;
}

/** Checks a write's shape and returns it as a list of channels. */
export function asChannelList(samples: readonly Float32Array[] | Float32Array, channels: number): readonly Float32Array[] {
  const list = samples instanceof Float32Array ? [samples] : samples;
  if (list.length !== channels) throw new RangeError(`expected ${channels} channel${channels === 1 ? "" : "s"} of samples, got ${list.length}`);
  const frames = list[0]!.length;
  if (list.some((channel) => channel.length !== frames)) throw new RangeError("every channel must hold the same number of samples");
  return list;
}

/** A whole WAV file in memory, for tests and small clips. */
export function encodeWav(samples: readonly Float32Array[] | Float32Array, sampleRate: number, encoding: WavEncoding): Uint8Array {
  const channels = samples instanceof Float32Array ? 1 : samples.length;
  const list = asChannelList(samples, channels);
  const data = interleaveSamples(list, encoding);
  const header = buildWavHeader(encoding, sampleRate, channels, list[0]!.length);
  const file = new Uint8Array(header.length + data.length);
  file.set(header);
  file.set(data, header.length);
  return file;
}
