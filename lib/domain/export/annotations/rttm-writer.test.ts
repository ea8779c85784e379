import { describe, expect, it } from "vitest";
import { rttm } from "./rttm-writer";
import { AWKWARD, OVERLAPPING, SMALL } from "./testing/annotation-fixtures";

describe("rttm", () => {
  it("writes one ten-field SPEAKER line per interval, the emotion as the speaker name, overlaps kept", () => {
    expect(rttm(OVERLAPPING, "human")).toBe(
      [
        "SPEAKER session-7 1 0.100 1.900 <NA> <NA> sad <NA> <NA>",
        "SPEAKER session-7 1 1.000 0.500 <NA> <NA> fearful <NA> <NA>",
        "SPEAKER session-7 1 1.500 1.000 <NA> <NA> neutral <NA> <NA>",
        "SPEAKER session-7 1 2.000 1.000 <NA> <NA> happy <NA> <NA>",
        "SPEAKER session-7 1 4.000 0.500 <NA> <NA> surprised <NA> <NA>",
        "",
      ].join("\n"),
    );
  });

  it("writes the model's labels when asked, and nothing for a source without labels", () => {
    expect(rttm(SMALL, "model")).toBe("SPEAKER interview_03 1 0.000 1.200 <NA> <NA> neutral <NA> <NA>\nSPEAKER interview_03 1 1.200 1.800 <NA> <NA> angry <NA> <NA>\n");
    expect(rttm(OVERLAPPING, "model")).toBe("");
  });

  it("replaces whitespace in the file id and labels so every line keeps ten fields", () => {
    const lines = rttm({ ...AWKWARD, human: [{ start: 0, end: 1, label: "very  sad\tindeed" }] }, "human").trim().split("\n");
    expect(lines).toEqual(['SPEAKER Büro_&_"Küche"_<2> 1 0.000 1.000 <NA> <NA> very_sad_indeed <NA> <NA>']);
    expect(lines[0]!.split(" ")).toHaveLength(10);
  });
});
