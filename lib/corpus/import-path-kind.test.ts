import { describe, expect, it } from "vitest";
import { classifyImportFile } from "./import-path-kind";

describe("classifyImportFile", () => {
  it.each([
    ["session/a.WAV", "audio-candidate"],
    ["a.wave", "audio-candidate"],
    ["b.m4a", "audio-candidate"],
    ["c.opus", "audio-candidate"],
    ["d.weba", "audio-candidate"],
    ["manifest.CSV", "manifest"],
    ["meta.tsv", "manifest"],
    ["meta.ndjson", "manifest"],
    ["notes.txt", "ignored"],
    ["result.json", "ignored"],
    ["embedding.npy", "ignored"],
    ["scan.PDF", "ignored"],
    ["interview.TextGrid", "ignored"],
    ["REC0001", "unknown"],
    ["take.aiff", "unknown"],
    [".wav", "unknown"],
    ["dir.d\\REC0001", "unknown"],
    ["dir.wav/REC0001", "unknown"],
  ])("%s is %s", (relativePath, kind) => {
    expect(classifyImportFile(relativePath)).toBe(kind);
  });
});
