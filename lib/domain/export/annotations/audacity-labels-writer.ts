import type { LabelledInterval } from "../export-item";
import { AnnotationExportError } from "./annotation-export-error";

/**
 * Intervals as an Audacity label track (File > Import > Labels): one
 * "start<TAB>end<TAB>label" line per interval, times in seconds with six
 * decimals, in the order given. A tab or line break inside a label would
 * split the line, so those become spaces.
 */
export function audacityLabels(intervals: readonly LabelledInterval[]): string {
  return intervals
    .map((interval, index) => {
      if (!Number.isFinite(interval.start) || !Number.isFinite(interval.end) || interval.end < interval.start) {
        throw new AnnotationExportError(`cannot write Audacity labels: interval ${index + 1} runs from ${interval.start} s to ${interval.end} s`);
      }
      return `${interval.start.toFixed(6)}\t${interval.end.toFixed(6)}\t${interval.label.replace(/[\t\r\n]+/g, " ")}\n`;
    })
    .join("");
}
