import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Database } from "../db/database";
import {
  clearNotebookOutputs,
  createNotebook,
  duplicateNotebook,
  listNotebooks,
  NotebookNotFoundError,
  readNotebook,
  renameNotebook,
  saveNotebookCells,
  setNotebookDeleted,
} from "../db/notebook.repository";
import type { CellStaleness } from "../domain/notebook/cell-staleness";
import type { NotebookCell, NotebookDocument, NotebookListing } from "../domain/notebook/notebook-cell";
import { errorResponse } from "../http/error-response";
import { isUuid } from "../http/search-params";
import { cellListSchema, notebookTitleSchema } from "./notebook-cell-schema";
import { NotebookCellRunError, notebookStaleness, runNotebookCell } from "./run-notebook-cell";
import { problemsOf } from "../http/zod-problems";

/**
 * The notebook routes: GET/POST /api/notebooks, GET/PATCH/DELETE
 * /api/notebooks/:id, PUT /api/notebooks/:id/cells, POST
 * /api/notebooks/:id/duplicate, /clear and /cells/:cellId/run. Every answer
 * that carries a notebook carries each cell's staleness with it.
 */

export interface NotebookListJson {
  notebooks: NotebookListing[];
}

export interface NotebookJson {
  notebook: NotebookDocument;
  staleness: Record<string, CellStaleness>;
}

export interface CellRunJson {
  cell: NotebookCell;
  staleness: Record<string, CellStaleness>;
}

const json = (body: unknown, status = 200) => Response.json(body, { status, headers: { "Cache-Control": "no-store" } });


const invalid = (what: string, error: z.ZodError) => errorResponse(400, `Invalid ${what}. ${problemsOf(error)}`, "NOTEBOOK_INVALID");
const notFound = (id: string) => errorResponse(404, `Notebook ${id} does not exist or is in the trash.`, "NOTEBOOK_NOT_FOUND");

async function notebookAnswer(database: Database, id: string, status = 200): Promise<Response> {
  const notebook = await readNotebook(database.prisma, id);
  if (!notebook) return notFound(id);
  return json({ notebook, staleness: await notebookStaleness(database, notebook) } satisfies NotebookJson, status);
}

export async function serveNotebookList(database: Database): Promise<Response> {
  return json({ notebooks: await listNotebooks(database.prisma) } satisfies NotebookListJson);
}

const createSchema = z.object({ title: notebookTitleSchema, cells: cellListSchema.optional() }, { error: "must be an object { title, cells? }" });

export async function serveNotebookCreate(database: Database, body: unknown): Promise<Response> {
  const parsed = createSchema.safeParse(body);
  if (!parsed.success) return invalid("notebook", parsed.error);
  const id = await createNotebook(database.prisma, parsed.data.title, parsed.data.cells ?? []);
  return notebookAnswer(database, id, 201);
}

export async function serveNotebookRead(database: Database, id: string): Promise<Response> {
  if (!isUuid(id)) return notFound(id);
  return notebookAnswer(database, id.toLowerCase());
}

const patchSchema = z
  .object({ title: notebookTitleSchema.optional(), deleted: z.boolean({ error: "must be true or false" }).optional() }, { error: "must be an object { title?, deleted? }" })
  .strict()
  .refine((body) => body.title !== undefined || body.deleted !== undefined, { error: "must change the title or deleted" });

/** Renames, moves to the trash (deleted: true) or restores (deleted: false). */
export async function serveNotebookPatch(database: Database, id: string, body: unknown): Promise<Response> {
  if (!isUuid(id)) return notFound(id);
  const parsed = patchSchema.safeParse(body);
  if (!parsed.success) return invalid("notebook change", parsed.error);
  const notebookId = id.toLowerCase();
  if (parsed.data.deleted !== undefined) {
    const changed = await setNotebookDeleted(database.prisma, notebookId, parsed.data.deleted);
    if (!changed) return errorResponse(404, `Notebook ${id} is not ${parsed.data.deleted ? "open" : "in the trash"}.`, "NOTEBOOK_NOT_FOUND");
  }
  if (parsed.data.title !== undefined && !(await renameNotebook(database.prisma, notebookId, parsed.data.title))) return notFound(id);
  if (parsed.data.deleted === true) return json({ deleted: { id: notebookId } });
  return notebookAnswer(database, notebookId);
}

export async function serveNotebookDuplicate(database: Database, id: string): Promise<Response> {
  if (!isUuid(id)) return notFound(id);
  const original = await readNotebook(database.prisma, id.toLowerCase());
  if (!original) return notFound(id);
  const copyId = await duplicateNotebook(database.prisma, original.id, `${original.title} (copy)`, randomUUID);
  return notebookAnswer(database, copyId, 201);
}

const cellsSchema = z.object({ cells: cellListSchema }, { error: "must be an object { cells }" });

/** Saves the whole cell list (order, kinds, sources, settings) in one transaction. */
export async function serveNotebookCellsSave(database: Database, id: string, body: unknown): Promise<Response> {
  if (!isUuid(id)) return notFound(id);
  const parsed = cellsSchema.safeParse(body);
  if (!parsed.success) return invalid("cells", parsed.error);
  try {
    await saveNotebookCells(database.prisma, id.toLowerCase(), parsed.data.cells);
  } catch (error) {
    if (error instanceof NotebookNotFoundError) return notFound(id);
    throw error;
  }
  return notebookAnswer(database, id.toLowerCase());
}

export async function serveNotebookCellRun(database: Database, id: string, cellId: string): Promise<Response> {
  if (!isUuid(id)) return notFound(id);
  if (!isUuid(cellId)) return errorResponse(404, `Cell ${cellId} does not exist.`, "CELL_NOT_FOUND");
  try {
    const cell = await runNotebookCell(database, id.toLowerCase(), cellId.toLowerCase());
    const notebook = await readNotebook(database.prisma, id.toLowerCase());
    const staleness = notebook ? await notebookStaleness(database, notebook) : {};
    return json({ cell, staleness } satisfies CellRunJson);
  } catch (error) {
    if (error instanceof NotebookCellRunError) return errorResponse(error.code === "CELL_NOT_RUNNABLE" ? 400 : 404, error.message, error.code);
    throw error;
  }
}

export async function serveNotebookClear(database: Database, id: string): Promise<Response> {
  if (!isUuid(id)) return notFound(id);
  await clearNotebookOutputs(database.prisma, id.toLowerCase());
  return notebookAnswer(database, id.toLowerCase());
}
