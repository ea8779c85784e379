import type { ExportItem } from "../export-item";
import { exactCsvCell } from "./exact-csv-cell";
import { ExportFormatError } from "./export-format-error";

/**
 * The CSV beside embeddings.npy that says which item each row of the (N, D)
 * float32 array belongs to. `row` is the array's row index, so
 * `np.load("embeddings.npy")[index.row]` pairs them even if someone sorts the
 * CSV. The .npy itself is npyHeader("<f4", [N, D]) followed by each item's
 * embedding (npyFloat32Bytes) in the same order as these rows.
 */
export const EMBEDDINGS_INDEX_COLUMNS = ["row", "id", "recording_id", "region_id", "split", "label"] as const;

export function embeddingsIndexHeader(): string {
  return `${EMBEDDINGS_INDEX_COLUMNS.join(",")}\r\n`;
}

/** The index line for `item`, whose embedding is row `row` of the array. Ids and the label are written unchanged (exactCsvCell). */
export function embeddingsIndexRow(item: ExportItem, row: number): string {
  if (!Number.isSafeInteger(row) || row < 0) {
    throw new ExportFormatError(`cannot index item ${item.id}: embedding row ${row} is not a whole number ≥ 0`);
  }
  const cells = [
    String(row),
    exactCsvCell(item.id, "item id"),
    exactCsvCell(item.recordingId, `the recording id of item ${item.id}`),
    exactCsvCell(item.regionId, `the region id of item ${item.id}`),
    exactCsvCell(item.split, `the split of item ${item.id}`),
    exactCsvCell(item.label, `the label of item ${item.id}`),
  ];
  return `${cells.join(",")}\r\n`;
}
