import type { ExportItem, ExportSplit } from "../export-item";
import { ExportFormatError } from "./export-format-error";

/**
 * The fairseq audio manifest and the label file emotion2vec's downstream
 * recipe reads (ddlBoJack/emotion2vec, iemocap_downstream):
 *
 *     <split>.tsv   first line the root folder, then "<path relative to root>\t<samples>"
 *     <split>.emo   "<id>\t<label>", one line per .tsv line, in the same order
 *
 * The recipe's feature extractor takes the root as the first line stripped and
 * the path as the text before the first tab; fairseq's FileAudioDataset splits
 * each line on tabs and reads the sample count as an integer. The recipe's
 * loader walks the .emo file line by line beside the features and takes the
 * label as the second whitespace-separated field, so ids and labels must not
 * contain whitespace and the two files must list items in the same order.
 * Split files are named as fairseq's wav2vec_manifest.py names them: train,
 * valid, test.
 */
export const FAIRSEQ_SPLIT_NAMES: Readonly<Record<ExportSplit, string>> = Object.freeze({
  train: "train",
  validation: "valid",
  test: "test",
});

/** The manifest and label file names of a split: { manifest: "valid.tsv", labels: "valid.emo" }. */
export function fairseqManifestFileNames(split: ExportSplit): { readonly manifest: string; readonly labels: string } {
  const name = FAIRSEQ_SPLIT_NAMES[split];
  return { manifest: `${name}.tsv`, labels: `${name}.emo` };
}

/**
 * The manifest's first line: the folder the audio paths are relative to. The
 * export's paths are relative to its own root, so "." works when training
 * runs from the unpacked export; an absolute folder works from anywhere.
 */
export function fairseqManifestHeader(rootDir: string): string {
  if (/[\n\r]/.test(rootDir) || rootDir !== rootDir.trim()) {
    throw new ExportFormatError(
      `cannot use '${rootDir}' as the fairseq manifest root: readers take the first line with surrounding whitespace stripped, so it must be one line without leading or trailing spaces`,
    );
  }
  return `${rootDir}\n`;
}

/** "<audio path>\t<sample count at 16 kHz>\n". */
export function fairseqManifestLine(item: ExportItem): string {
  if (/[\t\n\r]/.test(item.audioPath) || item.audioPath !== item.audioPath.trim() || item.audioPath === "") {
    throw new ExportFormatError(
      `cannot list item ${item.id} in a fairseq manifest: its audio path '${item.audioPath}' is empty, has a tab or line break, or starts or ends with a space`,
    );
  }
  if (!Number.isSafeInteger(item.sampleCount) || item.sampleCount < 0) {
    throw new ExportFormatError(`cannot list item ${item.id} in a fairseq manifest: its sample count ${item.sampleCount} is not a whole number ≥ 0`);
  }
  return `${item.audioPath}\t${item.sampleCount}\n`;
}

/** "<id>\t<label>\n", the line of the .emo file that goes with the item's manifest line. */
export function fairseqEmoLine(item: ExportItem): string {
  requireOneWord(item.id, `the id of item ${item.id}`);
  requireOneWord(item.label, `the label of item ${item.id}`);
  return `${item.id}\t${item.label}\n`;
}

/** Python's str.split() also splits on U+001C–U+001F and U+0085, which JavaScript's \s does not cover. */
function hasPythonWhitespace(value: string): boolean {
  if (/\s/.test(value)) return true;
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    if ((code >= 0x1c && code <= 0x1f) || code === 0x85) return true;
  }
  return false;
}

function requireOneWord(value: string, where: string): void {
  if (value === "" || hasPythonWhitespace(value)) {
    throw new ExportFormatError(
      `cannot write ${where} '${value}' to a fairseq .emo file: its reader splits lines on whitespace, so it must be one word; rename it (e.g. 'very_sad' for 'very sad') in the label mapping`,
    );
  }
}
