import { toCsv, type CsvValue } from "../csv-table";
import { EXPORT_SPLITS, type ExportItem, type ExportSplit, type LabelSource } from "./export-item";

export interface LabelSourceCounts {
  readonly human: number;
  readonly model: number;
}

export interface SplitSummary {
  readonly items: number;
  /** Distinct patient codes; items of recordings without a patient are counted in withoutPatient instead. */
  readonly patients: number;
  readonly recordings: number;
  readonly withoutPatient: number;
  /** Every label of the export, zero where the split has none, so tables line up. */
  readonly perLabel: Readonly<Record<string, number>>;
  readonly labelSources: LabelSourceCounts;
  /** Sorted by patient code. */
  readonly perPatient: readonly { readonly patient: string; readonly items: number }[];
}

export interface SplitReport {
  /** The report's label order: the given order first, then any other label in code-unit order. */
  readonly labels: readonly string[];
  readonly splits: Readonly<Record<ExportSplit, SplitSummary>>;
  readonly totals: SplitSummary;
  /** Totals over all splits (the same as totals.labelSources, at the top level for the datasheet). */
  readonly labelSources: LabelSourceCounts;
  /** Patients found in more than one split: empty unless the assignment is broken; the datasheet states the check. */
  readonly sharedPatients: readonly string[];
}

type ReportItem = Pick<ExportItem, "recordingId" | "label" | "labelSource" | "split" | "patient">;

/**
 * Per-split counts per label, patient and label source for the split report
 * and the datasheet. labelOrder (usually the mapper's targetLabels) fixes the
 * column order; labels that occur but are not in it follow, sorted.
 */
export function splitReport(items: Iterable<ReportItem>, labelOrder: readonly string[] = []): SplitReport {
  const all = new Tally();
  const bySplit = Object.fromEntries(EXPORT_SPLITS.map((split) => [split, new Tally()])) as Record<ExportSplit, Tally>;
  const splitsOfPatient = new Map<string, Set<ExportSplit>>();
  for (const item of items) {
    all.add(item);
    bySplit[item.split].add(item);
    if (item.patient !== null) {
      const splits = splitsOfPatient.get(item.patient) ?? new Set<ExportSplit>();
      splits.add(item.split);
      splitsOfPatient.set(item.patient, splits);
    }
  }
  const extra = [...all.labels.keys()].filter((label) => !labelOrder.includes(label)).sort(compareText);
  const labels = [...new Set(labelOrder), ...extra];
  const totals = all.summary(labels);
  return {
    labels,
    splits: Object.fromEntries(EXPORT_SPLITS.map((split) => [split, bySplit[split].summary(labels)])) as Record<ExportSplit, SplitSummary>,
    totals,
    labelSources: totals.labelSources,
    sharedPatients: [...splitsOfPatient].filter(([, splits]) => splits.size > 1).map(([patient]) => patient).sort(compareText),
  };
}

class Tally {
  items = 0;
  withoutPatient = 0;
  readonly labels = new Map<string, number>();
  readonly patients = new Map<string, number>();
  readonly recordings = new Set<string>();
  readonly sources: Record<LabelSource, number> = { human: 0, model: 0 };

  add(item: ReportItem): void {
    this.items++;
    this.labels.set(item.label, (this.labels.get(item.label) ?? 0) + 1);
    if (item.patient === null) this.withoutPatient++;
    else this.patients.set(item.patient, (this.patients.get(item.patient) ?? 0) + 1);
    this.recordings.add(item.recordingId);
    this.sources[item.labelSource]++;
  }

  summary(labels: readonly string[]): SplitSummary {
    return {
      items: this.items,
      patients: this.patients.size,
      recordings: this.recordings.size,
      withoutPatient: this.withoutPatient,
      perLabel: Object.fromEntries(labels.map((label) => [label, this.labels.get(label) ?? 0])),
      labelSources: { ...this.sources },
      perPatient: [...this.patients].sort(([a], [b]) => compareText(a, b)).map(([patient, items]) => ({ patient, items })),
    };
  }
}

/**
 * The report as one tidy table (split, measure, key, items), which pandas or
 * a spreadsheet can pivot: per split and for "all", the totals, one row per
 * label, per label source and per patient ("" for items without a patient).
 */
export function splitReportToCsv(report: SplitReport): string {
  const rows: CsvValue[][] = [];
  const sections: [string, SplitSummary][] = [...EXPORT_SPLITS.map((split): [string, SplitSummary] => [split, report.splits[split]]), ["all", report.totals]];
  for (const [name, summary] of sections) {
    rows.push([name, "items", "", summary.items], [name, "patients", "", summary.patients], [name, "recordings", "", summary.recordings]);
    for (const label of report.labels) rows.push([name, "label", label, summary.perLabel[label] ?? 0]);
    rows.push([name, "label_source", "human", summary.labelSources.human], [name, "label_source", "model", summary.labelSources.model]);
    for (const { patient, items } of summary.perPatient) rows.push([name, "patient", patient, items]);
    if (summary.withoutPatient > 0) rows.push([name, "patient", "", summary.withoutPatient]);
  }
  return toCsv(["split", "measure", "key", "items"], rows);
}

/** A Markdown table: one row per split and a total, columns items, patients, recordings, then one per label. */
export function splitReportToMarkdown(report: SplitReport): string {
  const header = ["Split", "Items", "Patients", "Recordings", ...report.labels.map(markdownCell)];
  const row = (name: string, summary: SplitSummary) => [name, summary.items, summary.patients, summary.recordings, ...report.labels.map((label) => summary.perLabel[label] ?? 0)];
  const lines = [header, header.map((_, index) => (index === 0 ? "---" : "---:")), ...EXPORT_SPLITS.map((split) => row(split, report.splits[split])), row("all", report.totals)];
  return `${lines.map((cells) => `| ${cells.join(" | ")} |`).join("\n")}\n`;
}

/** Text safe inside a Markdown table cell: one line, pipes escaped. */
export function markdownCell(text: string): string {
  return text.replace(/[\r\n]+/g, " ").replaceAll("|", "\\|");
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
