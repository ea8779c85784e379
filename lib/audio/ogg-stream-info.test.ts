import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIO_FIXTURES } from "./decode-test-signal";
import { parseOggStreamInfo, parseOggTail } from "./ogg-stream-info";

const fixture = (name: string) => new Uint8Array(readFileSync(join(AUDIO_FIXTURES, name)));

describe("parseOggStreamInfo", () => {
  it("reads an Opus head: 48 kHz output and the pre-skip", () => {
    expect(parseOggStreamInfo(fixture("tone-opus.ogg"))).toEqual({ codec: "opus", channels: 1, sampleRate: 48000, preSkip: 312, serial: 0 });
  });

  it("reads a Vorbis identification header", () => {
    expect(parseOggStreamInfo(fixture("tone-vorbis.ogg"))).toMatchObject({ codec: "vorbis", channels: 1, sampleRate: 44100, preSkip: 0 });
  });

  it("returns null for other content", () => {
    expect(parseOggStreamInfo(fixture("tone.flac"))).toBeNull();
  });
});

describe("parseOggTail", () => {
  it("finds the end-of-stream page and its granule in an intact file", () => {
    expect(parseOggTail(fixture("tone-opus.ogg"), 0)).toEqual({ lastGranule: 48312, endsCleanly: true });
    expect(parseOggTail(fixture("tone-vorbis.ogg"), 0)).toEqual({ lastGranule: 44100, endsCleanly: true });
  });

  it("reports a file cut inside its last page as not ending cleanly", () => {
    const opus = fixture("tone-opus.ogg");
    const tail = parseOggTail(opus.subarray(0, opus.length - 100), 0);
    expect(tail.endsCleanly).toBe(false);
    expect(tail.lastGranule).toBeLessThan(48312);
  });

  it("ignores pages of another stream", () => {
    expect(parseOggTail(fixture("tone-opus.ogg"), 12345)).toEqual({ lastGranule: null, endsCleanly: false });
  });
});
