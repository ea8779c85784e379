import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIO_FIXTURES } from "./decode-test-signal";
import { id3v2TagLength, sniffAudioContainer } from "./sniff-audio-container";

const head = (name: string, bytes = 65536) => new Uint8Array(readFileSync(join(AUDIO_FIXTURES, name))).subarray(0, bytes);

/** MPEG-1 Layer III, 128 kbit/s, 44.1 kHz, no padding: 417-byte frames. */
function mpegFrames(count: number): Uint8Array {
  const out = new Uint8Array(417 * count);
  for (let i = 0; i < count; i++) out.set([0xff, 0xfb, 0x90, 0x64], 417 * i);
  return out;
}

describe("sniffAudioContainer", () => {
  it.each([
    ["tone-s16-44k1.wav", "wav"],
    ["six-channel-8k.wav", "wav"],
    ["streaming-16k.wav", "wav"],
    ["tone-cbr.mp3", "mp3"],
    ["tone-vbr.mp3", "mp3"],
    ["tone.m4a", "m4a"],
    ["tone-faststart.m4a", "m4a"],
    ["tone.aac", "aac"],
    ["tone.flac", "flac"],
    ["tone-vorbis.ogg", "ogg-vorbis"],
    ["tone-opus.ogg", "ogg-opus"],
    ["tone-opus.webm", "webm"],
  ])("recognises %s as %s from its content", (name, container) => {
    expect(sniffAudioContainer(head(name))).toBe(container);
  });

  it("recognises a stream from only its first few hundred bytes", () => {
    expect(sniffAudioContainer(head("tone-opus.ogg", 64))).toBe("ogg-opus");
    expect(sniffAudioContainer(head("tone.flac", 8))).toBe("flac");
  });

  it("rejects text, random bytes, an empty buffer and non-audio", () => {
    expect(sniffAudioContainer(head("text.wav"))).toBeNull();
    expect(sniffAudioContainer(head("random.mp3"))).toBeNull();
    expect(sniffAudioContainer(new Uint8Array(0))).toBeNull();
    expect(sniffAudioContainer(new TextEncoder().encode("%PDF-1.7\n"))).toBeNull();
  });

  it("needs a second MPEG frame header where the first frame ends, not just a sync word", () => {
    expect(sniffAudioContainer(mpegFrames(3))).toBe("mp3");
    const lone = mpegFrames(3);
    lone[417] = 0x00; // break the second header
    expect(sniffAudioContainer(lone)).toBeNull();
  });

  it("needs two following frames when the first sync is not at the very start", () => {
    const junk = new Uint8Array(100 + 417 * 3);
    junk.set(mpegFrames(3), 100);
    expect(sniffAudioContainer(junk)).toBe("mp3");
    junk[100 + 417 * 2] = 0;
    expect(sniffAudioContainer(junk)).toBeNull();
  });

  it("looks past an ID3v2 tag to tell MP3 from raw AAC", () => {
    const adts = head("tone.aac", 4000);
    const tag = new Uint8Array([0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 20, ...new Array(20).fill(0)]);
    const tagged = new Uint8Array(tag.length + adts.length);
    tagged.set(tag);
    tagged.set(adts, tag.length);
    expect(id3v2TagLength(tagged)).toBe(30);
    expect(sniffAudioContainer(tagged)).toBe("aac");
    expect(sniffAudioContainer(tag)).toBe("mp3");
  });

  it("names RIFF files that are not WAVE and Ogg streams of other codecs as unknown", () => {
    const avi = new TextEncoder().encode("RIFF\x00\x00\x00\x00AVI LIST");
    expect(sniffAudioContainer(avi)).toBeNull();
    const opus = head("tone-opus.ogg", 200).slice();
    opus.set(new TextEncoder().encode("Speex   "), 28);
    expect(sniffAudioContainer(opus)).toBeNull();
  });
});
