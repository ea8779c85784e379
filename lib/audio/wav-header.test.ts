import { describe, expect, it } from "vitest";
import { AudioInputError } from "./audio-input-error";
import { memoryByteSource } from "./decode-byte-source";
import { parseFormat, readWavLayout } from "./wav-header";

type Chunk = [id: string, body: Uint8Array, options?: { declaredSize?: number; noPad?: boolean }];

/** Builds a RIFF/WAVE file from chunks, padding odd sizes as RIFF requires (unless told not to). */
function riff(chunks: Chunk[], form = "RIFF"): Uint8Array {
  const parts: number[] = [];
  const text = (s: string) => parts.push(...Array.from(s, (c) => c.charCodeAt(0)));
  const u32 = (n: number) => parts.push(n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff);
  text(form);
  u32(0);
  text("WAVE");
  for (const [id, body, options] of chunks) {
    text(id);
    u32(options?.declaredSize ?? body.length);
    parts.push(...body);
    if (body.length & 1 && !options?.noPad) parts.push(0);
  }
  return new Uint8Array(parts);
}

function fmt(tag: number, channels: number, rate: number, blockAlign: number, bits: number, extra: number[] = []): Uint8Array {
  const b = new Uint8Array(16 + extra.length);
  const v = new DataView(b.buffer);
  v.setUint16(0, tag, true);
  v.setUint16(2, channels, true);
  v.setUint32(4, rate, true);
  v.setUint32(8, rate * blockAlign, true);
  v.setUint16(12, blockAlign, true);
  v.setUint16(14, bits, true);
  b.set(extra, 16);
  return b;
}

/** WAVE_FORMAT_EXTENSIBLE tail: cbSize 22, valid bits, channel mask, sub-format GUID. */
function extensible(validBits: number, subTag: number, guidTail = [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71]): number[] {
  return [22, 0, validBits & 0xff, validBits >> 8, 0x04, 0, 0, 0, subTag & 0xff, subTag >> 8, ...guidTail];
}

const layoutOf = (bytes: Uint8Array) => readWavLayout(memoryByteSource(bytes), "t.wav");

async function errorOf(bytes: Uint8Array): Promise<AudioInputError> {
  try {
    await layoutOf(bytes);
  } catch (error) {
    if (error instanceof AudioInputError) return error;
    throw error;
  }
  throw new Error("expected an AudioInputError");
}

