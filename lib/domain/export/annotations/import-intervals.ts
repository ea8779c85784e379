import { toCanonicalLabel, type CanonicalLabel } from "../../emotion-labels";
import { AnnotationParseError } from "./annotation-parse-error";
import type { ParsedEaf } from "./eaf-parser";
import type { LabelStudioTask } from "./label-studio-parser";
import type { ParsedTextGrid } from "./textgrid-parser";

/** A tier of any imported file, as importIntervals reads it. */
export interface ImportTier {
  readonly name: string;
  /** Praat TextTiers hold instants, which cannot become labelled spans. */
  readonly kind: "interval" | "point";
  readonly intervals: readonly { readonly start: number; readonly end: number; readonly label: string }[];
}

/** A label to create: a span of the recording and its canonical label. */
export interface ImportedInterval {
  readonly start: number;
  readonly end: number;
  readonly label: CanonicalLabel;
  /** The text in the file, for review screens. */
  readonly sourceLabel: string;
  readonly tier: string;
}

export interface ImportResult {
  /** Sorted by start, end, then tier order. */
  readonly intervals: readonly ImportedInterval[];
  /** Labels that neither the mapping nor the canonical spellings resolve; their intervals are not in `intervals`. Sorted, distinct. */
  readonly unknownLabels: readonly string[];
  /** Labels the mapping sends to null on purpose; their intervals are not in `intervals`. Sorted, distinct. */
  readonly ignoredLabels: readonly string[];
  /** Labelled intervals that end where they start (no span to label), left out. */
  readonly emptyIntervals: number;
}

export interface ImportChoice {
  /** The file, for error messages. */
  readonly fileName: string;
  /** The tiers to read, e.g. ["human", "human 2"] for a TextGrid we exported with overlapping labels. */
  readonly tierNames: readonly string[];
  /**
   * The file's label → canonical label, or null to leave that label out on
   * purpose. Labels not listed here are resolved as the model labels are
   * ("Angry", "生气/angry", "<unk>"); what is left is reported as unknown.
   */
  readonly mapping?: Readonly<Record<string, CanonicalLabel | null>>;
}

/**
 * Parsed tiers → labels to create. Empty intervals (the gaps Praat needs
 * between labels) are passed over; everything else ends up in `intervals`
 * or is reported, never dropped without a word.
 */
export function importIntervals(tiers: readonly ImportTier[], choice: ImportChoice): ImportResult {
  const mapping = choice.mapping ?? {};
  const intervals: (ImportedInterval & { order: number })[] = [];
  const unknown = new Set<string>();
  const ignored = new Set<string>();
  let emptyIntervals = 0;
  choice.tierNames.forEach((tierName, order) => {
    const tier = tiers.find((candidate) => candidate.name === tierName);
    if (!tier) {
      throw new AnnotationParseError(
        "IMPORT_TIER_NOT_FOUND",
        `cannot import ${choice.fileName}: it has no tier "${tierName}"; its tiers are ${tiers.map((candidate) => `"${candidate.name}"`).join(", ") || "none"}`,
      );
    }
    if (tier.kind === "point") {
      throw new AnnotationParseError("IMPORT_TIER_NOT_INTERVALS", `cannot import ${choice.fileName}: tier "${tierName}" is a point tier; its marks are instants, not spans to label`);
    }
    for (const interval of tier.intervals) {
      const text = interval.label.trim();
      if (text === "") continue;
      const mapped = Object.hasOwn(mapping, interval.label) ? mapping[interval.label] : Object.hasOwn(mapping, text) ? mapping[text] : undefined;
      if (mapped === null) {
        ignored.add(text);
        continue;
      }
      const label = mapped ?? toCanonicalLabel(text);
      if (label === null) {
        unknown.add(text);
        continue;
      }
      if (!(interval.end > interval.start)) {
        emptyIntervals++;
        continue;
      }
      intervals.push({ start: interval.start, end: interval.end, label, sourceLabel: interval.label, tier: tier.name, order });
    }
  });
  intervals.sort((a, b) => a.start - b.start || a.end - b.end || a.order - b.order);
  return {
    intervals: intervals.map(({ order: _order, ...interval }) => interval),
    unknownLabels: [...unknown].sort(),
    ignoredLabels: [...ignored].sort(),
    emptyIntervals,
  };
}

export function textGridImportTiers(grid: ParsedTextGrid): ImportTier[] {
  return grid.tiers.map((tier) => ({ name: tier.name, kind: tier.kind, intervals: tier.intervals }));
}

export function eafImportTiers(document: ParsedEaf): ImportTier[] {
  return document.tiers.map((tier) => ({
    name: tier.id,
    kind: "interval",
    intervals: tier.annotations.map((annotation) => ({ start: annotation.start, end: annotation.end, label: annotation.value })),
  }));
}

/**
 * A Label Studio task's annotations as tiers "annotation 1", "annotation 2",
 * … and its predictions as "prediction 1", …; a region with several labels
 * gives one interval per label.
 */
export function labelStudioImportTiers(task: LabelStudioTask): ImportTier[] {
  const spread = (regions: readonly { start: number; end: number; labels: readonly string[] }[]) =>
    regions.flatMap((region) => region.labels.map((label) => ({ start: region.start, end: region.end, label })));
  const annotationCount = Math.max(0, ...task.regions.map((region) => region.annotation + 1));
  return [
    ...Array.from({ length: annotationCount }, (_, index) => ({
      name: `annotation ${index + 1}`,
      kind: "interval" as const,
      intervals: spread(task.regions.filter((region) => region.annotation === index)),
    })),
    ...task.predictions.map((prediction, index) => ({ name: `prediction ${index + 1}`, kind: "interval" as const, intervals: spread(prediction.regions) })),
  ];
}
