import { describe, expect, it } from "vitest";
import { ArrayShapeError } from "../../array-shape-error";
import { ITEMS_TABLE_COLUMNS, itemsTableHeader, itemsTableRow } from "./items-table";
import { PYTHON, readBack } from "./testing/python-read-back";
import { HUMAN_ITEM, MODEL_ITEM, SAMPLE_ITEMS, withFields } from "./testing/sample-items";

const MODEL_SCORES = ["0.010000", "0.020000", "0.030000", "0.100000", "0.200000", "0.010000", "0.612346", "0.012346", "0.000000"];

describe("items table", () => {
  it("has a fixed header with one score column per canonical label", () => {
    const header =
      "id,recording_id,region_id,recording_name,audio,offset,duration,samples,label,original_label,label_source,confidence," +
      "split,patient,cohort,session,score_angry,score_disgusted,score_fearful,score_happy,score_neutral,score_other,score_sad,score_surprised,score_unknown";
    expect(itemsTableHeader(",")).toBe(`${header}\r\n`);
    expect(itemsTableHeader("\t")).toBe(`${header.replaceAll(",", "\t")}\n`);
  });

  it("writes CSV rows with csvCell quoting and formula guard, numbers bare with fixed decimals", () => {
    expect(itemsTableRow(HUMAN_ITEM, ",")).toBe(
      `rec01,rec01,,interview-03.m4a,audio/train/rec01.wav,0.000,12.500,200000,happy,happy,human,,train,P-007,control,S1${",".repeat(9)}\r\n`,
    );
    expect(itemsTableRow(MODEL_ITEM, ",")).toBe(
      `rec02_reg7,rec02,reg7,"Sitzung ""2"", Teil\t1\nneu.wav",audio/validation/rec02_reg7.wav,61.000,2.000,32000,negative,sad,model,0.612346,` +
        `validation,"'=HYPERLINK(""x"")",depression + anxiety,,${MODEL_SCORES.join(",")}\r\n`,
    );
  });

  it("writes TSV rows with backslash escapes for backslash, tab, CR and LF and the same formula guard", () => {
    expect(itemsTableRow(MODEL_ITEM, "\t")).toBe(
      `rec02_reg7\trec02\treg7\tSitzung "2", Teil\\t1\\nneu.wav\taudio/validation/rec02_reg7.wav\t61.000\t2.000\t32000\tnegative\tsad\tmodel\t0.612346\t` +
        `validation\t'=HYPERLINK("x")\tdepression + anxiety\t\t${MODEL_SCORES.join("\t")}\n`,
    );
    expect(itemsTableRow(withFields(HUMAN_ITEM, { recordingName: "C:\\rec\\a.wav\r\n" }), "\t").split("\t")[3]).toBe("C:\\\\rec\\\\a.wav\\r\\n");
    expect(itemsTableRow(withFields(HUMAN_ITEM, { cohort: "\tx" }), "\t").split("\t")[14]).toBe("'\\tx");
  });

  it("refuses a score array of the wrong length", () => {
    expect(() => itemsTableRow(withFields(MODEL_ITEM, { modelScores: [1] }), ",")).toThrow(ArrayShapeError);
  });

  it.skipIf(PYTHON === null)("reads back with Python's csv module as CSV and as TSV, text intact (skipped without python3)", () => {
    const csv = itemsTableHeader(",") + SAMPLE_ITEMS.map((item) => itemsTableRow(item, ",")).join("");
    const tsv = itemsTableHeader("\t") + SAMPLE_ITEMS.map((item) => itemsTableRow(item, "\t")).join("");
    for (const [kind, text] of [["csv", csv] as const, ["tsv", tsv] as const]) {
      const rows = readBack(kind, { [`items.${kind}`]: text }, [`{dir}/items.${kind}`]) as string[][];
      expect(rows).toHaveLength(4);
      expect(rows[0]).toEqual([...ITEMS_TABLE_COLUMNS]);
      const model = Object.fromEntries(ITEMS_TABLE_COLUMNS.map((name, index) => [name, rows[2]![index]]));
      expect(model).toMatchObject({
        recording_name: 'Sitzung "2", Teil\t1\nneu.wav',
        patient: `'=HYPERLINK("x")`,
        offset: "61.000",
        samples: "32000",
        confidence: "0.612346",
        session: "",
        score_sad: "0.612346",
        score_unknown: "0.000000",
      });
      expect(rows[1]![ITEMS_TABLE_COLUMNS.indexOf("score_angry")]).toBe("");
      expect(rows.every((row) => row.length === ITEMS_TABLE_COLUMNS.length)).toBe(true);
    }
  });
});
