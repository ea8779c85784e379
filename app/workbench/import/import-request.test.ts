import { describe, expect, it } from "vitest";
import { INITIAL_IMPORT_OPTIONS, toImportRequest } from "./import-request";

describe("toImportRequest", () => {
  it("trims names and leaves out an empty manifest path", () => {
    const options = { ...INITIAL_IMPORT_OPTIONS, corpusName: "  Pilot  ", manifestPath: "  " };
    expect(toImportRequest(options, { kind: "path", path: "/data/pilot" })).toEqual({
      corpusName: "Pilot",
      source: { kind: "path", path: "/data/pilot" },
      manifestComplete: false,
      channelMode: "mix",
    });
  });

  it("passes the manifest options and the channel mode", () => {
    const uploadId = "0b5f7c1e-2a3d-4e5f-8a9b-0c1d2e3f4a5b";
    expect(
      toImportRequest(
        { corpusName: "Pilot", manifestPath: " manifest.csv ", manifestComplete: true, splitChannels: true },
        { kind: "upload", uploadId },
      ),
    ).toEqual({
      corpusName: "Pilot",
      source: { kind: "upload", uploadId },
      manifestPath: "manifest.csv",
      manifestComplete: true,
      channelMode: "split",
    });
  });
});
