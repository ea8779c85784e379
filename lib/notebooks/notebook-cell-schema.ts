import { z } from "zod";
import { isUuid } from "../http/search-params";
import { MAX_NOTEBOOK_ROW_LIMIT } from "./run-notebook-query";
import { MAX_NOTEBOOK_SQL_LENGTH } from "./serve-notebook-query";

/** The shape of a saved cell, checked at the route: a cell that passes can be stored and run. */

const UUID_MESSAGE = "must be a UUID (8-4-4-4-12 hexadecimal digits)";
const uuid = z
  .string({ error: UUID_MESSAGE })
  .refine(isUuid, { error: UUID_MESSAGE })
  .transform((value) => value.toLowerCase());
const columnName = z.string({ error: "must be a column name" }).min(1, { error: "must name a column" }).max(200);
const seconds = z.number({ error: "must be a number of seconds" }).finite().min(0, { error: "must not be negative" });

export const chartSpecSchema = z.object({
  type: z.enum(["bar", "line", "scatter", "box"], { error: "must be bar, line, scatter or box" }),
  x: columnName,
  y: columnName.optional(),
  colour: columnName.optional(),
  facet: columnName.optional(),
  aggregate: z.enum(["none", "count", "sum", "mean"], { error: "must be none, count, sum or mean" }),
  title: z.string().max(300).optional(),
});

export const viewSpecSchema = z.discriminatedUnion(
  "kind",
  [
    z
      .object({ kind: z.literal("recording"), recordingId: uuid, startSeconds: seconds, endSeconds: seconds })
      .refine((view) => view.endSeconds > view.startSeconds, { error: "endSeconds must be after startSeconds", path: ["endSeconds"] }),
    z.object({ kind: z.literal("projection"), projectionId: uuid }),
    z.object({ kind: z.literal("comparison"), cohortIds: z.array(uuid).min(2, { error: "must list at least two cohorts" }).max(12) }),
    z.object({ kind: z.literal("trajectory"), patientId: uuid }),
  ],
  { error: "must be a recording, projection, comparison or trajectory view" },
);

const source = z.string({ error: "must be text" }).max(MAX_NOTEBOOK_SQL_LENGTH, { error: `must be at most ${MAX_NOTEBOOK_SQL_LENGTH} characters` });

export const cellDraftSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ id: uuid, kind: z.literal("markdown"), source, settings: z.object({}).strict().default({}) }),
    z.object({
      id: uuid,
      kind: z.literal("sql"),
      source,
      settings: z.object({ limit: z.number().int().min(1).max(MAX_NOTEBOOK_ROW_LIMIT).optional() }).strict().default({}),
    }),
    z.object({ id: uuid, kind: z.literal("chart"), source, settings: z.object({ sourceCellId: uuid.nullable(), spec: chartSpecSchema }).strict() }),
    z.object({ id: uuid, kind: z.literal("view"), source, settings: z.object({ view: viewSpecSchema.nullable() }).strict() }),
  ],
  { error: "must be a markdown, sql, chart or view cell" },
);

export const MAX_NOTEBOOK_CELLS = 500;

export const cellListSchema = z
  .array(cellDraftSchema, { error: "must be a list of cells" })
  .max(MAX_NOTEBOOK_CELLS, { error: `must hold at most ${MAX_NOTEBOOK_CELLS} cells` })
  .refine((cells) => new Set(cells.map((cell) => cell.id)).size === cells.length, { error: "must not list a cell id twice" });

export const notebookTitleSchema = z
  .string({ error: "must be the notebook's title" })
  .trim()
  .min(1, { error: "must not be empty" })
  .max(200, { error: "must be at most 200 characters" });
