import { z } from "zod";
import type {
  ChartCellSettings,
  ChartSpec,
  MarkdownCellSettings,
  NotebookCellKind,
  NotebookViewSpec,
  SqlCellSettings,
  ViewCellSettings,
} from "./notebook-cell";

/**
 * Validation of each cell kind's settings when they arrive from outside the
 * editor: an imported .ipynb's cell metadata, JSON read back from storage.
 * Unknown keys are dropped rather than refused so a notebook written by a
 * newer Resonance still imports. The row limit's upper bound is the query
 * runner's to enforce; here it only has to be a positive whole number.
 */

const columnName = (field: string) => z.string({ error: `${field} must be a column name` }).min(1, { error: `${field} must not be empty` });

export const chartSpecSchema = z
  .object({
    type: z.enum(["bar", "line", "scatter", "box"], { error: "spec.type must be bar, line, scatter or box" }),
    x: columnName("spec.x"),
    y: columnName("spec.y").optional(),
    colour: columnName("spec.colour").optional(),
    facet: columnName("spec.facet").optional(),
    aggregate: z.enum(["none", "count", "sum", "mean"], { error: "spec.aggregate must be none, count, sum or mean" }),
    title: z.string({ error: "spec.title must be text" }).optional(),
  })
  .refine((spec) => spec.aggregate === "count" || spec.y !== undefined, { error: "spec.y is required unless spec.aggregate is count" }) satisfies z.ZodType<ChartSpec>;

const id = (field: string) => z.string({ error: `${field} must be an id` }).min(1, { error: `${field} must not be empty` });
const seconds = (field: string) => z.number({ error: `${field} must be a number of seconds` }).finite().min(0, { error: `${field} must be at least 0` });

export const notebookViewSpecSchema = z.discriminatedUnion(
  "kind",
  [
    z
      .object({ kind: z.literal("recording"), recordingId: id("view.recordingId"), startSeconds: seconds("view.startSeconds"), endSeconds: seconds("view.endSeconds") })
      .refine((view) => view.endSeconds > view.startSeconds, { error: "view.endSeconds must be after view.startSeconds" }),
    z.object({ kind: z.literal("projection"), projectionId: id("view.projectionId") }),
    z.object({ kind: z.literal("comparison"), cohortIds: z.array(id("view.cohortIds[]"), { error: "view.cohortIds must be a list" }) }),
    z.object({ kind: z.literal("trajectory"), patientId: id("view.patientId") }),
  ],
  { error: "view.kind must be recording, projection, comparison or trajectory" },
) satisfies z.ZodType<NotebookViewSpec>;

export const sqlCellSettingsSchema = z.object({
  limit: z.number({ error: "limit must be a number" }).int({ error: "limit must be a whole number" }).min(1, { error: "limit must be at least 1" }).optional(),
}) satisfies z.ZodType<SqlCellSettings>;

export const chartCellSettingsSchema = z.object({
  sourceCellId: id("sourceCellId").nullable(),
  spec: chartSpecSchema,
}) satisfies z.ZodType<ChartCellSettings>;

export const viewCellSettingsSchema = z.object({ view: notebookViewSpecSchema.nullable() }) satisfies z.ZodType<ViewCellSettings>;

export const markdownCellSettingsSchema = z.object({}).transform((): MarkdownCellSettings => ({}));

export type ParsedCellSettings =
  | { kind: "markdown"; settings: MarkdownCellSettings }
  | { kind: "sql"; settings: SqlCellSettings }
  | { kind: "chart"; settings: ChartCellSettings }
  | { kind: "view"; settings: ViewCellSettings };

export type CellSettingsResult = ({ ok: true } & ParsedCellSettings) | { ok: false; problem: string };

function first(error: z.ZodError): string {
  return error.issues[0]?.message ?? "the settings are not valid";
}

/** The settings of a cell of `kind`, or the first problem found, worded for the researcher. Absent settings count as {}. */
export function parseCellSettings(kind: NotebookCellKind, value: unknown): CellSettingsResult {
  const input = value === undefined ? {} : value;
  switch (kind) {
    case "markdown": {
      const parsed = markdownCellSettingsSchema.safeParse(input);
      return parsed.success ? { ok: true, kind, settings: parsed.data } : { ok: false, problem: first(parsed.error) };
    }
    case "sql": {
      const parsed = sqlCellSettingsSchema.safeParse(input);
      return parsed.success ? { ok: true, kind, settings: parsed.data } : { ok: false, problem: first(parsed.error) };
    }
    case "chart": {
      const parsed = chartCellSettingsSchema.safeParse(input);
      return parsed.success ? { ok: true, kind, settings: parsed.data } : { ok: false, problem: first(parsed.error) };
    }
    case "view": {
      const parsed = viewCellSettingsSchema.safeParse(input);
      return parsed.success ? { ok: true, kind, settings: parsed.data } : { ok: false, problem: first(parsed.error) };
    }
  }
}
