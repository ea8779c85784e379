import { describe, expect, it } from "vitest";
import { AnnotationParseError } from "./annotation-parse-error";
import { AWKWARD, OVERLAPPING, SMALL } from "./testing/annotation-fixtures";
import { PRAAT_LONG, PRAAT_SHORT } from "./testing/praat-textgrids";
import { parseTextGrid } from "./textgrid-parser";
import { textGrid } from "./textgrid-writer";

const PRAAT_GRID = {
  xmin: 0,
  xmax: 2.5,
  tiers: [
    {
      name: "words",
      kind: "interval",
      intervals: [
        { start: 0, end: 0.75, label: "" },
        { start: 0.75, end: 1.6, label: "Angry" },
        { start: 1.6, end: 2.5, label: 'he said "no"' },
      ],
    },
    { name: "beats", kind: "point", intervals: [{ start: 1.25, end: 1.25, label: "peak" }] },
  ],
};

function errorOf(run: () => unknown): AnnotationParseError {
  try {
    run();
  } catch (error) {
    if (error instanceof AnnotationParseError) return error;
    throw error;
  }
  throw new Error("expected an AnnotationParseError");
}

describe("parseTextGrid", () => {
  it("reads Praat's long and short text formats, interval and point tiers", () => {
    expect(parseTextGrid(PRAAT_LONG, "words.TextGrid")).toEqual(PRAAT_GRID);
    expect(parseTextGrid(PRAAT_SHORT, "words.TextGrid")).toEqual(PRAAT_GRID);
  });

  it("reads back what textGrid wrote", () => {
    const grid = parseTextGrid(textGrid(SMALL), "small.TextGrid");
    expect(grid.xmax).toBe(3);
    expect(grid.tiers.map((tier) => tier.name)).toEqual(["human", "model"]);
    expect(grid.tiers[1]!.intervals).toEqual(SMALL.model);
    expect(grid.tiers[0]!.intervals.filter((interval) => interval.label !== "")).toEqual(SMALL.human);

    const overlapping = parseTextGrid(textGrid(OVERLAPPING), "overlap.TextGrid");
    expect(overlapping.tiers.map((tier) => tier.name)).toEqual(["human", "human 2"]);
    const awkward = parseTextGrid(textGrid(AWKWARD), "awkward.TextGrid");
    expect(awkward.tiers[0]!.intervals.map((interval) => interval.label)).toEqual(['say "hi" & <bye>', "生气/angry"]);
  });

  it("accepts CRLF line ends, a byte-order mark, '!' comments, multi-line labels and tiers <absent>", () => {
    const text = `\uFEFF${PRAAT_SHORT.replace('"Angry"', '"Angry\nand loud" ! a comment').replaceAll("\n", "\r\n")}`;
    expect(parseTextGrid(text, "crlf.TextGrid").tiers[0]!.intervals[1]!.label).toBe("Angry\r\nand loud");
    expect(parseTextGrid('File type = "ooTextFile"\nObject class = "TextGrid"\n\nxmin = 0\nxmax = 1\ntiers? <absent>\n', "none.TextGrid")).toEqual({ xmin: 0, xmax: 1, tiers: [] });
  });

  it("names the file and line of a value under the wrong key in the long format", () => {
    const broken = PRAAT_LONG.replace("            xmax = 1.6 ", "            xmix = 1.6 ");
    const error = errorOf(() => parseTextGrid(broken, "words.TextGrid"));
    expect(error.code).toBe("TEXTGRID_INVALID");
    expect(error.message).toBe('cannot read words.TextGrid: line 21: expected "xmax =" before the xmax of interval 2 in tier 1 ("words"), found "xmix ="');
  });

  it("refuses a word where a short-format value should be, and a value of the wrong kind", () => {
    expect(errorOf(() => parseTextGrid(PRAAT_SHORT.replace("\n1.6\n", "\nabc 1.6\n"), "s.TextGrid")).message).toMatch(/^cannot read s\.TextGrid: line 17: unexpected word "abc"/);
    expect(errorOf(() => parseTextGrid(PRAAT_SHORT.replace('"Angry"', "7"), "s.TextGrid")).message).toBe(
      'cannot read s.TextGrid: line 18: expected the text of interval 2 in tier 1 ("words") (a quoted string), found the number 7',
    );
  });

  it("refuses truncated files, unterminated strings, extra content and counts that are not whole numbers", () => {
    expect(errorOf(() => parseTextGrid(PRAAT_SHORT.slice(0, PRAAT_SHORT.indexOf('"he said')), "t.TextGrid")).message).toBe(
      'cannot read t.TextGrid: line 20: the file ends where the text of interval 3 in tier 1 ("words") should be',
    );
    expect(errorOf(() => parseTextGrid(PRAAT_SHORT.replace('"peak"', '"peak'), "u.TextGrid")).message).toMatch(/line 28: a string that starts here never ends/);
    expect(errorOf(() => parseTextGrid(`${PRAAT_SHORT}"extra"\n`, "x.TextGrid")).message).toBe('cannot read x.TextGrid: line 29: found the string "extra" after the last of 2 tiers, where the file should end');
    expect(errorOf(() => parseTextGrid(PRAAT_SHORT.replace("\n3\n", "\n2.5\n"), "c.TextGrid")).message).toMatch(/line 12: the number of intervals in tier 1 \("words"\) is 2\.5, not a whole number/);
  });

  it("refuses intervals that end before they start", () => {
    expect(errorOf(() => parseTextGrid(PRAAT_SHORT.replace("0\n0.75\n", "0.9\n0.75\n"), "b.TextGrid")).message).toMatch(/line 14: interval 1 in tier 1 \("words"\) ends \(0\.75\) before it starts \(0\.9\)/);
  });

  it("refuses other Praat objects, binary files and files that are not Praat's", () => {
    expect(errorOf(() => parseTextGrid(PRAAT_SHORT.replace('"TextGrid"', '"Sound"'), "s.TextGrid")).message).toBe("cannot read s.TextGrid: line 2: it holds a Praat Sound, not a TextGrid");
    expect(errorOf(() => parseTextGrid("ooBinaryFile\u0008TextGrid", "b.TextGrid")).message).toMatch(/binary Praat file; in Praat, open it and use Save as text file/);
    expect(errorOf(() => parseTextGrid("WEBVTT\n\n00:01.000 --> 00:02.000\nhi\n", "v.TextGrid")).code).toBe("TEXTGRID_INVALID");
  });

  it("refuses UTF-16 text that was read as UTF-8 and says how to decode it", () => {
    const asUtf8 = String.fromCharCode(0xfffd, 0xfffd) + [..."File type"].map((char) => `\u0000${char}`).join("");
    const error = errorOf(() => parseTextGrid(asUtf8, "praat-utf16.TextGrid"));
    expect(error.code).toBe("TEXT_ENCODING");
    expect(error.message).toMatch(/praat-utf16\.TextGrid: it is UTF-16 text .* decodeAnnotationFile/);
  });
});
