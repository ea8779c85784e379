import { describe, expect, it } from "vitest";
import { countOutcomes, importReportToCsv, summariseImport, type ImportReportEntry } from "./import-report";

const entries: ImportReportEntry[] = [
  { path: "a.wav", outcome: "imported", recordingIds: ["r1"], durationSeconds: 3 },
  { path: "b.wav", outcome: "duplicate", code: "DUPLICATE_CONTENT", reason: "same audio", recordingIds: ["r1"] },
  { path: "c.mp3", outcome: "imported-with-warnings", code: "AUDIO_TRUNCATED", reason: "stream ends at 0.5 s of 1.0 s" },
  { path: "notes, \"final\".wav", outcome: "failed", code: "AUDIO_NOT_AUDIO", reason: "not audio:\nit is text" },
  { path: "=HYPERLINK(\"x\").wav", outcome: "failed", code: "AUDIO_EMPTY", reason: "-zero length" },
  { path: "manifest.csv:4", outcome: "problem", code: "MANIFEST_ROW_INVALID", reason: "line 4, column phq9: 'abc' is not a number" },
];

describe("import report", () => {
  it("counts each outcome", () => {
    expect(countOutcomes(entries)).toEqual({ imported: 1, duplicates: 1, warnings: 1, failed: 2, problems: 1, skipped: 0 });
    expect(summariseImport({ counts: countOutcomes(entries) })).toBe(
      "2 imported (1 with warnings), 1 duplicate, 2 failed, 1 other problem",
    );
  });

  it("writes RFC 4180 CSV that spreadsheets cannot run as formulas", () => {
    const lines = importReportToCsv({ entries }).split("\r\n");
    expect(lines[0]).toBe("path,outcome,code,reason,recording_ids,duration_seconds");
    expect(lines[1]).toBe("a.wav,imported,,,r1,3.000");
    // A line break inside a quoted cell is data, not a record separator (\r\n).
    expect(lines[4]).toBe('"notes, ""final"".wav",failed,AUDIO_NOT_AUDIO,"not audio:\nit is text",,');
    expect(lines[5]).toBe(`"'=HYPERLINK(""x"").wav",failed,AUDIO_EMPTY,'-zero length,,`);
    expect(lines.at(-1)).toBe("");
  });
});
