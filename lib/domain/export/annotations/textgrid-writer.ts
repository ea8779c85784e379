import type { LabelledInterval, RecordingAnnotations } from "../export-item";
import { annotationTiers, checkedDuration } from "./interval-layers";

const MICROSECONDS = 1e6;

/**
 * One recording's labels as a Praat TextGrid in the long text format, laid
 * out exactly as Praat 6 saves it (Praat re-saves our ASCII files byte for
 * byte): IntervalTier "human", then "model" when the recording has a model
 * result. Praat needs each tier to cover 0..duration with contiguous
 * intervals, so gaps become intervals with empty text. Overlapping human
 * labels go to extra tiers "human 2", "human 3", … (first fit), since one
 * IntervalTier cannot overlap itself. Times are rounded to microseconds.
 *
 * The model tier is named "model" and nothing else: a TextGrid has no
 * comment field, and a stable name lets scripts and our importer find the
 * tier. Which model it was is in the export's manifest, the EAF's ANNOTATOR
 * and Label Studio's model_version.
 */
export function textGrid(annotations: RecordingAnnotations): string {
  const duration = checkedDuration(annotations, MICROSECONDS);
  const tiers = annotationTiers(annotations, MICROSECONDS);
  const lines = [
    'File type = "ooTextFile"',
    'Object class = "TextGrid"',
    "",
    `xmin = 0 `,
    `xmax = ${praatNumber(duration)} `,
    "tiers? <exists> ",
    `size = ${tiers.length} `,
    "item []: ",
  ];
  tiers.forEach((tier, tierIndex) => {
    const intervals = filledIntervals(tier.intervals, duration);
    lines.push(
      `    item [${tierIndex + 1}]:`,
      '        class = "IntervalTier" ',
      `        name = ${praatString(tier.name)} `,
      "        xmin = 0 ",
      `        xmax = ${praatNumber(duration)} `,
      `        intervals: size = ${intervals.length} `,
    );
    intervals.forEach((interval, index) => {
      lines.push(
        `        intervals [${index + 1}]:`,
        `            xmin = ${praatNumber(interval.start)} `,
        `            xmax = ${praatNumber(interval.end)} `,
        `            text = ${praatString(interval.label)} `,
      );
    });
  });
  return lines.join("\n") + "\n";
}

/** Labelled intervals of one overlap-free layer, with empty intervals filling every gap from 0 to the end. */
function filledIntervals(intervals: readonly LabelledInterval[], duration: number): LabelledInterval[] {
  const filled: LabelledInterval[] = [];
  let time = 0;
  for (const interval of intervals) {
    if (interval.start > time) filled.push({ start: time, end: interval.start, label: "" });
    filled.push(interval);
    time = interval.end;
  }
  if (time < duration) filled.push({ start: time, end: duration, label: "" });
  return filled;
}

/** Praat doubles a quote inside a string; nothing else is escaped (newlines stay literal). */
function praatString(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

/**
 * Praat prints reals with C's %.15g: like JavaScript's shortest form for our
 * microsecond-rounded values, except that below 1e-4 it switches to an
 * exponent with at least two digits ("5e-05").
 */
function praatNumber(value: number): string {
  if (value === 0 || Math.abs(value) >= 1e-4) return String(value);
  const [mantissa, exponent = "0"] = value.toExponential().split("e");
  const sign = exponent.startsWith("-") ? "-" : "+";
  return `${mantissa}e${sign}${exponent.replace(/^[-+]/, "").padStart(2, "0")}`;
}
