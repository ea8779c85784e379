import { randomUUID } from "node:crypto";
import { z } from "zod";
import { authorize } from "../auth/authorize";
import { auditActorOf, refuseUnlessAnywhere, seesEverything } from "../auth/workspace-checks";
import type { Database } from "../db/database";
import {
  clearNotebookOutputs,
  createNotebook,
  duplicateNotebook,
  findNotebookOwner,
  listNotebooks,
  NotebookNotFoundError,
  readNotebook,
  renameNotebook,
  saveNotebookCells,
  setNotebookDeleted,
} from "../db/notebook.repository";
import { type Actor, workspacesWhere } from "../domain/access/workspace-access";
import type { CellStaleness } from "../domain/notebook/cell-staleness";
import type { NotebookCell, NotebookDocument, NotebookListing } from "../domain/notebook/notebook-cell";
import { errorResponse } from "../http/error-response";
import { isUuid } from "../http/search-params";
import { cellListSchema, notebookTitleSchema } from "./notebook-cell-schema";
import { type CellRunAccess, NotebookCellRunError, notebookStaleness, runNotebookCell } from "./run-notebook-cell";
import { notebookSqlAccess } from "./notebook-sql-access";
import { problemsOf } from "../http/zod-problems";

/**
 * The notebook routes: GET/POST /api/notebooks, GET/PATCH/DELETE
 * /api/notebooks/:id, PUT /api/notebooks/:id/cells, POST
 * /api/notebooks/:id/duplicate, /clear and /cells/:cellId/run. Every answer
 * that carries a notebook carries each cell's staleness with it.
 *
 * With accounts on, a notebook is its creator's: others (but site
 * administrators) neither list nor open it, and its id answers 404 as if it
 * did not exist. Writing one needs "analyse" in some workspace. A SQL cell
 * reads the notebook views within the workspaces where the runner may
 * "analyse" (notebook-sql-access.ts), a view cell shows only what the runner
 * may read, and staleness is judged as seen by whoever asks.
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

type HeaderCarrier = Pick<Request, "headers">;
type Access = { ok: true; actor: Actor; address: string; id: string } | { ok: false; response: Response };

/**
 * Who asks, and whether the notebook is theirs to open (`write`: and to
 * change). Resolves the id lower-cased.
 */
async function authorizeNotebook(database: Database, request: HeaderCarrier, id: string, write: boolean): Promise<Access> {
  const auth = await authorize(database, request, write ? "analyse" : "read");
  if (!auth.ok) return auth;
  if (!isUuid(id)) return { ok: false, response: notFound(id) };
  const notebookId = id.toLowerCase();
  if (!seesEverything(auth.actor)) {
    const owner = await findNotebookOwner(database.prisma, notebookId);
    if (owner?.ownerId !== auth.actor.userId) return { ok: false, response: notFound(id) };
  }
  const refused = write ? refuseUnlessAnywhere(auth.actor, "analyse", "write notebooks") : null;
  return refused ? { ok: false, response: refused } : { ...auth, id: notebookId };
}

/** What the actor's cells may show: SQL over the workspaces where they may analyse, views over those they may read. */
function cellRunAccessOf(actor: Actor): CellRunAccess {
  return { sql: workspacesWhere(actor, "analyse"), view: workspacesWhere(actor, "read") };
}

async function notebookAnswer(database: Database, actor: Actor, id: string, status = 200): Promise<Response> {
  const notebook = await readNotebook(database.prisma, id);
  if (!notebook) return notFound(id);
  return json({ notebook, staleness: await notebookStaleness(database, notebook, cellRunAccessOf(actor)) } satisfies NotebookJson, status);
}

export async function serveNotebookList(database: Database, request: HeaderCarrier): Promise<Response> {
  const auth = await authorize(database, request, "read");
  if (!auth.ok) return auth.response;
  const filter = seesEverything(auth.actor) ? {} : { ownerId: auth.actor.userId };
  return json({ notebooks: await listNotebooks(database.prisma, new Date(), filter) } satisfies NotebookListJson);
}

const createSchema = z.object({ title: notebookTitleSchema, cells: cellListSchema.optional() }, { error: "must be an object { title, cells? }" });

export async function serveNotebookCreate(database: Database, request: HeaderCarrier, body: unknown): Promise<Response> {
  const auth = await authorize(database, request, "analyse");
  if (!auth.ok) return auth.response;
  const refused = refuseUnlessAnywhere(auth.actor, "analyse", "write notebooks");
  if (refused) return refused;
  const parsed = createSchema.safeParse(body);
  if (!parsed.success) return invalid("notebook", parsed.error);
  const id = await createNotebook(database.prisma, parsed.data.title, parsed.data.cells ?? [], auth.actor.userId);
  return notebookAnswer(database, auth.actor, id, 201);
}

