import { describe, expect, it } from "vitest";
import type { RecordingAnnotations } from "../export-item";
import { AnnotationExportError } from "./annotation-export-error";
import { AWKWARD, OVERLAPPING, SMALL } from "./testing/annotation-fixtures";
import { textGrid } from "./textgrid-writer";

const SMALL_TEXTGRID = `File type = "ooTextFile"
Object class = "TextGrid"

xmin = 0 
xmax = 3 
tiers? <exists> 
size = 2 
item []: 
    item [1]:
        class = "IntervalTier" 
        name = "human" 
        xmin = 0 
        xmax = 3 
        intervals: size = 3 
        intervals [1]:
            xmin = 0 
            xmax = 0.5 
            text = "" 
        intervals [2]:
            xmin = 0.5 
            xmax = 1.25 
            text = "angry" 
        intervals [3]:
            xmin = 1.25 
            xmax = 3 
            text = "" 
    item [2]:
        class = "IntervalTier" 
        name = "model" 
        xmin = 0 
        xmax = 3 
        intervals: size = 2 
        intervals [1]:
            xmin = 0 
            xmax = 1.2 
            text = "neutral" 
        intervals [2]:
            xmin = 1.2 
            xmax = 3 
            text = "angry" 
`;

/** The tier names and (start, end, text) triples of a TextGrid we wrote, read with a regex so the test does not lean on our parser. */
function tiersOf(text: string): Record<string, string[]> {
  const tiers: Record<string, string[]> = {};
  for (const block of text.split(/\n {4}item \[\d+\]:\n/).slice(1)) {
    const name = /name = "(.*)" /.exec(block)![1]!;
    tiers[name] = [...block.matchAll(/xmin = (\S+) \n\s+xmax = (\S+) \n\s+text = "((?:[^"]|"")*)" /g)].map((m) => `${m[1]}-${m[2]} ${m[3]}`);
  }
  return tiers;
}

describe("textGrid", () => {
  it("writes the long text format Praat writes, with gaps as empty intervals", () => {
    expect(textGrid(SMALL)).toBe(SMALL_TEXTGRID);
  });

  it("spreads overlapping human labels over tiers 'human', 'human 2', clamps to the duration and leaves out the model tier without a model", () => {
    expect(tiersOf(textGrid(OVERLAPPING))).toEqual({
      human: ["0-0.1 ", "0.1-2 sad", "2-3 happy", "3-4 ", "4-4.5 surprised"],
      "human 2": ["0-1 ", "1-1.5 fearful", "1.5-2.5 neutral", "2.5-4.5 "],
    });
  });

  it("doubles quotes in labels and keeps non-ASCII text as it is", () => {
    const text = textGrid(AWKWARD);
    expect(text).toContain('text = "say ""hi"" & <bye>" ');
    expect(text).toContain('text = "生气/angry" ');
    expect(text).toContain('text = "it\'s" ');
  });

  it("gives the same bytes for the same labels in any order", () => {
    const shuffled: RecordingAnnotations = { ...OVERLAPPING, human: [...OVERLAPPING.human].reverse() };
    expect(textGrid(shuffled)).toBe(textGrid(OVERLAPPING));
    expect(textGrid(SMALL)).toBe(textGrid({ ...SMALL }));
  });

  it("writes an empty human tier as one empty interval", () => {
    expect(tiersOf(textGrid({ ...SMALL, human: [], model: [], modelName: null }))).toEqual({ human: ["0-3 "] });
  });

  it("rounds to microseconds and prints tiny times as Praat does (5e-05)", () => {
    const tiers = tiersOf(textGrid({ ...SMALL, human: [{ start: 0.00005, end: 0.1 + 0.2, label: "sad" }], modelName: null, model: [] }));
    expect(tiers.human).toEqual(["0-5e-05 ", "5e-05-0.3 sad", "0.3-3 "]);
  });

  it("refuses a recording without a positive duration, a backwards interval and an empty label", () => {
    expect(() => textGrid({ ...SMALL, durationSeconds: 0 })).toThrow(AnnotationExportError);
    expect(() => textGrid({ ...SMALL, human: [{ start: 2, end: 1, label: "sad" }] })).toThrow(/interview 03\.wav: human interval 1 ends \(1 s\) before it starts \(2 s\)/);
    expect(() => textGrid({ ...SMALL, model: [{ start: 0, end: 1, label: " " }] })).toThrow(/model interval 1 .* has an empty label/);
  });
});
