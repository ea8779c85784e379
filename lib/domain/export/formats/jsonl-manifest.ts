import { ArrayShapeError } from "../../array-shape-error";
import { CANONICAL_LABELS } from "../../emotion-labels";
import type { ExportItem } from "../export-item";
import { requireFixed } from "./fixed-number";

/** Seconds are written to the millisecond, scores and confidences to six decimals. */
const SECONDS_DECIMALS = 3;
const SCORE_DECIMALS = 6;

/**
 * One item of the JSONL manifest, newline included, keys always in this order:
 * id, audio (the clip's path relative to the export root), offset and duration
 * (seconds in the recording), label, split, patient, cohort, label_source,
 * confidence, and scores (label → score in canonical order) only when the item
 * carries model scores. The line is built by hand rather than with
 * JSON.stringify of an object so the number formatting is fixed: 12.5 s is
 * always written 12.500.
 */
export function jsonlManifestLine(item: ExportItem): string {
  const where = (field: string) => `${field} of item ${item.id}`;
  const confidence = item.confidence === null ? "null" : requireFixed(item.confidence, SCORE_DECIMALS, where("confidence"));
  const fields = [
    `"id":${JSON.stringify(item.id)}`,
    `"audio":${JSON.stringify(item.audioPath)}`,
    `"offset":${requireFixed(item.offsetSeconds, SECONDS_DECIMALS, where("offset"))}`,
    `"duration":${requireFixed(item.durationSeconds, SECONDS_DECIMALS, where("duration"))}`,
    `"label":${JSON.stringify(item.label)}`,
    `"split":${JSON.stringify(item.split)}`,
    `"patient":${JSON.stringify(item.patient)}`,
    `"cohort":${JSON.stringify(item.cohort)}`,
    `"label_source":${JSON.stringify(item.labelSource)}`,
    `"confidence":${confidence}`,
  ];
  if (item.modelScores !== null) fields.push(`"scores":${scoresObject(item.modelScores, item.id)}`);
  return `{${fields.join(",")}}\n`;
}

function scoresObject(scores: readonly number[], id: string): string {
  if (scores.length !== CANONICAL_LABELS.length) {
    throw new ArrayShapeError(`jsonlManifestLine: item ${id} has ${scores.length} model scores, expected ${CANONICAL_LABELS.length} (one per canonical label)`);
  }
  const entries = CANONICAL_LABELS.map(
    (label, index) => `${JSON.stringify(label)}:${requireFixed(scores[index]!, SCORE_DECIMALS, `the ${label} score of item ${id}`)}`,
  );
  return `{${entries.join(",")}}`;
}
