import { z } from "zod";
import { EXPLORER_FILTERS } from "../explorer-filter";
import { canonicalJson } from "./canonical-json";
import { EXPORT_SPLITS } from "./export-item";
import { createLabelMapper, labelMappingSchema } from "./label-mapping";
import { labelPolicySchema, policyUsesModel } from "./label-policy";
import { RATIO_TOLERANCE } from "./split-assignment";

/**
 * What a researcher asks to export, validated once here for the route, the
 * server action and the job. The job stores the parsed form, so running a
 * saved definition again on unchanged data means the same thing and gives
 * the same bytes. Id lists are sorted and de-duplicated on parsing, so the
 * order things were clicked in changes neither the files nor the hash.
 */

export const EXPORT_FORMATS = [
  "jsonl",
  "audiofolder",
  "fairseq",
  "items-csv",
  "items-tsv",
  "curves-csv",
  "embeddings-npy",
  "textgrid",
  "eaf",
  "rttm",
  "audacity",
  "chat-jsonl",
  "label-studio",
] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Formats whose content comes from the model's outputs rather than from labels. */
export const MODEL_OUTPUT_FORMATS: readonly ExportFormat[] = ["curves-csv", "embeddings-npy"];

export const EXPORT_LEVELS = ["recording", "region"] as const;
export type ExportLevel = (typeof EXPORT_LEVELS)[number];

export const MAX_EXPORT_SELECTION = 200_000;

export const DEFAULT_LICENCE = "Not stated: ask the data owner before sharing.";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A projection point: "<recording uuid>|<region uuid>", or "<recording uuid>|" for a whole recording. */
const POINT_KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\|([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})?$/i;

