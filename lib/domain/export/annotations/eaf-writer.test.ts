import { describe, expect, it } from "vitest";
import { AnnotationExportError } from "./annotation-export-error";
import { parseEaf } from "./eaf-parser";
import { eaf } from "./eaf-writer";
import { AWKWARD, OVERLAPPING, SMALL } from "./testing/annotation-fixtures";

const SMALL_EAF = `
<?xml version="1.0" encoding="UTF-8"?>
<ANNOTATION_DOCUMENT AUTHOR="" DATE="1970-01-01T00:00:00Z" FORMAT="3.0" VERSION="3.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="http://www.mpi.nl/tools/elan/EAFv3.0.xsd">
    <HEADER MEDIA_FILE="" TIME_UNITS="milliseconds">
        <MEDIA_DESCRIPTOR MEDIA_URL="./interview%2003.wav" MIME_TYPE="audio/x-wav" RELATIVE_MEDIA_URL="./interview%2003.wav"/>
        <PROPERTY NAME="lastUsedAnnotationId">3</PROPERTY>
    </HEADER>
    <TIME_ORDER>
        <TIME_SLOT TIME_SLOT_ID="ts1" TIME_VALUE="0"/>
        <TIME_SLOT TIME_SLOT_ID="ts2" TIME_VALUE="500"/>
        <TIME_SLOT TIME_SLOT_ID="ts3" TIME_VALUE="1200"/>
        <TIME_SLOT TIME_SLOT_ID="ts4" TIME_VALUE="1200"/>
        <TIME_SLOT TIME_SLOT_ID="ts5" TIME_VALUE="1250"/>
        <TIME_SLOT TIME_SLOT_ID="ts6" TIME_VALUE="3000"/>
    </TIME_ORDER>
    <TIER LINGUISTIC_TYPE_REF="emotion" TIER_ID="human">
        <ANNOTATION>
            <ALIGNABLE_ANNOTATION ANNOTATION_ID="a1" CVE_REF="cve-1" TIME_SLOT_REF1="ts2" TIME_SLOT_REF2="ts5">
                <ANNOTATION_VALUE>angry</ANNOTATION_VALUE>
            </ALIGNABLE_ANNOTATION>
        </ANNOTATION>
    </TIER>
    <TIER ANNOTATOR="emotion2vec_plus_base 1.0" LINGUISTIC_TYPE_REF="emotion" TIER_ID="model">
        <ANNOTATION>
            <ALIGNABLE_ANNOTATION ANNOTATION_ID="a2" CVE_REF="cve-2" TIME_SLOT_REF1="ts1" TIME_SLOT_REF2="ts3">
                <ANNOTATION_VALUE>neutral</ANNOTATION_VALUE>
            </ALIGNABLE_ANNOTATION>
        </ANNOTATION>
        <ANNOTATION>
            <ALIGNABLE_ANNOTATION ANNOTATION_ID="a3" CVE_REF="cve-1" TIME_SLOT_REF1="ts4" TIME_SLOT_REF2="ts6">
                <ANNOTATION_VALUE>angry</ANNOTATION_VALUE>
            </ALIGNABLE_ANNOTATION>
        </ANNOTATION>
    </TIER>
    <LINGUISTIC_TYPE CONTROLLED_VOCABULARY_REF="emotion-labels" GRAPHIC_REFERENCES="false" LINGUISTIC_TYPE_ID="emotion" TIME_ALIGNABLE="true"/>
    <LANGUAGE LANG_DEF="http://cdb.iso.org/lg/CDB-00138502-001" LANG_ID="eng" LANG_LABEL="English (eng)"/>
    <CONTROLLED_VOCABULARY CV_ID="emotion-labels">
        <CV_ENTRY_ML CVE_ID="cve-1">
            <CVE_VALUE LANG_REF="eng">angry</CVE_VALUE>
        </CV_ENTRY_ML>
        <CV_ENTRY_ML CVE_ID="cve-2">
            <CVE_VALUE LANG_REF="eng">neutral</CVE_VALUE>
        </CV_ENTRY_ML>
        <CV_ENTRY_ML CVE_ID="cve-3">
            <CVE_VALUE LANG_REF="eng">sad</CVE_VALUE>
        </CV_ENTRY_ML>
    </CONTROLLED_VOCABULARY>
</ANNOTATION_DOCUMENT>
`.slice(1);

