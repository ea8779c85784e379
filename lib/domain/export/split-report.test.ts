import { describe, expect, it } from "vitest";
import type { ExportSplit, LabelSource } from "./export-item";
import { splitReport, splitReportToCsv, splitReportToMarkdown } from "./split-report";

const item = (split: ExportSplit, label: string, patient: string | null, recordingId: string, labelSource: LabelSource = "human") => ({
  split,
  label,
  patient,
  recordingId,
  labelSource,
});

const ITEMS = [
  item("train", "negative", "P02", "r1"),
  item("train", "positive", "P02", "r1", "model"),
  item("train", "negative", "P01", "r2"),
  item("validation", "neutral", "P03", "r3"),
  item("test", "negative", null, "r4", "model"),
];

describe("splitReport", () => {
  it("counts items, patients, recordings, labels and sources per split and in total", () => {
    const report = splitReport(ITEMS, ["negative", "neutral", "positive"]);
    expect(report.labels).toEqual(["negative", "neutral", "positive"]);
    expect(report.splits.train).toEqual({
      items: 3,
      patients: 2,
      recordings: 2,
      withoutPatient: 0,
      perLabel: { negative: 2, neutral: 0, positive: 1 },
      labelSources: { human: 2, model: 1 },
      perPatient: [
        { patient: "P01", items: 1 },
        { patient: "P02", items: 2 },
      ],
    });
    expect(report.splits.test).toMatchObject({ items: 1, patients: 0, recordings: 1, withoutPatient: 1, perPatient: [] });
    expect(report.totals).toMatchObject({ items: 5, patients: 3, recordings: 4, perLabel: { negative: 3, neutral: 1, positive: 1 } });
    expect(report.labelSources).toEqual({ human: 3, model: 2 });
    expect(report.sharedPatients).toEqual([]);
  });

  it("puts labels missing from the given order after it, sorted, and notices a patient in two splits", () => {
    const report = splitReport([...ITEMS, item("test", "angry", "P01", "r5")], ["positive"]);
    expect(report.labels).toEqual(["positive", "angry", "negative", "neutral"]);
    expect(report.sharedPatients).toEqual(["P01"]);
  });

  it("reports an empty export with zero everywhere", () => {
    const report = splitReport([], ["sad", "happy"]);
    expect(report.splits.validation).toEqual({
      items: 0,
      patients: 0,
      recordings: 0,
      withoutPatient: 0,
      perLabel: { sad: 0, happy: 0 },
      labelSources: { human: 0, model: 0 },
      perPatient: [],
    });
  });
});

describe("splitReportToCsv", () => {
  it("writes one tidy table with a row per split and measure", () => {
    const csv = splitReportToCsv(splitReport(ITEMS, ["negative", "neutral", "positive"]));
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe("split,measure,key,items");
    expect(lines.slice(1, 12)).toEqual([
      "train,items,,3",
      "train,patients,,2",
      "train,recordings,,2",
      "train,label,negative,2",
      "train,label,neutral,0",
      "train,label,positive,1",
      "train,label_source,human,2",
      "train,label_source,model,1",
      "train,patient,P01,1",
      "train,patient,P02,2",
      "validation,items,,1",
    ]);
    expect(lines).toContain("test,patient,,1");
    expect(lines).toContain("all,items,,5");
    expect(csv.endsWith("all,patient,P03,1\r\nall,patient,,1\r\n")).toBe(true);
  });
});

describe("splitReportToMarkdown", () => {
  it("renders the per-split label table", () => {
    expect(splitReportToMarkdown(splitReport(ITEMS, ["negative", "neutral", "positive"]))).toBe(
      [
        "| Split | Items | Patients | Recordings | negative | neutral | positive |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
        "| train | 3 | 2 | 2 | 2 | 0 | 1 |",
        "| validation | 1 | 1 | 1 | 0 | 1 | 0 |",
        "| test | 1 | 0 | 1 | 1 | 0 | 0 |",
        "| all | 5 | 3 | 4 | 3 | 1 | 1 |",
        "",
      ].join("\n"),
    );
  });
});