describe("readWavLayout", () => {
  it("finds data after LIST, an odd-sized chunk with its pad byte, and fact", async () => {
    const bytes = riff([
      ["LIST", new Uint8Array(26)],
      ["fmt ", fmt(1, 2, 44100, 4, 16)],
      ["odd ", new Uint8Array(3)],
      ["fact", new Uint8Array(4)],
      ["data", new Uint8Array(16)],
    ]);
    const layout = await layoutOf(bytes);
    expect(layout).toMatchObject({ encoding: "s16", codec: "pcm_s16le", channels: 2, sampleRate: 44100, blockAlign: 4, declaredDataBytes: 16 });
    expect(layout.dataOffset).toBe(bytes.length - 16);
  });

  it("tolerates a writer that forgot the pad byte after an odd-sized chunk", async () => {
    const bytes = riff([
      ["fmt ", fmt(1, 1, 8000, 2, 16)],
      ["bext", new Uint8Array(5), { noPad: true }],
      ["data", new Uint8Array(8)],
    ]);
    expect((await layoutOf(bytes)).dataOffset).toBe(bytes.length - 8);
  });

  it("reads 0 and 0xFFFFFFFF data sizes as 'until end of file'", async () => {
    for (const declaredSize of [0, 0xffffffff]) {
      const layout = await layoutOf(riff([["fmt ", fmt(1, 1, 8000, 2, 16)], ["data", new Uint8Array(8), { declaredSize }]]));
      expect(layout.declaredDataBytes).toBeNull();
    }
  });

  it("takes the data size of an RF64 file from its ds64 chunk", async () => {
    const ds64 = new Uint8Array(28);
    new DataView(ds64.buffer).setUint32(8, 6, true);
    new DataView(ds64.buffer).setUint32(12, 1, true); // 2^32 + 6 bytes
    const layout = await layoutOf(riff([["ds64", ds64], ["fmt ", fmt(1, 1, 8000, 2, 16)], ["data", new Uint8Array(6), { declaredSize: 0xffffffff }]], "RF64"));
    expect(layout.declaredDataBytes).toBe(2 ** 32 + 6);
  });

  it("resolves WAVE_FORMAT_EXTENSIBLE to its sub-format and valid bits", async () => {
    const pcm24in32 = await layoutOf(riff([["fmt ", fmt(0xfffe, 1, 48000, 4, 32, extensible(24, 1))], ["data", new Uint8Array(8)]]));
    expect(pcm24in32).toMatchObject({ encoding: "s32", bitsPerSample: 24, extensible: true });
    const float = await layoutOf(riff([["fmt ", fmt(0xfffe, 2, 48000, 8, 32, extensible(32, 3))], ["data", new Uint8Array(8)]]));
    expect(float).toMatchObject({ encoding: "f32", codec: "pcm_f32le" });
  });

  it("reads the plain format tags: 8/24-bit PCM, 64-bit float, A-law, µ-law", () => {
    expect(parseFormat(fmt(1, 1, 8000, 1, 8), "t.wav").encoding).toBe("u8");
    expect(parseFormat(fmt(1, 2, 96000, 6, 24), "t.wav").encoding).toBe("s24");
    expect(parseFormat(fmt(1, 1, 44100, 3, 20), "t.wav")).toMatchObject({ encoding: "s24", bitsPerSample: 20 });
    expect(parseFormat(fmt(3, 1, 8000, 8, 64), "t.wav").encoding).toBe("f64");
    expect(parseFormat(fmt(6, 1, 8000, 1, 8), "t.wav").codec).toBe("pcm_alaw");
    expect(parseFormat(fmt(7, 1, 8000, 1, 8), "t.wav").codec).toBe("pcm_mulaw");
  });

  it("names an unsupported codec and its tag", async () => {
    const error = await errorOf(riff([["fmt ", fmt(2, 1, 16000, 256, 4, [32, 0])], ["data", new Uint8Array(256)]]));
    expect(error.code).toBe("AUDIO_UNSUPPORTED");
    expect(error.message).toBe(
      "cannot decode t.wav: it is Microsoft ADPCM audio (WAV format tag 0x0002), which is not supported; convert it to PCM WAV or FLAC",
    );
    const guid = await errorOf(riff([["fmt ", fmt(0xfffe, 1, 8000, 2, 16, extensible(16, 1, new Array(14).fill(7)))], ["data", new Uint8Array(2)]]));
    expect(guid.code).toBe("AUDIO_UNSUPPORTED");
  });

  it("rejects a block align that does not match the channels and sample size", async () => {
    const error = await errorOf(riff([["fmt ", fmt(1, 2, 44100, 6, 16)], ["data", new Uint8Array(12)]]));
    expect(error.code).toBe("AUDIO_CORRUPT");
    expect(error.message).toBe("cannot decode t.wav: its header says each frame is 6 bytes, but 2 channels of 16-bit samples need 4");
    expect((await errorOf(riff([["fmt ", fmt(1, 2, 44100, 3, 8)], ["data", new Uint8Array(12)]]))).message).toContain("does not split into 2 channels");
    expect((await errorOf(riff([["fmt ", fmt(1, 0, 44100, 2, 16)], ["data", new Uint8Array(12)]]))).message).toContain("0 channels");
  });

  it("calls a file that ends before its data chunk truncated, and a data chunk before fmt corrupt", async () => {
    const cut = riff([["fmt ", fmt(1, 1, 8000, 2, 16)], ["LIST", new Uint8Array(100)]]).subarray(0, 60);
    const truncated = await errorOf(cut);
    expect(truncated.code).toBe("AUDIO_TRUNCATED");
    expect(truncated.message).toContain("ends inside its 'LIST' chunk");
    expect((await errorOf(riff([["fmt ", fmt(1, 1, 8000, 2, 16)]]))).code).toBe("AUDIO_TRUNCATED");
    expect((await errorOf(riff([["data", new Uint8Array(4)], ["fmt ", fmt(1, 1, 8000, 2, 16)]]))).code).toBe("AUDIO_CORRUPT");
  });
});
