import { csvCell } from "../../csv-table";
import type { ExportItem, ExportSplit } from "../export-item";
import { exactCsvCell } from "./exact-csv-cell";
import { ExportFormatError } from "./export-format-error";
import { formatFixed } from "./fixed-number";

/**
 * Hugging Face `audiofolder` layout, one folder per split with its own
 * metadata file beside the clips:
 *
 *     train/metadata.csv       train/<id>.wav …
 *     validation/metadata.csv  validation/<id>.wav …
 *     test/metadata.csv        test/<id>.wav …
 *
 * `load_dataset("audiofolder", data_dir=…)` names the splits after the folders
 * (train, validation and test are names it recognises) and joins each row to
 * its clip through `file_name`, which is relative to the metadata file's
 * folder; with the file beside the clips that is the bare file name. Every
 * split file has the same columns, which audiofolder needs to load all splits
 * at once. The recording's original file name is left out: files uploaded to
 * the Hub should not carry names that may identify a patient; recording_id
 * links back instead.
 */
export const AUDIOFOLDER_METADATA_COLUMNS = [
  "file_name",
  "id",
  "label",
  "original_label",
  "label_source",
  "confidence",
  "patient",
  "cohort",
  "session",
  "recording_id",
  "region_id",
  "offset",
  "duration",
] as const;

/** The split's folder, relative to the export root. */
export function audiofolderSplitFolder(split: ExportSplit): string {
  return split;
}

/** Where the split's metadata.csv goes, relative to the export root. */
export function audiofolderMetadataPath(split: ExportSplit): string {
  return `${audiofolderSplitFolder(split)}/metadata.csv`;
}

/** Where the item's clip goes in this layout, relative to the export root: its split folder and the file name of item.audioPath. */
export function audiofolderAudioPath(item: ExportItem): string {
  return `${audiofolderSplitFolder(item.split)}/${clipFileName(item)}`;
}

/** The header line of every split's metadata.csv (CRLF, as toCsv writes). */
export function audiofolderMetadataHeader(): string {
  return `${AUDIOFOLDER_METADATA_COLUMNS.map(csvCell).join(",")}\r\n`;
}

/**
 * The item's line in its split's metadata.csv. Text goes through csvCell
 * (quoting, formula guard); file name, id and label must come through
 * unchanged (exactCsvCell); numbers have fixed decimals.
 */
export function audiofolderMetadataRow(item: ExportItem): string {
  const cells = [
    exactCsvCell(clipFileName(item), `the file name of item ${item.id}`),
    exactCsvCell(item.id, "item id"),
    exactCsvCell(item.label, `the label of item ${item.id}`),
    csvCell(item.originalLabel),
    csvCell(item.labelSource),
    item.confidence === null ? "" : (formatFixed(item.confidence, 6) ?? ""),
    csvCell(item.patient),
    csvCell(item.cohort),
    csvCell(item.sessionCode),
    csvCell(item.recordingId),
    csvCell(item.regionId),
    formatFixed(item.offsetSeconds, 3) ?? "",
    formatFixed(item.durationSeconds, 3) ?? "",
  ];
  return `${cells.join(",")}\r\n`;
}

function clipFileName(item: ExportItem): string {
  const name = item.audioPath.slice(item.audioPath.lastIndexOf("/") + 1);
  if (name === "" || name === "." || name === "..") {
    throw new ExportFormatError(`cannot place item ${item.id} in an audiofolder split: its audio path '${item.audioPath}' has no file name`);
  }
  return name;
}
