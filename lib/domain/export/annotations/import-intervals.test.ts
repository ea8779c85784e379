import { describe, expect, it } from "vitest";
import { parseEaf } from "./eaf-parser";
import { eaf } from "./eaf-writer";
import { eafImportTiers, importIntervals, labelStudioImportTiers, textGridImportTiers, type ImportTier } from "./import-intervals";
import { parseLabelStudio } from "./label-studio-parser";
import { labelStudioTasks } from "./label-studio-writer";
import { OVERLAPPING } from "./testing/annotation-fixtures";
import { ELAN_DOCUMENT } from "./testing/elan-documents";
import { PRAAT_SHORT } from "./testing/praat-textgrids";
import { parseTextGrid } from "./textgrid-parser";
import { textGrid } from "./textgrid-writer";

const TIERS: ImportTier[] = [
  {
    name: "Emotion",
    kind: "interval",
    intervals: [
      { start: 0, end: 1, label: "" },
      { start: 1, end: 2, label: " Angry " },
      { start: 2, end: 3, label: "生气/angry" },
      { start: 3, end: 4, label: "frustrated" },
      { start: 4, end: 5, label: "laugh" },
      { start: 5, end: 6, label: "frustrated" },
      { start: 6, end: 6, label: "sad" },
      { start: 7, end: 8, label: "<unk>" },
    ],
  },
  { name: "Other", kind: "interval", intervals: [{ start: 0.5, end: 1.5, label: "Sad" }] },
  { name: "beats", kind: "point", intervals: [{ start: 1, end: 1, label: "x" }] },
];

describe("importIntervals", () => {
  it("resolves labels through the mapping, then the canonical spellings, and reports the rest", () => {
    const result = importIntervals(TIERS, { fileName: "a.TextGrid", tierNames: ["Emotion"], mapping: { frustrated: "angry", laugh: null } });
    expect(result.intervals.map(({ start, label, sourceLabel }) => [start, label, sourceLabel])).toEqual([
      [1, "angry", " Angry "],
      [2, "angry", "生气/angry"],
      [3, "angry", "frustrated"],
      [5, "angry", "frustrated"],
      [7, "unknown", "<unk>"],
    ]);
    expect(result.ignoredLabels).toEqual(["laugh"]);
    expect(result.unknownLabels).toEqual([]);
    expect(result.emptyIntervals).toBe(1);
  });

  it("reports labels it cannot resolve instead of dropping them quietly, and merges several tiers by time", () => {
    const result = importIntervals(TIERS, { fileName: "a.TextGrid", tierNames: ["Emotion", "Other"] });
    expect(result.unknownLabels).toEqual(["frustrated", "laugh"]);
    expect(result.intervals.map(({ start, tier, label }) => [start, tier, label])).toEqual([
      [0.5, "Other", "sad"],
      [1, "Emotion", "angry"],
      [2, "Emotion", "angry"],
      [7, "Emotion", "unknown"],
    ]);
  });

  it("refuses a tier the file lacks, listing those it has, and a point tier", () => {
    expect(() => importIntervals(TIERS, { fileName: "a.TextGrid", tierNames: ["human"] })).toThrow(
      'cannot import a.TextGrid: it has no tier "human"; its tiers are "Emotion", "Other", "beats"',
    );
    expect(() => importIntervals(TIERS, { fileName: "a.TextGrid", tierNames: ["beats"] })).toThrow(/tier "beats" is a point tier/);
  });

  it("brings back our own exports: human tiers of a TextGrid and an EAF, the annotation of a Label Studio task", () => {
    const expected = OVERLAPPING.human.map(({ start, label }) => [start, label]).slice(0, 4).concat([[4, "surprised"]]);
    const choice = { fileName: "session-7", tierNames: ["human", "human 2"] };
    const fromTextGrid = importIntervals(textGridImportTiers(parseTextGrid(textGrid(OVERLAPPING), "s.TextGrid")), choice);
    const fromEaf = importIntervals(eafImportTiers(parseEaf(eaf(OVERLAPPING, ["fearful", "happy", "neutral", "sad", "surprised"], { audioFileName: "s.m4a" }), "s.eaf")), choice);
    const task = parseLabelStudio(JSON.parse(labelStudioTasks([{ annotations: OVERLAPPING, audioUrl: "s.m4a" }])), "s.json").tasks[0]!;
    const fromLabelStudio = importIntervals(labelStudioImportTiers(task), { fileName: "s.json", tierNames: ["annotation 1"] });
    for (const result of [fromTextGrid, fromEaf, fromLabelStudio]) {
      expect(result.intervals.map(({ start, label }) => [start, label])).toEqual(expected);
      expect(result.unknownLabels).toEqual([]);
    }
  });

  it("reads other tools' files: a Praat TextGrid and an ELAN document", () => {
    const praat = importIntervals(textGridImportTiers(parseTextGrid(PRAAT_SHORT, "words.TextGrid")), { fileName: "words.TextGrid", tierNames: ["words"] });
    expect(praat.intervals.map(({ start, end, label }) => [start, end, label])).toEqual([[0.75, 1.6, "angry"]]);
    expect(praat.unknownLabels).toEqual(['he said "no"']);
    const elan = importIntervals(eafImportTiers(parseEaf(ELAN_DOCUMENT, "interview.eaf")), { fileName: "interview.eaf", tierNames: ["Emotion"], mapping: { "Sad & tired": "sad" } });
    expect(elan.intervals.map(({ start, end, label }) => [start, end, label])).toEqual([
      [0.25, 1.4, "angry"],
      [1.4, 3.05, "sad"],
    ]);
  });
});

describe("labelStudioImportTiers", () => {
  it("makes a tier per annotation and per prediction, one interval per label of a region", () => {
    const tiers = labelStudioImportTiers({
      id: 1,
      audio: "a.wav",
      recordingId: null,
      regions: [
        { start: 0, end: 1, labels: ["sad", "neutral"], annotation: 0 },
        { start: 2, end: 3, labels: ["happy"], annotation: 1 },
      ],
      predictions: [{ modelVersion: "v1", regions: [{ start: 0, end: 3, labels: ["neutral"] }] }],
    });
    expect(tiers.map((tier) => [tier.name, tier.intervals.map((interval) => interval.label).join(",")])).toEqual([
      ["annotation 1", "sad,neutral"],
      ["annotation 2", "happy"],
      ["prediction 1", "neutral"],
    ]);
  });
});
