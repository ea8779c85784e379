import { describe, expect, it } from "vitest";
import { EXPORT_SPLITS } from "../export-item";
import { ExportFormatError } from "./export-format-error";
import { fairseqEmoLine, fairseqManifestFileNames, fairseqManifestHeader, fairseqManifestLine } from "./fairseq-manifest";
import { PYTHON, readBack } from "./testing/python-read-back";
import { HUMAN_ITEM, MODEL_ITEM, SAMPLE_ITEMS, withFields } from "./testing/sample-items";

describe("fairseq manifest and .emo labels", () => {
  it("names split files as fairseq does and writes root, path\\tsamples and id\\tlabel lines", () => {
    expect(EXPORT_SPLITS.map((split) => fairseqManifestFileNames(split))).toEqual([
      { manifest: "train.tsv", labels: "train.emo" },
      { manifest: "valid.tsv", labels: "valid.emo" },
      { manifest: "test.tsv", labels: "test.emo" },
    ]);
    expect(fairseqManifestHeader("/data/export-12")).toBe("/data/export-12\n");
    expect(fairseqManifestLine(HUMAN_ITEM)).toBe("audio/train/rec01.wav\t200000\n");
    expect(fairseqEmoLine(HUMAN_ITEM)).toBe("rec01\thappy\n");
    expect(fairseqEmoLine(MODEL_ITEM)).toBe("rec02_reg7\tnegative\n");
  });

  it("refuses what the readers would split or strip differently", () => {
    expect(() => fairseqEmoLine(withFields(HUMAN_ITEM, { label: "very sad" }))).toThrow(ExportFormatError);
    expect(() => fairseqEmoLine(withFields(HUMAN_ITEM, { label: "very sad" }))).toThrow("the label of item rec01 'very sad'");
    // Python's str.split() splits on U+001F and U+00A0 too.
    expect(() => fairseqEmoLine(withFields(HUMAN_ITEM, { label: "a\u001fb" }))).toThrow(ExportFormatError);
    expect(() => fairseqEmoLine(withFields(HUMAN_ITEM, { label: "a\u00a0b" }))).toThrow(ExportFormatError);
    expect(() => fairseqEmoLine(withFields(HUMAN_ITEM, { label: "" }))).toThrow(ExportFormatError);
    expect(() => fairseqManifestLine(withFields(HUMAN_ITEM, { audioPath: "audio/a\tb.wav" }))).toThrow("audio path");
    expect(() => fairseqManifestLine(withFields(HUMAN_ITEM, { audioPath: " audio/a.wav" }))).toThrow("audio path");
    expect(() => fairseqManifestLine(withFields(HUMAN_ITEM, { sampleCount: 1.5 }))).toThrow("sample count 1.5");
    expect(() => fairseqManifestHeader("/data\n/x")).toThrow(ExportFormatError);
    expect(() => fairseqManifestHeader("/data/x ")).toThrow(ExportFormatError);
  });

  it.skipIf(PYTHON === null)("reads back the way emotion2vec's recipe and fairseq's FileAudioDataset do (skipped without python3)", () => {
    const items = [HUMAN_ITEM, withFields(MODEL_ITEM, { split: "train" }), SAMPLE_ITEMS[2]!];
    const tsv = fairseqManifestHeader("/data/export-12") + items.map(fairseqManifestLine).join("");
    const emo = items.map(fairseqEmoLine).join("");
    const read = readBack("fairseq", { "train.tsv": tsv, "train.emo": emo }, ["{dir}", "train"]);
    expect(read).toEqual({
      root: "/data/export-12",
      files: ["/data/export-12/audio/train/rec01.wav", "/data/export-12/audio/validation/rec02_reg7.wav", "/data/export-12/audio/test/rec03.wav"],
      sizes: [200_000, 32_000, 17_000],
      ids: ["rec01", "rec02_reg7", "rec03"],
      labels: ["happy", "negative", "neutral"],
    });
  });
});
