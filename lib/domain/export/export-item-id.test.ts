import { describe, expect, it } from "vitest";
import { clipPath, exportItemId } from "./export-item-id";

const RECORDING = "0B0E7C4E-5A4F-4B8E-9F1A-2D3C4B5A6F70";
const REGION = "99999999-8888-4777-8666-555555555555";

describe("exportItemId", () => {
  it("joins the whole ids without dashes, in lower case", () => {
    expect(exportItemId(RECORDING, null)).toBe("0b0e7c4e5a4f4b8e9f1a2d3c4b5a6f70");
    expect(exportItemId(RECORDING, REGION)).toBe("0b0e7c4e5a4f4b8e9f1a2d3c4b5a6f70_99999999888847778666555555555555");
    expect(exportItemId(RECORDING.toLowerCase(), REGION)).toBe(exportItemId(RECORDING, REGION));
  });

  it("refuses ids that are not UUIDs, naming them", () => {
    expect(() => exportItemId("../etc/passwd", null)).toThrow("recording id '../etc/passwd' is not a UUID");
    expect(() => exportItemId(RECORDING, "r1")).toThrow("region id 'r1' is not a UUID");
  });
});

describe("clipPath", () => {
  it("puts clips in split folders or in one folder", () => {
    const id = exportItemId(RECORDING, REGION);
    expect(clipPath("validation", id, "audiofolder")).toBe(`audio/validation/${id}.wav`);
    expect(clipPath("train", id, "flat")).toBe(`audio/${id}.wav`);
  });

  it("refuses an id that would escape its folder", () => {
    expect(() => clipPath("train", "../x", "flat")).toThrow("export item id '../x' cannot be a file name");
  });
});
