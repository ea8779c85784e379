import type { CellProvenance, NotebookCell, NotebookCellKind, NotebookCellOutput, NotebookDocument, NotebookListing } from "../domain/notebook/notebook-cell";
import type { AuditEventInput } from "../domain/audit-event";
import { recordAuditEvent } from "./audit.repository";
import { Prisma, type PrismaClient } from "./generated/client";

/**
 * Notebook documents and their cells. A cell's structure (kind, source,
 * settings, order) is saved as a whole list in one transaction; its output
 * and provenance are written only by a run, so saving the structure never
 * loses an output. Deleting a notebook only stamps deletedAt: it stays in the
 * trash for NOTEBOOK_TRASH_DAYS and is purged after that.
 */

export const NOTEBOOK_TRASH_DAYS = 30;

/** A cell as the editor saves it: everything but the output. */
export interface NotebookCellDraft {
  id: string;
  kind: NotebookCellKind;
  source: string;
  settings: object;
}

export class NotebookNotFoundError extends Error {
  override readonly name = "NotebookNotFoundError";
}

type CellRow = {
  id: string;
  position: number;
  kind: string;
  source: string;
  settings: Prisma.JsonValue;
  output: Prisma.JsonValue | null;
  provenance: Prisma.JsonValue | null;
};

function cellOf(row: CellRow): NotebookCell {
  // Rows are written only through saveNotebookCells and recordCellRun, which validate them.
  return {
    id: row.id,
    kind: row.kind,
    position: row.position,
    source: row.source,
    settings: (row.settings ?? {}) as object,
    output: (row.output ?? null) as NotebookCellOutput | null,
    provenance: (row.provenance ?? null) as CellProvenance | null,
  } as NotebookCell;
}

const CELL_SELECT = { id: true, position: true, kind: true, source: true, settings: true, output: true, provenance: true } as const;

/** Every notebook, or with `ownerId` that user's only. */
export async function listNotebooks(prisma: PrismaClient, now = new Date(), filter: { ownerId?: string } = {}): Promise<NotebookListing[]> {
  await purgeExpiredNotebooks(prisma, now);
  const rows = await prisma.notebook.findMany({
    where: filter.ownerId ? { ownerId: filter.ownerId } : {},
    orderBy: [{ updatedAt: "desc" }],
    select: { id: true, title: true, createdAt: true, updatedAt: true, deletedAt: true, _count: { select: { cells: true } } },
  });
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    cellCount: row._count.cells,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    deletedAt: row.deletedAt?.toISOString() ?? null,
  }));
}

/** Removes notebooks deleted more than NOTEBOOK_TRASH_DAYS ago, with their cells. */
export async function purgeExpiredNotebooks(prisma: PrismaClient, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - NOTEBOOK_TRASH_DAYS * 86_400_000);
  const { count } = await prisma.notebook.deleteMany({ where: { deletedAt: { lt: cutoff } } });
  return count;
}

/** Who owns the notebook (null for one made before notebooks had owners); null when it does not exist, in the trash or not. */
export async function findNotebookOwner(prisma: PrismaClient, id: string): Promise<{ ownerId: string | null } | null> {
  return prisma.notebook.findUnique({ where: { id }, select: { ownerId: true } });
}

/** The notebook with its cells in order; null when it does not exist or is in the trash (unless `includeDeleted`). */
export async function readNotebook(prisma: PrismaClient, id: string, options: { includeDeleted?: boolean } = {}): Promise<NotebookDocument | null> {
  const row = await prisma.notebook.findUnique({
    where: { id },
    select: { id: true, title: true, createdAt: true, updatedAt: true, deletedAt: true, cells: { orderBy: { position: "asc" }, select: CELL_SELECT } },
  });
  if (!row || (row.deletedAt && !options.includeDeleted)) return null;
  return {
    id: row.id,
    title: row.title,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    cells: row.cells.map(cellOf),
  };
}

export async function createNotebook(prisma: PrismaClient, title: string, cells: readonly NotebookCellDraft[] = [], ownerId?: string): Promise<string> {
  return prisma.$transaction(async (tx) => {
    const notebook = await tx.notebook.create({ data: { title, ...(ownerId ? { ownerId } : {}) }, select: { id: true } });
    if (cells.length > 0) {
      await tx.notebookCell.createMany({
        data: cells.map((cell, index) => ({
          id: cell.id,
          notebookId: notebook.id,
          position: index,
          kind: cell.kind,
          source: cell.source,
          settings: cell.settings as Prisma.InputJsonValue,
        })),
      });
    }
    return notebook.id;
  });
}

