import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { AudioInputError } from "./audio-input-error";
import { openAudioDecoding } from "./decode-audio-file";
import { AUDIO_FIXTURES } from "./decode-test-signal";
import { encodeWav } from "./wav-encode";

const fixture = (name: string) => join(AUDIO_FIXTURES, name);
const scratch = mkdtempSync(join(tmpdir(), "decode-errors-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function openError(path: string, displayName?: string): Promise<AudioInputError> {
  try {
    await openAudioDecoding(path, displayName ? { displayName } : {});
  } catch (error) {
    if (error instanceof AudioInputError) return error;
    throw error;
  }
  throw new Error(`expected ${path} to fail`);
}

function scratchFile(name: string, bytes: Uint8Array | string): string {
  const path = join(scratch, name);
  writeFileSync(path, bytes);
  return path;
}

describe("openAudioDecoding errors", () => {
  it("calls a zero-length file empty, naming it as the importer does", async () => {
    const error = await openError(fixture("empty.wav"), "p07/session-2/empty.wav");
    expect(error).toMatchObject({ name: "AudioInputError", code: "AUDIO_EMPTY", message: "p07/session-2/empty.wav is empty (0 bytes)" });
  });

  it("calls a WAV whose data chunk holds nothing empty", async () => {
    const headerOnly = encodeWav(new Float32Array(0), 16000, "pcm16");
    expect((await openError(scratchFile("header-only.wav", headerOnly))).code).toBe("AUDIO_EMPTY");
  });

  it("says a text file named .wav is not audio", async () => {
    const error = await openError(fixture("text.wav"));
    expect(error.code).toBe("AUDIO_NOT_AUDIO");
    expect(error.message).toBe("text.wav is not audio: it starts with text, not a RIFF/WAVE header");
  });

  it("names the codec of an ADPCM WAV as unsupported", async () => {
    const error = await openError(fixture("adpcm.wav"));
    expect(error.code).toBe("AUDIO_UNSUPPORTED");
    expect(error.message).toContain("Microsoft ADPCM");
    expect(error.message).toContain("0x0002");
  });

  it("names an MP4 audio codec the decoders do not know as unsupported", async () => {
    const m4a = Buffer.from(readFileSync(fixture("tone-faststart.m4a")));
    m4a.write("qclp", m4a.indexOf("mp4a")); // QCELP voice codec
    const error = await openError(scratchFile("qcelp.m4a", m4a));
    expect(error.code).toBe("AUDIO_UNSUPPORTED");
    expect(error.message).toContain("qclp");
  });

  it("rejects random bytes named .mp3", async () => {
    const error = await openError(fixture("random.mp3"));
    expect(["AUDIO_NOT_AUDIO", "AUDIO_CORRUPT"]).toContain(error.code);
    expect(error.message).toMatch(/^random\.mp3 /);
  });

  it("says an ID3 tag followed by no MPEG audio is corrupt", async () => {
    const tag = new Uint8Array([0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 10, ...new Array(10).fill(0)]);
    const path = scratchFile("tag-only.mp3", new Uint8Array([...tag, ...new TextEncoder().encode("no audio here, just words")]));
    const error = await openError(path);
    expect(error.code).toBe("AUDIO_CORRUPT");
    expect(error.message).toBe("cannot decode tag-only.mp3: no MPEG audio frames follow its ID3 tag");
  });

  it("calls files cut before any decodable audio truncated", async () => {
    const m4a = readFileSync(fixture("tone.m4a"));
    const cutM4a = await openError(scratchFile("cut.m4a", m4a.subarray(0, m4a.length / 2)));
    expect(cutM4a.code).toBe("AUDIO_TRUNCATED");
    expect(cutM4a.message).toContain("no index (moov box)");

    const opus = readFileSync(fixture("tone-opus.ogg"));
    expect((await openError(scratchFile("cut.ogg", opus.subarray(0, 1000)))).code).toBe("AUDIO_TRUNCATED");

    const wav = Buffer.from(encodeWav(new Float32Array(800), 8000, "pcm16"));
    const cutWav = await openError(scratchFile("cut.wav", wav.subarray(0, 44)));
    expect(cutWav.code).toBe("AUDIO_TRUNCATED");
    expect(cutWav.message).toBe("cannot decode cut.wav: its header declares 0.1 s of audio but the file ends where the audio should begin");
  });

  it("says a folder or a missing file cannot be read", async () => {
    const folder = await openError(scratch, "recordings.wav");
    expect(folder).toMatchObject({ code: "AUDIO_UNREADABLE", message: "cannot read recordings.wav: it is a folder, not a file" });
    const missing = await openError(join(scratch, "gone.wav"));
    expect(missing.code).toBe("AUDIO_UNREADABLE");
    expect(missing.message).toMatch(/^cannot read gone\.wav: it does not exist/);
  });

  // Root reads any file whatever its mode, so there is nothing to test as root.
  it.skipIf(process.getuid?.() === 0)("says a file without read permission cannot be read", async () => {
    const path = scratchFile("locked.wav", encodeWav(new Float32Array(100), 8000, "pcm16"));
    chmodSync(path, 0o000);
    try {
      expect(await openError(path)).toMatchObject({ code: "AUDIO_UNREADABLE", message: "cannot read locked.wav: permission denied" });
    } finally {
      chmodSync(path, 0o600);
    }
  });
});
