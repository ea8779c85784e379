/* eslint-disable no-restricted-imports -- this test hands the pure writers' output to Praat and python3, which read files; nothing but tests here touches the file system. */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { decodeAnnotationFile } from "./annotation-file-text";
import { eaf } from "./eaf-writer";
import { AWKWARD, OVERLAPPING, SMALL } from "./testing/annotation-fixtures";
import { parseTextGrid } from "./textgrid-parser";
import { textGrid } from "./textgrid-writer";
import type { RecordingAnnotations } from "../export-item";

/**
 * The tools themselves read our files: Debian's Praat (headless, `praat
 * --run`) opens each TextGrid, reports what it found and saves it again, and
 * python3's xml.etree checks each EAF against the schema's rules. Each part
 * is skipped where its program is missing (CI installs both).
 */

const PRAAT = "/usr/bin/praat";
const PYTHON = "/usr/bin/python3";
const SUMMARY_SCRIPT = fileURLToPath(new URL("./testing/textgrid-summary.praat", import.meta.url));
const EAF_CHECK = fileURLToPath(new URL("./testing/check-eaf.py", import.meta.url));

const folder = mkdtempSync(join(tmpdir(), "annotation-tools-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Writes our TextGrid, lets Praat read and re-save it; returns Praat's report and its two copies as bytes. */
function throughPraat(name: string, annotations: RecordingAnnotations): { ours: string; report: string; long: Uint8Array; short: Uint8Array } {
  const ours = textGrid(annotations);
  const paths = ["in", "long", "short"].map((kind) => join(folder, `${name}-${kind}.TextGrid`));
  writeFileSync(paths[0]!, ours);
  const report = execFileSync(PRAAT, ["--run", SUMMARY_SCRIPT, ...paths], { encoding: "utf8", timeout: 30_000 });
  return { ours, report, long: readFileSync(paths[1]!), short: readFileSync(paths[2]!) };
}

describe("Praat reads our TextGrids", () => {
  it.skipIf(!existsSync(PRAAT))("finds the tiers and labels we wrote and saves the very same bytes again (skipped without /usr/bin/praat: apt-get install praat)", () => {
    const { ours, report, long, short } = throughPraat("small", SMALL);
    expect(report).toBe(
      [
        "duration 3.000000",
        "tiers 2",
        'tier 1 "human" 3 intervals',
        "  0.500000 1.250000 angry",
        'tier 2 "model" 2 intervals',
        // Praat's fixed$ writes zero as "0".
        "  0 1.200000 neutral",
        "  1.200000 3.000000 angry",
        "",
      ].join("\n"),
    );
    expect(Buffer.from(long).toString("utf8")).toBe(ours);
    expect(parseTextGrid(decodeAnnotationFile(short, "short.TextGrid"), "short.TextGrid")).toEqual(parseTextGrid(ours, "ours.TextGrid"));
  });

  it.skipIf(!existsSync(PRAAT))("reads the overlap tiers (skipped without /usr/bin/praat)", () => {
    const { ours, report, long } = throughPraat("overlap", OVERLAPPING);
    expect(report).toContain('tier 1 "human" 5 intervals\n');
    expect(report).toContain('tier 2 "human 2" 4 intervals\n  1.000000 1.500000 fearful\n  1.500000 2.500000 neutral\n');
    expect(Buffer.from(long).toString("utf8")).toBe(ours);
  });

  it.skipIf(!existsSync(PRAAT))("reads escaped quotes and non-ASCII labels, which it saves as UTF-16 that we decode (skipped without /usr/bin/praat)", () => {
    const { ours, report, long, short } = throughPraat("awkward", AWKWARD);
    expect(report).toContain('  0 1.000000 say "hi" & <bye>\n  1.000000 2.000000 生气/angry\n');
    expect([long[0], long[1]]).toEqual([0xfe, 0xff]);
    expect(decodeAnnotationFile(long, "long.TextGrid")).toBe(ours);
    expect(parseTextGrid(decodeAnnotationFile(short, "short.TextGrid"), "short.TextGrid")).toEqual(parseTextGrid(ours, "ours.TextGrid"));
  });
});

describe("python3's XML parser reads our EAFs", () => {
  function check(annotations: RecordingAnnotations, labels: readonly string[]): unknown {
    const path = join(folder, `${annotations.recordingId}.eaf`);
    writeFileSync(path, eaf(annotations, labels, { audioFileName: annotations.recordingName, date: "2024-05-01T09:30:00Z" }));
    return JSON.parse(execFileSync(PYTHON, [EAF_CHECK, path], { encoding: "utf8", timeout: 30_000 }));
  }

  it.skipIf(!existsSync(PYTHON))("finds schema-conforming structure, time slots in ms and the controlled vocabulary (skipped without /usr/bin/python3)", () => {
    expect(check(SMALL, ["angry", "neutral", "sad"])).toEqual({
      date: "2024-05-01T09:30:00Z",
      media: [{ mime: "audio/x-wav", relative: "./interview%2003.wav", url: "./interview%2003.wav" }],
      slots: 6,
      vocabulary: [{ "cve-1": "angry", "cve-2": "neutral", "cve-3": "sad" }],
      tiers: {
        human: { annotator: null, annotations: [[500, 1250, "angry", "cve-1"]] },
        model: {
          annotator: "emotion2vec_plus_base 1.0",
          annotations: [
            [0, 1200, "neutral", "cve-2"],
            [1200, 3000, "angry", "cve-1"],
          ],
        },
      },
    });
  });

  it.skipIf(!existsSync(PYTHON))("reads overlap tiers and escaped text (skipped without /usr/bin/python3)", () => {
    const overlapping = check(OVERLAPPING, ["fearful", "happy", "neutral", "sad", "surprised"]) as { tiers: Record<string, { annotations: unknown[][] }> };
    expect(Object.keys(overlapping.tiers)).toEqual(["human", "human 2"]);
    expect(overlapping.tiers["human 2"]!.annotations).toEqual([
      [1000, 1500, "fearful", "cve-1"],
      [1500, 2500, "neutral", "cve-3"],
    ]);
    const awkward = check(AWKWARD, ['say "hi" & <bye>', "生气/angry", "it's"]) as { tiers: Record<string, { annotator: string; annotations: unknown[][] }> };
    expect(awkward.tiers.human!.annotations.map((annotation) => annotation[2])).toEqual(['say "hi" & <bye>', "生气/angry"]);
    expect(awkward.tiers.model!.annotator).toBe('model "x" & <y>');
  });
});
