import { describe, expect, it } from "vitest";
import { ImportUsageError, parseImportArguments } from "./import-arguments";

describe("parseImportArguments", () => {
  it("names the corpus after the folder and resolves paths against the invocation directory", () => {
    expect(parseImportArguments(["clinic/2024"], "/data")).toEqual({
      request: { corpusName: "2024", source: { kind: "path", path: "/data/clinic/2024" }, manifestComplete: false, channelMode: "mix" },
    });
  });

  it("reads the corpus, workspace, manifest, channels and report options", () => {
    const command = parseImportArguments(
      ["sessions", "--corpus", "Clinic 2024", "--workspace", "Mood lab", "--manifest", "m.csv", "--manifest-complete", "--split-channels", "--report", "r.csv"],
      "/data",
    );
    expect(command).toEqual({
      request: {
        corpusName: "Clinic 2024",
        workspace: "Mood lab",
        source: { kind: "path", path: "/data/sessions" },
        manifestPath: "/data/m.csv",
        manifestComplete: true,
        channelMode: "split",
      },
      reportPath: "/data/r.csv",
    });
  });

  it("asks for exactly one source, and for help", () => {
    expect(() => parseImportArguments([], "/data")).toThrow(ImportUsageError);
    expect(() => parseImportArguments(["a", "b"], "/data")).toThrow("Name exactly one folder or file.");
    expect(parseImportArguments(["--help"], "/data")).toBe("help");
  });
});
