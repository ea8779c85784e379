import { describe, expect, it } from "vitest";
import { embeddingsIndexHeader, embeddingsIndexRow } from "./embeddings-index";
import { ExportFormatError } from "./export-format-error";
import { npyFloat32Bytes, npyHeader } from "./npy-header";
import { HAS_NUMPY, PYTHON, readBack } from "./testing/python-read-back";
import { HUMAN_ITEM, MODEL_ITEM, SAMPLE_ITEMS, withFields } from "./testing/sample-items";

describe("embeddings index", () => {
  it("maps each .npy row to its item", () => {
    expect(embeddingsIndexHeader()).toBe("row,id,recording_id,region_id,split,label\r\n");
    expect(embeddingsIndexRow(HUMAN_ITEM, 0)).toBe("0,rec01,rec01,,train,happy\r\n");
    expect(embeddingsIndexRow(MODEL_ITEM, 41)).toBe("41,rec02_reg7,rec02,reg7,validation,negative\r\n");
  });

  it("quotes a label with a comma and refuses one the formula guard would change", () => {
    expect(embeddingsIndexRow(withFields(HUMAN_ITEM, { label: "sad, tired" }), 1)).toBe('1,rec01,rec01,,train,"sad, tired"\r\n');
    expect(() => embeddingsIndexRow(withFields(HUMAN_ITEM, { label: "+1" }), 1)).toThrow(ExportFormatError);
    expect(() => embeddingsIndexRow(HUMAN_ITEM, -1)).toThrow("embedding row -1");
  });

  it.skipIf(PYTHON === null || !HAS_NUMPY)(
    "numpy loads header + streamed rows as float32 (N, D) that line up with the index rows (skipped without python3-numpy)",
    () => {
      const dim = 768;
      const embeddings = SAMPLE_ITEMS.map((_, row) => new Float32Array(dim).map((_, index) => Math.fround(Math.sin(row * dim + index) * 3)));
      const npy = new Uint8Array([...npyHeader("<f4", [SAMPLE_ITEMS.length, dim]), ...embeddings.flatMap((embedding) => [...npyFloat32Bytes(embedding)])]);
      const loaded = readBack("npy", { "embeddings.npy": npy }, ["{dir}/embeddings.npy"]) as {
        dtype: string;
        shape: number[];
        c_contiguous: boolean;
        values: number[];
      };
      expect(loaded).toMatchObject({ dtype: "float32", shape: [3, dim], c_contiguous: true });
      const index = embeddingsIndexHeader() + SAMPLE_ITEMS.map((item, row) => embeddingsIndexRow(item, row)).join("");
      const rows = readBack("csv", { "embeddings.csv": index }, ["{dir}/embeddings.csv"]) as string[][];
      for (const [position, item] of SAMPLE_ITEMS.entries()) {
        const [row, id] = rows[position + 1]!;
        expect(id).toBe(item.id);
        const start = Number(row) * dim;
        expect(loaded.values.slice(start, start + dim)).toEqual(Array.from(embeddings[position]!));
      }
    },
  );
});