describe("eaf", () => {
  it("writes an ELAN 3.0 document: time slots in ms, one tier per source, a controlled vocabulary referenced by the linguistic type", () => {
    expect(eaf(SMALL, ["angry", "neutral", "sad"], { audioFileName: "interview 03.wav" })).toBe(SMALL_EAF);
  });

  it("puts the caller's date in DATE and refuses one that is not an xsd:dateTime", () => {
    const text = eaf(SMALL, ["angry", "neutral"], { audioFileName: "a.wav", date: "2024-05-01T09:30:00+02:00" });
    expect(text).toContain('DATE="2024-05-01T09:30:00+02:00"');
    expect(() => eaf(SMALL, ["angry", "neutral"], { audioFileName: "a.wav", date: "May 1st" })).toThrow(/date "May 1st" is not an xsd:dateTime/);
  });

  it("gives the same bytes for the same input, and the same labels in another order", () => {
    const options = { audioFileName: "session-7.m4a" };
    const labels = ["fearful", "happy", "neutral", "sad", "surprised"];
    expect(eaf({ ...OVERLAPPING, human: [...OVERLAPPING.human].reverse() }, labels, options)).toBe(eaf(OVERLAPPING, labels, options));
  });

  it("splits overlapping labels over tiers, writes an empty tier as an empty element and names other audio audio/*", () => {
    const text = eaf({ ...OVERLAPPING, modelName: "m" }, ["fearful", "happy", "neutral", "sad", "surprised"], { audioFileName: "session-7.m4a" });
    expect(text).toContain('<TIER LINGUISTIC_TYPE_REF="emotion" TIER_ID="human 2">');
    expect(text).toContain('<TIER ANNOTATOR="m" LINGUISTIC_TYPE_REF="emotion" TIER_ID="model"/>');
    expect(text).toContain('MIME_TYPE="audio/*"');
    const tiers = parseEaf(text, "overlap.eaf").tiers;
    expect(tiers.map((tier) => [tier.id, tier.annotations.map((annotation) => annotation.value).join(",")])).toEqual([
      ["human", "sad,happy,surprised"],
      ["human 2", "fearful,neutral"],
      ["model", ""],
    ]);
  });

  it("escapes labels, the model name and the media file name", () => {
    const text = eaf(AWKWARD, ['say "hi" & <bye>', "生气/angry", "it's"], { audioFileName: AWKWARD.recordingName });
    expect(text).toContain("<ANNOTATION_VALUE>say &quot;hi&quot; &amp; &lt;bye&gt;</ANNOTATION_VALUE>");
    expect(text).toContain('ANNOTATOR="model &quot;x&quot; &amp; &lt;y&gt;"');
    expect(text).toContain('RELATIVE_MEDIA_URL="./B%C3%BCro%20%26%20%22K%C3%BCche%22%20%3C2%3E.wav"');
    expect(parseEaf(text, "awkward.eaf").tiers[0]!.annotations.map((annotation) => annotation.value)).toEqual(['say "hi" & <bye>', "生气/angry"]);
  });

  it("refuses labels outside the vocabulary, an empty vocabulary and characters XML cannot hold", () => {
    expect(() => eaf(SMALL, ["angry"], { audioFileName: "a.wav" })).toThrow(/label "neutral" not in the controlled vocabulary \(angry\)/);
    expect(() => eaf(SMALL, [], { audioFileName: "a.wav" })).toThrow(AnnotationExportError);
    expect(() => eaf({ ...SMALL, human: [{ start: 0, end: 1, label: "a\u0001" }] }, ["a\u0001", "neutral", "angry"], { audioFileName: "a.wav" })).toThrow(/control character/);
  });
});
