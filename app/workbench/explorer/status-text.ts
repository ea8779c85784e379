import { LABEL_STATUSES, type LabelStatus } from "@/lib/domain/label-state";
import type { StatusCounts } from "./explorer-types";

/** How the explorer names label statuses: in words as well as colour, so the status never rests on colour alone. */
export const STATUS_TITLES: Readonly<Record<LabelStatus, string>> = {
  unlabelled: "Unlabelled",
  predicted: "Predicted",
  in_progress: "In progress",
  labelled: "Labelled",
  reviewed: "Reviewed",
};

/** The short word on a recording's badge. */
export const STATUS_BADGES: Readonly<Record<LabelStatus, string>> = {
  unlabelled: "unlabelled",
  predicted: "predicted",
  in_progress: "partial",
  labelled: "labelled",
  reviewed: "reviewed",
};

/** Recordings a person has finished (labelled or reviewed). */
export function doneCount(counts: StatusCounts): number {
  return counts.labelled + counts.reviewed;
}

/** "12 recordings: 3 reviewed, 2 labelled, 7 unlabelled" — the folder badge's full text, in the order work progresses backwards. */
export function statusSummary(count: number, counts: StatusCounts): string {
  const parts = [...LABEL_STATUSES]
    .reverse()
    .filter((status) => counts[status] > 0)
    .map((status) => `${counts[status]} ${STATUS_TITLES[status].toLowerCase()}`);
  const noun = count === 1 ? "recording" : "recordings";
  return parts.length > 0 ? `${count} ${noun}: ${parts.join(", ")}` : `${count} ${noun}`;
}

/** Each status's share of a folder, for the proportional bar; statuses with no recordings are left out. */
export function statusShares(counts: StatusCounts): { status: LabelStatus; share: number }[] {
  const total = LABEL_STATUSES.reduce((sum, status) => sum + counts[status], 0);
  if (total === 0) return [];
  return [...LABEL_STATUSES]
    .reverse()
    .filter((status) => counts[status] > 0)
    .map((status) => ({ status, share: counts[status] / total }));
}