/** A copy with the same cells, outputs and provenance under new ids; a chart's source cell follows to its copy. */
export async function duplicateNotebook(prisma: PrismaClient, id: string, title: string, newId: () => string, ownerId?: string): Promise<string> {
  return prisma.$transaction(async (tx) => {
    const source = await tx.notebook.findFirst({ where: { id, deletedAt: null }, select: { cells: { orderBy: { position: "asc" }, select: CELL_SELECT } } });
    if (!source) throw new NotebookNotFoundError(`notebook ${id} does not exist`);
    const ids = new Map(source.cells.map((cell) => [cell.id, newId()]));
    const notebook = await tx.notebook.create({ data: { title, ...(ownerId ? { ownerId } : {}) }, select: { id: true } });
    await tx.notebookCell.createMany({
      data: source.cells.map((cell, index) => ({
        id: ids.get(cell.id)!,
        notebookId: notebook.id,
        position: index,
        kind: cell.kind,
        source: cell.source,
        settings: remapChartSource(cell.settings, ids) as Prisma.InputJsonValue,
        output: cell.output === null ? Prisma.DbNull : (cell.output as Prisma.InputJsonValue),
        provenance: cell.provenance === null ? Prisma.DbNull : (cell.provenance as Prisma.InputJsonValue),
      })),
    });
    return notebook.id;
  });
}

function remapChartSource(settings: Prisma.JsonValue, ids: ReadonlyMap<string, string>): Prisma.JsonValue {
  if (!settings || typeof settings !== "object" || Array.isArray(settings)) return settings;
  const sourceCellId = (settings as { sourceCellId?: unknown }).sourceCellId;
  if (typeof sourceCellId !== "string" || !ids.has(sourceCellId)) return settings;
  return { ...settings, sourceCellId: ids.get(sourceCellId)! };
}

/** Renames; false when the notebook does not exist or is in the trash. */
export async function renameNotebook(prisma: PrismaClient, id: string, title: string): Promise<boolean> {
  const { count } = await prisma.notebook.updateMany({ where: { id, deletedAt: null }, data: { title } });
  return count === 1;
}

/**
 * Moves to the trash (true) or restores from it (false); false when there was
 * nothing to change. `audit` is recorded in the same transaction, only when
 * something changed.
 */
export async function setNotebookDeleted(prisma: PrismaClient, id: string, deleted: boolean, now = new Date(), audit?: AuditEventInput): Promise<boolean> {
  const { count } = await prisma.$transaction(async (tx) => {
    const changed = await tx.notebook.updateMany({
      where: { id, deletedAt: deleted ? null : { not: null } },
      data: { deletedAt: deleted ? now : null },
    });
    if (audit && changed.count > 0) await recordAuditEvent(tx, audit);
    return changed;
  });
  return count === 1;
}

/**
 * Saves the cell list as the editor has it, in one transaction: cells absent
 * from the list are removed, new ones created, the rest updated in place and
 * renumbered. An existing cell keeps its output unless its kind changed.
 */
export async function saveNotebookCells(prisma: PrismaClient, notebookId: string, cells: readonly NotebookCellDraft[]): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const notebook = await tx.notebook.findFirst({ where: { id: notebookId, deletedAt: null }, select: { id: true } });
    if (!notebook) throw new NotebookNotFoundError(`notebook ${notebookId} does not exist`);
    const existing = new Map((await tx.notebookCell.findMany({ where: { notebookId }, select: { id: true, kind: true } })).map((row) => [row.id, row.kind]));
    const keep = new Set(cells.map((cell) => cell.id));
    const gone = [...existing.keys()].filter((id) => !keep.has(id));
    if (gone.length > 0) await tx.notebookCell.deleteMany({ where: { notebookId, id: { in: gone } } });
    for (const [position, cell] of cells.entries()) {
      const settings = cell.settings as Prisma.InputJsonValue;
      const kind = existing.get(cell.id);
      if (kind === undefined) {
        await tx.notebookCell.create({ data: { id: cell.id, notebookId, position, kind: cell.kind, source: cell.source, settings } });
      } else {
        const changedKind = kind !== cell.kind;
        await tx.notebookCell.update({
          where: { id: cell.id },
          data: {
            position,
            kind: cell.kind,
            source: cell.source,
            settings,
            ...(changedKind ? { output: Prisma.DbNull, provenance: Prisma.DbNull, ranAt: null } : {}),
          },
        });
      }
    }
    await tx.notebook.update({ where: { id: notebookId }, data: { updatedAt: new Date() } });
  });
}

/** Stores a run's output and provenance; false when the cell no longer exists. */
export async function recordCellRun(
  prisma: PrismaClient,
  notebookId: string,
  cellId: string,
  run: { output: NotebookCellOutput; provenance: CellProvenance },
): Promise<boolean> {
  const { count } = await prisma.notebookCell.updateMany({
    where: { id: cellId, notebookId },
    data: { output: run.output as unknown as Prisma.InputJsonValue, provenance: run.provenance as unknown as Prisma.InputJsonValue, ranAt: new Date(run.provenance.ranAt) },
  });
  return count === 1;
}

export async function clearNotebookOutputs(prisma: PrismaClient, notebookId: string): Promise<number> {
  const { count } = await prisma.notebookCell.updateMany({
    where: { notebookId, notebook: { deletedAt: null } },
    data: { output: Prisma.DbNull, provenance: Prisma.DbNull, ranAt: null },
  });
  return count;
}
