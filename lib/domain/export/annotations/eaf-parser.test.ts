import { describe, expect, it } from "vitest";
import { AnnotationParseError } from "./annotation-parse-error";
import { parseEaf } from "./eaf-parser";
import { eaf } from "./eaf-writer";
import { OVERLAPPING, SMALL } from "./testing/annotation-fixtures";
import { ELAN_DOCUMENT } from "./testing/elan-documents";

function messageOf(xml: string): string {
  try {
    parseEaf(xml, "broken.eaf");
  } catch (error) {
    if (error instanceof AnnotationParseError && error.code === "EAF_INVALID") return error.message;
    throw error;
  }
  throw new Error("expected an EAF_INVALID error");
}

describe("parseEaf", () => {
  it("reads back what eaf wrote", () => {
    const parsed = parseEaf(eaf(SMALL, ["angry", "neutral"], { audioFileName: "interview 03.wav" }), "small.eaf");
    expect(parsed.mediaUrls).toEqual(["./interview%2003.wav"]);
    expect(parsed.tiers).toEqual([
      { id: "human", parentId: null, annotator: null, linguisticType: "emotion", annotations: [{ start: 0.5, end: 1.25, value: "angry" }] },
      { id: "model", parentId: null, annotator: "emotion2vec_plus_base 1.0", linguisticType: "emotion", annotations: SMALL.model.map(({ start, end, label }) => ({ start, end, value: label })) },
    ]);
    const overlapping = parseEaf(eaf(OVERLAPPING, ["fearful", "happy", "neutral", "sad", "surprised"], { audioFileName: "s.m4a" }), "s.eaf");
    expect(overlapping.tiers.flatMap((tier) => tier.annotations)).toHaveLength(5);
  });

  it("reads an ELAN-shaped file: unaligned slots, reference annotations, entities, CDATA, comments", () => {
    const parsed = parseEaf(ELAN_DOCUMENT, "interview.eaf");
    expect(parsed.mediaUrls).toEqual(["../corpus/interview%2003.wav"]);
    expect(parsed.tiers.map((tier) => [tier.id, tier.parentId, tier.annotator, tier.linguisticType])).toEqual([
      ["Emotion", null, "J. Doe", "default-lt"],
      ["Note", "Emotion", null, "note-lt"],
      ["Words", "Emotion", null, "words-lt"],
      ["Empty", null, null, "default-lt"],
    ]);
    expect(parsed.tiers[0]!.annotations).toEqual([
      { start: 0.25, end: 1.4, value: "Angry" },
      { start: 1.4, end: 3.05, value: "Sad & tired" },
    ]);
    expect(parsed.tiers[1]!.annotations).toEqual([
      { start: 0.25, end: 1.4, value: "raised voice <loud>" },
      { start: 0.25, end: 1.4, value: "\u201Cquoted\u201D" },
    ]);
    // ts6 has no TIME_VALUE: halfway between ts5 (250 ms) and ts7 (1400 ms) in TIME_ORDER.
    expect(parsed.tiers[2]!.annotations).toEqual([
      { start: 0.25, end: 0.825, value: "I" },
      { start: 0.825, end: 1.4, value: "said" },
    ]);
    expect(parsed.tiers[3]!.annotations).toEqual([]);
  });

  it("names the line of malformed XML", () => {
    expect(messageOf('<ANNOTATION_DOCUMENT>\n  <TIME_ORDER>\n  </TIME_ORDR>\n</ANNOTATION_DOCUMENT>')).toBe(
      "cannot read broken.eaf: line 3: </TIME_ORDR> closes <TIME_ORDER> (opened on line 2)",
    );
    expect(messageOf("<ANNOTATION_DOCUMENT>\n<TIME_ORDER/>\n")).toBe("cannot read broken.eaf: line 3: the file ends inside <ANNOTATION_DOCUMENT> (opened on line 1)");
    expect(messageOf('<ANNOTATION_DOCUMENT A="1" A="2"/>')).toMatch(/line 1: <ANNOTATION_DOCUMENT> has attribute A twice/);
    expect(messageOf("<ANNOTATION_DOCUMENT>\n<TIME_ORDER/>\nfish &chips;\n</ANNOTATION_DOCUMENT>")).toBe("cannot read broken.eaf: line 3: unknown entity &chips;");
    expect(messageOf("<ANNOTATION_DOCUMENT>\nA & B\n</ANNOTATION_DOCUMENT>")).toMatch(/line 2: "&" must start an entity/);
    expect(messageOf('<!DOCTYPE x [<!ENTITY e "boom">]>\n<ANNOTATION_DOCUMENT/>')).toMatch(/line 1: a DOCTYPE/);
    expect(messageOf("<ANNOTATION_DOCUMENT/>\n<ANNOTATION_DOCUMENT/>")).toMatch(/line 2: a second root element/);
    expect(messageOf("<ANNOTATION_DOCUMENT x=1/>")).toMatch(/value of attribute x of <ANNOTATION_DOCUMENT> must be in quotes/);
  });

  it("refuses documents that are not ELAN's or whose references are broken", () => {
    expect(messageOf("<TextGrid/>")).toBe("cannot read broken.eaf: line 1: the root element is <TextGrid>, not <ANNOTATION_DOCUMENT>; this is not an ELAN file");
    expect(messageOf(ELAN_DOCUMENT.replace('TIME_SLOT_REF2="ts4"', 'TIME_SLOT_REF2="ts9"'))).toBe(
      'cannot read broken.eaf: line 20: annotation a2 refers to time slot "ts9", which TIME_ORDER does not define',
    );
    expect(messageOf(ELAN_DOCUMENT.replace('ANNOTATION_REF="a1"', 'ANNOTATION_REF="a99"'))).toMatch(/line 32: annotation a3 refers to annotation "a99", which does not exist/);
    expect(messageOf(ELAN_DOCUMENT.replace('ANNOTATION_REF="a1"', 'ANNOTATION_REF="a6"'))).toMatch(/annotation a3 is part of a circle of reference annotations/);
    expect(messageOf(ELAN_DOCUMENT.replace('ANNOTATION_ID="a5"', 'ANNOTATION_ID="a4"'))).toMatch(/ANNOTATION_ID "a4" is used twice/);
    expect(messageOf(ELAN_DOCUMENT.replace('TIME_VALUE="3050"', 'TIME_VALUE="-5"'))).toMatch(/line 12: time slot ts4 has TIME_VALUE "-5", not a whole number of milliseconds/);
    expect(messageOf(ELAN_DOCUMENT.replace('TIME_UNITS="milliseconds"', 'TIME_UNITS="PAL-frames"'))).toMatch(/TIME_UNITS is "PAL-frames"; only milliseconds are supported/);
    expect(messageOf(ELAN_DOCUMENT.replace(' TIER_ID="Empty"', ""))).toMatch(/line 54: <TIER> has no TIER_ID attribute/);
  });
});
