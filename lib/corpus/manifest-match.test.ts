import { describe, expect, it } from "vitest";
import { matchManifest } from "./manifest-match";
import { parseManifest } from "./manifest-parse";

const manifest = (...paths: string[]) => parseManifest(["path", ...paths].join("\n"), { fileName: "m.csv" });

describe("matchManifest", () => {
  const files = ["site1/a.wav", "site1/b.wav", "site2/b.wav", "c.wav", "Caf\u00e9.wav"];

  it("matches normalised relative paths: Windows separators, ./ and Unicode composition do not matter", () => {
    const match = matchManifest(manifest("./site1\\a.wav", "site2//b.wav", "Cafe\u0301.wav"), files, { complete: false });
    expect([...match.byFile].map(([file, row]) => [file, row.line])).toEqual([
      ["site1/a.wav", 2],
      ["site2/b.wav", 3],
      ["Caf\u00e9.wav", 4],
    ]);
    expect(match.missingFiles).toEqual([]);
    expect(match.unlistedFiles).toEqual([]);
  });

  it("matches a bare name only when it is unique among the files", () => {
    const match = matchManifest(manifest("a.wav", "b.wav", "site3/a.wav", "C.WAV"), files, { complete: false });
    expect([...match.byFile.keys()]).toEqual(["site1/a.wav"]);
    expect(match.missingFiles).toEqual([
      { line: 3, path: "b.wav" },
      { line: 4, path: "site3/a.wav" },
      { line: 5, path: "C.WAV" },
    ]);
  });

  it("lets an exact path win over a bare name naming the same file, whatever the row order", () => {
    const match = matchManifest(manifest("a.wav", "site1/a.wav"), files, { complete: false });
    expect(match.byFile.get("site1/a.wav")?.line).toBe(3);
    expect(match.conflicts).toEqual([{ line: 2, path: "a.wav", file: "site1/a.wav", claimedByLine: 3 }]);
  });

  it("lists unlisted files only for a manifest declared complete", () => {
    const rows = manifest("c.wav", "site1/b.wav");
    expect(matchManifest(rows, files, { complete: true }).unlistedFiles).toEqual(["site1/a.wav", "site2/b.wav", "Caf\u00e9.wav"]);
    expect(matchManifest(rows, files, { complete: false }).unlistedFiles).toEqual([]);
  });

  it("never matches paths that leave the root", () => {
    const match = matchManifest(manifest("../c.wav", "site1/../c.wav"), files, { complete: false });
    expect(match.byFile.size).toBe(0);
    expect(match.missingFiles).toHaveLength(2);
  });
});
