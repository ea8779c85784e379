import { CANONICAL_LABELS } from "../emotion-labels";
import type { DatasheetAgreement } from "./datasheet-agreement";
import { chatInstructionFor, type ExportDefinition } from "./export-definition";
import { EXPORT_FORMAT_GUIDE } from "./export-format-guide";
import { EXPORT_SPLITS } from "./export-item";
import { createLabelMapper } from "./label-mapping";
import { markdownCell, splitReportToMarkdown, type SplitReport } from "./split-report";

export interface DatasheetInput {
  readonly definition: ExportDefinition;
  /** The source corpora and how many of their recordings the export holds. */
  readonly corpora: readonly { readonly name: string; readonly recordings: number }[];
  /** Every model whose labels or outputs the export carries. */
  readonly models: readonly { readonly name: string; readonly version: string; readonly fileHash: string; readonly modelKey: string }[];
  readonly report: SplitReport;
  /** People whose labels the exported items carry. */
  readonly annotators: number;
  /** Between the annotators of the exported recordings (their own labels, apart from the final one); null when none overlap. */
  readonly agreement: DatasheetAgreement | null;
  /** Every other file of the export (the README cannot list its own hash). */
  readonly files: readonly { readonly path: string; readonly bytes: number; readonly sha256: string }[];
}

/**
 * The export's README.md: what it holds, how it was selected, labelled and
 * split, which models and annotators stand behind the labels, how to load
 * each format, the licence note and every file's SHA-256. It holds no clock
 * time, export id or host name, and lists sort themselves, so the same
 * definition on unchanged data gives the same bytes. Patient codes stay out:
 * the per-patient counts are in the split report file.
 */
export function exportDatasheet(input: DatasheetInput): string {
  const { definition } = input;
  const sections = [
    `# ${oneLine(definition.name)}`,
    contents(input),
    selection(input),
    labels(input),
    splits(input),
    models(input),
    annotators(input),
    formats(definition),
    `## Licence\n\n${definition.licence.length > 0 ? definition.licence : "Not stated: ask the data owner before sharing."}`,
    files(input),
  ];
  return `${sections.join("\n\n").trimEnd()}\n`;
}

function contents({ definition, report, files }: DatasheetInput): string {
  const { totals } = report;
  const unit = definition.level === "recording" ? "whole recordings" : "labelled regions cut out as clips";
  const wavs = files.filter((file) => file.path.toLowerCase().endsWith(".wav")).length;
  const withoutPatient = totals.withoutPatient > 0 ? ` (${count(totals.withoutPatient, "item comes", "items come")} from recordings without a patient)` : "";
  const lines = [
    `A speech-emotion dataset exported from Resonance: ${count(totals.items, "item")} (${unit}) ` +
      `from ${count(totals.recordings, "recording")} of ${count(totals.patients, "patient")}${withoutPatient}.`,
    "",
    `- Labels: ${report.labels.length > 0 ? report.labels.map((label) => `\`${label}\``).join(", ") : "none"}`,
    `- Splits: ${EXPORT_SPLITS.map((split) => `${split} ${report.splits[split].items}`).join(", ")}`,
    `- Audio: ${wavs > 0 ? `${count(wavs, "WAV clip")}, 16 kHz mono` : "no audio files"}`,
  ];
  if (definition.includeModelScores) lines.push("- Model scores: items with a model result carry its nine utterance scores in canonical label order");
  return `## Contents\n\n${lines.join("\n")}`;
}

function selection({ definition, corpora }: DatasheetInput): string {
  const { selection } = definition;
  const lines: string[] = [];
  const sortedCorpora = [...corpora].sort((a, b) => compareText(a.name, b.name) || a.recordings - b.recordings);
  if (sortedCorpora.length > 0) {
    lines.push("Source corpora:", "", ...sortedCorpora.map((corpus) => `- ${oneLine(corpus.name)}: ${count(corpus.recordings, "recording")}`), "");
  }
  lines.push("Selected by:", "");
  if (selection.corpusIds?.length) lines.push(`- ${count(selection.corpusIds.length, "corpus", "corpora")}`);
  if (selection.cohortIds?.length) lines.push(`- ${count(selection.cohortIds.length, "cohort")}`);
  if (selection.recordingIds?.length) lines.push(`- ${count(selection.recordingIds.length, "recording")} named one by one`);
  if (selection.projection) lines.push(`- ${count(selection.projection.pointKeys.length, "point")} selected in projection ${selection.projection.projectionId}`);
  const filters: Record<ExportDefinition["selection"]["filter"], string> = {
    all: "no filter",
    "no-label": "filter: only items without a human label",
    "low-confidence": `filter: only items whose model confidence is below ${formatNumber(selection.lowConfidence, 3)}`,
    disagree: "filter: only items where the human label and the model disagree",
  };
  lines.push(`- ${filters[selection.filter]}`);
  return `## Selection\n\n${lines.join("\n")}`;
}

