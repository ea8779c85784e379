import { z } from "zod";
import { AnnotationParseError } from "./annotation-parse-error";

export interface LabelStudioRegionLabels {
  /** Seconds from the start of the audio. */
  readonly start: number;
  readonly end: number;
  readonly labels: readonly string[];
}

export interface LabelStudioRegion extends LabelStudioRegionLabels {
  /** Which of the task's annotations (0-based, cancelled ones not counted) the region belongs to. */
  readonly annotation: number;
}

export interface LabelStudioTask {
  readonly id: number | string | null;
  readonly audio: string;
  /** `data.recording_id` when the task came from our export; lets an import find the recording without the URL. */
  readonly recordingId: string | null;
  /** Regions of every annotation that was not cancelled or skipped. */
  readonly regions: readonly LabelStudioRegion[];
  readonly predictions: readonly { readonly modelVersion: string | null; readonly regions: readonly LabelStudioRegionLabels[] }[];
}

export interface ParsedLabelStudio {
  readonly tasks: readonly LabelStudioTask[];
}

export interface LabelStudioParseOptions {
  /** The task data field with the audio URL; by default "audio", else "url" (the names Label Studio's audio templates use). */
  readonly audioKey?: string;
}

const labelsValue = z
  .object({ start: z.number().min(0), end: z.number(), labels: z.array(z.string()) })
  .refine((value) => value.end >= value.start, { message: "end is before start", path: ["end"] });
const resultItem = z.object({ type: z.string(), value: z.unknown() });
const annotation = z.object({
  result: z.array(resultItem),
  was_cancelled: z.boolean().optional(),
  skipped: z.boolean().optional(),
});
const prediction = z.object({ result: z.array(resultItem), model_version: z.union([z.string(), z.number()]).nullish() });
const exportTask = z.object({
  id: z.union([z.number(), z.string()]).nullish(),
  data: z.record(z.string(), z.unknown()),
  annotations: z.array(annotation).optional(),
  // Label Studio before 1.0 called annotations "completions".
  completions: z.array(annotation).optional(),
  predictions: z.array(prediction).optional(),
});
const minRecord = z.record(z.string(), z.unknown());

/**
 * Reads a Label Studio export: the JSON format (tasks with `data`,
 * `annotations[].result[]` and `predictions[]`), a single task object, or
 * JSON-MIN (one flat record per annotation: the data fields, and per
 * Labels tag an array of `{ start, end, labels }`). Only results of type
 * "labels" carry time regions; other results (choices, text areas) are
 * passed over. A malformed task is refused with its JSON path.
 */
export function parseLabelStudio(json: unknown, fileName: string, options: LabelStudioParseOptions = {}): ParsedLabelStudio {
  const items = Array.isArray(json) ? json : [json];
  const at = (index: number) => (Array.isArray(json) ? `tasks[${index}]` : "task");
  return {
    tasks: items.map((item, index) =>
      isObject(item) && "data" in item ? exportFormatTask(item, at(index), fileName, options) : jsonMinTask(item, at(index), fileName, options),
    ),
  };
}

function exportFormatTask(item: unknown, path: string, fileName: string, options: LabelStudioParseOptions): LabelStudioTask {
  const task = validated(exportTask, item, path, fileName);
  const regions: LabelStudioRegion[] = [];
  const annotationsKey = task.annotations ? "annotations" : "completions";
  let annotationNumber = 0;
  (task.annotations ?? task.completions ?? []).forEach((entry, entryIndex) => {
    if (entry.was_cancelled || entry.skipped) return;
    for (const region of labelRegions(entry.result, `${path}.${annotationsKey}[${entryIndex}]`, fileName)) regions.push({ ...region, annotation: annotationNumber });
    annotationNumber++;
  });
  const predictions = (task.predictions ?? []).map((entry, entryIndex) => ({
    modelVersion: entry.model_version === null || entry.model_version === undefined ? null : String(entry.model_version),
    regions: labelRegions(entry.result, `${path}.predictions[${entryIndex}]`, fileName),
  }));
  const recordingId = task.data.recording_id;
  return {
    id: task.id ?? null,
    audio: audioOf(task.data, `${path}.data`, fileName, options),
    recordingId: typeof recordingId === "string" ? recordingId : null,
    regions,
    predictions,
  };
}

function jsonMinTask(item: unknown, path: string, fileName: string, options: LabelStudioParseOptions): LabelStudioTask {
  const record = validated(minRecord, item, path, fileName);
  const regions: LabelStudioRegion[] = [];
  for (const [key, value] of Object.entries(record)) {
    if (!Array.isArray(value) || !value.some((entry) => isObject(entry) && "labels" in entry)) continue;
    value.forEach((entry, entryIndex) => {
      regions.push({ ...validated(labelsValue, entry, `${path}.${key}[${entryIndex}]`, fileName), annotation: 0 });
    });
  }
  const id = record.id;
  const recordingId = record.recording_id;
  return {
    id: typeof id === "number" || typeof id === "string" ? id : null,
    audio: audioOf(record, path, fileName, options),
    recordingId: typeof recordingId === "string" ? recordingId : null,
    regions,
    predictions: [],
  };
}

function labelRegions(results: readonly z.infer<typeof resultItem>[], path: string, fileName: string): LabelStudioRegionLabels[] {
  const regions: LabelStudioRegionLabels[] = [];
  results.forEach((result, index) => {
    if (result.type === "labels") regions.push(validated(labelsValue, result.value, `${path}.result[${index}].value`, fileName));
  });
  return regions;
}

function audioOf(data: Readonly<Record<string, unknown>>, path: string, fileName: string, options: LabelStudioParseOptions): string {
  const keys = options.audioKey !== undefined ? [options.audioKey] : ["audio", "url"];
  for (const key of keys) {
    const value = data[key];
    if (typeof value === "string" && value !== "") return value;
  }
  throw new AnnotationParseError(
    "LABEL_STUDIO_INVALID",
    `cannot import ${fileName}: ${path} has no ${keys.map((key) => `"${key}"`).join(" or ")} field with the task's audio URL; pass audioKey if the project's config uses another name`,
  );
}

function validated<Schema extends z.ZodType>(schema: Schema, value: unknown, path: string, fileName: string): z.infer<Schema> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const where = path + issue.path.map((key) => (typeof key === "number" ? `[${key}]` : `.${String(key)}`)).join("");
  throw new AnnotationParseError("LABEL_STUDIO_INVALID", `cannot import ${fileName}: ${where}: ${issue.message}`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