export async function serveNotebookRead(database: Database, request: HeaderCarrier, id: string): Promise<Response> {
  const access = await authorizeNotebook(database, request, id, false);
  if (!access.ok) return access.response;
  return notebookAnswer(database, access.actor, access.id);
}

const patchSchema = z
  .object({ title: notebookTitleSchema.optional(), deleted: z.boolean({ error: "must be true or false" }).optional() }, { error: "must be an object { title?, deleted? }" })
  .strict()
  .refine((body) => body.title !== undefined || body.deleted !== undefined, { error: "must change the title or deleted" });

/** Renames, moves to the trash (deleted: true) or restores (deleted: false). */
export async function serveNotebookPatch(database: Database, request: HeaderCarrier, id: string, body: unknown): Promise<Response> {
  const access = await authorizeNotebook(database, request, id, true);
  if (!access.ok) return access.response;
  const parsed = patchSchema.safeParse(body);
  if (!parsed.success) return invalid("notebook change", parsed.error);
  const notebookId = access.id;
  if (parsed.data.deleted !== undefined) {
    const audit = parsed.data.deleted
      ? { ...auditActorOf(access.actor), action: "notebook.delete" as const, targetType: "notebook", targetId: notebookId, address: access.address }
      : undefined;
    const changed = await setNotebookDeleted(database.prisma, notebookId, parsed.data.deleted, new Date(), audit);
    if (!changed) return errorResponse(404, `Notebook ${id} is not ${parsed.data.deleted ? "open" : "in the trash"}.`, "NOTEBOOK_NOT_FOUND");
  }
  if (parsed.data.title !== undefined && !(await renameNotebook(database.prisma, notebookId, parsed.data.title))) return notFound(id);
  if (parsed.data.deleted === true) return json({ deleted: { id: notebookId } });
  return notebookAnswer(database, access.actor, notebookId);
}

export async function serveNotebookDuplicate(database: Database, request: HeaderCarrier, id: string): Promise<Response> {
  const access = await authorizeNotebook(database, request, id, true);
  if (!access.ok) return access.response;
  const original = await readNotebook(database.prisma, access.id);
  if (!original) return notFound(id);
  const copyId = await duplicateNotebook(database.prisma, original.id, `${original.title} (copy)`, randomUUID, access.actor.userId);
  return notebookAnswer(database, access.actor, copyId, 201);
}

const cellsSchema = z.object({ cells: cellListSchema }, { error: "must be an object { cells }" });

/** Saves the whole cell list (order, kinds, sources, settings) in one transaction. */
export async function serveNotebookCellsSave(database: Database, request: HeaderCarrier, id: string, body: unknown): Promise<Response> {
  const access = await authorizeNotebook(database, request, id, true);
  if (!access.ok) return access.response;
  const parsed = cellsSchema.safeParse(body);
  if (!parsed.success) return invalid("cells", parsed.error);
  try {
    await saveNotebookCells(database.prisma, access.id, parsed.data.cells);
  } catch (error) {
    if (error instanceof NotebookNotFoundError) return notFound(id);
    throw error;
  }
  return notebookAnswer(database, access.actor, access.id);
}

export async function serveNotebookCellRun(database: Database, request: HeaderCarrier, id: string, cellId: string): Promise<Response> {
  const access = await authorizeNotebook(database, request, id, true);
  if (!access.ok) return access.response;
  if (!isUuid(cellId)) return errorResponse(404, `Cell ${cellId} does not exist.`, "CELL_NOT_FOUND");
  const { actor } = access;
  const saved = await readNotebook(database.prisma, access.id);
  if (saved?.cells.find((cell) => cell.id === cellId.toLowerCase())?.kind === "sql") {
    const sql = notebookSqlAccess(actor);
    if (!sql.ok) return sql.response;
  }
  const runAccess = cellRunAccessOf(actor);
  try {
    const cell = await runNotebookCell(database, access.id, cellId.toLowerCase(), runAccess);
    const notebook = await readNotebook(database.prisma, access.id);
    const staleness = notebook ? await notebookStaleness(database, notebook, runAccess) : {};
    return json({ cell, staleness } satisfies CellRunJson);
  } catch (error) {
    if (error instanceof NotebookCellRunError) return errorResponse(error.code === "CELL_NOT_RUNNABLE" ? 400 : 404, error.message, error.code);
    throw error;
  }
}

export async function serveNotebookClear(database: Database, request: HeaderCarrier, id: string): Promise<Response> {
  const access = await authorizeNotebook(database, request, id, true);
  if (!access.ok) return access.response;
  await clearNotebookOutputs(database.prisma, access.id);
  return notebookAnswer(database, access.actor, access.id);
}
