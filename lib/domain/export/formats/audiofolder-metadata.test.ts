import { describe, expect, it } from "vitest";
import { EXPORT_SPLITS, type ExportSplit } from "../export-item";
import {
  AUDIOFOLDER_METADATA_COLUMNS,
  audiofolderAudioPath,
  audiofolderMetadataHeader,
  audiofolderMetadataPath,
  audiofolderMetadataRow,
} from "./audiofolder-metadata";
import { ExportFormatError } from "./export-format-error";
import { PYTHON, readBack } from "./testing/python-read-back";
import { ANONYMOUS_ITEM, HUMAN_ITEM, MODEL_ITEM, SAMPLE_ITEMS, withFields } from "./testing/sample-items";

describe("audiofolder metadata", () => {
  it("puts each clip and metadata.csv in its split's folder, file_name relative to that folder", () => {
    expect(EXPORT_SPLITS.map(audiofolderMetadataPath)).toEqual(["train/metadata.csv", "validation/metadata.csv", "test/metadata.csv"]);
    expect(audiofolderAudioPath(MODEL_ITEM)).toBe("validation/rec02_reg7.wav");
    expect(audiofolderMetadataHeader()).toBe(
      "file_name,id,label,original_label,label_source,confidence,patient,cohort,session,recording_id,region_id,offset,duration\r\n",
    );
    expect(audiofolderMetadataRow(HUMAN_ITEM)).toBe("rec01.wav,rec01,happy,happy,human,,P-007,control,S1,rec01,,0.000,12.500\r\n");
  });

  it("guards formula-like text and quotes it, with fixed decimals for numbers", () => {
    expect(audiofolderMetadataRow(MODEL_ITEM)).toBe(
      `rec02_reg7.wav,rec02_reg7,negative,sad,model,0.612346,"'=HYPERLINK(""x"")",depression + anxiety,,rec02,reg7,61.000,2.000\r\n`,
    );
    expect(audiofolderMetadataRow(MODEL_ITEM)).toBe(audiofolderMetadataRow({ ...MODEL_ITEM }));
  });

  it("refuses a label or file name the guard would change, rather than teach a model \"'-1\"", () => {
    expect(() => audiofolderMetadataRow(withFields(HUMAN_ITEM, { label: "-1" }))).toThrow(ExportFormatError);
    expect(() => audiofolderMetadataRow(withFields(HUMAN_ITEM, { label: "-1" }))).toThrow("the label of item rec01 '-1'");
    expect(() => audiofolderMetadataRow(withFields(HUMAN_ITEM, { audioPath: "audio/train/=x.wav" }))).toThrow("file name of item rec01");
    expect(() => audiofolderMetadataRow(withFields(HUMAN_ITEM, { audioPath: "audio/train/" }))).toThrow("has no file name");
  });

  it.skipIf(PYTHON === null)("reads back as AudioFolder does: csv per split, every file_name found beside its metadata.csv (skipped without python3)", () => {
    const files: Record<string, string> = {};
    for (const split of EXPORT_SPLITS) files[audiofolderMetadataPath(split)] = audiofolderMetadataHeader();
    for (const item of SAMPLE_ITEMS) {
      files[audiofolderMetadataPath(item.split)] += audiofolderMetadataRow(item);
      files[audiofolderAudioPath(item)] = "RIFF";
    }
    type Read = Record<ExportSplit, { columns: string[]; row: Record<string, string>; audio_exists: boolean }[]>;
    const read = readBack("audiofolder", files, ["{dir}", ...EXPORT_SPLITS]) as Read;
    for (const split of EXPORT_SPLITS) {
      expect(read[split]).toHaveLength(1);
      expect(read[split][0]!.columns).toEqual([...AUDIOFOLDER_METADATA_COLUMNS]);
      expect(read[split][0]!.audio_exists).toBe(true);
    }
    expect(read.validation[0]!.row).toEqual({
      file_name: "rec02_reg7.wav",
      id: "rec02_reg7",
      label: "negative",
      original_label: "sad",
      label_source: "model",
      confidence: "0.612346",
      patient: "'=HYPERLINK(\"x\")",
      cohort: "depression + anxiety",
      session: "",
      recording_id: "rec02",
      region_id: "reg7",
      offset: "61.000",
      duration: "2.000",
    });
    expect(read.test[0]!.row).toMatchObject({ id: ANONYMOUS_ITEM.id, patient: "", cohort: "", offset: "3.250", duration: "1.063" });
  });
});
