import { describe, expect, it } from "vitest";
import { mergePicked, pickedFromInput, totalBytes, uploadPaths, type PickedFile } from "./picked-files";

const file = (name: string, size = 1) => new File([new Uint8Array(size)], name);
const picked = (relativePath: string, size = 1): PickedFile => ({ file: file(relativePath.split("/").pop()!, size), relativePath });

describe("picked files", () => {
  it("uses the name of a loose file as its path", () => {
    expect(pickedFromInput([file("a.wav")]).map((entry) => entry.relativePath)).toEqual(["a.wav"]);
  });

  it("keeps the first file of a path when the same path is picked again", () => {
    const first = picked("x/a.wav", 1);
    const merged = mergePicked([first], [picked("x/a.wav", 2), picked("x/b.wav")]);
    expect(merged.map((entry) => entry.relativePath)).toEqual(["x/a.wav", "x/b.wav"]);
    expect(merged[0]).toBe(first);
  });

  it("makes a single dropped folder the upload itself", () => {
    expect(uploadPaths([picked("study/manifest.csv"), picked("study/P01/a.wav")])).toEqual(["manifest.csv", "P01/a.wav"]);
    expect(uploadPaths([picked("/study/a.wav")])).toEqual(["a.wav"]);
  });

  it("keeps folder names when files come from several places", () => {
    expect(uploadPaths([picked("one/a.wav"), picked("two/a.wav")])).toEqual(["one/a.wav", "two/a.wav"]);
    expect(uploadPaths([picked("one/a.wav"), picked("b.wav")])).toEqual(["one/a.wav", "b.wav"]);
    expect(uploadPaths([picked("a.wav")])).toEqual(["a.wav"]);
  });

  it("adds up sizes", () => {
    expect(totalBytes([picked("a", 3), picked("b", 4)])).toBe(7);
  });
});