function labels({ definition, report }: DatasheetInput): string {
  const policy = definition.labelPolicy;
  const policyText =
    policy.kind === "human"
      ? "Human labels only; items without one are left out."
      : policy.kind === "human-over-model"
        ? `The human label where there is one; otherwise the model's top label when its confidence is at least ${formatNumber(policy.minConfidence, 3)}; other items are left out.`
        : `The model's top label when its confidence is at least ${formatNumber(policy.minConfidence, 3)}; human labels are not used.`;
  const mapping = definition.mapping;
  const lines = [`**Label policy.** ${policyText}`, ""];
  if (mapping.kind === "canonical") {
    lines.push("**Label mapping.** The nine emotion2vec+ labels as they are.");
  } else {
    const mapper = createLabelMapper(mapping);
    lines.push(
      mapping.kind === "subset"
        ? "**Label mapping.** A subset of the emotion2vec+ labels; items with other labels are left out."
        : "**Label mapping.** The researcher's own mapping; items whose label maps to nothing are left out.",
      "",
      "| emotion2vec+ label | exported as |",
      "| --- | --- |",
      ...CANONICAL_LABELS.map((label) => `| ${label} | ${mapper.map(label) ?? "(left out)"} |`),
    );
  }
  const { human, model } = report.labelSources;
  const total = human + model;
  lines.push(
    "",
    "**Label sources** (each item records its own as `label_source`):",
    "",
    `- human: ${human}${total > 0 ? ` (${formatNumber((100 * human) / total, 1)} %)` : ""}`,
    `- model: ${model}${total > 0 ? ` (${formatNumber((100 * model) / total, 1)} %)` : ""}`,
  );
  return `## Labels\n\n${lines.join("\n")}`;
}

function splits({ definition, report }: DatasheetInput): string {
  const { splits: settings } = definition;
  const ratios = EXPORT_SPLITS.map((split) => `${split} ${formatNumber(100 * settings[split], 2)} %`).join(", ");
  const disjoint =
    report.sharedPatients.length === 0
      ? "No patient appears in more than one split (checked on the exported items)."
      : `WARNING: ${count(report.sharedPatients.length, "patient appears", "patients appear")} in more than one split; do not use these splits for evaluation.`;
  const lines = [
    `Ratios ${ratios}; seed ${settings.seed}; ${settings.stratify ? "stratified by label" : "not stratified"}.`,
    "",
    "Patient-disjoint: all items of a patient are in one split, and each recording without a patient counts as a patient of its own. " +
      `${disjoint} Splits are assigned greedily one patient at a time, so the ratios are met approximately, more closely the more patients there are.`,
    "",
    "Items per split and label:",
    "",
    splitReportToMarkdown(report).trimEnd(),
  ];
  return `## Splits\n\n${lines.join("\n")}`;
}

function models({ models: list }: DatasheetInput): string {
  if (list.length === 0) return "## Models\n\nNone: no label or output in this export comes from a model.";
  const sorted = [...list].sort((a, b) => compareText(a.name, b.name) || compareText(a.version, b.version) || compareText(a.fileHash, b.fileHash));
  const rows = sorted.map((model) => `| ${markdownCell(model.name)} | ${markdownCell(model.version)} | ${markdownCell(model.modelKey)} | \`${markdownCell(model.fileHash)}\` |`);
  return `## Models\n\n| Name | Version | Key | Model file SHA-256 |\n| --- | --- | --- | --- |\n${rows.join("\n")}`;
}

function annotators({ annotators: people, agreement }: DatasheetInput): string {
  const lines = [`- People whose labels the items carry: ${people}`];
  if (agreement === null) {
    lines.push("- Agreement between annotators: not available (no recording was annotated by two or more annotators)");
  } else {
    const value = (coefficient: number | null) => (coefficient === null ? "not defined" : formatNumber(coefficient, 3));
    lines.push(
      `- Agreement between ${agreement.annotators} annotators on ${count(agreement.items, "item")} annotated by two or more: ` +
        `Krippendorff's alpha (nominal) ${value(agreement.alpha)}, Fleiss' kappa ${value(agreement.fleiss)}` +
        (agreement.fleissExcluded > 0 ? ` (${count(agreement.fleissExcluded, "item")} with another number of annotations left out)` : ""),
    );
    for (const pair of agreement.pairs) {
      lines.push(`  - ${pair.a} and ${pair.b}: ${count(pair.n, "shared item")}, ${pair.observed === null ? "–" : formatNumber(pair.observed * 100, 1)} % identical, Cohen's kappa ${value(pair.kappa)}`);
    }
  }
  return `## Annotators\n\n${lines.join("\n")}`;
}

function formats(definition: ExportDefinition): string {
  const lines = definition.formats.map((format) => `- **${format}**, ${EXPORT_FORMAT_GUIDE[format].title}: ${EXPORT_FORMAT_GUIDE[format].howToLoad}`);
  if (definition.formats.includes("chat-jsonl")) lines.push("", `The chat instruction: "${oneLine(chatInstructionFor(definition))}"`);
  return `## Formats\n\n${lines.join("\n")}`;
}

function files({ files: list }: DatasheetInput): string {
  if (list.length === 0) return "## Files\n\nNo other files.";
  const sorted = [...list].sort((a, b) => compareText(a.path, b.path));
  const rows = sorted.map((file) => `| ${markdownCell(file.path)} | ${file.bytes} | \`${file.sha256}\` |`);
  return `## Files\n\nEvery file but this README, with its size and SHA-256.\n\n| Path | Bytes | SHA-256 |\n| --- | ---: | --- |\n${rows.join("\n")}`;
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Fixed decimals without trailing zeros: 0.5, 80, 33.3. */
function formatNumber(value: number, decimals: number): string {
  const text = value.toFixed(decimals).replace(/\.?0+$/, "");
  return text === "-0" ? "0" : text;
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, " ");
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