const sortedUnique = (values: readonly string[]): string[] => [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

const idList = (field: string, what: string) =>
  z
    .array(z.string().regex(UUID, { error: `selection.${field} must hold ${what} UUIDs` }), { error: `selection.${field} must be a list of ${what} UUIDs` })
    .max(MAX_EXPORT_SELECTION, { error: `selection.${field} may hold at most ${MAX_EXPORT_SELECTION} ids` })
    .transform((ids) => sortedUnique(ids.map((id) => id.toLowerCase())));

const NOTHING_SELECTED = "selection must name corpora, cohorts, recordings or projection points to export";

export const exportSelectionSchema = z
  .object({
    corpusIds: idList("corpusIds", "corpus").optional(),
    cohortIds: idList("cohortIds", "cohort").optional(),
    recordingIds: idList("recordingIds", "recording").optional(),
    /** Narrows what the other fields select; selects nothing on its own. */
    filter: z.enum(EXPLORER_FILTERS, { error: `selection.filter must be one of ${EXPLORER_FILTERS.join(", ")}` }).default("all"),
    /** The threshold of the low-confidence filter, as in the explorer. */
    lowConfidence: z
      .number({ error: "selection.lowConfidence must be a number" })
      .gt(0, { error: "selection.lowConfidence must be above 0" })
      .max(1, { error: "selection.lowConfidence must be at most 1" })
      .default(0.5),
    /** A lasso or box selection in a projection. */
    projection: z
      .object({
        projectionId: z.string().regex(UUID, { error: "selection.projection.projectionId must be a projection's UUID" }),
        pointKeys: z
          .array(z.string().regex(POINT_KEY, { error: "selection.projection.pointKeys must look like '<recording id>|<region id>' or '<recording id>|'" }))
          .min(1, { error: "selection.projection.pointKeys is empty: select points in the projection first" })
          .max(MAX_EXPORT_SELECTION, { error: `selection.projection.pointKeys may hold at most ${MAX_EXPORT_SELECTION} points` })
          .transform((keys) => sortedUnique(keys.map((key) => key.toLowerCase()))),
      })
      .strict()
      .optional(),
  }, { error: NOTHING_SELECTED })
  .strict()
  .refine(
    (selection) =>
      (selection.corpusIds?.length ?? 0) + (selection.cohortIds?.length ?? 0) + (selection.recordingIds?.length ?? 0) > 0 || selection.projection !== undefined,
    { error: NOTHING_SELECTED },
  );
export type ExportSelection = z.infer<typeof exportSelectionSchema>;

const ratio = (split: string) =>
  z
    .number({ error: `splits.${split} must be a number from 0 to 1` })
    .min(0, { error: `splits.${split} must be at least 0` })
    .max(1, { error: `splits.${split} must be at most 1` });

export const splitSettingsSchema = z
  .object({
    train: ratio("train"),
    validation: ratio("validation"),
    test: ratio("test"),
    seed: z
      .number({ error: "splits.seed must be a whole number" })
      .int({ error: "splits.seed must be a whole number" })
      .min(0, { error: "splits.seed must be a whole number from 0 to 4294967295" })
      .max(2 ** 32 - 1, { error: "splits.seed must be a whole number from 0 to 4294967295" })
      .default(1),
    /** Balance each label's share across splits, not only the item counts. */
    stratify: z.boolean({ error: "splits.stratify must be true or false" }).default(true),
  })
  .strict()
  .refine((splits) => Math.abs(EXPORT_SPLITS.reduce((sum, split) => sum + splits[split], 0) - 1) <= RATIO_TOLERANCE, {
    error: "splits.train, splits.validation and splits.test must add up to 1",
  });
export type SplitSettings = z.infer<typeof splitSettingsSchema>;

export const exportDefinitionSchema = z
  .object({
    name: z
      .string({ error: "name must be text" })
      .trim()
      .min(1, { error: "name must not be empty" })
      .max(200, { error: "name must be at most 200 characters" })
      .regex(/^[^\p{Cc}]*$/u, { error: "name must be one line without control characters" }),
    selection: exportSelectionSchema,
    level: z.enum(EXPORT_LEVELS, { error: "level must be recording or region" }),
    labelPolicy: labelPolicySchema,
    /** The database id of the model whose labels, scores, curves or embeddings are exported. */
    modelId: z.string().regex(UUID, { error: "modelId must be a model's UUID" }).transform((id) => id.toLowerCase()).optional(),
    mapping: labelMappingSchema.default({ kind: "canonical" }),
    splits: splitSettingsSchema.default({ train: 0.8, validation: 0.1, test: 0.1, seed: 1, stratify: true }),
    formats: z
      .array(z.enum(EXPORT_FORMATS, { error: `formats must be among ${EXPORT_FORMATS.join(", ")}` }), { error: "formats must be a list" })
      .min(1, { error: "formats must name at least one format" })
      .transform((formats) => EXPORT_FORMATS.filter((format) => formats.includes(format))),
    /** Add the model's nine utterance scores to each item (manifests that have a place for them). */
    includeModelScores: z.boolean({ error: "includeModelScores must be true or false" }).default(false),
    licence: z.string({ error: "licence must be text" }).trim().max(2000, { error: "licence must be at most 2000 characters" }).default(DEFAULT_LICENCE),
    /**
     * The user turn of chat-jsonl. Absent means chatInstructionFor's default,
     * worked out from the mapping when the export runs, so editing the mapping
     * of a saved definition cannot leave a stale label list in the prompt.
     */
    chatInstruction: z
      .string({ error: "chatInstruction must be text" })
      .trim()
      .min(1, { error: "chatInstruction must not be empty (leave it out for the default)" })
      .max(2000, { error: "chatInstruction must be at most 2000 characters" })
      .optional(),
  }, { error: "an export definition must be an object with name, selection, level, labelPolicy and formats" })
  .strict()
  .superRefine((definition, context) => {
    if (definition.selection.filter === "no-label" && definition.labelPolicy.kind === "human") {
      context.addIssue({
        code: "custom",
        path: ["selection", "filter"],
        message: "selection.filter no-label keeps only items without a human label, and labelPolicy human exports only human labels: nothing would be exported",
      });
    }
    if (definition.modelId !== undefined) return;
    const reasons: string[] = [];
    if (policyUsesModel(definition.labelPolicy)) reasons.push(`labelPolicy ${definition.labelPolicy.kind} takes labels from a model`);
    if (definition.includeModelScores) reasons.push("includeModelScores is on");
    const modelFormats = definition.formats.filter((format) => MODEL_OUTPUT_FORMATS.includes(format));
    if (modelFormats.length > 0) reasons.push(`${modelFormats.join(" and ")} ${modelFormats.length === 1 ? "comes" : "come"} from a model`);
    if (reasons.length > 0) context.addIssue({ code: "custom", path: ["modelId"], message: `modelId is required: ${reasons.join("; ")}` });
  });
export type ExportDefinitionInput = z.input<typeof exportDefinitionSchema>;
export type ExportDefinition = z.infer<typeof exportDefinitionSchema>;

/** True when the export needs results from its model at all. */
export function definitionUsesModel(definition: ExportDefinition): boolean {
  return (
    policyUsesModel(definition.labelPolicy) || definition.includeModelScores || definition.formats.some((format) => MODEL_OUTPUT_FORMATS.includes(format))
  );
}

/** The chat-jsonl instruction: the definition's own, or one that lists the export's label set. */
export function chatInstructionFor(definition: Pick<ExportDefinition, "mapping" | "chatInstruction">): string {
  if (definition.chatInstruction !== undefined) return definition.chatInstruction;
  const labels = createLabelMapper(definition.mapping).targetLabels;
  return `Listen to the audio and name the emotion the speaker expresses. Answer with exactly one of: ${labels.join(", ")}.`;
}

/**
 * The text to hash (SHA-256 in node code) to identify a definition: a version
 * line and the parsed definition as canonical JSON. Parse first, so defaults
 * and normalised lists are part of it and a definition written with or
 * without its defaults gives the same text.
 */
export function definitionHashInput(definition: ExportDefinition): string {
  return `resonance-export-definition/1\n${canonicalJson(definition)}`;
}
